"""The migration that gave a delegation a set of roles: each delegation, and each version
in its history, keeps the one role it had; and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

ONE_ROLE = [("delegations", "0001_initial")]
ROLES = [("delegations", "0002_delegation_roles_and_chair")]

# Transactional: the schema itself moves; serialized_rollback puts back the groups that
# the migrations made, which the flush after the test takes away.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def migrate(targets):
    """Migrate the test database to `targets`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def at_one_role():
    """The database as it was before roles, put back to the latest migrations after the test."""
    apps = migrate(ONE_ROLE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def delegations_with_one_role(apps) -> None:
    Process, Round = apps.get_model("rounds", "Process"), apps.get_model("rounds", "Round")
    Party, Delegation = apps.get_model("delegations", "Party"), apps.get_model("delegations", "Delegation")
    History = apps.get_model("delegations", "HistoricalDelegation")
    talk_round = Round.objects.create(process=Process.objects.create(slug="talks", name="Talks"), slug="geneva")
    for name, role in (("Ukraine", "negotiating_party"), ("United States", "mediator"), ("Switzerland", "host")):
        party = Party.objects.create(slug=name.lower().replace(" ", "-"), name=name)
        delegation = Delegation.objects.create(round=talk_round, party=party, role=role, version=1)
        History.objects.create(
            id=delegation.pk, uuid=delegation.uuid, version=1, created_at=delegation.created_at,
            updated_at=delegation.updated_at, role=role, note="", round=talk_round, party=party,
            history_date=timezone.now(), history_type="+",
        )  # fmt: skip


def test_each_delegation_and_each_version_in_its_history_keeps_its_one_role_as_a_set_of_one(at_one_role):
    delegations_with_one_role(at_one_role)

    apps = migrate(ROLES)

    expected = {"Ukraine": ["negotiating_party"], "United States": ["mediator"], "Switzerland": ["host"]}
    for name in ("Delegation", "HistoricalDelegation"):
        rows = apps.get_model("delegations", name).objects.values_list("party__name", "roles")
        assert dict(rows) == expected, name


def test_going_back_keeps_the_first_of_the_roles(at_one_role):
    delegations_with_one_role(at_one_role)
    Delegation = migrate(ROLES).get_model("delegations", "Delegation")
    Delegation.objects.filter(party__name="Switzerland").update(roles=["mediator", "host"])

    Delegation = migrate(ONE_ROLE).get_model("delegations", "Delegation")

    assert dict(Delegation.objects.values_list("party__name", "role")) == {
        "Ukraine": "negotiating_party",
        "United States": "mediator",
        "Switzerland": "mediator",
    }
