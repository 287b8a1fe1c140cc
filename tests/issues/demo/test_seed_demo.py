import datetime
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import transaction

from delegations.models import Attendance, Delegation, DelegationRole, Membership, MembershipRole, Party, Person
from issues.demo import facts
from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Statement, StatementIssue
from negotrack.groups import system_user
from negotrack.models import Change
from negotrack.records import Record
from rounds.models import Process, Round, Session, Source

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("negotrack", "rounds", "delegations", "issues")
ABU_DHABI_I, ABU_DHABI_II = "abu-dhabi-2026-01-23", "abu-dhabi-2026-02-04"
GENEVA, US_IRAN_GENEVA = "geneva-2026-02-17", "us-iran-geneva-2026-02-17"

# The seed's mapping table: (issue, round, status, the first outlet it cites, by name).
STATUS_TABLE = [
    ("russia-ukraine-ceasefire-monitoring", ABU_DHABI_II, "discussed", "Anadolu Agency"),
    ("russia-ukraine-ceasefire-monitoring", GENEVA, "near_agreement", "The Moscow Times"),
    ("russia-ukraine-territory", GENEVA, "deadlocked", "The Moscow Times"),
    ("russia-ukraine-zaporizhzhia-npp", GENEVA, "stalled", "The Moscow Times"),
    ("russia-ukraine-prisoner-exchange", ABU_DHABI_II, "agreed", "X (Steve Witkoff's account)"),
    ("russia-ukraine-military-dialogue", ABU_DHABI_II, "agreed", "Anadolu Agency"),
    ("russia-ukraine-security-guarantees", GENEVA, "raised", "The Moscow Times"),
    ("russia-ukraine-leaders-meeting", GENEVA, "raised", "Axios"),
    ("us-iran-nuclear-programme", US_IRAN_GENEVA, "discussed", "The Moscow Times"),
]


def run_seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded():
    return run_seed()


