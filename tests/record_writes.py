"""What the tests of the set-up writes share (processes, rounds, sessions, parties,
delegations, memberships, attendance, agenda issues): a scene built once a module, and the
checks every write route gets.

The scene has two rounds of one process: Geneva, where a published statement and status
sit, so that the published record shows it, its session, its delegation, members and
attendance, its party, person and agenda issue (an editor's change to those waits for a
reviewer, 202); and Istanbul, which nothing published shows yet (an editor's change is
saved at once, 200). Each test runs in a transaction of its own inside the module's, so
what one writes never reaches another. The `scene` fixture (tests/conftest.py) builds it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest

from delegations.models import DelegationRole, MembershipRole
from negotrack.models import Change, PendingRevision
from tests.factories import (
    AttendanceFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)

API = "/api/v1"
GENEVA_DAY = datetime.date(2026, 2, 17)
ISTANBUL_DAY = datetime.date(2025, 5, 16)


def build_scene() -> SimpleNamespace:
    """Geneva (shown by published records) and Istanbul (shown by nothing yet)."""
    process = ProcessFactory(slug="ru-ua", name="Russia–Ukraine talks")
    quiet_process = ProcessFactory(slug="us-iran", name="US–Iran talks")
    geneva = RoundFactory(process=process, city="Geneva", start_date=GENEVA_DAY, end_date=GENEVA_DAY)
    istanbul = RoundFactory(process=process, city="Istanbul", start_date=ISTANBUL_DAY, end_date=ISTANBUL_DAY)
    ukraine, russia = PartyFactory(slug="ukraine", name="Ukraine"), PartyFactory(slug="russia", name="Russia")
    turkey = PartyFactory(slug="turkey", name="Turkey")
    umerov, medinsky = PersonFactory(name="Rustem Umerov"), PersonFactory(name="Vladimir Medinsky")
    fidan, galuzin = PersonFactory(name="Hakan Fidan"), PersonFactory(name="Mikhail Galuzin")
    shown_delegation = DelegationFactory(round=geneva, party=ukraine)
    shown_member = MembershipFactory(delegation=shown_delegation, person=umerov, role=MembershipRole.HEAD)
    shown_session = SessionFactory(round=geneva, date=GENEVA_DAY)
    russia_at_istanbul = DelegationFactory(round=istanbul, party=russia)
    turkey_at_istanbul = DelegationFactory(round=istanbul, party=turkey, roles=[DelegationRole.HOST])
    quiet_member = MembershipFactory(delegation=russia_at_istanbul, person=medinsky, role=MembershipRole.HEAD)
    chair = MembershipFactory(delegation=turkey_at_istanbul, person=fidan, role=MembershipRole.CHAIR)
    quiet_session = SessionFactory(round=istanbul, date=ISTANBUL_DAY)
    shown_issue = IssueFactory(process=process, topic="territory", name="Territory")
    source = SourceFactory(outlet="Reuters")
    StatementFactory(process=process, round=geneva, speaker=umerov, party=ukraine, date=GENEVA_DAY,
                     issues=[shown_issue], sources=[source], publish=True)  # fmt: skip
    IssueStatusFactory(issue=shown_issue, round=geneva, sources=[source], publish=True)
    return SimpleNamespace(
        process=process, quiet_process=quiet_process, geneva=geneva, istanbul=istanbul,
        ukraine=ukraine, russia=russia, turkey=turkey, umerov=umerov, medinsky=medinsky, fidan=fidan,
        galuzin=galuzin, shown_delegation=shown_delegation, shown_member=shown_member,
        shown_session=shown_session, russia_at_istanbul=russia_at_istanbul,
        turkey_at_istanbul=turkey_at_istanbul, quiet_member=quiet_member, chair=chair,
        quiet_session=quiet_session, shown_issue=shown_issue,
        quiet_issue=IssueFactory(process=process, topic="energy", name="Energy infrastructure"),
        shown_attendance=AttendanceFactory(session=shown_session, membership=shown_member),
        quiet_attendance=AttendanceFactory(session=quiet_session, membership=quiet_member),
        source=source,
    )  # fmt: skip


@dataclass(frozen=True)
class Writes:
    """One collection's write routes, and what its tests send.

    `create` is the body of a new record; `change` picks a record nothing published shows
    and a body that changes it; `shown` one that published records show and a body that
    changes it. `bad` lists (body, field, words): a body refused with `words` on `field`,
    for a create (or, with `on` set, a change of the record `on` picks).
    """

    collection: str
    lookup: str
    create: Callable[[Any], dict[str, Any]]
    change: Callable[[Any], tuple[Any, dict[str, Any]]]
    shown: Callable[[Any], tuple[Any, dict[str, Any]]]
    bad: list[tuple[Callable[[Any], dict[str, Any]], str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return self.collection

    @property
    def url(self) -> str:
        return f"{API}/{self.collection}/"

    def detail(self, record: Any) -> str:
        return f"{self.url}{getattr(record, self.lookup)}/"


def changed(client, writes: Writes, record: Any, body: dict[str, Any], *, if_match: str) -> Any:
    return client.patch(writes.detail(record), body, format="json", HTTP_IF_MATCH=if_match)


def refusal(response, field_name: str) -> str:
    """The messages a 400 gives on one field, as one text."""
    assert response.status_code == 400, response.content
    assert field_name in response.json(), response.content
    messages = response.json()[field_name]
    if isinstance(messages, str):  # `detail`: the body as a whole (a NUL, refused while parsing)
        return messages
    return " ".join(messages if isinstance(messages, list) else [str(value) for value in messages.values()])


def changes_waiting(record: Any) -> list[PendingRevision]:
    return list(PendingRevision.objects.filter(record_uuid=record.uuid, state=PendingRevision.State.OPEN))


def bad_cases(*writes: Writes) -> list[Any]:
    """Each (writes, body, field, words), named for pytest by the collection and the field."""
    return [
        pytest.param((w, body, field_name, words), id=f"{w.collection}-{field_name}-{n}")
        for w in writes
        for n, (body, field_name, words) in enumerate(w.bad)
    ]


# A NUL anywhere in a body is refused while parsing it, as a 400 on the body (`detail`).
NUL = "Talks\x00"


class WriteRouteTests:
    """The tests every set-up write route gets. A module subclasses it as `Test…`, with
    the fixtures `writes` (a Writes, parametrized over its collections) and `bad` (from
    `bad_cases`), and `QUERIES`: each collection's (create, change) query counts, pinned."""

    QUERIES: dict[str, tuple[int, int]] = {}

    def test_an_editor_creates_one_answering_201_with_its_location_and_etag(
        self, scene, writes, token_api, editor, django_assert_num_queries
    ):
        body = writes.create(scene)
        client = token_api(editor)
        client.get(f"{API}/")  # the token's user and groups are read once, before the count
        with django_assert_num_queries(self.QUERIES[writes.collection][0]):
            response = client.post(writes.url, body, format="json")
        assert response.status_code == 201, response.content
        answer = response.json()
        assert response["Location"] == f"http://testserver{writes.url}{answer[writes.lookup]}/"
        assert response["ETag"] == '"1"' and answer["version"] == 1
        assert list(Change.objects.filter(record_uuid=answer["uuid"]).values_list("action", flat=True)) == ["create"]
        read = token_api(None).get(response["Location"])
        assert read.status_code == 200 and read.json()["uuid"] == answer["uuid"]
        # What was sent is what is read, where a read shows the value as it was sent.
        plain = {name: value for name, value in body.items() if isinstance(value, (str, int, bool)) or value is None}
        assert {name: read.json()[name] for name in plain if name in read.json()} == {
            name: value for name, value in plain.items() if name in read.json()
        }

    def test_an_editor_changes_one_with_if_match_answering_200(
        self, scene, writes, token_api, editor, django_assert_num_queries
    ):
        record, body = writes.change(scene)
        client = token_api(editor)
        client.get(f"{API}/")
        with django_assert_num_queries(self.QUERIES[writes.collection][1]):
            response = changed(client, writes, record, body, if_match=f'"{record.version}"')
        assert response.status_code == 200, response.content
        assert response["ETag"] == f'"{record.version + 1}"'
        answer = response.json()
        assert answer["version"] == record.version + 1
        for name, value in body.items():
            assert answer[name] == value, name
        assert not changes_waiting(record)

    def test_a_stale_if_match_answers_412_and_changes_nothing(self, scene, writes, token_api, editor):
        record, body = writes.change(scene)
        response = changed(token_api(editor), writes, record, body, if_match=f'"{record.version + 1}"')
        assert response.status_code == 412, response.content
        assert "changed since you read it" in response.json()["detail"]
        assert type(record).objects.get(pk=record.pk).version == record.version

    def test_bad_input_answers_400_on_its_field_and_saves_nothing(self, scene, bad, token_api, editor):
        writes, body, field_name, words = bad
        changes = Change.objects.count()
        response = token_api(editor).post(writes.url, body(scene), format="json")
        said = refusal(response, field_name)
        assert words in said, said
        assert Change.objects.count() == changes

    def test_only_editors_and_reviewers_write(self, scene, writes, token_api, analyst, outsider):
        record, body = writes.change(scene)
        for who, status in ((None, 401), (analyst, 403), (outsider, 403)):
            client = token_api(who)
            assert client.post(writes.url, writes.create(scene), format="json").status_code == status, who
            assert changed(client, writes, record, body, if_match="*").status_code == status, who
        assert type(record).objects.get(pk=record.pk).version == record.version

    def test_deleting_is_the_admins_405(self, scene, writes, token_api, reviewer):
        record, _ = writes.change(scene)
        assert token_api(reviewer).delete(writes.detail(record)).status_code == 405
        assert type(record).objects.filter(pk=record.pk).exists()

    def test_an_editors_change_to_what_published_records_show_waits_for_a_reviewer(
        self, scene, writes, token_api, editor, reviewer
    ):
        record, body = writes.shown(scene)
        response = changed(token_api(editor), writes, record, body, if_match=f'"{record.version}"')
        assert response.status_code == 202, response.content
        answer = response.json()
        assert answer["pending_revision"]["proposed"] == body
        assert answer["record"]["version"] == record.version
        [waiting] = changes_waiting(record)
        assert waiting.proposed_by == editor
        # A reviewer's own change is public at once.
        response = changed(token_api(reviewer), writes, record, body, if_match=f'"{record.version}"')
        assert response.status_code == 200, response.content
