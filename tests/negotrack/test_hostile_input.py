"""Input that must be refused as a 4xx, never a 500 nor a record half saved: a NUL (which
PostgreSQL cannot store) or another control character wherever input enters, JSON nested
a thousand deep, a withdrawal dated in year 9999."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from delegations.services import person_save
from issues.models import Agreement, PublicationState, Statement
from issues.services import agreement_save, record_withdraw, statement_save
from negotrack.models import Change
from tests.factories import PartyFactory, PersonFactory, RoundFactory, StatementFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
NUL_PATHS = [
    "people/%00/",
    "rounds/%00/",
    "processes/%00/",
    "parties/%00/",
    "issues/%00/",
    "issues/%00/status/",
    "issues/%00/timeline/",
    "sources/%00/",
]


@pytest.mark.parametrize("path", NUL_PATHS)
def test_a_nul_in_a_slug_of_the_api_answers_404_in_json(client, path):
    response = client.get(f"{API}/{path}")
    assert response.status_code == 404
    assert "control character" in response.json()["detail"]


@pytest.mark.parametrize(
    "query, name",
    [
        ("status-matrix/?process=%00", "process"),
        ("statements/?q=peace%00", "q"),
        ("statements/?speaker=%01", "speaker"),
        ("agreements/?process=russia%00", "process"),
        ("people/?q=%00", "q"),
    ],
)
def test_a_control_character_in_a_query_parameter_of_the_api_answers_400_naming_it(client, query, name):
    response = client.get(f"{API}/{query}")
    assert response.status_code == 400
    assert list(response.json()) == [name]


def test_a_nul_in_a_page_address_or_its_query_is_refused_in_plain_text(client):
    assert client.get("/people/%00/").status_code == 404
    response = client.get("/statements/", {"q": "cease\x00fire"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_nul_in_a_form_field_is_refused_before_any_view(client):
    response = client.post("/accounts/sign-in/", {"username": "editor\x00", "password": "x"})
    assert response.status_code == 400


def test_a_nul_in_a_json_body_is_refused_and_nothing_is_saved(token_api, editor):
    talk_round = RoundFactory()
    before = Change.objects.count()
    body = {"process": talk_round.process.slug, "text": "We agreed\x00.", "speaker_description": "an aide"}
    response = token_api(editor).post(f"{API}/statements/", body, format="json")
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
    assert not Statement.objects.exists() and Change.objects.count() == before


def test_json_nested_a_thousand_deep_answers_400(token_api, editor):
    deep = '{"text": ' + "[" * 1000 + "]" * 1000 + "}"
    response = token_api(editor).post(f"{API}/statements/", data=deep, content_type="application/json")
    assert response.status_code == 400
    assert "nested deeper" in response.json()["detail"]


def test_json_nested_deeper_than_python_reads_answers_400(token_api, editor):
    deep = '{"a":' * 100_000 + "1" + "}" * 100_000
    response = token_api(editor).post(f"{API}/statements/", data=deep, content_type="application/json")
    assert response.status_code == 400
    assert "nested deeper" in response.json()["detail"]


def test_a_record_refuses_a_control_character_in_a_one_line_field(editor):
    person = PersonFactory.build(name="Vladimir\x07Medinsky")
    with pytest.raises(ValidationError) as refused:
        person_save(person, by=editor)
    assert "control character (\\x07)" in " ".join(refused.value.message_dict["name"])


def test_a_record_keeps_tabs_and_new_lines_in_a_text_but_refuses_a_nul(editor):
    statement = StatementFactory(text="First line.\n\tSecond line.")
    assert Statement.objects.get(pk=statement.pk).text == "First line.\n\tSecond line."
    statement.text = "Said\x00."
    with pytest.raises(ValidationError) as refused:
        statement_save(statement, by=editor)
    assert "NUL" in " ".join(refused.value.message_dict["text"])


def test_an_agreements_figures_refuse_a_nul_in_a_label(editor):
    talk_round = RoundFactory()
    agreement = Agreement(
        process=talk_round.process,
        round=talk_round,
        title="Prisoner exchange",
        terms="157 for 157.",
        figures=[{"label": "prisoners\x00", "value": 157, "unit": "people"}],
    )
    with pytest.raises(ValidationError) as refused:
        agreement_save(agreement, by=editor, parties=[PartyFactory(), PartyFactory()])
    assert "NUL" in " ".join(refused.value.message_dict.get("figures", [])), refused.value.message_dict
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_the_api_refuses_a_withdrawal_dated_outside_1900_to_today(token_api, reviewer, day):
    statement = StatementFactory(publish=True)
    response = token_api(reviewer).post(
        f"{API}/statements/{statement.uuid}/withdraw/", {"note": "Misattributed.", "on": day}, format="json"
    )
    assert response.status_code == 400
    assert "on" in response.json()
    assert Statement.objects.get(pk=statement.pk).state == PublicationState.PUBLISHED


@pytest.mark.parametrize("day", [datetime.date(9999, 12, 31), datetime.date(1, 1, 1)])
def test_the_withdraw_service_refuses_a_day_outside_1900_to_today(reviewer, day):
    statement = StatementFactory(publish=True)
    with pytest.raises(ValidationError) as refused:
        record_withdraw(statement, by=reviewer, note="Misattributed.", on_date=day)
    assert "withdrawn_on" in refused.value.message_dict
    assert Statement.objects.get(pk=statement.pk).state == PublicationState.PUBLISHED
