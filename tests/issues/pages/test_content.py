"""What each analyst page shows: read on the demo record, and on small records made for
what the demo lacks (a worse move, a correction on a timeline, a search longer than a page)."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from delegations.models import Attendance, DelegationRole, MembershipRole
from delegations.services import attendance_save
from issues import services
from issues.models import Issue
from issues.timelines import rebuild
from issues.vocabulary import AssessmentStatus
from negotrack.groups import system_user
from rounds.dates import DatePrecision
from rounds.models import Round, Session
from tests.factories import (
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    StatementFactory,
)
from tests.pages import (
    ABU_DHABI_I,
    ABU_DHABI_II,
    DETAIL_PAGES,
    GENEVA,
    MONITORING,
    PRISONERS,
    PROCESS,
    TERRITORY,
    UKRAINE,
    UMEROV,
    US_IRAN_GENEVA,
    fragment,
    in_order,
    page,
    section,
    text,
)

pytestmark = pytest.mark.django_db

# The seed's published statuses: (issue, round, status).
DEMO_CELLS = [
    (MONITORING, ABU_DHABI_II, "discussed"),
    (MONITORING, GENEVA, "near_agreement"),
    (TERRITORY, GENEVA, "deadlocked"),
    ("russia-ukraine-zaporizhzhia-npp", GENEVA, "stalled"),
    (PRISONERS, ABU_DHABI_II, "agreed"),
    ("russia-ukraine-military-dialogue", ABU_DHABI_II, "agreed"),
    ("russia-ukraine-security-guarantees", GENEVA, "raised"),
    ("russia-ukraine-leaders-meeting", GENEVA, "raised"),
]
LABELS = [word.label for word in reversed(AssessmentStatus)]


def cell(issue, talk_round, status) -> str:
    """A matrix cell: the status word, linked to the issue's row on the round's page."""
    label = AssessmentStatus(status).label
    return f'<td class="cell cell-{status}"><a href="/rounds/{talk_round}/#issue-{issue}">{label}</a></td>'


def statement_count(markup: str) -> int:
    return len(re.findall(r'<article class="statement ', markup))


def selected(markup: str, name: str) -> list[str]:
    """The values selected in the select named `name`."""
    select = re.search(rf'<select id="f-{name}" name="{name}"[^>]*>(.*?)</select>', markup, re.S)
    assert select, f"no select named {name}"
    return re.findall(r'<option value="([^"]*)" selected>', select.group(1))


@pytest.mark.usefixtures("demo")
class TestTheDemoRecordOnEveryPage:
    # --- home and process -------------------------------------------------------------

    def test_home_shows_each_process_with_its_latest_round(self, client):
        body = text(page(client, "/"))
        assert in_order(
            body,
            "Russia–Ukraine peace talks (US-brokered)",
            "Latest round: Geneva, 17–18 Feb 2026, InterContinental Hotel · trilateral · concluded",
            "Outcome: No agreement on the fundamental issues.",
            "US–Iran nuclear talks",
            "Latest round: Geneva, 17 Feb 2026 · proximity",
        )

    def test_home_shows_the_matrix_of_recent_rounds_with_status_words_linked_to_the_round(self, client):
        markup = page(client, "/")
        for issue, talk_round, status in DEMO_CELLS:
            assert cell(issue, talk_round, status) in markup
        assert cell("us-iran-nuclear-programme", US_IRAN_GENEVA, "discussed") in markup
        # Seven issues, three rounds, eight cells assessed: thirteen left empty.
        assert markup.count('<span aria-label="not assessed">–</span>') == 7 * 3 - 8

    def test_home_explains_every_status_word_in_a_legend(self, client):
        markup = page(client, "/")
        legend = re.search(r'<ul class="legend" aria-label="Legend">(.*?)</ul>', markup, re.S).group(1)
        assert text(legend) == " ".join(LABELS) + " – not assessed"
        assert 'title="Discussed, with positions that remain opposed and no movement."' in legend

    def test_home_lists_the_latest_statements_and_agreements(self, client):
        markup = page(client, "/")
        statements = section(markup, "latest-statements")
        assert statements.startswith("Latest statements Steve Witkoff, special envoy (US) · 18 Feb 2026")
        assert 'The talks made "meaningful progress"' in statements
        assert statement_count(fragment(markup, "latest-statements")) == 8
        agreements = section(markup, "latest-agreements")
        assert "Exchange of 314 prisoners of war" in agreements
        assert "US–Russia military-to-military dialogue" in agreements
        assert "Reached at Abu Dhabi, 4–5 Feb 2026" in agreements

    def test_the_process_page_shows_the_full_matrix_its_rounds_issues_and_parties(self, client):
        markup = page(client, f"/processes/{PROCESS}/")
        for issue, talk_round, status in DEMO_CELLS:
            assert cell(issue, talk_round, status) in markup
        assert "us-iran" not in re.search(r'<table class="matrix">.*?</table>', markup, re.S).group(0)
        assert in_order(
            section(markup, "rounds"),
            "Abu Dhabi, 23–24 Jan 2026 · trilateral · concluded",
            "Abu Dhabi, 4–5 Feb 2026",
            "Geneva, 17–18 Feb 2026",
        )
        issues = section(markup, "issues")
        assert "Territory (eastern Donbas) deadlocked since Geneva, 17–18 Feb 2026" in issues
        assert "Prisoner exchange agreed since Abu Dhabi, 4–5 Feb 2026" in issues
        assert in_order(section(markup, "parties"), "Russia · 3 rounds", "Ukraine · 3 rounds", "United States")
        assert f'href="/processes/{PROCESS}/compare/"' in markup

    # --- a round ----------------------------------------------------------------------

    def test_a_round_shows_its_dates_place_venue_format_and_outcome(self, client):
        body = text(page(client, f"/rounds/{GENEVA}/"))
        assert (
            "Dates 17–18 Feb 2026 Place Geneva, Switzerland Venue InterContinental Hotel Format trilateral "
            "Status concluded Round number 3 of the process" in body
        )
        assert "Outcome No agreement on the fundamental issues." in body

    def test_a_round_shows_its_sessions_with_their_tracks(self, client):
        sessions = section(page(client, f"/rounds/{GENEVA}/"), "sessions")
        assert in_order(
            sessions,
            "Political group, 17 Feb 2026 Political working group, first day.",
            "Military group, 17 Feb 2026",
            "Plenary, 18 Feb 2026",
        )

    def test_a_round_shows_its_delegations_negotiating_parties_first_with_the_head_first_and_titles(self, client):
        markup = page(client, f"/rounds/{GENEVA}/")
        assert in_order(markup, 'id="delegation-russia"', 'id="delegation-ukraine"', 'id="delegation-united-states"')
        # The head leads, though the other names sort before his.
        assert section(markup, "delegation-russia") == (
            "Russia · negotiating party Vladimir Medinsky, head of delegation Kremlin adviser "
            "Igor Kostyukov head of the GRU "
            "Kirill Dmitriev Kremlin envoy; CEO of the Russian Direct Investment Fund "
            "Nearly two dozen other officials, not named. "
            "Source: The Moscow Times: 'Difficult But Businesslike': Ukraine Peace Talks in Switzerland End "
            "(18 Feb 2026)"
        )
        assert "United States · mediator Jared Kushner Steve Witkoff special envoy" in section(
            markup, "delegation-united-states"
        )

    def test_a_round_shows_each_issue_with_its_status_and_its_move_since_the_previous_assessment(self, client):
        markup = page(client, f"/rounds/{GENEVA}/")
        monitoring = fragment(markup, f"issue-{MONITORING}")
        assert 'class="move move-improved"' in monitoring
        assert text(monitoring).startswith("Ceasefire monitoring mechanism near agreement ▲ improved (was discussed)")
        assert text(fragment(markup, f"issue-{TERRITORY}")).startswith("Territory (eastern Donbas) deadlocked ● new")
        assert section(markup, f"issue-{PRISONERS}") == "Prisoner exchange not assessed Not assessed at this round."

    def test_a_round_shows_its_agreements_with_their_figures(self, client):
        agreements = section(page(client, f"/rounds/{ABU_DHABI_II}/"), "agreements")
        assert in_order(
            agreements,
            "Exchange of 314 prisoners of war Reached at Abu Dhabi, 4–5 Feb 2026 · between Russia, Ukraine",
            "314 prisoners of war exchanged 157 released by each side Settles: Prisoner exchange",
            "US–Russia military-to-military dialogue",
        )

    def test_a_round_groups_its_statements_by_speaker(self, client):
        statements = section(page(client, f"/rounds/{GENEVA}/"), "statements")
        assert in_order(
            statements,
            "6 statements at this round.",
            "Vladimir Medinsky (Russia)",
            '"difficult but businesslike"',
            "Rustem Umerov (Ukraine)",
            "there is progress, but no details can be disclosed",
            "Volodymyr Zelensky (Ukraine)",
            "some groundwork has been done",
            "people will never forgive this",
            '"genuinely wants to end the war"',
            "Steve Witkoff (United States)",
            '"meaningful progress"',
        )

    # --- an agenda issue --------------------------------------------------------------

    def test_an_issue_shows_its_current_status_linked_to_the_round(self, client):
        markup = page(client, f"/issues/{TERRITORY}/")
        assert section(markup, "current").startswith(
            "Where it stands deadlocked after Geneva, 17–18 Feb 2026 Positions still differ"
        )
        assert f'href="/rounds/{GENEVA}/#issue-{TERRITORY}"' in fragment(markup, "current")

    def test_an_issue_shows_each_partys_latest_position(self, client):
        positions = section(page(client, f"/issues/{TERRITORY}/"), "positions")
        assert in_order(
            positions,
            "Russia: demands the rest of eastern Donbas, including land its forces do not hold",
            "Ukraine: refuses to cede territory; a demilitarized zone only with an equal Russian pull-back",
            'United States: proposes a demilitarized "free economic zone" As of Geneva, 17–18 Feb 2026',
        )

    def test_an_issue_shows_its_agreements(self, client):
        agreements = section(page(client, f"/issues/{PRISONERS}/"), "agreements")
        assert "Exchange of 314 prisoners of war Reached at Abu Dhabi, 4–5 Feb 2026" in agreements
        assert "US–Russia military-to-military dialogue" not in agreements
        assert "No agreement on this issue yet." in section(page(client, f"/issues/{TERRITORY}/"), "agreements")

    def test_an_issue_shows_its_timeline_grouped_by_round(self, client):
        timeline = section(page(client, f"/issues/{TERRITORY}/"), "timeline")
        assert "being rebuilt" not in timeline
        assert in_order(
            timeline,
            "Between rounds, 16 Feb 2026 – 22 Feb 2026",
            "statement · week of 16 Feb 2026 Dmitry Peskov (Russia)",
            "Geneva, 17–18 Feb 2026",
            "statement · 17 Feb 2026 Volodymyr Zelensky (Ukraine) Emotionally, people will never forgive this.",
            "status change · 18 Feb 2026 deadlocked ● new",
            "position change · 18 Feb 2026",
        )

    def test_an_issue_says_its_timeline_is_being_rebuilt_while_it_is_marked(self, client):
        rebuild.mark([Issue.objects.get(slug=TERRITORY).pk])
        timeline = section(page(client, f"/issues/{TERRITORY}/"), "timeline")
        assert timeline.startswith("Timeline This timeline is being rebuilt after a recent edit")
        assert "Last built" in timeline
        # The entries of the last build stay in view meanwhile.
        assert "Dmitry Peskov (Russia)" in timeline

    # --- people and parties -----------------------------------------------------------

    def test_a_person_shows_the_rounds_attended_with_the_title_held_each_time(self, client):
        rounds = section(page(client, "/people/kirill-dmitriev/"), "rounds")
        assert in_order(
            rounds,
            "Geneva, 17–18 Feb 2026 Russia–Ukraine Russia Kremlin envoy; CEO of the Russian Direct Investment "
            "Fund member 0",
            "Abu Dhabi, 4–5 Feb 2026 Russia–Ukraine Russia special presidential envoy; CEO of the Russian Direct "
            "Investment Fund member 0",
        )
        umerov = page(client, f"/people/{UMEROV}/")
        assert section(umerov, "rounds").count("secretary of the National Security and Defense Council") == 2

    def test_a_person_shows_their_statements(self, client):
        markup = page(client, f"/people/{UMEROV}/")
        assert "Also written: Umjerow, Умєров, Умеров" in text(markup)
        statements = section(markup, "statements")
        assert statements.startswith("Statements 1 statement on record. Search them.")
        assert "18 Feb 2026 · direct quote · at Geneva, 17–18 Feb 2026" in statements
        assert "there is progress, but no details can be disclosed at this stage." in statements
        assert f'href="/statements/?speaker={UMEROV}"' in markup

    def test_a_party_shows_its_delegations_across_rounds_and_its_positions_per_issue(self, client):
        markup = page(client, f"/parties/{UKRAINE}/")
        assert in_order(
            section(markup, "delegations"),
            "Geneva, 17–18 Feb 2026 Russia–Ukraine negotiating party Rustem Umerov (head)",
            "Abu Dhabi, 4–5 Feb 2026 Russia–Ukraine negotiating party Rustem Umerov (head) · secretary of the "
            "National Security and Defense Council Andrii Hnatov · chief of the General Staff Kyrylo Budanov",
            "Abu Dhabi, 23–24 Jan 2026 Russia–Ukraine negotiating party No member named.",
        )
        assert section(markup, "positions").startswith(
            "Positions on each agenda issue Territory (eastern Donbas) · Russia–Ukraine refuses to cede territory; "
            "a demilitarized zone only with an equal Russian pull-back · Geneva, 17–18 Feb 2026 · current"
        )

    def test_the_people_index_lists_everyone_with_their_rounds(self, client):
        body = text(page(client, "/people/"))
        assert in_order(
            body,
            "Abbas Araghchi · Foreign minister of Iran · 0 rounds",
            "Rustem Umerov · Secretary of Ukraine's National Security and Defense Council · 2 rounds",
            "Steve Witkoff · US special envoy · 3 rounds",
            "Volodymyr Zelensky",
        )

    def test_the_parties_index_lists_every_party_with_its_rounds(self, client):
        markup = page(client, "/parties/")
        assert in_order(
            text(markup),
            "Iran · state · 1 round",
            "Ukraine · state · 3 rounds",
            "United Arab Emirates · state · 2 rounds",
            "United States · state · 4 rounds",
        )
        assert f'href="/parties/{UKRAINE}/"' in markup

    # --- statement search -------------------------------------------------------------

    def test_the_search_without_filters_lists_every_public_statement(self, client):
        markup = page(client, "/statements/")
        assert section(markup, "results") == "12 statements"
        assert statement_count(markup) == 12
        # A statement dated to a week reads as that week.
        assert "Dmitry Peskov, Kremlin spokesman (Russia) · week of 16 Feb 2026" in text(markup)

    @pytest.mark.parametrize(
        ("query", "found", "among"),
        [
            ("q=businesslike", 1, "difficult but businesslike"),
            ("q=Умеров", 1, "there is progress, but no details"),
            ("q=umjerow", 1, "there is progress, but no details"),
            ("q=progress", 4, "There is definitely progress"),
            ("q=progress+details", 1, "there is progress, but no details"),
            ("process=us-iran", 1, '"more constructive"'),
            (f"round={GENEVA}", 6, "people will never forgive this"),
            (f"speaker={UMEROV}", 1, "there is progress, but no details"),
            ("party=russia", 3, '"main issues"'),
            (f"issue={TERRITORY}", 2, "people will never forgive this"),
            ("date_from=2026-02-18", 7, "Ukraine better come to the table"),
            ("date_to=2026-02-05", 2, "exchange 314 prisoners"),
            (f"party={UKRAINE}&date_from=2026-02-18&q=groundwork", 1, "some groundwork"),
        ],
    )
    def test_each_word_and_filter_narrows_the_search(self, client, query, found, among):
        markup = page(client, f"/statements/?{query}")
        assert section(markup, "results") == f"{found} statement{'s' if found > 1 else ''} found"
        assert statement_count(markup) == found
        assert among in text(markup)

    @pytest.mark.parametrize(
        ("query", "field", "message"),
        [
            ("process=nowhere", "process", "Select a valid choice."),
            ("round=nowhere-2026-01-01", "round", "Select a valid choice."),
            ("speaker=nobody", "speaker", "Select a valid choice."),
            ("party=atlantis", "party", "Select a valid choice."),
            ("issue=russia-ukraine-nothing", "issue", "Select a valid choice."),
            ("date_from=2026-13-01", "date_from", "Enter a valid date."),
            ("date_to=18.02.2026", "date_to", "Enter a valid date."),
            ("date_from=2026-02-18&date_to=2026-02-17", "date_to", "date_to lies before date_from."),
        ],
    )
    def test_a_filter_it_cannot_use_answers_400_with_the_message_beside_the_field(self, client, query, field, message):
        markup = page(client, f"/statements/?q=progress&{query}", status=400)
        assert message in section(markup, f"e-{field}")
        assert f'aria-describedby="e-{field}"' in markup
        assert len(re.findall(r'class="field-error"', markup)) == 1
        # The rest of the form is as it was: every select offers its choices, the words stay.
        assert 'name="q" value="progress"' in markup
        for name in ("process", "round", "speaker", "party", "issue"):
            assert f'name="{name}"' in markup
        assert f'<option value="{UMEROV}">Rustem Umerov</option>' in markup
        assert f"{field}: {message}" in text(fragment(markup, "content"))
        assert 'id="results"' not in markup
        assert statement_count(markup) == 0

    @pytest.mark.parametrize(
        ("words", "message"),
        [
            (" ".join(["progress"] * 13), "Search for at most 12 words (this has 13)."),
            ("progress" + "s" * 193, "Ensure this value has at most 200 characters (it has 201)."),
        ],
    )
    def test_a_search_past_its_limits_answers_400_with_the_limit_beside_the_words(self, client, words, message):
        markup = page(client, f"/statements/?q={words.replace(' ', '+')}", status=400)
        assert message in section(markup, "e-q")
        assert 'aria-describedby="e-q"' in markup
        assert f'name="q" value="{words}" maxlength="200"' in markup
        assert 'id="results"' not in markup

    def test_the_search_says_how_many_words_it_takes(self, client):
        assert "every word must occur (up to 12 words)" in text(page(client, "/statements/"))

    # --- comparing two rounds ---------------------------------------------------------

    def test_compare_takes_the_last_two_rounds_by_default(self, client):
        markup = page(client, f"/processes/{PROCESS}/compare/")
        assert (selected(markup, "from"), selected(markup, "to")) == ([ABU_DHABI_II], [GENEVA])
        assert text(markup).count("▲ improved (was discussed)") == 1

    def test_compare_shows_what_moved_and_who_joined_with_each_partys_roles(self, client):
        markup = page(client, f"/processes/{PROCESS}/compare/?from={ABU_DHABI_I}&to={ABU_DHABI_II}")
        assert (selected(markup, "from"), selected(markup, "to")) == ([ABU_DHABI_I], [ABU_DHABI_II])
        moves = section(markup, "moves")
        assert "Ceasefire monitoring mechanism not assessed discussed first assessed" in moves
        assert "Territory (eastern Donbas) not assessed not assessed assessed at neither" in moves
        delegations = section(markup, "delegations")
        assert in_order(
            delegations,
            "Russia Negotiating party at both rounds Joined Igor Kostyukov, head of delegation · head of the GRU "
            "military intelligence agency",
            "Kirill Dmitriev, member",
            "Ukraine Negotiating party at both rounds Joined Andrii Hnatov, member",
            "Kyrylo Budanov",
            "Rustem Umerov, head of delegation",
            "United Arab Emirates Host at both rounds",
            "United States Mediator at both rounds Joined Jared Kushner, member Steve Witkoff, member · special envoy",
        )
        assert in_order(section(markup, "statements"), "Abu Dhabi, 23–24 Jan 2026", "No statement on record.")

    def test_compare_shows_each_partys_roles_who_left_and_who_changed_role_or_title(self, client):
        markup = page(client, f"/processes/{PROCESS}/compare/?from={ABU_DHABI_II}&to={GENEVA}")
        assert "Prisoner exchange agreed not assessed not assessed at the later round" in section(markup, "moves")
        delegations = section(markup, "delegations")
        assert in_order(
            delegations,
            "Russia Negotiating party at both rounds Joined Vladimir Medinsky, head of delegation · Kremlin adviser",
            "Changed role or title Igor Kostyukov: head of delegation (head of the GRU military intelligence "
            "agency) → member (head of the GRU)",
            "Kirill Dmitriev: member (special presidential envoy; CEO of the Russian Direct Investment Fund) → "
            "member (Kremlin envoy; CEO of the Russian Direct Investment Fund)",
            "Ukraine Negotiating party at both rounds Left Andrii Hnatov, member · chief of the General Staff Kyrylo",
            "At both rounds Rustem Umerov",
            "United Arab Emirates Host; not at the later round",
            "United States Mediator at both rounds At both rounds Jared Kushner, Steve Witkoff",
        )
        assert in_order(
            section(markup, "statements"),
            "Abu Dhabi, 4–5 Feb 2026 2 statements.",
            "Geneva, 17–18 Feb 2026 6 statements.",
        )

    def test_compare_puts_a_reversed_pair_in_order(self, client):
        markup = page(client, f"/processes/{PROCESS}/compare/?from={GENEVA}&to={ABU_DHABI_I}")
        assert (selected(markup, "from"), selected(markup, "to")) == ([ABU_DHABI_I], [GENEVA])
        assert in_order(section(markup, "moves"), "Abu Dhabi, 23–24 Jan 2026", "Geneva, 17–18 Feb 2026")

    @pytest.mark.parametrize(
        ("query", "pair"),
        [
            (f"from={GENEVA}", [ABU_DHABI_II, GENEVA]),  # the latest round, with the one before it
            (f"to={ABU_DHABI_I}", [ABU_DHABI_I, ABU_DHABI_II]),  # the first round, with the one after it
            (f"from={ABU_DHABI_I}", [ABU_DHABI_I, GENEVA]),  # with the latest, as by default
        ],
    )
    def test_compare_pairs_one_named_round_with_another(self, client, query, pair):
        markup = page(client, f"/processes/{PROCESS}/compare/?{query}")
        assert [*selected(markup, "from"), *selected(markup, "to")] == pair

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            (f"from=nowhere-2026-01-01&to={GENEVA}", "“nowhere-2026-01-01” is not a round of Russia–Ukraine"),
            (f"from={ABU_DHABI_I}&to={US_IRAN_GENEVA}", f"“{US_IRAN_GENEVA}” is not a round of Russia–Ukraine"),
            (f"from={GENEVA}&to={GENEVA}", "Pick two different rounds."),
        ],
    )
    def test_compare_answers_400_with_a_message_for_rounds_it_cannot_compare(self, client, query, message):
        markup = page(client, f"/processes/{PROCESS}/compare/?{query}", status=400)
        assert message in text(re.search(r'<div class="errors" role="alert">.*?</div>', markup, re.S).group(0))
        assert 'id="moves"' not in markup
        assert f'<option value="{ABU_DHABI_II}"' in markup

    # --- unknown addresses ------------------------------------------------------------

    @pytest.mark.parametrize("name", DETAIL_PAGES)
    def test_an_unknown_slug_answers_404(self, client, name):
        path = {
            "process": "/processes/nowhere/",
            "compare": "/processes/nowhere/compare/",
            "round": "/rounds/nowhere-2026-01-01/",
            "issue": "/issues/russia-ukraine-nothing/",
            "person": "/people/nobody/",
            "party": "/parties/atlantis/",
        }[name]
        assert client.get(path).status_code == 404


# --- what the demo lacks --------------------------------------------------------------------


def held(process, day, **fields):
    return RoundFactory(process=process, start_date=day, end_date=day, **fields)


def test_a_round_says_whether_each_status_is_new_improved_worse_or_unchanged(client):
    process = ProcessFactory()
    issue = IssueFactory(process=process)
    rounds = [held(process, datetime.date(2026, 1, day)) for day in (10, 17, 24, 31)]
    for talk_round, status in zip(rounds, ["discussed", "progress", "stalled", "stalled"], strict=True):
        IssueStatusFactory(issue=issue, round=talk_round, status=status, publish=True)

    moves = [
        text(fragment(page(client, f"/rounds/{talk_round.slug}/"), f"issue-{issue.slug}")).split(" Source")[0]
        for talk_round in rounds
    ]

    assert moves == [
        f"{issue.name} discussed ● new",
        f"{issue.name} progress ▲ improved (was discussed)",
        f"{issue.name} stalled ▼ worse (was progress)",
        f"{issue.name} stalled = unchanged",
    ]


def test_a_move_compares_with_an_assessment_between_rounds_too(client):
    process = ProcessFactory()
    issue = IssueFactory(process=process)
    first, second = held(process, datetime.date(2026, 1, 10)), held(process, datetime.date(2026, 2, 10))
    IssueStatusFactory(issue=issue, round=first, status="progress", publish=True)
    IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 1, 20), status="deadlocked", publish=True)
    IssueStatusFactory(issue=issue, round=second, status="stalled", publish=True)

    row = fragment(page(client, f"/rounds/{second.slug}/"), f"issue-{issue.slug}")

    assert "▲ improved (was deadlocked)" in text(row)


def test_a_round_shows_a_statement_dated_to_a_week_as_that_week(client):
    talk_round = RoundFactory()
    StatementFactory(
        process=talk_round.process,
        round=talk_round,
        date=datetime.date(2026, 2, 16),
        date_precision=DatePrecision.WEEK,
        text="Said some day that week.",
        publish=True,
    )
    statements = section(page(client, f"/rounds/{talk_round.slug}/"), "statements")
    assert "week of 16 Feb 2026 · remarks to the press · direct quote Said some day that week." in statements


def test_a_round_says_who_chaired_it_and_each_partys_roles_negotiating_parties_first(client):
    talk_round = RoundFactory(city="Abu Dhabi")
    host = DelegationFactory(
        round=talk_round, party__name="United Arab Emirates", party__slug="uae",
        roles=[DelegationRole.HOST, DelegationRole.MEDIATOR],
    )  # fmt: skip
    DelegationFactory(round=talk_round, party__name="Zembla", party__slug="zembla")
    DelegationFactory(round=talk_round, party__name="Atlantis", party__slug="atlantis", roles=[DelegationRole.OBSERVER])
    MembershipFactory(delegation=host, person__name="Abdullah bin Zayed", title="foreign minister",
                      role=MembershipRole.CHAIR)  # fmt: skip
    MembershipFactory(delegation=host, person__name="Ali Adviser", role=MembershipRole.ADVISER)

    markup = page(client, f"/rounds/{talk_round.slug}/")

    assert "Chaired by Abdullah bin Zayed, foreign minister (United Arab Emirates)" in text(markup)
    assert in_order(markup, 'id="delegation-zembla"', 'id="delegation-uae"', 'id="delegation-atlantis"')
    assert section(markup, "delegation-uae").startswith(
        "United Arab Emirates · mediator and host Abdullah bin Zayed, chair of the talks foreign minister "
        "Ali Adviser, adviser"
    )
    assert "Atlantis · observer" in section(markup, "delegation-atlantis")
    party = section(page(client, "/parties/uae/"), "delegations")
    assert "mediator and host Abdullah bin Zayed (chair of the talks) · foreign minister" in party


def test_a_delegation_says_how_many_members_were_not_named_when_that_is_known(client):
    talk_round = RoundFactory()
    named = DelegationFactory(round=talk_round, party__slug="ukraine", unnamed_members=11)
    MembershipFactory(delegation=named, role=MembershipRole.HEAD)
    DelegationFactory(round=talk_round, party__slug="russia", unnamed_members=1)
    DelegationFactory(round=talk_round, party__slug="turkey", unnamed_members=None)

    markup = page(client, f"/rounds/{talk_round.slug}/")

    assert "And 11 members not named." in section(markup, "delegation-ukraine")
    assert "1 member, none named." in section(markup, "delegation-russia")
    assert "not named." not in section(markup, "delegation-turkey")
    assert "And 11 members not named." in section(page(client, "/parties/ukraine/"), "delegations")


def test_a_round_without_a_chair_on_record_names_none(client):
    talk_round = RoundFactory()
    MembershipFactory(delegation__round=talk_round, role=MembershipRole.HEAD)
    assert "Chaired by" not in page(client, f"/rounds/{talk_round.slug}/")


def test_a_round_shows_who_took_part_in_each_session(client):
    talk_round = RoundFactory(venue="Palais des Nations")
    plenary = SessionFactory(round=talk_round, track=Session.Track.PLENARY)
    SessionFactory(round=talk_round, track=Session.Track.MILITARY, date=talk_round.end_date)
    delegation = DelegationFactory(round=talk_round, party__name="Ruritania", roles=[DelegationRole.NEGOTIATING_PARTY])
    member = MembershipFactory(delegation=delegation, person__name="Anna Envoy", role=MembershipRole.HEAD)
    attendance_save(Attendance(session=plenary, membership=member), by=system_user())

    sessions = section(page(client, f"/rounds/{talk_round.slug}/"), "sessions")

    assert in_order(
        sessions,
        "Plenary, 17 Feb 2026 Took part: Anna Envoy (Ruritania)",
        "Military group, 18 Feb 2026 Who took part is not on record.",
    )
    assert "Venue Palais des Nations" in text(page(client, f"/rounds/{talk_round.slug}/"))


def test_an_issue_timeline_shows_a_withdrawal_and_a_correction_as_corrections(
    client, reviewer, django_capture_on_commit_callbacks
):
    process = ProcessFactory()
    issue = IssueFactory(process=process)
    first, second = held(process, datetime.date(2026, 1, 10)), held(process, datetime.date(2026, 2, 10))
    party = PartyFactory(name="Ruritania")
    with django_capture_on_commit_callbacks(execute=True):
        IssueStatusFactory(issue=issue, round=first, status="discussed", publish=True)
        wrong = IssueStatusFactory(issue=issue, round=second, status="agreed", publish=True)
        services.record_withdraw(
            wrong, by=reviewer, note="No agreement was announced.", on_date=datetime.date(2026, 2, 20)
        )
        position = PositionFactory(issue=issue, party=party, round=first, stance="holds firm", publish=True)
        correction = services.correction_start(position, by=reviewer)
        correction.stance = "softens its stance"
        services.position_save(correction, by=reviewer)
        services.draft_publish(correction, by=reviewer)

    markup = page(client, f"/issues/{issue.slug}/")
    timeline = section(markup, "timeline")
    today = timezone.localdate()

    assert "being rebuilt" not in timeline
    assert in_order(
        timeline,
        f"{first}",
        "status change · 10 Jan 2026 discussed ● new",
        "position change · 10 Jan 2026 Ruritania: softens its stance",
        # Each correction in the group of the round its record was made at.
        f"correction · 10 Jan 2026 Corrected on {today.day} {today:%b %Y}: the position “holds firm”",
        f"{second}",
        "correction · 10 Feb 2026 Withdrawn on 20 Feb 2026: the status “agreed” No agreement was announced.",
    )
    assert "Ruritania: holds firm" not in timeline
    assert 'class="entry entry-correction"' in fragment(markup, "timeline")
    # The withdrawn status is no status: the issue stands where the round before left it.
    assert section(markup, "current").startswith(f"Where it stands discussed after {first}")


def test_the_timeline_notice_goes_once_the_rebuild_catches_up(client):
    issue = IssueFactory()
    rebuild.rebuild_issue(issue.pk)
    assert section(page(client, f"/issues/{issue.slug}/"), "timeline") == (
        "Timeline Nothing on record for this issue yet."
    )
    rebuild.mark([issue.pk])
    assert "being rebuilt" in section(page(client, f"/issues/{issue.slug}/"), "timeline")
    rebuild.rebuild_issue(issue.pk)
    assert "being rebuilt" not in section(page(client, f"/issues/{issue.slug}/"), "timeline")


def test_the_search_pages_by_25_and_the_next_link_keeps_the_filters(client):
    process = ProcessFactory()
    talk_round = RoundFactory(process=process)
    for n in range(30):
        StatementFactory(process=process, round=talk_round, text=f"Progress, number {n}.", publish=True)
    StatementFactory(text="Progress elsewhere.", publish=True)

    first = page(client, f"/statements/?q=progress&process={process.slug}")
    assert section(first, "results") == "30 statements found"
    assert statement_count(first) == 25
    older = re.search(r'<a href="([^"]+)" rel="next">Older →</a>', first).group(1)
    assert html.unescape(older) == f"?q=progress&process={process.slug}&page=2"
    assert 'rel="prev"' not in first

    second = page(client, "/statements/" + html.unescape(older))
    assert statement_count(second) == 5
    assert "Page 2 of 2" in text(second)
    assert "Progress elsewhere." not in text(second)
    newer = re.search(r'<a href="([^"]+)" rel="prev">← Newer</a>', second).group(1)
    assert html.unescape(newer) == f"?q=progress&process={process.slug}&page=1"
    assert 'rel="next"' not in second


def test_a_page_number_past_the_end_or_not_a_number_still_answers(client):
    StatementFactory(publish=True)
    assert statement_count(page(client, "/statements/?page=99")) == 1
    assert statement_count(page(client, "/statements/?page=last")) == 1
    assert statement_count(page(client, "/statements/?page=-1")) == 1


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"q": "cease\x00fire"}, 400),
        ({"round": "geneva\x00"}, 400),
        ({"speaker": "x" * 5000}, 400),
        ({"q": "' OR 1=1 -- & | ! :* <->"}, 200),
        ({"date_from": "0001-01-01", "date_to": "9999-12-31"}, 200),
        ({"date_from": "2026-02-30"}, 400),
    ],
)
def test_odd_search_input_answers_200_or_400_never_500(client, query, status):
    StatementFactory(publish=True)
    assert client.get("/statements/", query).status_code == status


@pytest.mark.parametrize("query", [{"from": "x\x00"}, {"to": "y" * 5000}, {"from": "", "to": ""}])
def test_odd_compare_input_never_answers_500(client, query):
    process = ProcessFactory()
    held(process, datetime.date(2026, 1, 10))
    held(process, datetime.date(2026, 2, 10))
    assert client.get(f"/processes/{process.slug}/compare/", query).status_code in (200, 400)


def test_a_round_yet_to_be_scheduled_in_time_and_place_reads_as_to_be_announced(client):
    process = ProcessFactory()
    held(process, datetime.date(2026, 1, 10), city="Riyadh")
    upcoming = RoundFactory(
        process=process, status=Round.Status.SCHEDULED, start_date=None, end_date=None, city="", country=""
    )

    body = text(page(client, f"/rounds/{upcoming.slug}/"))
    assert "Dates dates to be announced Place to be announced" in body
    assert "This process has no agenda issues recorded yet." in body
    assert "Latest round: Riyadh, 10 Jan 2026" in text(page(client, "/"))
    assert "Next: place to be announced, dates to be announced." in text(page(client, "/"))


def test_compare_asks_for_two_rounds_that_took_place(client):
    process = ProcessFactory()
    held(process, datetime.date(2026, 1, 10))
    markup = page(client, f"/processes/{process.slug}/compare/")
    assert "This process needs two rounds that took place before they can be compared." in text(markup)


def test_a_process_without_rounds_or_issues_still_has_its_pages(client):
    process = ProcessFactory()
    assert "No round has taken place yet." in text(page(client, "/"))
    body = text(page(client, f"/processes/{process.slug}/"))
    assert "No round recorded yet." in body
    assert "No agenda issue recorded yet." in body
    assert "No statement is on record yet." in text(page(client, "/"))


def test_a_round_shows_a_speakers_latest_five_statements_and_links_to_the_rest(client):
    talk_round = RoundFactory()
    speaker = PersonFactory(name="Anna Envoy")
    for n in range(7):
        StatementFactory(
            process=talk_round.process, round=talk_round, speaker=speaker, text=f"Remark {n}.", publish=True
        )
    markup = page(client, f"/rounds/{talk_round.slug}/")
    statements = section(markup, "statements")
    assert statement_count(markup) == 5
    assert "Remark 6." in statements and "Remark 1." not in statements
    more = re.search(r'<a href="([^"]+)">2 more statements by Anna Envoy at this round</a>', markup).group(1)
    assert html.unescape(more) == f"/statements/?round={talk_round.slug}&speaker={speaker.slug}"
    assert section(page(client, html.unescape(more)), "results") == "7 statements found"


def test_an_issue_timeline_shows_the_latest_statements_of_a_round_and_links_to_the_rest(
    client, django_capture_on_commit_callbacks
):
    talk_round = RoundFactory()
    issue = IssueFactory(process=talk_round.process)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            StatementFactory(
                process=talk_round.process, round=talk_round, text=f"Remark {n}.", issues=[issue], publish=True
            )
    markup = page(client, f"/issues/{issue.slug}/")
    assert len(re.findall(r'class="entry entry-statement"', markup)) == 3
    more = re.search(r'<a href="([^"]+)">2 earlier statements on this issue at this round</a>', markup).group(1)
    assert html.unescape(more) == f"/statements/?issue={issue.slug}&round={talk_round.slug}"
    assert section(page(client, html.unescape(more)), "results") == "5 statements found"
