"""The sheet: all the rows of one after-session entry, checked together and saved all or
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any, TypeAlias

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import QueryDict

from issues.editorial.descriptions import when_label
from issues.editorial.entry.assessment_forms import AgreementRow, PositionRow, StatusRow
from issues.editorial.entry.forms import ON_RECORD, BaseRow, NewRows, StatementRow, cited_choices
from issues.editorial.entry.offer import Offer
from issues.editorial.entry.source_rows import SourceRow
from issues.editorial.markup import DrawnFormSet
from issues.models import Issue, IssueStatus, PublicationState, Publishable
from issues.services.issues import LATEST_FIRST
from issues.services.statements import statements_with_words
from negotrack.records import RecordLocked, User, VersionConflict
from rounds.models import Source

# Blank rows the form opens with, per kind; "another row" adds one at a time.
OPENING_ROWS = {"sources": 2, "statements": 3, "positions": 1, "agreements": 1}
MOST_ROWS = 60


# The rows of a section are of different classes: a formset's rows are typed loosely.
Rows: TypeAlias = "forms.BaseFormSet[Any]"

# What the rows show of the statuses beside them (and the token of what was seen), read
# alone: the rest of forty statuses and their rounds cost more to load than all of this.
SHOWN_BESIDE = (
    "uuid",
    "version",
    "issue",
    "state",
    "status",
    "date",
    "date_precision",
    "round__city",
    "round__start_date",
    "round__end_date",
)

SECTIONS: dict[str, tuple[type[BaseRow], type[Rows], str]] = {
    "sources": (SourceRow, NewRows, "Source"),
    "statements": (StatementRow, NewRows, "Statement"),
    "statuses": (StatusRow, DrawnFormSet, "Status of"),
    "positions": (PositionRow, NewRows, "Position"),
    "agreements": (AgreementRow, NewRows, "Agreement"),
}


class Sheet:
    """The rows of one after-session entry: the sources it cites, then its statements,
    statuses, positions and agreements."""

    def __init__(
        self,
        offer: Offer,
        data: QueryDict | None = None,
        *,
        typed: dict[str, list[dict[str, Any]]] | None = None,
        more: str = "",
    ) -> None:
        self.offer = offer
        if data is not None:
            data = data.copy()  # a stale status row is given the statuses it sees now
        typed = typed or {}
        self.formsets: dict[str, Rows] = {}
        cited = cited_choices([])  # the source rows cite nothing
        for prefix, (row, base, _) in SECTIONS.items():
            if prefix == "statuses":  # one row an issue
                initial = typed.get(prefix) or self.status_rows()
                extra, most = 0, max(len(offer.issues), 1)
            else:
                initial = typed.get(prefix, [])
                extra = (len(initial) + (1 if more == prefix else 0)) if typed else OPENING_ROWS[prefix]
                most = MOST_ROWS
            formset = forms.formset_factory(row, formset=base, extra=extra, max_num=most, absolute_max=most)
            kwargs = {"offer": offer, "source_choices": cited}
            self.formsets[prefix] = formset(data, initial=initial, prefix=prefix, form_kwargs=kwargs)
            if prefix == "sources":
                cited = cited_choices([form.label() for form in self.formsets[prefix].forms])

    def status_rows(self) -> list[dict[str, str]]:
        return [{"issue": key, "seen": self.seen.get(key, "")} for key in self.offer.issues]

    @cached_property
    def seen(self) -> dict[str, str]:
        """Per issue, the statuses an editor sees beside its row (the last assessed one, and
        drafts at this round), as a token that changes when any of them does."""
        return {
            key: " ".join(f"{status.uuid}:{status.version}" for status in shown) for key, shown in self.beside.items()
        }

    @cached_property
    def beside(self) -> dict[str, list[IssueStatus]]:
        """Per issue, its last assessed status up to this round, then its drafts at the round:
        one query, whatever the number of rounds on record (the two sets in a UNION, each
        read through an index, where OR-ed conditions read every status)."""
        talk_round, process = self.offer.round, self.offer.process
        last = IssueStatus.objects.published().filter(issue=OuterRef("pk"))
        if talk_round.effective_date:
            last = last.filter(effective_date__lte=talk_round.effective_date)
        last_pk = last.order_by(*LATEST_FIRST).values("pk")[:1]
        last_of_each = Issue.objects.filter(process=process).annotate(last=Subquery(last_pk)).values("last")
        drafts = IssueStatus.objects.filter(state=PublicationState.DRAFT, round=talk_round, issue__process=process)
        # Unordered: SQLite takes no ORDER BY in a part of a UNION.
        shown = last_of_each.order_by().union(drafts.order_by().values("pk"), all=True)
        statuses = (
            IssueStatus.objects.filter(pk__in=shown)
            .select_related("round")
            .only(*SHOWN_BESIDE)
            .order_by("issue_id", "-state", "created_at", "id")  # "published" sorts before "draft"
        )
        beside: dict[str, list[IssueStatus]] = {key: [] for key in self.offer.issues}
        for status in statuses:
            beside.setdefault(str(status.issue_id), []).append(status)
        return beside

    def status_lines(self) -> Iterator[tuple[Any, Issue | None, list[IssueStatus]]]:
        """Each status row with its issue and the statuses shown beside it."""
        beside = self.beside
        for form in self.formsets["statuses"].forms:
            key = str(form["issue"].value())
            yield form, self.offer.issues.get(key), beside.get(key, [])

    def sections(self) -> Iterator[tuple[str, str, Rows]]:
        for prefix, (_, _, label) in SECTIONS.items():
            yield prefix, label, self.formsets[prefix]

    def rows(self) -> Iterator[tuple[str, str, Any]]:
        for prefix, label, formset in self.sections():
            for number, form in enumerate(formset.forms, start=1):
                if prefix == "statuses":
                    issue = self.offer.issues.get(str(form["issue"].value()))
                    name = f"{label} {issue.name}" if issue else f"{label} an unknown issue"
                else:
                    name = f"{label} {number}"
                yield f"{prefix}-{number - 1}", name, form

    def typed(self, *, without: str = "") -> dict[str, list[dict[str, Any]]]:
        """What was typed in each row, to open the form again with it; `without` names a
        row to leave out ("statements-2"), and the rows citing a source left out cite the
        sources after it by their new numbers."""
        typed = {
            prefix: [
                {name: form[name].data for name in form.fields}
                for form in formset.forms
                if form.prefix != without or prefix == "statuses"  # a status row is one an issue
            ]
            for prefix, formset in self.formsets.items()
        }
        if without.startswith("sources-") and without in {form.prefix for form in self.formsets["sources"].forms}:
            gone = int(without.rsplit("-", 1)[1]) + 1
            for rows in typed.values():
                for row in rows:
                    if "sources" in row:
                        row["sources"] = _renumbered(row["sources"], gone)
        return typed

    def is_valid(self) -> bool:
        valid = all([formset.is_valid() for formset in self.formsets.values()])
        repeats = self.check_repeats()
        once = self.check_proposals_once()
        return self.check_seen() and valid and repeats and once

    def check_repeats(self) -> bool:
        """A statement row that says what an earlier row says (the same speaker, day and
        words) is refused as a repeat, before anything is saved."""
        first: dict[tuple[Any, ...], int] = {}
        alone = True
        for form in self.formsets["statements"].forms:
            said = form.said()
            if said is None:
                continue
            if said in first:
                form.add_error("text", f"The same statement as row {first[said]}: enter it once.")
                alone = False
            else:
                first[said] = form.number
        return alone

    def check_proposals_once(self) -> bool:
        """A proposal ticked whose words are on record already (a draft or published, at
        any round) is refused: a report pasted twice, a form sent twice, or the words saved
        by someone else meanwhile. One query, and none when no proposal is ticked."""
        taken = [
            form
            for form in self.formsets["statements"].forms
            if form.is_proposal and not form.is_blank and form.is_valid()
        ]
        if not taken:
            return True
        on_record = statements_with_words(form.cleaned_data["text"] for form in taken)
        once = True
        for form in taken:
            if " ".join(form.cleaned_data["text"].split()) in on_record:
                form.add_error("take", ON_RECORD)
                once = False
        return once

    def check_seen(self) -> bool:
        """A status row refuses to save over statuses that changed since the form was opened."""
        fresh = True
        for form in self.formsets["statuses"].forms:
            if form.is_blank or not form.is_valid():
                continue
            key = str(form.cleaned_data["issue"].pk)
            if form.cleaned_data["seen"] != self.seen.get(key, ""):
                beside = self.beside.get(key, [])
                now = "; ".join(_status_label(status) for status in beside) or "none"
                form.add_error(
                    "status",
                    f"The statuses of this issue changed while the form was open (now: {now}). "
                    "Check them and save again.",
                )
                form.data[form.add_prefix("seen")] = self.seen.get(key, "")
                fresh = False
        return fresh

    @property
    def row_errors(self) -> list[tuple[str, str, Any]]:
        return [(anchor, name, form) for anchor, name, form in self.rows() if form.errors]

    @property
    def non_form_errors(self) -> list[Any]:
        return [error for formset in self.formsets.values() for error in formset.non_form_errors()]

    def save(self, *, by: User) -> list[Publishable] | None:
        """Every row that is not blank, through its service, all or nothing: None when any
        row was refused (and its errors are on it). Rows the form checks refuse are not sent
        to the services, but the others are, so every refusal shows at once."""
        valid = self.is_valid()
        active = [form for _, _, form in self.rows() if not form.is_blank]
        saved: list[Publishable] = []
        cited: dict[int, Source] = {}
        known: dict[tuple[Any, ...], Source] = {}
        with transaction.atomic():
            for form in active:
                if form.errors:
                    continue
                try:
                    with transaction.atomic():
                        if isinstance(form, SourceRow):
                            cited[form.number] = form.save(by=by, known=known)
                        else:
                            numbers = form.cleaned_data["sources"]
                            sources = [cited[number] for number in numbers if number in cited]
                            saved.append(form.save(by=by, sources=sources))
                except ValidationError as error:
                    form.refuse(error)
                except (RecordLocked, VersionConflict, PermissionDenied) as error:
                    form.add_error(None, str(error))
            if not valid or any(form.errors for form in active):
                transaction.set_rollback(True)
                return None
        return saved


def _renumbered(numbers: list[str] | None, gone: int) -> list[str]:
    """Source numbers picked, once source `gone` is left out: it goes, those after it move up."""
    kept = [int(number) for number in numbers or [] if str(number).isdigit() and int(number) != gone]
    return [str(number - 1 if number > gone else number) for number in kept]


def _status_label(status: IssueStatus) -> str:
    draft = " (draft)" if status.state == PublicationState.DRAFT else ""
    return f"{status.get_status_display()} {when_label(status)}{draft}"
