"""The entry page's rows save nothing wrong silently: a party the speaker never sat for, a
row repeated, a row cleared, a row removed, texts too long, several sources a row."""

import pytest

from issues.models import Statement
from tests.issues.editorial import test_entry
from tests.issues.editorial.test_entry import (
    counts,
    entry_url,
    form_data,
    opened,
    page_text,
    refused,
    row_errors,
    said,
)

# The entry page's scene and signed-in editor, as its other tests have them.
scene, as_editor = test_entry.scene, test_entry.as_editor

pytestmark = pytest.mark.django_db


def test_a_party_the_speaker_never_sat_for_is_refused_until_the_editor_says_it_is_right(as_editor, scene):
    wrong = said(speaker="Vladimir Medinsky", party=scene.ukraine.pk, speaker_title="aide")
    data = form_data(opened(as_editor, scene), statements=[wrong])

    response = refused(as_editor, scene, data)

    assert "Vladimir Medinsky never sat in a delegation of Ukraine (on record only for Russia)" in row_errors(
        response, "statements-0"
    )
    assert 'name="statements-0-confirm_party"' in response.content.decode()
    assert "The party is right" in page_text(response)
    assert as_editor.post(entry_url(scene.geneva), {**data, "statements-0-confirm_party": "on"}).status_code == 302
    assert Statement.objects.get().party == scene.ukraine


def test_the_party_box_shows_only_on_a_row_refused_for_its_party(as_editor, scene):
    assert "confirm_party" not in opened(as_editor, scene).content.decode()


def test_a_row_whose_speaker_and_text_are_cleared_is_blank_whatever_was_filled_in_for_it(as_editor, scene):
    filled_in = {"speaker": "", "text": "", "party": scene.russia.pk, "speaker_title": "aide", "sources": ["1"]}
    data = form_data(opened(as_editor, scene), statements=[said(), filled_in])

    response = as_editor.post(entry_url(scene.geneva), data)

    assert response.status_code == 302
    assert Statement.objects.count() == 1


def test_every_row_has_a_remove_button_that_posts_the_form_back_without_it(as_editor, scene):
    markup = opened(as_editor, scene).content.decode()
    for row in ("sources-0", "statements-2", "positions-0", "agreements-0", "statements-__prefix__"):
        assert f'name="remove" value="{row}"' in markup
    data = form_data(opened(as_editor, scene), statements=[said("First words."), said("Second words.")])

    response = as_editor.post(entry_url(scene.geneva), {**data, "remove": "statements-0"})

    assert response.status_code == 200
    assert counts()["Statement"] == 0
    markup = response.content.decode()
    assert "First words." not in markup and "Second words." in markup
    assert 'name="statements-TOTAL_FORMS" value="2"' in markup  # the second row and the blank one
    assert "errorlist" not in markup


def test_removing_a_source_row_moves_up_the_numbers_the_rows_below_cite(as_editor, scene):
    sources = [{"outlet": "TASS"}, {"outlet": "Reuters"}]
    data = form_data(opened(as_editor, scene), sources=sources, statements=[said(sources=["1", "2"])])

    response = as_editor.post(entry_url(scene.geneva), {**data, "remove": "sources-0"})

    row = response.context["sheet"].formsets["statements"].forms[0]
    assert row["sources"].value() == ["1"]
    assert "1: Reuters" in page_text(response)


def test_a_row_cites_several_sources_and_keeps_them_when_the_form_is_refused(as_editor, scene):
    sources = [{"existing": scene.source.pk}, {"outlet": "TASS", "url": "https://example.org/tass-2"}]
    page = opened(as_editor, scene)
    bad = form_data(page, sources=sources, statements=[said(sources=["1", "2"]), said(speaker="Nobody Known")])

    response = refused(as_editor, scene, bad)

    markup = response.content.decode()
    assert 'name="statements-0-sources" value="1" id="id_statements-0-sources_0" checked' in markup
    assert 'name="statements-0-sources" value="2" id="id_statements-0-sources_1" checked' in markup
    good = form_data(page, sources=sources, statements=[said(sources=["1", "2"])])
    assert as_editor.post(entry_url(scene.geneva), good).status_code == 302
    cited = sorted(source.outlet for source in Statement.objects.get().sources.all())
    assert cited == ["Reuters", "TASS"]


@pytest.mark.parametrize(
    ("row", "field", "limit"),
    [("statements", "text", 50_000), ("statements", "translation", 50_000), ("agreements", "terms", 10_000)],
)
def test_long_texts_are_refused_with_their_limit_stated_in_the_form(as_editor, scene, row, field, limit):
    markup = opened(as_editor, scene).content.decode()
    assert f'name="{row}-0-{field}" cols="40" rows' in markup and f'maxlength="{limit}"' in markup
    assert f"up to {limit:,} characters" in markup
    too_long = {field: "x" * (limit + 1)}
    filled = {
        "statements": {"statements": [said(**too_long) if field == "text" else said(language="ru", **too_long)]},
        "agreements": {"agreements": [{"title": "Exchange", "parties": [scene.ukraine.pk], **too_long}]},
    }[row]
    data = form_data(opened(as_editor, scene), **filled)

    errors = row_errors(refused(as_editor, scene, data), f"{row}-0")

    assert f"Ensure this value has at most {limit} characters (it has {limit + 1})." in errors
