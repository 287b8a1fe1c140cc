"""The publication steps of a round's import: a publishable record, saved as a draft, is
published, withdrawn or superseded as the document says, with its moments; a refusal by
the services names the record and the field. Mixed into `RoundImport`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from issues.models import PublicationState, Publishable
from issues.roundio.reading import DocumentRecord, ImportRefused
from issues.roundio.values import from_document
from issues.services import draft_publish, record_supersede, record_withdraw
from negotrack.records import Record, User


class PublicationSteps:
    by: User
    corrected: set[str]  # UUIDs of the records whose correction is in the document
    to_supersede: list[DocumentRecord]  # superseded by their corrections, later in the import

    def publish_as_in_document(self, entry: DocumentRecord) -> None:
        model = cast("type[Publishable]", entry.kind.model)
        published_at = from_document(model._meta.get_field("published_at"), entry.data["published_at"])
        with self.about(entry):
            draft_publish(cast(Publishable, entry.record), by=self.by, at=published_at)
        if entry.data["state"] == PublicationState.WITHDRAWN:
            self.withdraw_as_in_document(entry)
        elif entry.data["state"] == PublicationState.SUPERSEDED:
            self.supersede_as_in_document(entry)

    def withdraw_as_in_document(self, entry: DocumentRecord) -> None:
        model = cast("type[Publishable]", entry.kind.model)
        on_date = from_document(model._meta.get_field("withdrawn_on"), entry.data["withdrawn_on"])
        with self.about(entry):
            record_withdraw(
                cast(Publishable, entry.record), by=self.by, note=entry.data["correction_note"], on_date=on_date
            )

    def supersede_as_in_document(self, entry: DocumentRecord) -> None:
        """Its correction supersedes it when published, later in this import; a record whose
        correction lies outside the document (at another round) is superseded right away."""
        if entry.key in self.corrected:
            self.to_supersede.append(entry)
        else:
            self.supersede_without_correction(entry)

    def supersede_without_correction(self, entry: DocumentRecord) -> None:
        model = cast("type[Publishable]", entry.kind.model)
        at = from_document(model._meta.get_field("superseded_at"), entry.data["superseded_at"])
        with self.about(entry):
            entry.record = record_supersede(
                model._default_manager.get(pk=cast(Record, entry.record).pk), by=self.by, at=at
            )

    def finish_supersessions(self) -> None:
        """A correction of the document that this import did not publish (one kept as it
        was edited here) leaves the record it corrects to be superseded here."""
        for entry in self.to_supersede:
            model, record = cast("type[Publishable]", entry.kind.model), cast(Record, entry.record)
            if model._default_manager.filter(pk=record.pk, state=PublicationState.PUBLISHED).exists():
                self.supersede_without_correction(entry)

    @contextmanager
    def about(self, entry: DocumentRecord) -> Iterator[None]:
        """A refusal by the services names the record and the field."""
        try:
            yield
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                problems = [
                    f"{entry.path}{'' if name == '__all__' else '.' + name}: {message}"
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
            else:
                problems = [f"{entry.path}: {message}" for message in error.messages]
            raise ImportRefused(problems) from error
        except IntegrityError as error:
            raise ImportRefused([f"{entry.path}: the database refused it ({error})"]) from error
