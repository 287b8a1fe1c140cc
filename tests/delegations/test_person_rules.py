"""One person, once: a new person who looks like someone on record is offered as that
person before a second record is made, by the service, so in the admin as in the API."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delegations.models import Person
from delegations.services import PersonLooksKnown, person_new_check, person_save
from negotrack.records import delete_record
from negotrack.restore import restore_version
from tests.admin_forms import page_form_data, signed_in
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def medinsky():
    return PersonFactory(name="Vladimir Medinsky", aliases="Мединский")


@pytest.mark.parametrize("name", ["Vladimir Medinskiy", "Medinsky", "Мединский", "vladimir medinsky"])
def test_a_new_person_who_looks_like_someone_on_record_is_refused_naming_them(editor, medinsky, name):
    with pytest.raises(PersonLooksKnown) as refused:
        person_save(Person(name=name), by=editor)

    assert refused.value.people == [medinsky]
    assert "Vladimir Medinsky (vladimir-medinsky)" in refused.value.message_dict["name"][0]
    assert Person.objects.count() == 1


def test_an_alias_of_the_new_person_counts_too(editor):
    umerov = PersonFactory(name="Rustem Umerov", aliases="Umerov\nUmjerow")

    with pytest.raises(PersonLooksKnown) as refused:
        person_save(Person(name="R. Oumerov", aliases="Umjerow"), by=editor)

    assert refused.value.people == [umerov]


def test_a_new_person_confirmed_as_new_is_added(editor, medinsky):
    person = person_save(Person(name="Medinsky"), by=editor, confirm_new=True)

    assert person.slug == "medinsky"


def test_someone_else_is_added_without_a_question(editor, medinsky):
    assert person_save(Person(name="Kyrylo Budanov"), by=editor).slug == "kyrylo-budanov"


def test_a_person_on_record_changes_without_the_question(editor, medinsky):
    other = PersonFactory(name="Mikhail Galuzin")
    other.aliases = "Medinsky"

    assert person_save(other, by=editor).version == 2


def test_the_check_costs_one_query_however_many_people_and_names(editor, medinsky):
    PersonFactory.create_batch(20)

    with CaptureQueriesContext(connection) as captured:
        person_new_check(Person(name="Kyrylo Budanov", aliases="Budanow\nБуданов\nBudanov"))

    assert len(captured) == 1


def test_the_factory_people_never_look_alike(editor):
    people = [PersonFactory(confirm_new=False) for _ in range(12)]

    assert len({person.slug for person in people}) == 12


def test_a_deleted_person_is_restored_whoever_goes_by_a_like_name_now(editor, reviewer, medinsky):
    uuid, version = medinsky.uuid, medinsky.version
    delete_record(medinsky, by=reviewer)
    PersonFactory(name="Vladimir Medinskiy")
    created = Person.history.filter(uuid=uuid, history_type="+").get()

    restore_version(
        record_type="delegations.person", uuid=uuid, history_id=created.history_id, by=editor, expected_version=version
    )

    assert Person.objects.filter(uuid=uuid, name="Vladimir Medinsky").exists()


# --- the admin --------------------------------------------------------------------------------

ADD = "/admin/delegations/person/add/"


def test_the_admin_shows_whom_a_new_person_looks_like_and_asks_before_adding(editor, medinsky):
    client = signed_in(editor)
    data = {**page_form_data(client.get(ADD)), "name": "Vladimir Medinskiy", "slug": "vladimir-medinskiy"}

    asked = client.post(ADD, data)

    assert asked.status_code == 200
    markup = asked.content.decode()
    assert f'<a href="/admin/delegations/person/{medinsky.pk}/change/" target="_blank">Vladimir Medinsky</a>' in markup
    assert re.search(r'<input type="checkbox" name="confirm_new"[^>]*>', markup)
    assert "This is a new person" in markup
    assert Person.objects.count() == 1

    added = client.post(ADD, {**data, "confirm_new": "on"})

    assert added.status_code == 302
    assert Person.objects.filter(slug="vladimir-medinskiy").exists()


def test_the_admin_asks_nothing_of_someone_else(editor, medinsky):
    client = signed_in(editor)
    page = client.get(ADD)
    assert 'type="checkbox" name="confirm_new"' not in page.content.decode()

    added = client.post(ADD, {**page_form_data(page), "name": "Kyrylo Budanov", "slug": "kyrylo-budanov"})

    assert added.status_code == 302
    assert Person.objects.filter(slug="kyrylo-budanov").exists()
