"""Statements: their drafts, the rules on their dates and duplicates, and their links to
the agenda issues they concern."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from delegations.models import Membership
from issues.models import Issue, PublicationState, Statement, StatementIssue
from issues.services.drafts import issues_outside_process, refuse_unless_draft, save_draft
from negotrack.records import User, delete_record, save_record
from rounds.dates import date_errors, span_end
from rounds.models import Source

# A statement this many days away from its round's dates needs the editor's confirmation.
ROUND_DATE_TOLERANCE_DAYS = 30


def statement_date_warning(statement: Statement) -> str | None:
    """Why a statement's date needs the editor's confirmation, if it does."""
    talk_round = statement.round if statement.round_id else None
    if not talk_round or not talk_round.start_date or not statement.date:
        return None
    if date_errors(statement.date, statement.date_precision, allow_future=False):
        return None  # an impossible date is refused for what it is, confirmed or not
    first, last = talk_round.start_date, talk_round.end_date or talk_round.start_date
    span_last = span_end(statement.date, statement.date_precision)
    tolerance = datetime.timedelta(days=ROUND_DATE_TOLERANCE_DAYS)
    if span_last < first - tolerance or statement.date > last + tolerance:
        return (
            f"This date is more than {ROUND_DATE_TOLERANCE_DAYS} days from the round ({talk_round.date_label}). "
            "Confirm the date if it is right."
        )
    return None


def statement_party_warning(statement: Statement) -> str | None:
    """Why a named speaker's party needs the editor's confirmation, if it does: no
    delegation of that party on record ever counted them, so the party is likely left over
    from another speaker (a row whose speaker was changed) or picked by mistake. Asked
    once: a speaker and party kept from the statement as saved, or from the one a
    correction revises, were accepted then."""
    if not statement.speaker_id or not statement.party_id:
        return None  # an unnamed official speaks for whatever side the report says
    if _speaker_and_party_kept(statement):
        return None
    held = Membership.objects.filter(person_id=statement.speaker_id).values_list("delegation__party__name", flat=True)
    parties = sorted(set(held))
    party = statement.party
    if party is None or party.name in parties:
        return None
    speaker = statement.speaker
    on_record = f"on record only for {', '.join(parties)}" if parties else "in no delegation on record"
    return (
        f"{speaker.name if speaker else 'The speaker'} never sat in a delegation of {party.name} ({on_record}). "
        "Pick the party they spoke for, or confirm the party if it is right."
    )


def _speaker_and_party_kept(statement: Statement) -> bool:
    earlier = [pk for pk in (statement.pk, statement.revises_id) if pk]
    same = {"speaker_id": statement.speaker_id, "party_id": statement.party_id}
    return bool(earlier) and Statement.objects.filter(pk__in=earlier, **same).exists()


def _said_alike(text: str) -> str:
    return " ".join(text.split())


def statements_with_words(texts: Iterable[str]) -> dict[str, Statement]:
    """The statements recorded, as drafts or published, at any round, whose text is one of
    `texts` (spacing aside), by their words with single spaces: one query, none for no
    text. A proposal from a report says so, and a form does not save them twice."""
    texts = list(texts)
    wanted = {text.strip() for text in texts} | {_said_alike(text) for text in texts}
    if not wanted:
        return {}
    same = Statement.objects.filter(
        text__in=wanted, state__in=[PublicationState.DRAFT, PublicationState.PUBLISHED]
    ).only("uuid", "text", "state")
    return {_said_alike(statement.text): statement for statement in same.order_by("pk")}


def statement_duplicate(statement: Statement) -> Statement | None:
    """A statement already recorded, in draft or on the public record, with the same
    speaker, date and text (spacing aside); a correction does not duplicate what it revises."""
    if not statement.date or not statement.text:
        return None
    if statement.speaker_id:
        same = Statement.objects.filter(speaker_id=statement.speaker_id)
    elif statement.speaker_description.strip():
        same = Statement.objects.filter(
            speaker__isnull=True, speaker_description__iexact=statement.speaker_description.strip()
        )
    else:
        return None
    same = same.filter(date=statement.date, state__in=[PublicationState.DRAFT, PublicationState.PUBLISHED]).exclude(
        pk=statement.pk
    )
    if statement.revises_id:
        same = same.exclude(pk=statement.revises_id).exclude(revises_id=statement.revises_id)
    text = _said_alike(statement.text)
    return next((other for other in same.select_related("round") if _said_alike(other.text) == text), None)


def statement_save(
    statement: Statement,
    *,
    by: User,
    issues: Iterable[Issue] | None = None,
    sources: Iterable[Source] | None = None,
    confirm_date: bool = False,
    confirm_party: bool = False,
    issue_link_uuids: Mapping[int, uuid.UUID] | None = None,
) -> Statement:
    """Save a draft statement, with the issues it concerns (each link a record of its own).

    `confirm_date` and `confirm_party` are the editor's word that a date far from the
    round, or a party the speaker never sat for, is right. `issue_link_uuids` (issue pk ->
    UUID) gives new links their UUIDs, for the importer.
    """
    with transaction.atomic():
        if statement.session_id and not statement.round_id:
            session = statement.session
            if session is not None:  # always, with a session_id
                statement.round_id = session.round_id
        if issues is not None:
            issues = list(issues)
            problem = issues_outside_process(statement.process_id, issues)
            if problem:
                raise ValidationError({"issues": problem})
        _refuse_unconfirmed(statement, confirm_date=confirm_date, confirm_party=confirm_party)
        duplicate = statement_duplicate(statement)
        if duplicate:
            where = f" at {duplicate.round}" if duplicate.round_id else ""
            state = "a draft" if duplicate.state == PublicationState.DRAFT else "on the public record"
            message = (
                f"The same words by the same speaker on {duplicate.date:%-d %B %Y}{where} are already "
                f"recorded ({state}): this would be a duplicate."
            )
            raise ValidationError({"text": ValidationError(message, code="duplicate")})
        save_draft(statement, by=by, m2m={"sources": sources})
        if issues is not None:
            statement_link_issues(statement, issues=issues, by=by, uuids=issue_link_uuids)
    return statement


def _refuse_unconfirmed(statement: Statement, *, confirm_date: bool, confirm_party: bool) -> None:
    """Refuse what needs the editor's word and lacks it, the date and the party at once, so
    that one round trip shows both."""
    unconfirmed: dict[str, ValidationError] = {}
    checks = (("date", confirm_date, statement_date_warning), ("party", confirm_party, statement_party_warning))
    for field, confirmed, warning_of in checks:
        warning = None if confirmed else warning_of(statement)
        if warning:
            unconfirmed[field] = ValidationError(warning, code=f"confirm_{field}")
    if unconfirmed:
        raise ValidationError(unconfirmed)


def statement_link_issues(
    statement: Statement, *, issues: Iterable[Issue], by: User, uuids: Mapping[int, uuid.UUID] | None = None
) -> None:
    """Make the statement's issue links exactly `issues`, one link record each; a new link
    takes its UUID from `uuids` (issue pk -> UUID) when given there."""
    refuse_unless_draft(statement, "relinked")
    wanted = {issue.pk: issue for issue in issues}
    links = {link.issue_id: link for link in statement.issue_links.all()}
    for issue_id, link in links.items():
        if issue_id not in wanted:
            delete_record(link, by=by)
    for issue_id, issue in wanted.items():
        if issue_id not in links:
            link = StatementIssue(statement=statement, issue=issue)
            if uuids and issue_id in uuids:
                link.uuid = uuids[issue_id]
            save_record(link, by=by)
