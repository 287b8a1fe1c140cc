"""export_round writes a round as one JSON document; import_round loads it through the services."""

import datetime
import io
import json
import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import transaction

from delegations.models import Attendance, Delegation, Membership, MembershipRole, Party, Person
from delegations.services import attendance_save, membership_save, party_save
from issues.management.commands import export_round
from issues.models import IssueStatus, PublicationState, Statement, StatementIssue, TimelineEntry
from issues.services import correction_start, draft_publish, issue_status_save, record_withdraw
from negotrack.groups import system_user
from negotrack.models import Change, ImportedRecord
from negotrack.records import Record
from rounds.models import Round, Session
from rounds.services import round_save, session_save
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

GENEVA, ABU_DHABI_II = "geneva-2026-02-17", "abu-dhabi-2026-02-04"
UMEROV = "rustem-umerov"
PROJECT_APPS = ("negotrack", "rounds", "delegations", "issues")


# --- helpers ------------------------------------------------------------------------------


def export(slug: str) -> str:
    out = io.StringIO()
    call_command("export_round", slug, stdout=out)
    return out.getvalue()


def run_import(path, *options) -> str:
    out = io.StringIO()
    call_command("import_round", str(path), *options, stdout=out)
    return out.getvalue()


def write(tmp_path, content, name="round.json"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return path


def project_models():
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


def undone(make):
    """Run `make` in a savepoint that is rolled back: what it returns (documents) outlives
    the records it wrote, and the test goes on in the database it had before."""
    with transaction.atomic():
        made = make()
        transaction.set_rollback(True)
    return made


def counted(report: str) -> dict[str, tuple[int, ...]]:
    """The report's table: per kind of record, (created, changed, unchanged, kept)."""
    rows = re.findall(r"^([a-z ]+?) +(\d+) +(\d+) +(\d+) +(\d+)$", report, re.MULTILINE)
    return {name: tuple(map(int, numbers)) for name, *numbers in rows}


def seed() -> None:
    call_command("seed_demo", stdout=io.StringIO())


def enrich_geneva() -> Round:
    """What the seed lacks at Geneva: attendance, a statement in Russian said at a session,
    a withdrawn statement, a corrected status, and a draft."""
    by = system_user()
    talk_round = Round.objects.get(slug=GENEVA)
    plenary = talk_round.sessions.get(track=Session.Track.PLENARY)
    medinsky = Membership.objects.get(delegation__round=talk_round, person__slug="vladimir-medinsky")
    attendance_save(Attendance(session=plenary, membership=medinsky), by=by)
    russia = Party.objects.get(slug="russia")
    territory = talk_round.process.issues.get(topic="territory")
    source = talk_round.sources.get(outlet="The Moscow Times")
    said = dict(process=talk_round.process, round=talk_round, party=russia, sources=[source], by=by)
    StatementFactory(
        **said,
        session=plenary,
        speaker=medinsky.person,
        date=datetime.date(2026, 2, 18),
        language="ru",
        text="Переговоры были трудными, но деловыми.",
        translation="The talks were difficult but businesslike.",
        issues=[territory],
        publish=True,
    )
    misattributed = StatementFactory(
        **said, speaker=None, speaker_description="a Russian diplomat", text="Misattributed.", publish=True
    )
    record_withdraw(misattributed, by=by, note="The remark was made in Abu Dhabi.", on_date=datetime.date(2026, 2, 20))
    StatementFactory(**said, speaker=medinsky.person, text="Still a draft.")
    status = IssueStatus.objects.get(round=talk_round, issue=territory)
    correction = correction_start(status, by=by)
    correction.summary = "Deadlocked: neither side moved on the territory question."
    issue_status_save(correction, by=by)
    draft_publish(correction, by=by)
    return talk_round


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker) -> dict[str, str]:
    """The documents of Geneva (enriched) and Abu Dhabi II, made once for the module in a
    database that is then thrown away: the tests that import them start empty."""

    def make():
        seed()
        enrich_geneva()
        return {slug: export(slug) for slug in (GENEVA, ABU_DHABI_II)}

    with django_db_blocker.unblock():
        return undone(make)


@pytest.fixture
def seeded():
    seed()


@pytest.fixture
def geneva(seeded):
    """The seeded and enriched Geneva round, in the test's own database."""
    return enrich_geneva()


def assert_empty():
    assert not any(row_counts().values())


# --- export ---------------------------------------------------------------------------------


