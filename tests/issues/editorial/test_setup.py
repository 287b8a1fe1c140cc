"""The round set-up page: who may use it, what it shows, and how it saves a round with its
process, sessions, delegations, members and attendance, all of it or nothing."""

import datetime
import html
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delegations.models import Attendance, Delegation, Membership, Party, Person
from delegations.services import attendance_save
from negotrack.groups import system_user
from negotrack.models import Change
from rounds.models import Process, Round, Session
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

MAY_16 = datetime.date(2025, 5, 16)


@pytest.fixture
def scene():
    """The Russia–Ukraine process with its round of February 2026 in Geneva (two
    delegations, a session, who sat there), Turkey, Ukraine and Russia, and the people
    the Istanbul round of 2025 brings back."""
    process = ProcessFactory(slug="russia-ukraine", name="Russia–Ukraine peace talks")
    geneva = RoundFactory(process=process, city="Geneva", start_date=datetime.date(2026, 2, 17), end_date=None)
    session = SessionFactory(round=geneva)
    ukraine, russia = PartyFactory(name="Ukraine", slug="ukraine"), PartyFactory(name="Russia", slug="russia")
    turkey = PartyFactory(name="Turkey", slug="turkey")
    umerov = PersonFactory(name="Rustem Umerov", slug="rustem-umerov", aliases="Umjerow")
    medinsky = PersonFactory(name="Vladimir Medinsky", slug="vladimir-medinsky", aliases="Medinskiy")
    fidan = PersonFactory(name="Hakan Fidan", slug="hakan-fidan")
    ukrainians = DelegationFactory(round=geneva, party=ukraine)
    russians = DelegationFactory(round=geneva, party=russia)
    head = MembershipFactory(delegation=ukrainians, person=umerov, title="Secretary of the NSDC", role="head")
    MembershipFactory(delegation=russians, person=medinsky, title="presidential aide", role="head")
    attendance_save(Attendance(session=session, membership=head), by=system_user())
    return SimpleNamespace(**locals())


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


def page_text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def _value(value):
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()[:5] if isinstance(value, datetime.time) else value.isoformat()
    return value


def posted(response, *, round=None, sessions=None, delegations=None, members=None):
    """What the browser would post from the page in `response`: every part as it opened,
    the round's fields changed by `round`, and the rows of a section replaced where given
    (lists of dicts)."""
    sheet = response.context["sheet"]
    data = {}
    opened = {"round": {name: _value(sheet.round_part[name].value()) for name in sheet.round_part.fields}}
    for prefix, formset in sheet.formsets.items():
        opened[prefix] = [{name: _value(form[name].value()) for name in form.fields} for form in formset.forms]
    opened["round"].update(round or {})
    for prefix, rows in (("sessions", sessions), ("delegations", delegations), ("members", members)):
        if rows is not None:
            opened[prefix] = rows
    data.update({f"round-{name}": value for name, value in opened["round"].items()})
    for prefix in ("sessions", "delegations", "members"):
        data.update({f"{prefix}-TOTAL_FORMS": len(opened[prefix]), f"{prefix}-INITIAL_FORMS": 0})
        for index, row in enumerate(opened[prefix]):
            data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return {key: value for key, value in data.items() if value not in (None, "")}  # a blank field posts nothing


def istanbul(scene, **round_fields):
    """The Istanbul round of 16 May 2025 in a new process, as an editor types it."""
    return {
        "round": {
            "process": "", "new_process": "Russia–Ukraine direct talks, Istanbul",
            "new_process_short": "Istanbul talks",
            "start_date": "2025-05-16", "end_date": "", "status": "concluded", "city": "Istanbul",
            "country": "Turkey", "venue": "Dolmabahçe Palace", "format": "bilateral", **round_fields,
        },
        "sessions": [{"date": "2025-05-16", "start_time": "12:30", "end_time": "14:10", "time_zone": "Europe/Istanbul",
                      "track": "plenary", "summary": "The first direct talks since 2022."}],
        "delegations": [
            {"party": scene.turkey.pk, "roles": ["host", "mediator"]},
            {"party": scene.ukraine.pk, "roles": ["negotiating_party"]},
            {"party": "", "new_party": "", "roles": ["negotiating_party"]},
            {"party": scene.russia.pk, "roles": ["negotiating_party"], "unnamed_members": "4", "note": "experts"},
        ],
        "members": [
            {"delegation": "1", "person": "Fidan", "title": "Minister of Foreign Affairs", "role": "chair",
             "sessions": ["1"]},
            {"delegation": "2", "person": "Umerov", "title": "Minister of Defence", "role": "head", "sessions": ["1"]},
            {"delegation": "2", "person": "Serhiy Kyslytsya", "title": "First Deputy Foreign Minister",
             "role": "member"},
            {"delegation": "4", "person": "Medinsky", "title": "presidential aide", "role": "head", "sessions": ["1"]},
            {"delegation": "4", "person": "", "title": "", "role": "member"},
        ],
    }  # fmt: skip


