"""The source rows of the entry form: a source on record, or a new one described on the
row, which the other rows cite by its number."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

from issues.editorial.entry.forms import BaseRow, PublishedOnField
from negotrack.records import User
from rounds.models import Source
from rounds.services import source_save


class SourceRow(BaseRow):
    """A source the entry cites: one on record, or a new one described here. The rows
    below cite it by its number."""

    error_fields = {"via": NON_FIELD_ERRORS}

    existing = forms.ChoiceField(required=False, label="On record", help_text="cited at this round, or lately")
    outlet = forms.CharField(max_length=200, required=False, label="Or a new one: outlet")
    title = forms.CharField(max_length=500, required=False, label="Headline")
    url = forms.URLField(max_length=1000, required=False, label="URL", assume_scheme="https")
    published_on = PublishedOnField()

    NEW = ("outlet", "title", "url", "published_on")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choice_field("existing").choices = self.offer.source_choices

    def clean_existing(self) -> Source | None:
        key = self.cleaned_data["existing"]
        return self.offer.sources[key] if key else None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        describes_new = any(data.get(name) for name in self.NEW)
        if data.get("existing") and describes_new:
            self.add_error("existing", "Pick a source on record or describe a new one, not both.")
        elif describes_new and not data.get("outlet"):
            self.add_error("outlet", "Name the outlet of the new source.")
        return data

    def label(self) -> str:
        """What the rows below call this source, from what was picked or typed (posted, or
        kept when the form comes back for another row or without one)."""
        key = str(self["existing"].value() or "")
        if key in self.offer.sources:
            return str(self.offer.sources[key])
        typed = (str(self[name].value() or "").strip() for name in ("outlet", "title"))
        return " — ".join(part for part in typed if part)

    def save(self, *, by: User, known: dict[tuple[Any, ...], Source]) -> Source:
        """The source on record, or the new one: one for every row that gives the same URL
        (or the same outlet, headline and day), and the source on record with that URL."""
        data = self.cleaned_data
        if data["existing"]:
            return data["existing"]
        new = Source(
            outlet=data["outlet"].strip(),
            title=data["title"].strip(),
            url=data["url"],
            published_on=data["published_on"],
        )
        key: tuple[Any, ...] = ("url", new.url) if new.url else ("about", new.outlet, new.title, new.published_on)
        if key not in known:
            on_record = Source.objects.filter(url=new.url).first() if new.url else None
            known[key] = on_record or source_save(new, by=by)
        return known[key]