def test_the_document_holds_the_round_its_contents_and_what_they_refer_to(documents):
    document = json.loads(documents[GENEVA])

    assert (document["format"], document["version"]) == ("negotrack-round", 3)
    assert list(document) == [
        "format", "version", "round", "process", "sessions", "delegations", "memberships", "attendance",
        "statuses", "positions", "agreements", "statements", "issues", "parties", "people", "sources",
    ]  # fmt: skip
    assert document["round"]["slug"] == GENEVA and document["process"]["slug"] == "russia-ukraine"
    assert len(document["sessions"]) == 3 and len(document["attendance"]) == 1
    assert {d["party"] for d in document["delegations"]} == {"russia", "ukraine", "united-states"}
    in_russian = next(s for s in document["statements"] if s["language"] == "ru")
    assert in_russian["session"] and in_russian["speaker"] == "vladimir-medinsky"
    assert [link["issue"] for link in in_russian["issues"]] == ["russia-ukraine-territory"]
    axios = next(s for s in document["sources"] if s["outlet"] == "Axios")
    assert next(s for s in document["sources"] if s["uuid"] == axios["via"])["outlet"] == "The Moscow Times"
    assert {"vladimir-medinsky", "volodymyr-zelensky"} <= {p["slug"] for p in document["people"]}
    assert "created_at" not in document["round"] and "version" not in document["sessions"][0]


def test_a_delegation_is_written_with_its_roles_as_a_list(documents):
    document = json.loads(documents[ABU_DHABI_II])

    roles = {d["party"]: d["roles"] for d in document["delegations"]}

    assert roles == {
        "russia": ["negotiating_party"],
        "ukraine": ["negotiating_party"],
        "united-states": ["mediator"],
        "united-arab-emirates": ["host"],
    }
    assert not any("role" in d for d in document["delegations"])
    assert list(document["delegations"][0]) == ["uuid", "round", "party", "roles", "unnamed_members", "note", "sources"]


def as_version_2(text: str) -> str:
    """A version 3 document as version 2 wrote it: no delegation says how many members it
    had unnamed."""
    document = json.loads(text)
    document["version"] = 2
    for delegation in document["delegations"]:
        assert delegation.pop("unnamed_members") is None
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def as_version_1(text: str) -> str:
    """A version 3 document as version 1 wrote it: each delegation with its one `role`."""
    document = json.loads(as_version_2(text))
    document["version"] = 1
    document["delegations"] = [
        {("role" if key == "roles" else key): (value[0] if key == "roles" else value) for key, value in d.items()}
        for d in document["delegations"]
    ]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_a_version_2_document_is_read_its_delegations_unnamed_members_not_known(documents, tmp_path):
    old = as_version_2(documents[GENEVA])
    assert '"unnamed_members"' not in old

    run_import(write(tmp_path, old))

    assert export(GENEVA) == documents[GENEVA]
    assert not Delegation.objects.filter(round__slug=GENEVA, unnamed_members__isnull=False).exists()


@pytest.mark.parametrize("slug", [GENEVA, ABU_DHABI_II])
def test_a_version_1_document_is_read_its_one_role_a_set_of_one(documents, tmp_path, slug):
    old = as_version_1(documents[slug])
    assert '"role": "mediator"' in old and '"roles"' not in old

    run_import(write(tmp_path, old))

    assert export(slug) == documents[slug]
    assert Delegation.objects.get(round__slug=slug, party__slug="united-states").roles == ["mediator"]


def test_a_version_3_document_that_gives_a_delegation_one_role_is_refused(documents, tmp_path):
    document = json.loads(documents[GENEVA])
    document["delegations"][0]["role"] = document["delegations"][0].pop("roles")[0]

    with pytest.raises(CommandError, match=r"delegations\[0\]: missing key 'roles'.*\n.*unknown key 'role'"):
        run_import(write(tmp_path, document))

    assert_empty()


def test_it_exports_the_public_record_with_its_correction_notices_and_never_drafts(documents):
    document = json.loads(documents[GENEVA])

    states = [s["state"] for s in document["statements"]]
    assert "Still a draft." not in {s["text"] for s in document["statements"]}
    assert states.count("withdrawn") == 1 and "draft" not in states
    withdrawn = next(s for s in document["statements"] if s["state"] == "withdrawn")
    assert (withdrawn["withdrawn_on"], withdrawn["correction_note"]) == (
        "2026-02-20",
        "The remark was made in Abu Dhabi.",
    )
    territory = [s for s in document["statuses"] if s["issue"] == "russia-ukraine-territory"]
    old, new = sorted(territory, key=lambda s: s["revises"] is not None)
    assert (old["state"], new["state"], new["revises"]) == ("superseded", "published", old["uuid"])
    assert old["superseded_at"] == new["published_at"]


