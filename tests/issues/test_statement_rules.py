"""What the record refuses of a statement, its issue links and an agreement."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from issues.models import MAX_TEXT_LENGTH, Agreement, Statement, StatementIssue
from issues.services import (
    agreement_save,
    correction_start,
    draft_publish,
    record_withdraw,
    statement_link_issues,
    statement_save,
)
from negotrack.models import Change
from tests.factories import (
    AgreementFactory,
    IssueFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

FEB_17, FEB_18 = datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)


def messages_on(field, save, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        save(*args, **kwargs)
    return " ".join(refused.value.message_dict[field])


def new_statement(**values):
    if "process" not in values:
        values["process"] = values["round"].process if values.get("round") else ProcessFactory()
    values.setdefault("speaker", PersonFactory())
    values.setdefault("date", FEB_18)
    values.setdefault("text", "There is progress, but no details can be disclosed at this stage.")
    return Statement(**values)


def geneva_round():
    return RoundFactory(city="Geneva", start_date=FEB_17, end_date=FEB_18)


# --- duplicates ------------------------------------------------------------------------------


def test_it_refuses_the_same_words_by_the_same_speaker_on_the_same_day(editor):
    first = statement_save(new_statement(round=geneva_round()), by=editor)
    again = new_statement(
        round=first.round,
        speaker=first.speaker,
        text="  There is progress,   but no details can be disclosed at this stage.\n",
    )

    message = messages_on("text", statement_save, again, by=editor)

    assert "already recorded (a draft): this would be a duplicate" in message
    assert "18 February 2026" in message
    assert Statement.objects.count() == 1


def test_a_published_statement_is_a_duplicate_too(editor, reviewer):
    first = statement_save(new_statement(round=geneva_round()), by=editor, sources=[SourceFactory()])
    draft_publish(first, by=reviewer)

    again = new_statement(round=first.round, speaker=first.speaker)
    assert "on the public record" in messages_on("text", statement_save, again, by=editor)


@pytest.mark.parametrize(
    "change",
    [
        {"date": datetime.date(2026, 2, 17)},
        {"text": "There is no progress at all."},
        {"speaker": "someone else"},
    ],
)
def test_another_day_text_or_speaker_is_no_duplicate(change, editor):
    first = statement_save(new_statement(round=geneva_round()), by=editor)
    values = {"round": first.round, "speaker": first.speaker, **change}
    if values["speaker"] == "someone else":
        values["speaker"] = PersonFactory()

    statement_save(new_statement(**values), by=editor)

    assert Statement.objects.count() == 2


def test_unnamed_speakers_are_duplicates_when_described_alike(editor):
    talk_round = geneva_round()
    statement_save(
        new_statement(round=talk_round, speaker=None, speaker_description="A senior Russian official"), by=editor
    )
    again = new_statement(round=talk_round, speaker=None, speaker_description="a senior russian official ")

    assert "duplicate" in messages_on("text", statement_save, again, by=editor)
    other = new_statement(round=talk_round, speaker=None, speaker_description="A Ukrainian negotiator")
    statement_save(other, by=editor)


def test_a_withdrawn_statement_may_be_recorded_again(editor, reviewer):
    first = StatementFactory(by=reviewer, publish=True)
    record_withdraw(first, by=reviewer, note="Attributed to the wrong official.")

    statement_save(new_statement(round=first.round, speaker=first.speaker, process=first.process), by=editor)

    assert Statement.objects.count() == 2


def test_saving_a_statement_again_or_correcting_it_is_no_duplicate(editor, reviewer):
    first = StatementFactory(by=reviewer, publish=True)
    correction = correction_start(first, by=editor)
    correction.speaker_title = "chief negotiator"

    statement_save(correction, by=editor)
    statement_save(correction, by=editor)

    assert Statement.objects.get(pk=correction.pk).speaker_title == "chief negotiator"
    assert Statement.objects.count() == 2


# --- statements ------------------------------------------------------------------------------


def test_it_refuses_a_statement_dated_in_the_future(editor):
    statement = new_statement(date=timezone.localdate() + datetime.timedelta(days=1))

    assert "is in the future: only what has already been said" in messages_on(
        "date", statement_save, statement, by=editor
    )
    assert not Statement.objects.exists()


def test_it_refuses_a_statement_dated_before_1900(editor):
    statement = new_statement(date=datetime.date(1899, 12, 31))

    assert "Dates before 1900 are refused" in messages_on("date", statement_save, statement, by=editor)


@pytest.mark.parametrize("description", ["", "   "])
def test_it_refuses_a_statement_without_a_speaker_or_a_description(description, editor):
    statement = new_statement(speaker=None, speaker_description=description)

    assert "Pick the speaker, or describe them" in messages_on("speaker", statement_save, statement, by=editor)


def test_it_accepts_an_unnamed_speaker_described_in_words(editor):
    statement = statement_save(new_statement(speaker=None, speaker_description="a senior Russian official"), by=editor)
    assert Statement.objects.get(pk=statement.pk).speaker_label == "a senior Russian official"


def test_it_refuses_a_session_of_another_round(editor):
    talk_round = geneva_round()
    other_session = SessionFactory(round=RoundFactory(process=talk_round.process))
    statement = new_statement(round=talk_round, session=other_session)

    assert "This session belongs to another round" in messages_on("session", statement_save, statement, by=editor)


def test_a_statement_at_a_session_takes_the_sessions_round(editor):
    session = SessionFactory(round=geneva_round())
    statement = statement_save(new_statement(process=session.round.process, session=session), by=editor)
    assert Statement.objects.get(pk=statement.pk).round == session.round


def test_it_refuses_a_round_of_another_process(editor):
    elsewhere = geneva_round()
    statement = new_statement(process=ProcessFactory(), round=elsewhere)

    message = messages_on("round", statement_save, statement, by=editor)

    assert f"This round belongs to another process ({elsewhere.process})" in message


def test_it_refuses_a_text_in_another_language_without_a_translation(editor):
    statement = new_statement(language="ru", text="Есть прогресс.")

    assert "Give an English translation" in messages_on("translation", statement_save, statement, by=editor)


def test_it_refuses_a_text_or_translation_longer_than_a_long_speech(editor):
    too_long = "word " * (MAX_TEXT_LENGTH // 5) + "x"
    assert "at most 50000 characters" in messages_on("text", statement_save, new_statement(text=too_long), by=editor)
    statement = new_statement(language="ru", text="Переговоры продолжаются.", translation=too_long)
    assert "at most 50000 characters" in messages_on("translation", statement_save, statement, by=editor)


def test_it_accepts_a_text_of_the_longest_length(editor):
    longest = ("word " * (MAX_TEXT_LENGTH // 5))[:MAX_TEXT_LENGTH]
    assert statement_save(new_statement(text=longest), by=editor).text == longest


def test_it_accepts_a_text_in_another_language_with_its_translation(editor):
    statement = new_statement(language=" RU ", text="Есть прогресс.", translation="There is progress.")
    statement_save(statement, by=editor)
    assert Statement.objects.get(pk=statement.pk).language == "ru"


@pytest.mark.parametrize(
    "day",
    [FEB_18 + datetime.timedelta(days=31), FEB_17 - datetime.timedelta(days=31)],
    ids=["31 days after", "31 days before"],
)
def test_a_date_more_than_30_days_from_the_round_needs_the_editors_confirmation(day, editor):
    statement = new_statement(round=geneva_round(), date=day)

    message = messages_on("date", statement_save, statement, by=editor)

    assert "more than 30 days from the round (17–18 Feb 2026)" in message
    assert "Confirm the date" in message
    assert not Statement.objects.exists()

    statement_save(statement, by=editor, confirm_date=True)
    assert Statement.objects.get(pk=statement.pk).date == day


@pytest.mark.parametrize(
    "day",
    [FEB_18 + datetime.timedelta(days=30), FEB_17 - datetime.timedelta(days=30), FEB_17],
    ids=["30 days after", "30 days before", "during"],
)
def test_a_date_within_30_days_of_the_round_needs_no_confirmation(day, editor):
    statement = statement_save(new_statement(round=geneva_round(), date=day), by=editor)
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_a_week_overlapping_the_30_days_needs_no_confirmation(editor):
    # The week of 12 Jan 2026 ends on the 18th, 30 days before the round starts.
    week = datetime.date(2026, 1, 12)
    statement = statement_save(new_statement(round=geneva_round(), date=week, date_precision="week"), by=editor)
    assert statement.pk


def test_a_statement_between_rounds_needs_no_confirmation(editor):
    statement = statement_save(new_statement(date=datetime.date(2026, 6, 1)), by=editor)
    assert statement.pk


def test_a_date_far_from_the_round_of_the_statements_session_needs_confirmation(editor):
    session = SessionFactory(round=geneva_round())
    statement = new_statement(process=session.round.process, session=session, date=datetime.date(2026, 6, 1))

    assert "more than 30 days from the round" in messages_on("date", statement_save, statement, by=editor)


# --- issue links -----------------------------------------------------------------------------


def link_changes(link):
    return list(
        Change.objects.filter(record_type="issues.statementissue", record_uuid=link.uuid)
        .order_by("id")
        .values_list("action", "user__username")
    )


def link_history(link):
    return list(
        StatementIssue.history.filter(uuid=link.uuid).order_by("history_id").values_list("history_type", flat=True)
    )


def test_linking_issues_creates_and_deletes_link_records_with_their_history(editor, reviewer):
    statement = statement_save(new_statement(round=geneva_round()), by=editor)
    territory, ceasefire, prisoners = (IssueFactory(process=statement.process) for _ in range(3))

    statement_link_issues(statement, issues=[territory, ceasefire], by=editor)
    first_links = {link.issue: link for link in statement.issue_links.all()}
    assert set(first_links) == {territory, ceasefire}

    statement_link_issues(statement, issues=[ceasefire, prisoners], by=reviewer)

    assert set(statement.issues.all()) == {ceasefire, prisoners}
    dropped = first_links[territory]
    assert not StatementIssue.objects.filter(pk=dropped.pk).exists()
    assert link_changes(dropped) == [("create", "editor"), ("delete", "reviewer")]
    assert link_history(dropped) == ["+", "-"]
    kept = first_links[ceasefire]
    assert link_changes(kept) == [("create", "editor")]
    assert link_history(kept) == ["+"]
    added = statement.issue_links.get(issue=prisoners)
    assert link_changes(added) == [("create", "reviewer")]
    assert Statement.objects.get(pk=statement.pk).version == 1


def test_it_refuses_to_link_an_issue_of_another_process(editor):
    statement = statement_save(new_statement(), by=editor)
    foreign = IssueFactory(name="Nuclear enrichment")

    message = messages_on("issue", statement_link_issues, statement, issues=[foreign], by=editor)

    assert "Nuclear enrichment is an agenda issue of another process" in message
    assert not StatementIssue.objects.exists()


def test_a_statement_saved_with_an_issue_of_another_process_is_not_saved_at_all(editor):
    foreign = IssueFactory()
    statement = new_statement()

    with pytest.raises(ValidationError):
        statement_save(statement, by=editor, issues=[foreign])

    assert not Statement.objects.exists()
    assert not Change.objects.filter(record_type="issues.statement").exists()


# --- agreements ------------------------------------------------------------------------------


def new_agreement(**values):
    values.setdefault("process", ProcessFactory())
    values.setdefault("round", RoundFactory(process=values["process"], start_date=FEB_17, end_date=FEB_18))
    return Agreement(title="Prisoner exchange", terms="An exchange of prisoners of war.", **values)


def test_it_refuses_an_agreement_settling_issues_of_another_process(editor):
    agreement = new_agreement()
    foreign = IssueFactory(name="Nuclear enrichment")

    message = messages_on("issues", agreement_save, agreement, by=editor, parties=[PartyFactory()], issues=[foreign])

    assert "Not agenda issues of this process: Nuclear enrichment" in message
    assert not Agreement.objects.exists()


def test_it_refuses_an_agreement_at_a_round_of_another_process(editor):
    agreement = new_agreement(round=RoundFactory())

    message = messages_on("round", agreement_save, agreement, by=editor, parties=[PartyFactory()])

    assert "This round belongs to another process" in message


def test_it_refuses_an_agreement_dated_between_rounds_in_the_future(editor):
    agreement = new_agreement(round=None, date=timezone.localdate() + datetime.timedelta(days=1))

    assert "is in the future" in messages_on("date", agreement_save, agreement, by=editor, parties=[PartyFactory()])


def test_it_refuses_an_agreement_binding_no_parties(editor):
    agreement = new_agreement()

    assert "Name the parties bound by the agreement" in messages_on(
        "parties", agreement_save, agreement, by=editor, parties=[]
    )
    assert not Agreement.objects.exists()


def test_it_refuses_a_new_agreement_saved_without_its_parties(editor):
    agreement = new_agreement()

    assert "Name the parties bound by the agreement" in messages_on("parties", agreement_save, agreement, by=editor)
    assert not Agreement.objects.exists()


@pytest.mark.parametrize(
    ("figures", "problem"),
    [
        ({"label": "prisoners of war exchanged", "value": 314}, "The figures must be a list"),
        ([{"value": 314}], "Each figure has a label and a value"),
        ([{"label": "prisoners", "value": 314, "note": "each side"}], "Each figure has a label and a value"),
        (["314 prisoners"], "Each figure has a label and a value"),
        ([{"label": "  ", "value": 314}], "Each figure needs a label that says what it counts"),
        ([{"label": "prisoners", "value": "314"}], "The value of 'prisoners' must be a number"),
        ([{"label": "prisoners", "value": True}], "The value of 'prisoners' must be a number"),
    ],
    ids=["not a list", "no label", "unknown key", "not an object", "blank label", "text value", "boolean value"],
)
def test_it_refuses_figures_that_are_not_labelled_numbers(figures, problem, editor):
    agreement = AgreementFactory()
    agreement.figures = figures

    assert problem in messages_on("figures", agreement_save, agreement, by=editor)
    assert Agreement.objects.get(pk=agreement.pk).figures == []


def test_it_accepts_figures_with_labels_values_and_units(editor):
    figures = [
        {"label": "prisoners of war exchanged", "value": 314},
        {"label": "released by each side", "value": 157, "unit": "people"},
        {"label": "share of the line monitored", "value": 0.5},
    ]
    agreement = AgreementFactory(figures=figures)
    assert Agreement.objects.get(pk=agreement.pk).figures == figures


def test_it_refuses_an_agreement_carried_out_before_it_was_agreed(editor):
    agreement = new_agreement(carried_out_on=datetime.date(2026, 2, 10))

    message = messages_on("carried_out_on", agreement_save, agreement, by=editor, parties=[PartyFactory()])

    assert "cannot have been carried out before it was agreed" in message


def test_it_refuses_an_agreement_carried_out_in_the_future(editor):
    agreement = AgreementFactory()
    agreement.carried_out_on = timezone.localdate() + datetime.timedelta(days=1)

    assert "is in the future" in messages_on("carried_out_on", agreement_save, agreement, by=editor)


def test_it_accepts_an_agreement_carried_out_after_it_was_agreed(editor):
    agreement = AgreementFactory(carried_out_on=datetime.date(2026, 3, 5))
    assert Agreement.objects.get(pk=agreement.pk).carried_out_on == datetime.date(2026, 3, 5)