@pytest.fixture(scope="class")
def demo_data(django_db_setup, django_db_blocker):
    """One load for a whole class of read-only tests (a load takes about a second).

    Each test's own transaction nests inside this one, which is rolled back after the
    class, so nothing leaks into other tests.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        run_seed()
        yield
        transaction.set_rollback(True)


def project_models():
    """Every table of the record: the models, their history, their link tables, and the change log."""
    for label in PROJECT_APPS:
        yield from apps.get_app_config(label).get_models(include_auto_created=True)


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in project_models()}


def versions() -> dict[tuple[str, str], int]:
    return {
        (model._meta.label, str(record_uuid)): version
        for model in project_models()
        if issubclass(model, Record)
        for record_uuid, version in model._default_manager.values_list("uuid", "version")
    }


def delegation(round_slug: str, party_name: str) -> Delegation:
    return Delegation.objects.get(round__slug=round_slug, party__name=party_name)


def members(round_slug: str, party_name: str) -> dict[str, tuple[str, str]]:
    memberships = delegation(round_slug, party_name).memberships.select_related("person")
    return {m.person.name: (m.role, m.title) for m in memberships}


@pytest.mark.usefixtures("demo_data")
class TestTheDemoData:
    """What one run loads; read-only, so the tests share one load (see `demo_data`)."""

    def test_it_loads_every_record_of_the_seed_facts(self):
        assert Source.objects.count() == 10
        assert Process.objects.count() == 2
        assert Round.objects.count() == 4
        assert Session.objects.count() == 3
        assert Party.objects.count() == 6
        assert Person.objects.count() == 13
        assert Delegation.objects.count() == 14
        assert Membership.objects.count() == 15
        assert Attendance.objects.count() == 0
        assert Issue.objects.count() == 8
        assert IssueStatus.objects.count() == 9
        assert Position.objects.count() == 3
        assert Agreement.objects.count() == 2
        assert Statement.objects.count() == 12
        assert StatementIssue.objects.count() == 4

    def test_rounds_are_named_by_city_and_first_day_with_the_process_in_front_when_two_meet(self):
        slugs = dict(Round.objects.values_list("slug", "process__slug"))
        assert slugs == {
            ABU_DHABI_I: "russia-ukraine",
            ABU_DHABI_II: "russia-ukraine",
            GENEVA: "russia-ukraine",
            US_IRAN_GENEVA: "us-iran",
        }

    def test_the_rounds_have_their_dates_places_and_formats(self):
        rounds = {r.slug: r for r in Round.objects.all()}
        assert [
            (r.ordinal, r.start_date, r.end_date) for r in Round.objects.filter(process__slug="russia-ukraine")
        ] == [
            (1, datetime.date(2026, 1, 23), datetime.date(2026, 1, 24)),
            (2, datetime.date(2026, 2, 4), datetime.date(2026, 2, 5)),
            (3, datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)),
        ]
        assert {r.city for r in rounds.values()} == {"Abu Dhabi", "Geneva"}
        assert rounds[GENEVA].venue == "InterContinental Hotel"
        assert rounds[ABU_DHABI_II].country == "United Arab Emirates"
        assert rounds[US_IRAN_GENEVA].format == Round.Format.PROXIMITY
        assert rounds[US_IRAN_GENEVA].start_date == rounds[US_IRAN_GENEVA].end_date == datetime.date(2026, 2, 17)
        assert {r.status for r in rounds.values()} == {Round.Status.CONCLUDED}
        assert "314" in rounds[ABU_DHABI_II].outcome

    def test_geneva_has_its_working_groups_on_the_first_day_and_a_second_day_without_times(self):
        sessions = Session.objects.filter(round__slug=GENEVA).order_by("date", "track")
        assert [(s.date.day, s.track) for s in sessions] == [(17, "military"), (17, "political"), (18, "plenary")]
        assert all(s.start_time is None and s.end_time is None and s.time_zone == "" for s in sessions)
        assert "two hours" in sessions[2].summary

    def test_delegations_take_their_roles_at_each_round(self):
        roles = {(d.round.slug, d.party.name): d.roles for d in Delegation.objects.select_related("round", "party")}
        assert roles[(ABU_DHABI_I, "United Arab Emirates")] == [DelegationRole.HOST]
        assert roles[(ABU_DHABI_II, "United States")] == [DelegationRole.MEDIATOR]
        assert roles[(GENEVA, "Russia")] == roles[(GENEVA, "Ukraine")] == [DelegationRole.NEGOTIATING_PARTY]
        assert {party: role for (slug, party), role in roles.items() if slug == US_IRAN_GENEVA} == {
            "United States": [DelegationRole.NEGOTIATING_PARTY],
            "Iran": [DelegationRole.NEGOTIATING_PARTY],
            "Oman": [DelegationRole.MEDIATOR],
        }
        # The seed facts name no chair of any round.
        assert not Membership.objects.filter(role=MembershipRole.CHAIR).exists()

    def test_kostyukov_heads_russia_at_abu_dhabi_ii_citing_the_moscow_times_and_the_note_names_dmitriev(self):
        assert members(ABU_DHABI_II, "Russia") == {
            "Igor Kostyukov": ("head", "head of the GRU military intelligence agency"),
            "Kirill Dmitriev": ("member", "special presidential envoy; CEO of the Russian Direct Investment Fund"),
        }
        head = Membership.objects.get(delegation=delegation(ABU_DHABI_II, "Russia"), role="head")
        assert "The Moscow Times" in {source.outlet for source in head.sources.all()}
        assert "Dmitriev" in delegation(ABU_DHABI_II, "Russia").note

    def test_ukraine_at_abu_dhabi_ii_is_led_by_umerov_with_budanov_and_hnatov(self):
        assert members(ABU_DHABI_II, "Ukraine") == {
            "Rustem Umerov": ("head", "secretary of the National Security and Defense Council"),
            "Kyrylo Budanov": ("member", "head of the presidential office"),
            "Andrii Hnatov": ("member", "chief of the General Staff"),
        }

    def test_medinsky_heads_russia_at_geneva_with_nearly_two_dozen_unnamed_officials(self):
        assert members(GENEVA, "Russia")["Vladimir Medinsky"] == ("head", "Kremlin adviser")
        assert set(members(GENEVA, "Russia")) == {"Vladimir Medinsky", "Igor Kostyukov", "Kirill Dmitriev"}
        assert "nearly two dozen other officials" in delegation(GENEVA, "Russia").note.lower()

    def test_a_member_whose_title_is_not_reported_has_none(self):
        assert members(GENEVA, "United States") == {
            "Steve Witkoff": ("member", "special envoy"),
            "Jared Kushner": ("member", ""),
        }

    def test_people_are_found_under_their_other_spellings(self):
        spellings = {
            "Umjerow": "Rustem Umerov",
            "Умєров": "Rustem Umerov",
            "Zelenskyy": "Volodymyr Zelensky",
            "Зеленський": "Volodymyr Zelensky",
            "Зеленский": "Volodymyr Zelensky",
            "Дмитриев": "Kirill Dmitriev",
            "Мединский": "Vladimir Medinsky",
            "Песков": "Dmitry Peskov",
            "Gnatov": "Andrii Hnatov",
            "Костюков": "Igor Kostyukov",
            "Araqchi": "Abbas Araghchi",
            "Budanov": "Kyrylo Budanov",
            "Witkoff": "Steve Witkoff",
            "Kushner": "Jared Kushner",
            "Trump": "Donald Trump",
            "Grynkewich": "Alexus Grynkewich",
        }
        found = {spelling: [person.name for person in Person.objects.matching(spelling)] for spelling in spellings}
        assert found == {spelling: [name] for spelling, name in spellings.items()}

    def test_the_statuses_are_the_seed_mapping_table_with_no_status_where_a_round_did_not_assess_an_issue(self):
        statuses = {
            (s.issue.slug, s.round.slug): (s.status, s.sources.order_by("outlet").first().outlet)
            for s in IssueStatus.objects.select_related("issue", "round")
        }
        assert statuses == {(issue, talk_round): (status, outlet) for issue, talk_round, status, outlet in STATUS_TABLE}

    def test_each_issue_current_status_is_its_latest_assessment(self):
        current = {
            issue.slug: (issue.current_status.status, issue.current_status.round.slug)
            for issue in Issue.objects.select_related("current_status__round")
        }
        assert current == {
            "russia-ukraine-ceasefire-monitoring": ("near_agreement", GENEVA),
            "russia-ukraine-territory": ("deadlocked", GENEVA),
            "russia-ukraine-zaporizhzhia-npp": ("stalled", GENEVA),
            "russia-ukraine-prisoner-exchange": ("agreed", ABU_DHABI_II),
            "russia-ukraine-military-dialogue": ("agreed", ABU_DHABI_II),
            "russia-ukraine-security-guarantees": ("raised", GENEVA),
            "russia-ukraine-leaders-meeting": ("raised", GENEVA),
            "us-iran-nuclear-programme": ("discussed", US_IRAN_GENEVA),
        }

    def test_every_statement_status_position_and_agreement_is_published_by_the_system_user_with_a_source(self):
        for model in (Statement, IssueStatus, Position, Agreement):
            records = model.objects.all()
            assert records.exists()
            for record in records:
                assert (record.state, record.published_by) == (PublicationState.PUBLISHED, system_user()), record
                assert record.sources.exists(), record

    def test_every_round_delegation_and_membership_cites_a_source(self):
        for model in (Round, Delegation, Membership):
            assert not model.objects.filter(sources__isnull=True).exists(), model

    def test_sources_have_no_urls_and_the_axios_interview_is_known_via_the_moscow_times(self):
        assert not Source.objects.exclude(url="").exists()
        axios = Source.objects.get(outlet="Axios")
        assert axios.via.outlet == "The Moscow Times"
        assert not Source.objects.exclude(pk=axios.pk).filter(via__isnull=False).exists()

    def test_peskov_and_trump_speak_in_the_week_of_16_february_between_rounds(self):
        vague = Statement.objects.filter(date_precision="week")
        assert {s.speaker.name for s in vague} == {"Dmitry Peskov", "Donald Trump"}
        assert {(s.date, s.round_id) for s in vague} == {(datetime.date(2026, 2, 16), None)}
        assert Statement.objects.filter(date_precision="day").count() == 9

    def test_every_statement_names_its_speaker_party_title_medium_and_kind(self):
        for statement in Statement.objects.all():
            assert statement.speaker and statement.party and statement.speaker_title and statement.text, statement
        witkoff = Statement.objects.get(speaker__name="Steve Witkoff", date=datetime.date(2026, 2, 5))
        assert (witkoff.medium, witkoff.kind, witkoff.party.name) == ("social_media", "quote", "United States")
        assert witkoff.text.endswith("the first such exchange in five months.")
        medinsky = Statement.objects.get(speaker__name="Vladimir Medinsky")
        assert (medinsky.kind, medinsky.round.slug) == ("paraphrase", GENEVA)
        assert '"difficult but businesslike"' in medinsky.text

    def test_an_unreported_medium_and_a_reported_translation_are_said_as_such(self):
        assert Statement.objects.get(speaker__name="Dmitry Peskov").medium == "not_reported"
        translated = set(Statement.objects.filter(text_is_translation=True).values_list("speaker__name", flat=True))
        assert translated == {"Kirill Dmitriev", "Vladimir Medinsky", "Dmitry Peskov"}

    def test_statements_concern_the_issues_they_name(self):
        peskov = Statement.objects.get(speaker__name="Dmitry Peskov")
        assert [issue.slug for issue in peskov.issues.all()] == ["russia-ukraine-territory"]
        never = Statement.objects.get(text="Emotionally, people will never forgive this. Never.")
        assert [issue.slug for issue in never.issues.all()] == ["russia-ukraine-territory"]
        assert {s.sources.get().outlet for s in Statement.objects.filter(speaker__name="Volodymyr Zelensky")} == {
            "Axios",
            "The Moscow Times",
        }

    def test_the_prisoner_exchange_binds_russia_and_ukraine_with_its_figures_and_is_not_yet_carried_out(self):
        exchange = Agreement.objects.get(issues__slug="russia-ukraine-prisoner-exchange")
        assert exchange.round.slug == ABU_DHABI_II
        assert {party.name for party in exchange.parties.all()} == {"Russia", "Ukraine"}
        assert exchange.figures == [
            {"label": "prisoners of war exchanged", "value": 314},
            {"label": "released by each side", "value": 157},
        ]
        assert exchange.carried_out_on is None

    def test_the_military_dialogue_binds_the_united_states_and_russia(self):
        dialogue = Agreement.objects.get(issues__slug="russia-ukraine-military-dialogue")
        assert dialogue.round.slug == ABU_DHABI_II
        assert {party.name for party in dialogue.parties.all()} == {"United States", "Russia"}
        assert "Grynkewich" in dialogue.terms
        assert dialogue.figures == []

    def test_each_party_current_position_on_territory_is_the_one_as_of_geneva(self):
        current = Position.objects.filter(issue__slug="russia-ukraine-territory", is_current=True)
        assert {p.party.name: p.round.slug for p in current} == {
            "Russia": GENEVA,
            "Ukraine": GENEVA,
            "United States": GENEVA,
        }
        assert "free economic zone" in current.get(party__name="United States").stance

    def test_the_us_iran_process_has_one_round_one_issue_and_araghchi_statement(self):
        process = Process.objects.get(slug="us-iran")
        assert list(process.rounds.values_list("slug", flat=True)) == [US_IRAN_GENEVA]
        assert list(process.issues.values_list("name", flat=True)) == ["Iran's nuclear programme"]
        araghchi = process.statements.get()
        assert (araghchi.speaker.name, araghchi.party.name, araghchi.round.slug) == (
            "Abbas Araghchi",
            "Iran",
            US_IRAN_GENEVA,
        )
        assert [issue.slug for issue in araghchi.issues.all()] == ["us-iran-nuclear-programme"]

    def test_every_history_row_and_change_names_the_system_user(self):
        history_models = [model.history.model for model in project_models() if issubclass(model, Record)]
        assert all(history.objects.exists() for history in history_models if history.instance_type is not Attendance)
        for history in history_models:
            assert not history.objects.exclude(history_user=system_user()).exists(), history
        assert not Change.objects.exclude(user=system_user()).exists()


def test_it_says_how_many_records_it_created_and_how_many_were_already_there(seeded):
    assert seeded.startswith("seed_demo: 101 records created (10 sources,")
    assert seeded.strip().endswith("0 already there.")
    assert run_seed().strip() == "seed_demo: 0 records created, 101 already there."


def test_running_it_twice_changes_nothing(seeded):
    counts, record_versions = row_counts(), versions()
    assert counts["rounds.HistoricalRound"] and counts["rounds.HistoricalRound_sources"] and counts["negotrack.Change"]

    run_seed()

    assert row_counts() == counts
    assert versions() == record_versions


def test_a_refused_record_leaves_nothing_behind(monkeypatch):
    statements = facts.read()["statements"]
    broken = {**statements["umerov-2026-02-18-progress"], "text": ""}
    monkeypatch.setitem(statements, "broken", broken)

    with pytest.raises(CommandError, match="nothing was loaded"):
        run_seed()

    assert not any(row_counts().values())