def test_the_help_says_drafts_stay_out():
    help_text = export_round.Command().create_parser("manage.py", "export_round").format_help()
    assert "never drafts" in help_text and "correction" in help_text


def test_the_same_round_always_makes_the_same_bytes_and_a_file_when_asked(geneva, tmp_path):
    first = export(GENEVA)
    assert export(GENEVA) == first
    call_command("export_round", GENEVA, "-o", str(tmp_path / "geneva.json"), stderr=io.StringIO())
    assert (tmp_path / "geneva.json").read_text("utf-8") == first


def test_an_unknown_round_is_refused():
    with pytest.raises(CommandError, match='no round "nowhere-2026-01-01"'):
        export("nowhere-2026-01-01")


# --- the round trip -------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [GENEVA, ABU_DHABI_II])
def test_a_round_imported_into_an_empty_database_exports_the_same_document(documents, tmp_path, slug):
    assert_empty()

    report = run_import(write(tmp_path, documents[slug]))

    assert export(slug) == documents[slug]
    assert counted(report)["rounds"] == (1, 0, 0, 0) and Round.objects.get().slug == slug


def test_publication_states_and_moments_are_reproduced(documents, tmp_path):
    document = json.loads(documents[GENEVA])

    run_import(write(tmp_path, document))

    for key, model in (("statements", Statement), ("statuses", IssueStatus)):
        for data in document[key]:
            record = model.objects.get(uuid=data["uuid"])
            assert record.state == data["state"] and record.published_by == system_user()
            assert record.published_at.isoformat() == data["published_at"]
            assert (str(record.withdrawn_on or ""), record.correction_note) == (
                data["withdrawn_on"] or "",
                data["correction_note"],
            )
    withdrawn = Statement.objects.get(state=PublicationState.WITHDRAWN)
    assert (withdrawn.withdrawn_on, withdrawn.correction_note) == (
        datetime.date(2026, 2, 20),
        "The remark was made in Abu Dhabi.",
    )
    territory = IssueStatus.objects.get(state=PublicationState.PUBLISHED, issue__topic="territory")
    assert territory.issue.current_status == territory
    assert territory.revises.state == PublicationState.SUPERSEDED
    assert territory.revises.superseded_at == territory.published_at


