"""Whatever an editor typed (or a source's title held) reaches the page as text, never as
markup: a record full of script and image tags shows them escaped on every page."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from issues import services
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)
from tests.pages import PAGES, fragment, page, urls

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE = f"{SCRIPT} {IMAGE}"

# What each page shows of the hostile record.
SHOWS_IT = {"home", "compare", "round", "issue", "person", "party", "statements"}


@pytest.fixture
def hostile(django_capture_on_commit_callbacks):
    """A record whose free text is all markup, published, with its issue's timeline built."""
    process = ProcessFactory()
    RoundFactory(process=process, start_date=datetime.date(2026, 1, 10), end_date=datetime.date(2026, 1, 10))
    talk_round = RoundFactory(process=process)
    issue = IssueFactory(process=process)
    party, person = PartyFactory(), PersonFactory()
    source = SourceFactory(title=HOSTILE, url=f'https://example.org/report?q="{SCRIPT}')
    DelegationFactory(round=talk_round, party=party, note=HOSTILE)
    with django_capture_on_commit_callbacks(execute=True):
        StatementFactory(
            process=process,
            round=talk_round,
            speaker=person,
            party=party,
            language="ru",
            text=HOSTILE,
            translation=HOSTILE,
            issues=[issue],
            sources=[source],
            publish=True,
        )
        StatementFactory(
            process=process,
            round=talk_round,
            speaker=None,
            speaker_description=HOSTILE,
            speaker_title=HOSTILE,
            party=party,
            text="Said by someone unnamed.",
            issues=[issue],
            sources=[source],
            publish=True,
        )
        AgreementFactory(
            process=process,
            round=talk_round,
            terms=HOSTILE,
            parties=[party, PartyFactory()],
            issues=[issue],
            sources=[source],
            publish=True,
        )
        IssueStatusFactory(issue=issue, round=talk_round, summary=HOSTILE, sources=[source], publish=True)
        PositionFactory(issue=issue, party=party, round=talk_round, text=HOSTILE, sources=[source], publish=True)
    return urls(process=process, talk_round=talk_round, issue=issue, person=person, party=party)


def assert_escaped(markup: str, *, shown: bool = True) -> None:
    assert "<script>alert" not in markup
    assert "<img src=x onerror" not in markup
    if shown:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
        assert "&lt;img src=x onerror=alert(1)&gt;" in markup


@pytest.mark.parametrize("name", PAGES)
def test_every_page_shows_the_markup_in_a_record_as_text(client, hostile, name):
    assert_escaped(page(client, hostile[name]), shown=name in SHOWS_IT)


def test_the_issue_timeline_shows_the_markup_of_every_entry_as_text(client, hostile):
    markup = page(client, hostile["issue"])
    timeline = markup[markup.index('<section aria-labelledby="timeline">') :]
    assert "being rebuilt" not in timeline
    assert timeline.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5  # statements, agreement, status, position
    assert_escaped(timeline)


def test_a_source_link_stays_one_attribute(client, hostile):
    markup = page(client, hostile["round"])
    assert 'href="https://example.org/report?q=&quot;&lt;script&gt;alert(1)&lt;/script&gt;"' in markup


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_a_source_link_that_would_run_script_is_refused_before_it_reaches_a_page(url):
    with pytest.raises(ValidationError) as refused:
        SourceFactory(url=url)
    assert "url" in refused.value.message_dict


def test_the_search_words_are_shown_back_as_text(client, hostile):
    markup = page(client, f"{hostile['statements']}?q={HOSTILE}")
    assert_escaped(markup)
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"' in markup


def test_a_bad_filter_value_is_never_shown_back_as_markup(client, hostile):
    response = client.get(hostile["statements"], {"round": IMAGE, "speaker": SCRIPT, "date_from": SCRIPT})
    assert response.status_code == 400
    assert_escaped(response.content.decode(), shown=False)


def test_compare_names_a_round_it_does_not_know_as_text(client, hostile):
    response = client.get(hostile["compare"], {"from": SCRIPT, "to": IMAGE})
    assert response.status_code == 400
    markup = response.content.decode()
    assert_escaped(markup)
    assert "“&lt;script&gt;alert(1)&lt;/script&gt;” is not a round of" in markup


def test_an_editor_sees_the_markup_in_a_draft_as_text(client, editor, reviewer):
    """Drafts reach editors' pages only, and there too as text: their words, their sources,
    the record a correction corrects and a reviewer's note."""
    talk_round = RoundFactory()
    issue = IssueFactory(process=talk_round.process)
    party, person = PartyFactory(name=HOSTILE), PersonFactory()
    source = SourceFactory(title=HOSTILE)
    at = {"round": talk_round, "sources": [source], "by": editor}
    said = {"process": talk_round.process, "speaker": person, "party": party, "issues": [issue]}
    published = StatementFactory(**said, round=talk_round, text=HOSTILE, publish=True)
    correction = services.correction_start(published, by=editor)
    correction.speaker_title = HOSTILE
    services.statement_save(correction, by=editor)
    services.draft_send_back(correction, by=reviewer, note=HOSTILE)
    StatementFactory(**said, **at, text=f"{HOSTILE} (a second draft)")
    IssueStatusFactory(issue=issue, summary=HOSTILE, **at)
    PositionFactory(issue=issue, party=party, stance=HOSTILE, text=HOSTILE, **at)
    AgreementFactory(process=talk_round.process, title=HOSTILE, terms=HOSTILE, parties=[party], issues=[issue], **at)
    client.force_login(editor)
    for name, url in urls(
        process=talk_round.process, talk_round=talk_round, issue=issue, person=person, party=party
    ).items():
        markup = page(client, url)
        assert_escaped(markup, shown=False)
        if name in ("round", "issue", "person", "party"):
            assert_escaped(fragment(markup, "drafts"))
            assert "<strong>Sent back:</strong> &lt;script&gt;alert(1)&lt;/script&gt;" in markup
