"""The pages show the public record to everyone: never a draft, not even to the editor who
wrote it; withdrawn and superseded records only with their correction notice. And every
page tells caches to check back, per signed-in reader, answering 304 while nothing changed."""

import datetime
import re

import pytest
from django.utils import timezone

from issues import rebuild, services
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    services_by_model,
)
from tests.pages import PAGES, fragment, in_order, page, section, text, urls

pytestmark = pytest.mark.django_db

PERSONAS = [None, "analyst", "outsider", "editor", "reviewer", "admin_user"]
DRAFT = "UNPUBLISHED"
WITHDRAWN_ON = datetime.date(2026, 2, 20)


def sign_in(client, request, persona):
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))


def without_legend(markup: str) -> str:
    """The page without the legend of the status words and their definitions."""
    return re.sub(r'<ul class="legend".*?</ul>|<details class="no-print">.*?</details>', "", markup, flags=re.S)


def revise(record, *, by, **changes):
    """A correction of a published record, saved as a draft with `changes`."""
    draft = services.correction_start(record, by=by)
    for name, value in changes.items():
        setattr(draft, name, value)
    save, _ = services_by_model()[type(record)]
    save(draft, by=by)
    return draft


class Record:
    """A process with two rounds: published records, and drafts of every kind beside them."""

    def __init__(self, editor):
        self.process = ProcessFactory()
        self.first = RoundFactory(
            process=self.process, start_date=datetime.date(2026, 1, 10), end_date=datetime.date(2026, 1, 10)
        )
        self.round = RoundFactory(process=self.process)
        self.issue = IssueFactory(process=self.process, name="Territory", sort_order=1)
        self.other_issue = IssueFactory(process=self.process, name="Monitoring", sort_order=2)
        self.party, self.person = PartyFactory(name="Ruritania"), PersonFactory(name="Anna Envoy")
        MembershipFactory(delegation=DelegationFactory(round=self.round, party=self.party), person=self.person)
        at_round = {"process": self.process, "round": self.round, "speaker": self.person, "party": self.party}
        self.statement = StatementFactory(**at_round, text="The published words.", issues=[self.issue], publish=True)
        self.status = IssueStatusFactory(issue=self.issue, round=self.round, status="progress", publish=True)
        self.position = PositionFactory(issue=self.issue, party=self.party, round=self.round, publish=True)
        self.agreement = AgreementFactory(
            process=self.process, round=self.round, parties=[self.party, PartyFactory()], publish=True
        )
        # Drafts: new records, and corrections of the published ones, by an editor.
        by = {"by": editor}
        StatementFactory(**at_round, text=f"{DRAFT} words.", issues=[self.issue, self.other_issue], **by)
        IssueStatusFactory(issue=self.other_issue, round=self.round, status="agreed", summary=DRAFT, **by)
        IssueStatusFactory(issue=self.issue, round=self.first, status="collapsed", summary=DRAFT, **by)
        PositionFactory(issue=self.other_issue, party=self.party, round=self.round, stance=DRAFT, **by)
        AgreementFactory(process=self.process, round=self.round, title=f"{DRAFT} deal", parties=[self.party], **by)
        revise(self.statement, by=editor, text=f"{DRAFT} correction.")
        revise(self.status, by=editor, status="implemented", summary=DRAFT)
        revise(self.position, by=editor, stance=f"{DRAFT} stance")
        revise(self.agreement, by=editor, terms=f"{DRAFT} terms")

    def urls(self):
        return urls(process=self.process, talk_round=self.round, issue=self.issue, person=self.person, party=self.party)