def test_the_import_writes_history_change_rows_and_timelines_as_any_write(
    documents, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(write(tmp_path, documents[GENEVA]))

    system = system_user()
    for model in (Round, Session, Membership, Attendance, Statement, StatementIssue, IssueStatus, Person):
        for record in model.objects.all():
            created = record.history.filter(history_type="+").get()
            assert created.history_user == system, record
    actions = {(c.record_type, c.action) for c in Change.objects.exclude(action="rebuild")}
    assert {
        ("rounds.round", "create"),
        ("delegations.attendance", "create"),
        ("issues.statementissue", "create"),
        ("issues.statement", "publish"),
        ("issues.statement", "withdraw"),
        ("issues.issuestatus", "supersede"),
    } <= actions
    assert not Change.objects.exclude(action="rebuild").exclude(user=system).exists()
    statuses = Change.objects.filter(record_type="issues.issuestatus")
    assert statuses.filter(action="publish").count() == IssueStatus.objects.count()
    # The timelines were marked in the import's transaction and rebuilt after it.
    assert TimelineEntry.objects.filter(issue__topic="territory", kind="status_change").exists()


def test_a_correction_moved_to_another_round_round_trips_when_the_corrected_round_comes_first(tmp_path):
    def make():
        seed()
        by = system_user()
        old = IssueStatus.objects.get(round__slug=GENEVA, issue__topic="zaporizhzhia-npp")
        correction = correction_start(old, by=by)
        correction.round = Round.objects.get(slug=ABU_DHABI_II)
        correction.summary = "Assessed at Abu Dhabi after all."
        issue_status_save(correction, by=by)
        draft_publish(correction, by=by)
        return export(GENEVA), export(ABU_DHABI_II), old.uuid, correction.uuid

    geneva_document, abu_dhabi_document, old_uuid, correction_uuid = undone(make)
    assert_empty()

    run_import(write(tmp_path, geneva_document, "geneva.json"))
    assert IssueStatus.objects.get(uuid=old_uuid).state == PublicationState.SUPERSEDED
    run_import(write(tmp_path, abu_dhabi_document, "abu-dhabi.json"))

    assert (export(GENEVA), export(ABU_DHABI_II)) == (geneva_document, abu_dhabi_document)
    assert IssueStatus.objects.get(uuid=correction_uuid).revises.uuid == old_uuid


# --- importing again ------------------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing_the_second_time(documents, tmp_path):
    path = write(tmp_path, documents[GENEVA])
    run_import(path)
    counts, record_versions = row_counts(), versions()

    report = run_import(path)

    assert row_counts() == counts
    assert versions() == record_versions
    assert "changed (" not in report
    assert counted(report)["statements"] == (0, 0, 8, 0)


class TestOverTheSeededGeneva:
    """Imports over the seeded and enriched Geneva round, made once for the class in a
    transaction rolled back after it; each test's own transaction nests inside it."""

    @pytest.fixture(scope="class")
    @classmethod
    def geneva(cls, django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            seed()
            yield enrich_geneva()
            transaction.set_rollback(True)

    def test_importing_over_the_database_it_came_from_finds_everything_unchanged(self, geneva, tmp_path):
        path = write(tmp_path, export(GENEVA))
        changes, record_versions = Change.objects.count(), versions()

        report = run_import(path)

        assert (Change.objects.count(), versions()) == (changes, record_versions)
        assert set(counted(report).values()) <= {(0, 0, n, 0) for n in range(100)}

    def test_a_record_that_differs_from_the_file_is_updated_through_the_services(self, geneva, tmp_path):
        document = json.loads(export(GENEVA))
        document["round"]["outcome"] = "More talks to follow."
        document["round"]["sources"] = document["round"]["sources"][:1]
        document["sessions"][0]["summary"] = "The military working group met."
        talk_round = Round.objects.get(slug=GENEVA)

        report = run_import(write(tmp_path, document))

        assert f"round {GENEVA} (round): outcome, sources" in report
        assert f"session {document['sessions'][0]['uuid']} (sessions[0]): summary" in report
        updated = Round.objects.get(slug=GENEVA)
        assert (updated.outcome, updated.sources.count(), updated.version) == (
            "More talks to follow.",
            1,
            talk_round.version + 1,
        )
        latest = updated.history.latest()
        assert (latest.history_type, latest.history_user) == ("~", system_user())
        change = Change.objects.filter(record_uuid=updated.uuid).latest("id")
        assert (change.action, change.changed_fields) == ("update", ["outcome", "sources"])

    def test_a_delegation_given_more_roles_keeps_them_in_their_order(self, geneva, tmp_path):
        document = json.loads(export(GENEVA))
        index = next(i for i, d in enumerate(document["delegations"]) if d["party"] == "united-states")
        document["delegations"][index]["roles"] = ["host", "mediator"]

        report = run_import(write(tmp_path, document))

        assert f"(delegations[{index}]): roles" in report
        delegation = Delegation.objects.get(round=geneva, party__slug="united-states")
        assert delegation.roles == ["mediator", "host"]
        assert json.loads(export(GENEVA))["delegations"][index]["roles"] == ["mediator", "host"]

    def test_a_chair_round_trips(self, geneva, tmp_path):
        witkoff = Membership.objects.get(delegation__round=geneva, person__slug="steve-witkoff")
        witkoff.role = MembershipRole.CHAIR
        membership_save(witkoff, by=system_user())
        text = export(GENEVA)
        assert '"role": "chair"' in text

        report = run_import(write(tmp_path, text))

        assert counted(report)["memberships"] == (0, 0, 6, 0)

    def test_a_record_edited_by_hand_since_the_last_import_is_kept_unless_forced(self, geneva, tmp_path):
        path = write(tmp_path, export(GENEVA))
        run_import(path)
        talk_round = Round.objects.get(slug=GENEVA)
        talk_round.summary = "Edited here after the import."
        round_save(talk_round, by=system_user())
        edited_version = talk_round.version

        report = run_import(path)

        assert "kept as they are" in report
        assert (
            f"round {GENEVA} (round): version {edited_version} here, {edited_version - 1} when the last import"
            in report
        )
        assert counted(report)["rounds"] == (0, 0, 0, 1)
        talk_round.refresh_from_db()
        assert (talk_round.summary, talk_round.version) == ("Edited here after the import.", edited_version)

        forced = run_import(path, "--force")

        assert f"round {GENEVA} (round): summary" in forced
        talk_round.refresh_from_db()
        assert (
            talk_round.summary.startswith("A two-day trilateral meeting") and talk_round.version == edited_version + 1
        )
        assert counted(run_import(path))["rounds"] == (0, 0, 1, 0)

    def test_a_statement_withdrawn_here_after_the_import_stays_withdrawn_even_when_forced(self, geneva, tmp_path):
        path = write(tmp_path, export(GENEVA))
        run_import(path)
        statement = Statement.objects.published().filter(round=geneva).earliest("id")
        record_withdraw(statement, by=system_user(), note="Not said at the round.", on_date=datetime.date(2026, 2, 21))

        report = run_import(path)

        assert f"statement {statement.uuid} " in report.split("kept as they are")[1]
        with pytest.raises(
            CommandError, match="withdrawn here, and the document differs in state, withdrawn_on, correction_note;"
        ):
            run_import(path, "--force")
        statement.refresh_from_db()
        assert statement.state == PublicationState.WITHDRAWN

    def test_a_record_never_imported_is_updated_even_if_edited_here(self, geneva, tmp_path):
        path = write(tmp_path, export(GENEVA))
        plenary = Session.objects.get(round=geneva, track="plenary")
        plenary.summary = "Edited here, before any import."
        session_save(plenary, by=system_user())

        report = run_import(path)

        assert f"session {plenary.uuid} (sessions[2]): summary" in report
        plenary.refresh_from_db()
        assert plenary.summary.startswith("The trilateral meeting's second day")

    def test_a_published_record_that_differs_in_its_content_is_refused(self, geneva, tmp_path):
        document = json.loads(export(GENEVA))
        index = next(i for i, s in enumerate(document["statements"]) if s["state"] == "published")
        document["statements"][index]["text"] = "Something else."
        counts = row_counts()

        with pytest.raises(
            CommandError, match=rf"statements\[{index}\]: published here, .* differs in text; a published"
        ):
            run_import(write(tmp_path, document))

        assert row_counts() == counts

    def test_a_party_found_by_its_slug_keeps_its_uuid_here(self, geneva, tmp_path):
        document = json.loads(export(GENEVA))
        oman = party_save(Party(name="Sultanate of Oman", slug="oman-here"), by=system_user())
        document["parties"].append({"slug": "oman-here", "uuid": "00000000-0000-4000-8000-000000000001",
                                    "name": "Sultanate of Oman", "short_name": "", "kind": "state"})  # fmt: skip

        report = run_import(write(tmp_path, document))

        assert f"party oman-here (parties[3]): found by its slug; its UUID here is {oman.uuid}" in report
        assert Party.objects.get(slug="oman-here").uuid == oman.uuid

    # --- dry run -------------------------------------------------------------------------------

    def test_a_dry_run_reports_what_would_change_and_saves_nothing(self, geneva, tmp_path):
        document = json.loads(export(GENEVA))
        document["round"]["outcome"] = "More talks to follow."
        new_source = {"uuid": "00000000-0000-4000-8000-0000000000aa", "outlet": "Reuters", "title": "", "url": "",
                      "published_on": "2026-02-18", "via": None}  # fmt: skip
        document["sources"].append(new_source)
        document["sessions"][1]["summary"] = "Political group."
        counts, record_versions = row_counts(), versions()

        report = run_import(write(tmp_path, document), "--dry-run")

        assert "dry run, nothing saved" in report
        assert f"would be changed (the fields that differ):\n  round {GENEVA} (round): outcome\n" in report
        assert f"session {document['sessions'][1]['uuid']} (sessions[1]): summary" in report
        assert f"would be created:\n  source {new_source['uuid']} (sources[4])" in report
        assert counted(report)["sources"] == (1, 0, 4, 0)
        assert (row_counts(), versions()) == (counts, record_versions)
        assert not ImportedRecord.objects.exists()


# --- bad input -------------------------------------------------------------------------------


def spoil(document: dict, how) -> dict:
    how(document)
    return document


def drop(record: dict, key: str) -> None:
    del record[key]


BAD_DOCUMENTS = {
    "malformed": (
        lambda text: text.replace('"version": 3,', '"version": 3', 1),
        r"not valid JSON: Expecting ',' delimiter at line 4, column 3",
    ),
    "truncated": (
        lambda text: text[: text.index('"summary": "') + 30],
        r"ends too early, at line \d+, column \d+: is it cut short\? \(Unterminated string starting at line",
    ),
    "empty": (lambda text: "  \n", "The file is empty"),
    "not an object": (lambda text: "[1, 2]", "must be a JSON object, not a list"),
    "wrong format": (
        lambda text: text.replace('"negotrack-round"', '"negotrack-issue"', 1),
        'not a negotrack round document: "format" is "negotrack-issue"',
    ),
    "newer version": (
        lambda text: text.replace('"version": 3,', '"version": 4,', 1),
        "made by a newer negotrack: format version 4, this one reads up to 3",
    ),
}


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_a_file_that_is_no_round_document_is_refused_with_where_it_goes_wrong(documents, tmp_path, case):
    spoil_text, message = BAD_DOCUMENTS[case]

    with pytest.raises(CommandError, match=message):
        run_import(write(tmp_path, spoil_text(documents[GENEVA])))

    assert_empty()


def statement_of(document, speaker):
    return next(i for i, s in enumerate(document["statements"]) if s["speaker"] == speaker)


def correct_each_other(document: dict) -> None:
    first, second = document["statements"][:2]
    first["revises"], second["revises"] = second["uuid"], first["uuid"]


BAD_RECORDS = {
    "missing top-level key": (lambda d: drop(d, "sessions"), r"The document lacks 'sessions'"),
    "missing keys": (lambda d: drop(d["sessions"][1], "date"), r"sessions\[1\]: missing key 'date'"),
    "unknown key": (lambda d: d["round"].update(mood="tense"), r"round: unknown key 'mood'"),
    "unknown person": (
        lambda d: d["statements"][statement_of(d, "rustem-umerov")].update(speaker="ivan-petrov"),
        r'statements\[\d\]\.speaker: no person "ivan-petrov" in the file or the database',
    ),
    "unknown source": (
        lambda d: d["round"]["sources"].append("00000000-0000-4000-8000-00000000ffff"),
        r'round\.sources: no source "00000000-0000-4000-8000-00000000ffff" in the file or the database',
    ),
    "invalid date": (lambda d: d["sessions"][0].update(date="2026-02-30"), r"sessions\[0\]\.date: '2026-02-30' is not"),
    "wrong type": (lambda d: d["round"].update(ordinal="third"), r"round\.ordinal: must be a whole number"),
    "a draft": (
        lambda d: d["statements"][0].update(state="draft"),
        r"statements\[0\]\.state: 'draft' is not a state of the public record",
    ),
    "refused by the services": (
        lambda d: d["statements"][statement_of(d, "rustem-umerov")].update(language="uk"),
        r"statements\[\d\]\.translation: Give an English translation",
    ),
    "a choice that is none": (lambda d: d["sessions"][2].update(track="banquet"), r"sessions\[2\]\.track: .*banquet"),
    "a role given twice": (
        lambda d: d["delegations"][0].update(roles=["mediator", "mediator"]),
        r"delegations\[0\]\.roles: 'mediator' is given twice",
    ),
    "no role": (
        lambda d: d["delegations"][1].update(roles=[]),
        r"delegations\[1\]\.roles: Give the party at least one role at the round",
    ),
    "a role that is none": (
        lambda d: d["delegations"][2].update(roles=["chair"]),
        r"delegations\[2\]\.roles: 'chair' is not one of the choices",
    ),
    "roles that are no list": (
        lambda d: d["delegations"][2].update(roles="mediator"),
        r"delegations\[2\]\.roles: Give a list of choices, not 'mediator'",
    ),
    "two chairs": (
        lambda d: [m.update(role="chair") for m in d["memberships"] if m["person"] in ("steve-witkoff", UMEROV)],
        r"memberships\[\d\]\.role: .* already chairs this round: a round has one chair",
    ),
    "a loop of corrections": (
        correct_each_other,
        r"statements\[0\], statements\[1\]: these records correct each other",
    ),
}


@pytest.mark.parametrize("case", BAD_RECORDS)
def test_a_document_with_a_bad_record_is_refused_naming_the_record_and_field(documents, tmp_path, case):
    how, message = BAD_RECORDS[case]

    with pytest.raises(CommandError, match=message) as refusal:
        run_import(write(tmp_path, spoil(json.loads(documents[GENEVA]), how)))

    assert "nothing was saved" in str(refusal.value)
    assert_empty()


def test_a_file_that_cannot_be_read_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "missing.json")
    (tmp_path / "latin1.json").write_bytes(b'{"format": "caf\xe9"}')
    with pytest.raises(CommandError, match="not UTF-8"):
        run_import(tmp_path / "latin1.json")
