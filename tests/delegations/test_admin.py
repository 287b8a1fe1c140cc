"""The delegations' admin: a delegation's roles in the list and its filter."""

import re

import pytest
from django.urls import reverse

from delegations.models import DelegationRole
from tests.admin_forms import signed_in
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def listed_parties(response) -> list[str]:
    return re.findall(r'<th class="field-party[^"]*"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_list_filters_by_a_role_held_alone_or_beside_others_and_names_them_all(editor):
    DelegationFactory(party__name="Qatar", roles=[DelegationRole.HOST, DelegationRole.MEDIATOR])
    DelegationFactory(party__name="Oman", roles=[DelegationRole.MEDIATOR])
    DelegationFactory(party__name="Ukraine")
    client = signed_in(editor)
    changelist = reverse("admin:delegations_delegation_changelist")

    response = client.get(changelist, {"role": "mediator"})

    assert sorted(listed_parties(response)) == ["Oman", "Qatar"]
    assert '<td class="field-roles_label">mediator and host</td>' in response.content.decode()
    assert listed_parties(client.get(changelist, {"role": "host"})) == ["Qatar"]
    assert len(listed_parties(client.get(changelist))) == 3