def new_page(client):
    response = client.get("/entry/new/")
    assert response.status_code == 200
    return response


def counts():
    return {model.__name__: model.objects.count() for model in (Process, Round, Session, Delegation, Membership,
                                                                Attendance, Party, Person, Change)}  # fmt: skip


def set_up(client, data, url="/entry/new/"):
    return client.post(url, data)


def row_errors(response, anchor):
    for found, _, form in response.context["sheet"].parts():
        if found == anchor:
            return " ".join(str(error) for errors in form.errors.values() for error in errors)
    raise AssertionError(f"no part {anchor}")


# --- who may use it ---------------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_sign_in(client, scene):
    for url in ("/entry/new/", f"/entry/{scene.geneva.slug}/set-up/"):
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 302
            assert response["Location"].startswith(f"/accounts/sign-in/?next={url}")


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_readers_outside_the_editorial_groups_are_refused(persona, client, scene, request):
    client.force_login(request.getfixturevalue(persona))
    before = counts()

    for url in ("/entry/new/", f"/entry/{scene.geneva.slug}/set-up/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"round-city": "Istanbul"}).status_code == 403
    assert counts() == before


@pytest.mark.parametrize("persona", ["reviewer", "admin_user"])
def test_reviewers_and_admins_set_up_rounds_too(persona, client, scene, request):
    client.force_login(request.getfixturevalue(persona))

    assert client.post("/entry/new/", posted(new_page(client), **istanbul(scene))).status_code == 302
    assert Round.objects.filter(city="Istanbul").exists()


@pytest.mark.parametrize("persona", [None, "analyst", "editor"])
def test_the_entry_index_and_round_page_link_to_the_set_up_for_editors_only(persona, client, scene, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    markup = client.get(f"/rounds/{scene.geneva.slug}/").content.decode()

    assert (f'href="/entry/{scene.geneva.slug}/set-up/"' in markup) is (persona == "editor")
    if persona == "editor":
        index = client.get("/entry/").content.decode()
        assert 'href="/entry/new/"' in index and "Set up a round" in index


# --- what it shows ----------------------------------------------------------------------------


def test_a_new_round_opens_with_a_session_two_delegations_and_their_members(as_editor, scene):
    response = new_page(as_editor)
    sheet = response.context["sheet"]

    assert [len(sheet.formsets[prefix].forms) for prefix in ("sessions", "delegations", "members")] == [1, 2, 4]
    assert "Start from the previous round" in page_text(response)
    assert '<option value="Vladimir Medinsky">' in response.content.decode()


def test_a_rounds_set_up_shows_its_sessions_delegations_members_and_attendance(as_editor, scene):
    response = as_editor.get(f"/entry/{scene.geneva.slug}/set-up/")

    assert response.status_code == 200
    members = response.context["sheet"].formsets["members"].forms
    assert [(form["person"].value(), form["role"].value(), form["sessions"].value()) for form in members] == [
        ("Vladimir Medinsky", "head", []),  # Russia's delegation, then Ukraine's: by the party's name
        ("Rustem Umerov", "head", ["1"]),
    ]
    markup = response.content.decode()
    assert 'value="Secretary of the NSDC"' in markup and 'value="2026-02-17"' in markup


# --- saving -----------------------------------------------------------------------------------


def test_one_post_sets_up_a_round_with_its_new_process_sessions_delegations_and_members(as_editor, scene, editor):
    before = counts()

    response = set_up(as_editor, posted(new_page(as_editor), **istanbul(scene)))

    assert response.status_code == 302
    talk_round = Round.objects.get(city="Istanbul")
    assert response["Location"] == f"/entry/{talk_round.slug}/set-up/"
    assert talk_round.process.name == "Russia–Ukraine direct talks, Istanbul"
    assert talk_round.process.slug == "russia-ukraine-direct-talks-istanbul"
    assert (talk_round.venue, talk_round.start_date, talk_round.status) == ("Dolmabahçe Palace", MAY_16, "concluded")
    turkey = talk_round.delegations.get(party=scene.turkey)
    assert turkey.roles == ["mediator", "host"]
    russia = talk_round.delegations.get(party=scene.russia)
    assert (turkey.unnamed_members, russia.unnamed_members, russia.note) == (None, 4, "experts")
    chair = Membership.objects.get(delegation__round=talk_round, role="chair")
    assert (chair.person, chair.title) == (scene.fidan, "Minister of Foreign Affairs")
    heads = Membership.objects.filter(delegation__round=talk_round, role="head").order_by("person__name")
    assert [m.person for m in heads] == [scene.umerov, scene.medinsky]
    assert Person.objects.get(name="Serhiy Kyslytsya").memberships.get().delegation.party == scene.ukraine
    session = talk_round.sessions.get()
    sat = Attendance.objects.filter(session=session).values_list("membership__person__name", flat=True)
    assert sorted(sat) == ["Hakan Fidan", "Rustem Umerov", "Vladimir Medinsky"]
    # one change-log row a record: process, round, session, 3 delegations, 4 members, a person, 3 attendances
    assert counts()["Change"] - before["Change"] == 14
    assert Change.objects.filter(user=editor).count() == 14
    followed = as_editor.get(response["Location"])
    text = page_text(followed)
    assert "is set up: 1 session, 3 delegations, 4 members." in text
    assert f'href="/entry/{talk_round.slug}/">Enter a session</a>' in followed.content.decode()


def test_a_second_chair_is_refused_and_nothing_is_saved(as_editor, scene):
    data = istanbul(scene)
    data["members"][1]["role"] = "chair"
    before = counts()

    response = set_up(as_editor, posted(new_page(as_editor), **data))

    assert response.status_code == 400
    assert counts() == before
    assert "Hakan Fidan (Turkey) already chairs this round" in row_errors(response, "members-1")
    text = page_text(response)
    assert "Nothing was saved: 1 part needs attention" in text
    markup = response.content.decode()
    assert 'href="#members-1"' in markup
    assert 'value="Dolmabahçe Palace"' in markup and 'value="Serhiy Kyslytsya"' in markup


def test_a_refused_round_refuses_the_lot_and_keeps_what_was_typed(as_editor, scene):
    before = counts()

    response = set_up(as_editor, posted(new_page(as_editor), **istanbul(scene, end_date="2025-05-01")))

    assert response.status_code == 400
    assert counts() == before
    assert "cannot end" in row_errors(response, "round")
    assert 'value="Russia–Ukraine direct talks, Istanbul"' in response.content.decode()


def test_a_misspelt_name_offers_the_people_it_is_close_to_and_never_picks_one(as_editor, scene):
    data = istanbul(scene)
    data["members"][3]["person"] = "Vladimir Medinskiy"

    response = set_up(as_editor, posted(new_page(as_editor), **data))

    assert response.status_code == 400
    assert "Did you mean “Vladimir Medinsky”?" in row_errors(response, "members-3")
    markup = response.content.decode()
    assert '<input type="radio" name="members-3-pick" value="vladimir-medinsky">' in markup
    assert '<input type="radio" name="members-3-pick" value="new"> This is a new person: Vladimir Medinskiy' in markup

    # The editor says it is the person on record: he is the head, and no one is added.
    data["members"][3]["pick"] = "vladimir-medinsky"
    assert set_up(as_editor, posted(new_page(as_editor), **data)).status_code == 302
    head = Membership.objects.get(delegation__party=scene.russia, delegation__round__city="Istanbul")
    assert head.person == scene.medinsky
    assert not Person.objects.filter(name="Vladimir Medinskiy").exists()


def test_a_new_person_who_looks_like_someone_on_record_is_added_once_confirmed(as_editor, scene):
    PersonFactory(name="Igor Kostyukov", slug="igor-kostyukov")
    data = istanbul(scene)
    data["members"][4].update(person="Igor Kostyuk", title="expert")

    refused = set_up(as_editor, posted(new_page(as_editor), **data))
    assert "Did you mean “Igor Kostyukov”?" in row_errors(refused, "members-4")

    data["members"][4]["pick"] = "new"
    assert set_up(as_editor, posted(new_page(as_editor), **data)).status_code == 302
    assert Person.objects.get(name="Igor Kostyuk").memberships.get().title == "expert"


def test_a_name_several_people_go_by_is_refused_listing_them_to_pick(as_editor, scene):
    PersonFactory(name="Sergei Ivanov", slug="sergei-ivanov")
    PersonFactory(name="Sergei Ivanov", slug="sergei-ivanov-2")
    data = istanbul(scene)
    data["members"][4].update(person="Sergei Ivanov")

    refused = set_up(as_editor, posted(new_page(as_editor), **data))
    assert "names more than one person: Sergei Ivanov (sergei-ivanov), Sergei Ivanov (sergei-ivanov-2)" in (
        row_errors(refused, "members-4")
    )

    data["members"][4]["pick"] = "sergei-ivanov-2"
    assert set_up(as_editor, posted(new_page(as_editor), **data)).status_code == 302
    assert Membership.objects.filter(person__slug="sergei-ivanov-2").exists()


def test_a_new_party_is_made_on_the_spot_and_one_on_record_is_not_made_twice(as_editor, scene):
    data = istanbul(scene)
    data["delegations"][2].update(new_party="United States")
    data["delegations"][0].update(party="", new_party="turkey")
    data["members"][4].update(delegation="3", person="Marco Rubio", title="Secretary of State")

    assert set_up(as_editor, posted(new_page(as_editor), **data)).status_code == 302
    assert Party.objects.filter(name="Turkey").count() == 1
    assert Party.objects.get(name="United States").delegations.get().memberships.get().person.name == "Marco Rubio"


def test_start_from_the_previous_round_copies_its_delegations_and_members_and_saves_nothing(as_editor, scene):
    before = counts()
    data = posted(new_page(as_editor), round={"process": scene.process.pk, "start_date": "2026-03-01"})
    data["start_from"] = "previous"

    response = as_editor.post("/entry/new/", data)

    assert response.status_code == 200
    assert counts() == before
    sheet = response.context["sheet"]
    assert [form["party"].value() for form in sheet.formsets["delegations"].forms] == [
        str(scene.russia.pk),
        str(scene.ukraine.pk),
    ]
    assert [(f["delegation"].value(), f["person"].value(), f["title"].value()) for f in sheet.formsets["members"]] == [
        ("1", "Vladimir Medinsky", "presidential aide"),
        ("2", "Rustem Umerov", "Secretary of the NSDC"),
    ]
    assert "The delegations and members of Geneva, 17 Feb 2026 are copied below" in page_text(response)

    saved = as_editor.post("/entry/new/", posted(response, round={"city": "Istanbul", "start_date": "2026-03-01"}))
    assert saved.status_code == 302, [(a, str(f.errors)) for a, _, f in saved.context["sheet"].part_errors]
    assert Membership.objects.filter(delegation__round__start_date="2026-03-01").count() == 2


def test_another_member_without_javascript_adds_a_row_to_its_delegation_and_saves_nothing(as_editor, scene):
    data = posted(new_page(as_editor), **istanbul(scene))
    data["more"] = "members-2"
    before = counts()

    response = as_editor.post("/entry/new/", data)

    assert response.status_code == 200 and counts() == before
    members = response.context["sheet"].formsets["members"].forms
    assert len(members) == 6 and members[-1]["delegation"].value() == "2"
    assert 'value="Serhiy Kyslytsya"' in response.content.decode() and "errorlist" not in response.content.decode()


def test_editing_a_round_changes_its_records_and_who_sat_where(as_editor, scene):
    response = as_editor.get(f"/entry/{scene.geneva.slug}/set-up/")
    data = posted(response, round={"venue": "InterContinental"})
    data.update({"members-1-title": "Secretary of the NSDC, head of delegation", "members-0-sessions": ["1"]})
    data.update({"members-TOTAL_FORMS": 3, "members-2-delegation": "2", "members-2-person": "Andrii Hnatov",
                 "members-2-role": "member", "members-2-sessions": ["1"]})  # fmt: skip
    del data["members-1-sessions"]

    answer = as_editor.post(f"/entry/{scene.geneva.slug}/set-up/", data)

    assert answer.status_code == 302, row_errors(answer, "members-2")
    scene.geneva.refresh_from_db()
    assert scene.geneva.venue == "InterContinental"
    scene.head.refresh_from_db()
    assert scene.head.title == "Secretary of the NSDC, head of delegation"
    sat = Attendance.objects.values_list("membership__person__name", flat=True)
    assert sorted(sat) == ["Andrii Hnatov", "Vladimir Medinsky"]


def test_an_edit_over_a_newer_version_is_refused(as_editor, scene):
    response = as_editor.get(f"/entry/{scene.geneva.slug}/set-up/")
    scene.geneva.venue = "Palais des Nations"
    from rounds.services import round_save

    round_save(scene.geneva, by=system_user())

    answer = as_editor.post(f"/entry/{scene.geneva.slug}/set-up/", posted(response, round={"city": "Genève"}))

    assert answer.status_code == 400
    assert "changed" in row_errors(answer, "round").lower() or "version" in row_errors(answer, "round").lower()


def test_a_change_to_what_published_records_show_waits_for_review_and_says_so(as_editor, scene):
    StatementFactory(process=scene.process, round=scene.geneva, speaker=scene.umerov, publish=True)
    response = as_editor.get(f"/entry/{scene.geneva.slug}/set-up/")

    answer = as_editor.post(
        f"/entry/{scene.geneva.slug}/set-up/", posted(response, round={"venue": "InterContinental"})
    )

    assert answer.status_code == 302
    scene.geneva.refresh_from_db()
    assert scene.geneva.venue == ""
    assert "1 change waits for review" in page_text(as_editor.get(answer["Location"]))


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("round_fields", "message"),
    [
        ({"start_date": "9999-05-16"}, "more than 10 years ahead: check the year."),
        ({"start_date": "10000-01-01"}, "Enter a valid date."),
    ],
)
def test_bad_input_is_refused_by_its_field_not_a_server_error(round_fields, message, as_editor, scene):
    before = counts()

    response = set_up(as_editor, posted(new_page(as_editor), **istanbul(scene, **round_fields)))

    assert response.status_code == 400
    assert message in row_errors(response, "round")
    assert counts() == before


def test_a_nul_byte_is_refused_before_the_form_reads_it(as_editor, scene):
    before = counts()

    response = set_up(as_editor, posted(new_page(as_editor), **istanbul(scene, city="Istan\x00bul")))

    assert response.status_code == 400 and "round-city" in response.content.decode()
    assert counts() == before


def test_too_many_rows_or_no_management_form_are_refused(as_editor, scene):
    data = posted(new_page(as_editor), **istanbul(scene))
    data["members-TOTAL_FORMS"] = 201

    response = set_up(as_editor, data)

    assert response.status_code == 400 and "Please submit at most 200 forms." in page_text(response)
    assert set_up(as_editor, {"round-city": "Istanbul"}).status_code == 400
    assert not Round.objects.filter(city="Istanbul").exists()


def test_record_text_is_escaped(as_editor, scene):
    MembershipFactory(delegation=scene.ukrainians, person__name="<img src=x onerror=alert(2)>")

    markup = as_editor.get(f"/entry/{scene.geneva.slug}/set-up/").content.decode()

    assert "<img src=x" not in markup and "&lt;img src=x onerror=alert(2)&gt;" in markup
    assert re.findall(r"<script[^>]*>", markup) == ['<script src="/static/js/setup.js" defer>']


# --- what it costs ----------------------------------------------------------------------------


def queries(client, url, data=None, status=200):
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code == status
    return len(captured)


def test_the_pages_read_a_fixed_number_of_queries_however_many_rows(as_editor, scene):
    url = f"/entry/{scene.geneva.slug}/set-up/"
    few = queries(as_editor, url)
    for _ in range(4):
        delegation = DelegationFactory(round=scene.geneva)
        MembershipFactory.create_batch(3, delegation=delegation)
        SessionFactory(round=scene.geneva, date=scene.geneva.start_date)

    # the session, the user, their groups; processes, parties, people; the round, its
    # sessions, delegations, members and attendance
    assert queries(as_editor, url) == few == 11
    assert queries(as_editor, "/entry/new/") == 6


def test_setting_up_costs_a_fixed_number_of_queries_a_member(as_editor, scene):
    PersonFactory(name="Serhiy Kyslytsya")  # on record, so that every save below finds him

    def saving(extra):
        people = PersonFactory.create_batch(extra)
        data = istanbul(scene, city=f"Istanbul {extra}", start_date=f"2025-05-{16 + extra}")
        data["round"]["new_process"] += f" {extra}"
        data["sessions"][0]["date"] = data["round"]["start_date"]
        data["members"] += [
            {"delegation": "2", "person": person.name, "role": "adviser", "sessions": ["1"]} for person in people
        ]
        return queries(as_editor, "/entry/new/", posted(new_page(as_editor), **data), status=302)

    # The Istanbul round: the page, the form and the transaction, a new process, the round,
    # a session, three delegations, four members and three of them at the session, each
    # through its service. Every further member on record who sat in a session costs the
    # same: the name, the membership and its attendance with their history and change-log
    # rows, each in a savepoint.
    assert (saving(0), saving(2)) == (204, 204 + 2 * 29)