@pytest.fixture
def record(editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        built = Record(editor)
    return built


# --- drafts ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda persona: persona or "anonymous")
def test_no_page_shows_a_draft_to_anyone(client, request, record, persona):
    sign_in(client, request, persona)
    for name, url in record.urls().items():
        markup = page(client, url)
        assert DRAFT not in markup, name
        # Nor a trace of one: no status that only drafts give (the legend names them all).
        assert not re.search(r"(cell|status)-(agreed|implemented|collapsed)\b", without_legend(markup)), name
    issue_page = page(client, f"/issues/{record.other_issue.slug}/")
    assert DRAFT not in issue_page
    assert "No published assessment yet." in section(issue_page, "current")
    assert "being rebuilt" not in issue_page


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda persona: persona or "anonymous")
def test_drafts_count_for_nothing_on_the_pages(client, request, record, persona):
    sign_in(client, request, persona)
    round_page = page(client, f"/rounds/{record.round.slug}/")
    assert "1 statement at this round." in section(round_page, "statements")
    assert section(round_page, f"issue-{record.other_issue.slug}").endswith("not assessed Not assessed at this round.")
    assert "1 statement on record." in section(page(client, f"/people/{record.person.slug}/"), "statements")
    assert section(page(client, f"/statements/?q={DRAFT}"), "results") == "0 statements found"
    assert section(page(client, f"/statements/?issue={record.other_issue.slug}"), "results") == "0 statements found"
    assert "No party position recorded yet." in section(
        page(client, f"/issues/{record.other_issue.slug}/"), "positions"
    )


# --- corrections ---------------------------------------------------------------------------


