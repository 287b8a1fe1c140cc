import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from delegations.models import Person
from delegations.services import person_save
from issues.models import Agreement, IssueStatus
from issues.services import draft_publish, issue_save
from negotrack.groups import system_user
from tests.admin_forms import signed_in
from tests.factories import AgreementFactory, IssueFactory, PersonFactory, ProcessFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_publishing_an_unsaved_draft_says_to_save_it_first(reviewer):
    with pytest.raises(ValidationError, match="Save the draft before publishing it"):
        draft_publish(IssueStatus(status="agreed"), by=reviewer)


def test_an_agreement_carried_out_on_the_second_day_of_its_round_is_accepted():
    talk_round = RoundFactory(start_date=datetime.date(2026, 2, 4), end_date=datetime.date(2026, 2, 5))
    agreement = AgreementFactory(process=talk_round.process, round=talk_round, carried_out_on=datetime.date(2026, 2, 5))
    assert Agreement.objects.get(pk=agreement.pk).carried_out_on == datetime.date(2026, 2, 5)


def test_a_person_named_only_in_cyrillic_gets_a_neutral_slug_not_a_shared_one():
    first = person_save(Person(name="Зеленський"), by=system_user())
    second = person_save(Person(name="Дмитриев"), by=system_user())
    assert first.slug.startswith("person-") and second.slug.startswith("person-")
    assert first.slug != second.slug


def test_an_issue_slug_taken_by_another_process_is_refused_beside_the_topic():
    IssueFactory(process=ProcessFactory(slug="ru"), topic="ua-territory")
    other = ProcessFactory(slug="ru-ua")
    with pytest.raises(ValidationError) as refused:
        issue_save(IssueFactory.build(process=other, topic="territory"), by=system_user())
    assert "already taken" in refused.value.message_dict["topic"][0]


def test_the_speaker_autocomplete_finds_people_by_an_alias_in_any_case_and_script(editor):
    PersonFactory(name="Volodymyr Zelensky", aliases="Zelenskyy\nЗеленский")
    url = reverse("admin:autocomplete") + "?app_label=issues&model_name=statement&field_name=speaker&term=зеленский"
    results = signed_in(editor).get(url).json()["results"]
    assert [result["text"] for result in results] == ["Volodymyr Zelensky"]
