"""The review queue: who sees it, what it lists and in what order, how a correction shows
beside the record it corrects, and publishing, sending back and withdrawing from it."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from issues.models import IssueStatus, PublicationState, Statement
from issues.services import correction_start, draft_publish, draft_send_back, statement_save
from tests.factories import (
    AgreementFactory,
    IssueFactory,
    IssueStatusFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

QUEUE = "/review/"


def page_text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", text)


def action_url(name, record):
    return reverse(f"review:{name}", kwargs={"kind": record._meta.model_name, "uuid": record.uuid})


def queued(response):
    return [item.record for item in response.context["queue"]]


def item_for(response, record):
    (item,) = [item for item in response.context["queue"] if item.record.uuid == record.uuid]
    return item


def fresh(record):
    return type(record).objects.get(pk=record.pk)


@pytest.fixture
def as_reviewer(client, reviewer):
    client.force_login(reviewer)
    return client


# --- who sees it -----------------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_sign_in(client):
    statement = StatementFactory()
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/?next=")
    assert client.post(action_url("publish", statement), {"expected_version": 1}).status_code == 302
    assert fresh(statement).state == PublicationState.DRAFT


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_signed_in_readers_outside_the_editorial_groups_are_refused(client, request, persona):
    statement = StatementFactory()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 403
    assert client.post(action_url("publish", statement), {"expected_version": 1}).status_code == 403
    assert client.get(action_url("withdraw", statement)).status_code == 403
    assert fresh(statement).state == PublicationState.DRAFT


def test_editors_see_the_queue_read_only_with_a_link_to_the_admin(client, editor):
    statement = StatementFactory(text="Words for review.", by=editor)
    client.force_login(editor)

    response = client.get(QUEUE)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Words for review." in body
    assert reverse("admin:issues_statement_change", args=[statement.pk]) in body
    assert action_url("publish", statement) not in body
    assert action_url("send-back", statement) not in body
    assert ">Publish<" not in body and ">Send back<" not in body
    assert 'href="/review/"' in body  # the site's navigation leads here


@pytest.mark.parametrize("persona", ["reviewer", "admin_user"])
def test_reviewers_and_admins_see_the_actions(client, request, persona):
    statement = StatementFactory()
    client.force_login(request.getfixturevalue(persona))

    response = client.get(QUEUE)

    assert response.status_code == 200
    body = response.content.decode()
    assert action_url("publish", statement) in body
    assert action_url("send-back", statement) in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert f'name="expected_version" value="{statement.version}"' in body


def test_an_editor_posting_publish_is_refused_and_nothing_changes(client, editor):
    statement = StatementFactory()
    client.force_login(editor)

    response = client.post(action_url("publish", statement), {"expected_version": statement.version})

    assert response.status_code == 403
    assert fresh(statement).state == PublicationState.DRAFT
    assert fresh(statement).version == statement.version


# --- what it lists ---------------------------------------------------------------------------


def test_it_lists_every_kind_of_draft_oldest_first_and_no_published_record(as_reviewer, editor):
    agreement = AgreementFactory(title="Exchange of bodies", by=editor)
    statement = StatementFactory(text="We spoke for hours.", by=editor)
    position = PositionFactory(stance="wants guarantees", by=editor)
    status = IssueStatusFactory(status="stalled", by=editor)
    published = StatementFactory(text="Already out.", publish=True)

    response = as_reviewer.get(QUEUE)

    assert queued(response) == [agreement, statement, position, status]
    assert published not in queued(response)
    text = page_text(response)
    assert "Exchange of bodies" in text and "wants guarantees" in text and "stalled" in text
    item = item_for(response, statement)
    assert item.made_by == editor
    assert f"by {editor.username}" in text


def test_a_correction_shows_the_published_version_beside_it(as_reviewer, editor, reviewer):
    statement = StatementFactory(text="The talks failed.", by=editor)
    draft_publish(statement, by=reviewer)
    draft = correction_start(fresh(statement), by=editor)
    draft.text = "The talks were paused."
    statement_save(draft, by=editor, confirm_date=True)

    response = as_reviewer.get(QUEUE)

    item = item_for(response, draft)
    assert item.corrects == statement
    rows = {row.label: row for row in item.fields}
    assert (rows["Text"].old, rows["Text"].new, rows["Text"].differs) == (
        "The talks failed.",
        "The talks were paused.",
        True,
    )
    assert not rows["Speaker"].differs
    body = response.content.decode()
    assert '<tr class="differs"><th scope="row">Text <span class="changed-mark">changed</span>' in body
    assert "The talks failed." in body and "The talks were paused." in body


def test_a_script_in_a_drafts_text_is_shown_escaped(as_reviewer):
    StatementFactory(text="<script>alert('x')</script>")

    body = as_reviewer.get(QUEUE).content.decode()

    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body


def test_the_pages_carry_no_inline_script_or_style(as_reviewer):
    statement = StatementFactory(publish=True)
    StatementFactory()
    for url in (QUEUE, action_url("withdraw", statement)):
        body = as_reviewer.get(url).content.decode()
        assert "<script" not in body and "<style" not in body and " style=" not in body


# --- publishing and sending back ---------------------------------------------------------------


def test_publishing_takes_the_draft_off_the_queue_and_onto_the_round_page_and_the_api(as_reviewer, client):
    talk_round = RoundFactory()
    statement = StatementFactory(process=talk_round.process, round=talk_round, text="A ceasefire is near.")

    response = as_reviewer.post(action_url("publish", statement), {"expected_version": statement.version}, follow=True)

    assert response.redirect_chain == [(QUEUE, 302)]
    assert fresh(statement).state == PublicationState.PUBLISHED
    assert statement not in queued(response)
    assert "Statement published" in page_text(response)
    as_reviewer.logout()
    assert "A ceasefire is near." in client.get(reverse("pages:round", args=[talk_round.slug])).content.decode()
    api = client.get(f"/api/v1/statements/{statement.uuid}/")
    assert api.status_code == 200
    assert api.json()["state"] == "published"


def test_publishing_a_correction_supersedes_the_published_record(as_reviewer, editor):
    status = IssueStatusFactory(status="stalled", publish=True)
    draft = correction_start(fresh(status), by=editor)

    as_reviewer.post(action_url("publish", draft), {"expected_version": draft.version})

    assert fresh(draft).state == PublicationState.PUBLISHED
    assert fresh(status).state == PublicationState.SUPERSEDED


def test_publishing_without_a_source_is_refused_with_the_services_message_on_its_row(as_reviewer):
    statement = StatementFactory(sources=[])

    response = as_reviewer.post(action_url("publish", statement), {"expected_version": statement.version}, follow=True)

    assert fresh(statement).state == PublicationState.DRAFT
    assert fresh(statement).version == statement.version
    notices = [str(message) for message in item_for(response, statement).notices]
    assert notices == ["Nothing was published: Cite at least one source before publishing."]
    assert "Cite at least one source before publishing." in page_text(response)


def test_sending_back_needs_a_note_and_shows_it_on_the_draft(as_reviewer):
    statement = StatementFactory()

    response = as_reviewer.post(
        action_url("send-back", statement), {"expected_version": statement.version, "note": "  "}, follow=True
    )
    assert fresh(statement).review_note == ""
    assert fresh(statement).version == statement.version
    assert [str(m) for m in item_for(response, statement).notices] == [
        "Nothing was sent back: Tell the editor what to change."
    ]

    response = as_reviewer.post(
        action_url("send-back", statement),
        {"expected_version": statement.version, "note": "Name the outlet's source."},
        follow=True,
    )
    assert fresh(statement).state == PublicationState.DRAFT
    assert fresh(statement).review_note == "Name the outlet's source."
    assert "with the note “Name the outlet&#x27;s source.”: an editor must change it before it is published." in (
        re.sub(r"<[^>]+>", "", response.content.decode())
    )


def test_a_stale_version_is_refused_and_changes_nothing(as_reviewer, editor):
    statement = StatementFactory(text="First words.", by=editor)
    seen = as_reviewer.get(QUEUE)
    version = item_for(seen, statement).record.version
    changed = fresh(statement)
    changed.text = "Second words."
    statement_save(changed, by=editor, confirm_date=True)

    response = as_reviewer.post(action_url("publish", statement), {"expected_version": version}, follow=True)

    assert fresh(statement).state == PublicationState.DRAFT
    assert "changed by someone else meanwhile" in page_text(response)
    response = as_reviewer.post(action_url("send-back", statement), {"expected_version": version, "note": "No."})
    assert fresh(statement).review_note == ""


def test_a_form_without_a_version_is_refused_as_stale(as_reviewer):
    statement = StatementFactory()
    response = as_reviewer.post(action_url("publish", statement), {}, follow=True)
    assert fresh(statement).state == PublicationState.DRAFT
    assert "changed by someone else meanwhile" in page_text(response)


def test_publishing_a_record_already_published_shows_a_message_not_an_error(as_reviewer, reviewer):
    statement = StatementFactory()
    draft_publish(fresh(statement), by=reviewer)
    current = fresh(statement)

    response = as_reviewer.post(action_url("publish", statement), {"expected_version": current.version}, follow=True)

    assert response.status_code == 200
    assert "Nothing was published: This statement is published" in page_text(response)


# --- withdrawing -----------------------------------------------------------------------------


def test_withdrawing_from_the_recently_published_list(as_reviewer, client):
    talk_round = RoundFactory()
    statement = StatementFactory(process=talk_round.process, round=talk_round, text="Misquoted words.", publish=True)
    queue = as_reviewer.get(QUEUE).content.decode()
    assert f'href="{action_url("withdraw", statement)}">Withdraw…</a>' in queue
    headings = re.findall(r'<th scope="col">([^<]*)</th>', queue.split('id="published-heading"')[1])
    assert headings == ["Kind", "Record", "When", "Published"]
    page = as_reviewer.get(action_url("withdraw", statement))
    assert page.status_code == 200
    assert page.context["form"].initial["on_date"] == timezone.localdate()

    response = as_reviewer.post(
        action_url("withdraw", statement),
        {
            "note": "The words were misattributed.",
            "on_date": "2026-02-20",
            "expected_version": fresh(statement).version,
        },
    )

    assert response.status_code == 302
    withdrawn = fresh(statement)
    assert withdrawn.state == PublicationState.WITHDRAWN
    assert withdrawn.withdrawn_on == datetime.date(2026, 2, 20)
    as_reviewer.logout()
    round_page = page_text(client.get(reverse("pages:round", args=[talk_round.slug])))
    assert "Withdrawn on 20 Feb 2026 : The words were misattributed." in round_page
    notice = client.get(f"/api/v1/statements/{statement.uuid}/").json()["notice"]
    assert notice == {"state": "withdrawn", "on": "2026-02-20", "note": "The words were misattributed."}


@pytest.mark.parametrize(
    ("on_date", "error"),
    [
        (str(datetime.date.today() + datetime.timedelta(days=2)), "cannot be dated in the future"),
        ("1899-12-31", "cannot be dated before 1900"),
    ],
)
def test_a_withdrawal_dated_in_the_future_or_before_1900_is_refused(as_reviewer, on_date, error):
    statement = StatementFactory(publish=True)

    response = as_reviewer.post(
        action_url("withdraw", statement),
        {"note": "Wrong.", "on_date": on_date, "expected_version": fresh(statement).version},
    )

    assert response.status_code == 400
    assert error in page_text(response)
    assert fresh(statement).state == PublicationState.PUBLISHED


def test_a_withdrawal_needs_a_note_and_the_version_seen(as_reviewer):
    statement = StatementFactory(publish=True)
    version = fresh(statement).version
    url = action_url("withdraw", statement)

    assert as_reviewer.post(url, {"note": " ", "on_date": "2026-02-20", "expected_version": version}).status_code == 400
    stale = as_reviewer.post(url, {"note": "Wrong.", "on_date": "2026-02-20", "expected_version": version - 1})
    assert stale.status_code == 400
    assert "changed by someone else meanwhile" in page_text(stale)
    assert fresh(statement).state == PublicationState.PUBLISHED
    assert f'name="expected_version" value="{version}"' in stale.content.decode()  # the page's version now


def test_an_editor_cannot_withdraw(client, editor):
    statement = StatementFactory(publish=True)
    client.force_login(editor)
    url = action_url("withdraw", statement)
    assert client.get(url).status_code == 403
    data = {"note": "Wrong.", "on_date": "2026-02-20", "expected_version": fresh(statement).version}
    assert client.post(url, data).status_code == 403
    assert fresh(statement).state == PublicationState.PUBLISHED


# --- cost ------------------------------------------------------------------------------------

# The session and the user (2), the user's groups (1) and permissions (2); per kind of
# draft the drafts with what they show and the records they correct (1), their sources and
# those of the corrected records (2), for agreements the parties of both (2 more), for
# statements and agreements the issues of both (4 more); the first history row of each
# kind (4); the recently published with their sources (2 per kind, 1 more for the parties
# of agreements, 2 more for the issues of statements and agreements). The test settings
# register one more publishable kind (tests/registered), which has no records here: its
# drafts and its recently published (1 each) find none. The changes awaiting review: none
# here, found by one query (1). Grouping by round and the sent-back notices read what is
# already loaded (a statement's process and an assessment's issue's are joined).
QUERIES_QUEUE = 38 + 2 + 1


def _drafts_of_every_kind(count, *, by, reviewer):
    source = SourceFactory()
    for _ in range(count):
        StatementFactory(by=by, sources=[source])
        IssueStatusFactory(by=by, sources=[source])
        PositionFactory(by=by, sources=[source])
        AgreementFactory(by=by, sources=[source])
    for factory in (StatementFactory, IssueStatusFactory, PositionFactory, AgreementFactory):
        published = factory(by=by, sources=[source])
        draft_publish(published, by=reviewer)
        correction_start(fresh(published), by=by)


def test_the_queue_costs_the_same_queries_for_few_drafts_or_many(client, reviewer, editor, django_assert_num_queries):
    _drafts_of_every_kind(1, by=editor, reviewer=reviewer)
    client.force_login(reviewer)
    with django_assert_num_queries(QUERIES_QUEUE):
        response = client.get(QUEUE)
    assert len(response.context["queue"]) == 8

    _drafts_of_every_kind(10, by=editor, reviewer=reviewer)
    with django_assert_num_queries(QUERIES_QUEUE):
        response = client.get(QUEUE)
    assert len(response.context["queue"]) == 8 + 4 * 11
    assert len(response.context["published"]) == 8
    assert IssueStatus.objects.drafts().count() + Statement.objects.drafts().count() == 2 * 13


# --- what each draft shows -------------------------------------------------------------------

LONG_TERMS = "Each side releases the prisoners of war named on its list. " * 8  # over 300 characters


def fields_of(response, record):
    return {row.label: row.new for row in item_for(response, record).fields}


def test_each_draft_shows_every_field_that_goes_public(as_reviewer):
    talk_round = RoundFactory()
    issue = IssueFactory(process=talk_round.process, name="Prisoner exchange")
    statement = StatementFactory(
        process=talk_round.process, round=talk_round, issues=[issue], language="ru", text="Обмен состоится.",
        text_is_translation=True, translation="The exchange will take place.", speaker_title="Minister",
        kind="paraphrase",
    )  # fmt: skip
    agreement = AgreementFactory(
        process=talk_round.process, round=talk_round, issues=[issue], terms=LONG_TERMS,
        figures=[{"label": "prisoners of war exchanged", "value": 314}],
    )  # fmt: skip
    position = PositionFactory(issue=issue, round=talk_round, stance="all for all")
    status = IssueStatusFactory(issue=issue, round=talk_round, status="agreed", summary="An exchange was agreed.")

    response = as_reviewer.get(QUEUE)

    said = fields_of(response, statement)
    assert (said["Issues"], said["Language"], said["Translation"]) == (
        "Prisoner exchange", "ru", "The exchange will take place."
    )  # fmt: skip
    assert (said["The report's own translation"], said["Title"]) == ("yes", "Minister")
    assert "paraphrase" in said["How"] and said["Speaker"] == str(statement.speaker_label)
    agreed = fields_of(response, agreement)
    assert (agreed["Issues"], agreed["Figures"]) == ("Prisoner exchange", "prisoners of war exchanged: 314")
    assert agreed["Parties"] and agreed["Terms"] == LONG_TERMS
    assert fields_of(response, position)["Stance"] == "all for all"
    assert fields_of(response, status)["Summary"] == "An exchange was agreed."
    page = response.content.decode()
    folded = re.search(r'<details class="folded"><summary>(.*?)</summary>', page, re.S)
    assert folded and LONG_TERMS[:250] in folded.group(1) and LONG_TERMS not in folded.group(1)


def test_a_draft_sent_back_and_unchanged_says_why_on_its_row_and_offers_no_publish(as_reviewer, reviewer, editor):
    waiting = StatementFactory(by=editor)
    draft_send_back(waiting, by=reviewer, note="Which outlet?")
    answered = StatementFactory(by=editor)
    draft_send_back(answered, by=reviewer, note="Which date?")
    answered.speaker_title = "Minister"
    statement_save(answered, by=editor, confirm_date=True)

    page = as_reviewer.get(QUEUE).content.decode()

    row = page[page.index(f'id="row-{waiting.uuid}"') :].split("</article>")[0]
    assert "with the note “Which outlet?”: an editor must change it before it is published." in row
    assert action_url("publish", waiting) not in row
    other = page[page.index(f'id="row-{answered.uuid}"') :].split("</article>")[0]
    assert "an editor must change it" not in other and action_url("publish", answered) in other


# --- groups by round, and publishing the checked drafts of a round ---------------------------


def test_the_queue_groups_drafts_by_round_and_between_rounds_by_process(as_reviewer):
    first = StatementFactory()
    between = StatementFactory(process=first.process, round=None, date=datetime.date(2026, 2, 10))
    other_round = RoundFactory(process=first.process)
    status = IssueStatusFactory(issue=IssueFactory(process=first.process), round=first.round)
    later = StatementFactory(process=first.process, round=other_round)

    groups = as_reviewer.get(QUEUE).context["groups"]

    assert [[item.record for item in group.items] for group in groups] == [[first, status], [between], [later]]
    assert [group.label for group in groups] == [str(first.round), "Between rounds", str(other_round)]
    assert {group.process for group in groups} == {str(first.process)}


CHECKED = "/review/publish-checked/"


def checked(*records):
    return {"draft": [f"{r._meta.model_name}:{r.uuid}:{fresh(r).version}" for r in records]}


def test_a_reviewer_publishes_the_checked_drafts_of_a_round_each_on_its_own(as_reviewer, reviewer):
    talk_round = RoundFactory()
    drafts = [StatementFactory(process=talk_round.process, round=talk_round) for _ in range(3)]
    drafts.append(AgreementFactory(process=talk_round.process, round=talk_round))
    refused = drafts[1]
    draft_send_back(refused, by=reviewer, note="Which outlet?")

    response = as_reviewer.post(CHECKED, checked(*drafts))

    assert response.status_code == 200
    assert [fresh(d).state for d in drafts] == ["published", "draft", "published", "published"]
    assert "3 published, 1 refused." in page_text(response)
    sent_back_on = timezone.localdate(fresh(refused).sent_back_at)
    assert [str(m) for m in item_for(response, refused).notices] == [
        f"Nothing was published: This statement was sent back on {sent_back_on:%-d %B %Y} "
        "with the note “Which outlet?”: an editor must change it before it is published."
    ]


def test_a_stale_checked_draft_is_refused_on_its_row_and_the_others_published(as_reviewer, editor):
    first, second = StatementFactory(), StatementFactory()
    seen = checked(first, second)
    second.speaker_title = "Minister"
    statement_save(second, by=editor, confirm_date=True)

    response = as_reviewer.post(CHECKED, seen)

    assert (fresh(first).state, fresh(second).state) == ("published", "draft")
    assert "changed by someone else meanwhile" in str(item_for(response, second).notices[0])
    assert "1 published, 1 refused." in page_text(response)


def test_nothing_checked_answers_400_and_publishes_nothing(as_reviewer):
    draft = StatementFactory()
    response = as_reviewer.post(CHECKED, {})
    assert response.status_code == 400
    assert "check the drafts to publish first" in page_text(response)
    assert fresh(draft).state == "draft"


def test_editors_see_no_checkboxes_and_cannot_publish_the_checked_drafts(client, editor):
    draft = StatementFactory(by=editor)
    client.force_login(editor)
    page = client.get(QUEUE).content.decode()
    assert 'name="draft"' not in page and CHECKED not in page
    assert client.post(CHECKED, checked(draft)).status_code == 403
    assert fresh(draft).state == "draft"


def test_publishing_the_checked_drafts_needs_the_csrf_token(reviewer):
    draft = StatementFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert client.post(CHECKED, checked(draft)).status_code == 403
    assert fresh(draft).state == "draft"