def test_a_withdrawn_statement_shows_only_with_its_notice(client, reviewer, django_capture_on_commit_callbacks):
    issue = IssueFactory()
    RoundFactory(process=issue.process, start_date=datetime.date(2026, 1, 10), end_date=datetime.date(2026, 1, 10))
    statement = StatementFactory(process=issue.process, text="Words we got wrong.", issues=[issue], publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(statement, by=reviewer, note="Misattributed.", on_date=WITHDRAWN_ON)
    talk_round, person = statement.round, statement.speaker
    pages = urls(process=issue.process, talk_round=talk_round, issue=issue, person=person, party=PartyFactory())

    for name in ["home", "round", "person", "statements", "compare"]:
        markup = page(client, pages[name])
        assert markup.count("Words we got wrong.") == 1, name
        card = text(fragment(markup, f"statement-{statement.uuid}"))
        assert "Words we got wrong." in card
        assert card.endswith("Withdrawn on 20 Feb 2026: Misattributed."), name
    timeline = section(page(client, pages["issue"]), "timeline")
    assert "correction · 20 Feb 2026 Withdrawn on 20 Feb 2026: the statement" in timeline
    assert "Misattributed." in timeline
    assert "statement · 18 Feb 2026" not in timeline


def test_a_withdrawn_status_leaves_only_a_notice_where_it_stood(client, reviewer):
    talk_round = RoundFactory()
    issue = IssueFactory(process=talk_round.process)
    status = IssueStatusFactory(issue=issue, round=talk_round, status="agreed", publish=True)
    services.withdraw(status, by=reviewer, note="No agreement was announced.", on_date=WITHDRAWN_ON)

    row = section(page(client, f"/rounds/{talk_round.slug}/"), f"issue-{issue.slug}")
    assert row == (
        f"{issue.name} not assessed Assessed as agreed: Withdrawn on 20 Feb 2026: No agreement was announced."
    )
    for url in ["/", f"/processes/{talk_round.process.slug}/"]:
        assert "cell-agreed" not in page(client, url)
    assert "No published assessment yet." in section(page(client, f"/issues/{issue.slug}/"), "current")


def test_a_superseded_status_shows_as_corrected_beside_its_correction(client, reviewer):
    talk_round = RoundFactory()
    issue = IssueFactory(process=talk_round.process)
    status = IssueStatusFactory(issue=issue, round=talk_round, status="agreed", summary="First reading.", publish=True)
    correction = revise(status, by=reviewer, status="progress", summary="Second reading.")
    services.publish(correction, by=reviewer)
    today = timezone.localdate()

    row = section(page(client, f"/rounds/{talk_round.slug}/"), f"issue-{issue.slug}")
    assert row.startswith(f"{issue.name} progress ● new Second reading.")
    assert row.endswith(f"Corrected on {today.day} {today:%b %Y}: a correction replaced this record.")
    assert "First reading." not in row
    assert "cell-progress" in page(client, "/") and "cell-agreed" not in page(client, "/")


def test_a_superseded_position_shows_as_corrected_and_its_correction_as_current(client, reviewer):
    position = PositionFactory(stance="holds firm", publish=True)
    services.publish(revise(position, by=reviewer, stance="softens its stance"), by=reviewer)
    today = timezone.localdate()

    party = section(page(client, f"/parties/{position.party.slug}/"), "positions")
    assert in_order(
        party,
        f"softens its stance · {position.round} · current",
        f"holds firm · {position.round} Source:",
        f"Corrected on {today.day} {today:%b %Y}: a correction replaced this record.",
    )
    assert party.count("current") == 1
    issue = section(page(client, f"/issues/{position.issue.slug}/"), "positions")
    assert "softens its stance" in issue
    assert "holds firm" not in issue


def test_a_withdrawn_agreement_shows_only_with_its_notice(client, reviewer):
    agreement = AgreementFactory(title="A deal that was not", publish=True)
    services.withdraw(agreement, by=reviewer, note="Denied by both sides.", on_date=WITHDRAWN_ON)
    for url in ["/", f"/rounds/{agreement.round.slug}/"]:
        card = text(fragment(page(client, url), f"agreement-{agreement.uuid}"))
        assert card.startswith("A deal that was not")
        assert card.endswith("Withdrawn on 20 Feb 2026: Denied by both sides.")


# --- caching ---------------------------------------------------------------------------


@pytest.fixture
def small_record():
    issue = IssueFactory()
    statement = StatementFactory(process=issue.process, issues=[issue], party=PartyFactory(), publish=True)
    RoundFactory(process=statement.process, start_date=datetime.date(2026, 1, 10), end_date=datetime.date(2026, 1, 10))
    IssueStatusFactory(issue=statement.issues.get(), round=statement.round, publish=True)
    return statement, urls(
        process=statement.process,
        talk_round=statement.round,
        issue=statement.issues.get(),
        person=statement.speaker,
        party=statement.party,
    )


@pytest.mark.parametrize("name", PAGES)
def test_a_page_tells_every_cache_to_check_back_and_to_keep_it_per_reader(client, analyst, small_record, name):
    url = small_record[1][name]
    anonymous = client.get(url)
    assert set(re.split(r",\s*", anonymous["Cache-Control"])) == {"no-cache"}
    assert "Cookie" in re.split(r",\s*", anonymous["Vary"])
    client.force_login(analyst)
    signed_in = client.get(url)
    assert set(re.split(r",\s*", signed_in["Cache-Control"])) == {"no-cache", "private"}
    assert "Cookie" in re.split(r",\s*", signed_in["Vary"])


@pytest.mark.parametrize("name", PAGES)
def test_a_page_answers_304_until_something_is_published(client, reviewer, small_record, name):
    statement, pages = small_record
    first = client.get(pages[name])
    assert first.status_code == 200
    etag = first["ETag"]

    again = client.get(pages[name], HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "no-cache" in again["Cache-Control"]

    services.publish(StatementFactory(process=statement.process, round=statement.round), by=reviewer)
    after = client.get(pages[name], HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after["ETag"] != etag


def test_a_reader_who_signs_in_does_not_reuse_the_anonymous_copy(client, editor, small_record):
    url = small_record[1]["home"]
    etag = client.get(url)["ETag"]
    client.force_login(editor)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert 'href="/admin/"' in response.content.decode()


def test_an_issue_page_changes_its_etag_when_its_timeline_falls_behind(client, small_record):
    statement, pages = small_record
    rebuild.rebuild_issue(statement.issues.get().pk)
    etag = client.get(pages["issue"])["ETag"]
    assert client.get(pages["issue"], HTTP_IF_NONE_MATCH=etag).status_code == 304
    rebuild.mark([statement.issues.get().pk])
    response = client.get(pages["issue"], HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "being rebuilt" in response.content.decode()


def test_sources_are_cited_on_a_published_record_only(client):
    """A draft's source is no public fact: a source cited only by a draft is not shown."""
    secret = SourceFactory(outlet=f"{DRAFT} outlet")
    talk_round = RoundFactory()
    StatementFactory(process=talk_round.process, round=talk_round, sources=[secret])
    assert DRAFT not in page(client, f"/rounds/{talk_round.slug}/")
