"""Loading a round's document through the services, as the system account.

Each record of the document is matched with the database's: by UUID, and for processes,
rounds, parties, people and issues by slug as well (so that a document from another
negotrack finds "russia" here whatever its UUID). Every reference must name a record of
the document or of the database. Then, kind by kind, each record after those it refers
to, a missing record is created with the document's UUID and an existing one that
differs is updated, all through the same services as any other write (history, version
check, change log, current status and timeline marks included). A publishable record is
saved as a draft and then published, withdrawn or superseded as the document says, with
its publication moment; a published record is never edited in place, so a document that
differs from one in its content is refused.

The hand-edit guard: `negotrack.models.ImportedRecord` keeps the version each record had
when the last import left it. A record whose version has moved since (someone edited it)
is kept as it is and named in the report, unless the import is told to `force`.

All or nothing: the caller runs `RoundImport.run()` in one transaction; any problem
raises `ImportRefused`, which lists what is wrong and where (`statements[3].speaker`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any, NoReturn, cast

from django.db import models
from django.utils import timezone

from delegations.models import Person
from issues.models import Issue, PublicationState, Statement
from issues.roundio.document import (
    ALIASES,
    KIND,
    KINDS,
    PUBLICATION,
    SLUGGED,
    STATEMENT_ISSUES,
    SUPERSESSION,
    WITHDRAWAL,
    DocumentPart,
)
from issues.roundio.ordering import correction_chains, via_first
from issues.roundio.publishing import PublicationSteps
from issues.roundio.reading import (
    CHANGED,
    CREATED,
    KEPT,
    UNCHANGED,
    DocumentRecord,
    ImportRefused,
    Report,
)
from issues.roundio.values import from_document, json_type, natural_key, read_record, record_document
from negotrack.models import ImportedRecord
from negotrack.records import Record, User
from rounds.models import Round

# --- importing --------------------------------------------------------------------------


class RoundImport(PublicationSteps):
    def __init__(self, document: dict[str, Any], *, by: User, force: bool = False) -> None:
        self.document = document
        self.by = by
        self.force = force
        self.entries: dict[str, list[DocumentRecord]] = {kind.key: [] for kind in KINDS}
        self.index: dict[str, dict[str, DocumentRecord]] = {kind.key: {} for kind in KINDS}
        self.found: dict[str, dict[str, Record]] = {kind.key: {} for kind in KINDS}  # referred to, not in the file
        self.imported: dict[tuple[str, str], int] = {}  # (record type, UUID) -> version after the last import
        self.to_supersede: list[DocumentRecord] = []  # superseded by their corrections, later in the import
        self.corrected: set[str] = set()  # UUIDs of the records whose correction is in the document
        self.problems: list[str] = []

    def run(self) -> Report:
        for step in (self.read, self.match, self.resolve, self.order):
            step()
            if self.problems:
                raise ImportRefused(self.problems)
        self.load_guard()
        for kind in KINDS:
            self.apply_kind(kind)
        self.finish_supersessions()
        self.remember()
        return Report([entry for kind in KINDS for entry in self.entries[kind.key]])

    # --- checks before writing ----------------------------------------------------------

    def read(self) -> None:
        for kind in KINDS:
            raw = self.document[kind.key]
            if kind.single:
                items = [(kind.key, raw)]
            elif isinstance(raw, list):
                items = [(f"{kind.key}[{number}]", item) for number, item in enumerate(raw)]
            else:
                self.problems.append(f"{kind.key}: must be a list, not {json_type(raw)}")
                continue
            seen: dict[str, dict[str, str]] = {"slug": {}, "uuid": {}}
            for path, item in items:
                data = read_record(kind, item, path, self.problems)
                if data is None:
                    continue
                for identity in ("slug", "uuid") if kind.slugged else ("uuid",):
                    twin = seen[identity].setdefault(data[identity], path)
                    if twin != path:
                        self.problems.append(f"{path}.{identity}: the same as {twin}'s")
                entry = DocumentRecord(kind, path, data)
                self.entries[kind.key].append(entry)
                self.index[kind.key][entry.key] = entry

    def match(self) -> None:
        """Find each record of the document in the database: by UUID, or by slug."""
        for kind in KINDS:
            entries = self.entries[kind.key]
            if not entries:
                continue
            manager = kind.model._default_manager
            by_uuid = {str(r.uuid): r for r in manager.filter(uuid__in=[e.data["uuid"] for e in entries])}
            by_slug: dict[str | None, Record] = {}
            if kind.slugged:
                by_slug = {natural_key(r): r for r in manager.filter(**{"slug__in": [e.data["slug"] for e in entries]})}
            for entry in entries:
                same_uuid, same_slug = by_uuid.get(entry.data["uuid"]), by_slug.get(entry.data.get("slug"))
                if not kind.slugged or same_uuid == same_slug:
                    entry.record = same_uuid
                elif same_uuid is None:
                    entry.record = same_slug
                    if same_slug is not None:
                        entry.note = f"found by its slug; its UUID here is {same_slug.uuid}"
                elif same_slug is not None:
                    self.problems.append(
                        f'{entry.path}.uuid: names the {kind.name} "{natural_key(same_uuid)}" here, while '
                        f'"{entry.data["slug"]}" is another one'
                    )
                elif isinstance(same_uuid, Round) and same_uuid.slug_is_provisional:
                    entry.record = same_uuid  # a provisional slug is fixed once the first day is known
                else:
                    self.problems.append(
                        f'{entry.path}.slug: this {kind.name} is "{natural_key(same_uuid)}" here, '
                        "and a slug never changes"
                    )

    def references(self, entry: DocumentRecord) -> Iterator[tuple[str, str, str]]:
        """(key, kind it names, natural key) for each reference the record makes."""
        kind = entry.kind
        for key, target in kind.refs.items():
            if entry.data[key] is not None:
                yield key, target, entry.data[key]
        for key, target in kind.many.items():
            for value in entry.data[key]:
                yield key, target, value
        if kind.model is Statement:
            for link in entry.data[STATEMENT_ISSUES]:
                yield STATEMENT_ISSUES, "issues", link["issue"]

    def resolve(self) -> None:
        """Every reference names a record of the document or one of the database."""
        outside: dict[str, set[str]] = {kind.key: set() for kind in KINDS}
        for kind in KINDS:
            for entry in self.entries[kind.key]:
                for _, target, value in self.references(entry):
                    if value not in self.index[target]:
                        outside[target].add(value)
        for target, values in outside.items():
            if values:
                kind = KIND[target]
                lookup = "slug__in" if kind.slugged else "uuid__in"
                records = kind.model._default_manager.filter(**{lookup: values})
                self.found[target] = {natural_key(record): record for record in records}
        for kind in KINDS:
            for entry in self.entries[kind.key]:
                for key, target, value in self.references(entry):
                    if value not in self.index[target] and value not in self.found[target]:
                        name = KIND[target].name
                        self.problems.append(f'{entry.path}.{key}: no {name} "{value}" in the file or the database')

    def order(self) -> None:
        """Sources after the sources they are known through; publishable records in
        chains of corrections, the chains that end in a withdrawal first."""
        self.entries["sources"] = via_first(self.entries["sources"], self.index["sources"], self.problems)
        for kind in KINDS:
            if kind.publishable:
                self.entries[kind.key], corrected = correction_chains(self.entries[kind.key], self.problems)
                self.corrected |= corrected

    def load_guard(self) -> None:
        for kind in KINDS:
            uuids = [entry.record.uuid for entry in self.entries[kind.key] if entry.record is not None]
            if uuids:
                rows = ImportedRecord.objects.filter(record_type=kind.model._meta.label_lower, record_uuid__in=uuids)
                for record_type, record_uuid, version in rows.values_list("record_type", "record_uuid", "version"):
                    self.imported[(record_type, str(record_uuid))] = version

    # --- writing ------------------------------------------------------------------------

    def apply_kind(self, kind: DocumentPart) -> None:
        entries = self.entries[kind.key]
        # Fresh from the database, now that the kinds before this one are written.
        select, prefetch = kind.related()
        stored = {
            record.pk: record
            for record in kind.model._default_manager.select_related(*select)
            .prefetch_related(*prefetch)
            .filter(pk__in=[entry.record.pk for entry in entries if entry.record is not None])
        }
        for entry in entries:
            if entry.record is None:
                self.create(entry)
                continue
            entry.record = stored[entry.record.pk]
            current = record_document(kind, entry.record)
            entry.changed = [key for key in kind.keys if not _same(kind, key, entry.data[key], current[key])]
            if not entry.changed:
                entry.outcome = UNCHANGED
                continue
            imported = self.imported.get((kind.model._meta.label_lower, str(entry.record.uuid)))
            if imported is not None and imported != entry.record.version and not self.force:
                entry.outcome = KEPT
                entry.note = f"version {entry.record.version} here, {imported} when the last import left it"
                continue
            self.update(entry, current)

    def create(self, entry: DocumentRecord) -> None:
        kind = entry.kind
        record = kind.model(uuid=uuid.UUID(entry.data["uuid"]))
        self.fill(entry, record)
        with self.about(entry):
            kind.save(record, by=self.by, **self.related_values(entry))
        entry.record = record
        if isinstance(record, SLUGGED) and record.slug != entry.data["slug"]:  # kind.slugged
            # An issue's slug is made from its process and topic, a round's from its place and day.
            self.refuse(f'{entry.path}.slug: the services make it "{record.slug}", not "{entry.data["slug"]}"')
        if kind.publishable:
            self.publish_as_in_document(entry)
        entry.outcome = CREATED

    def update(self, entry: DocumentRecord, current: dict[str, Any]) -> None:
        kind = entry.kind
        record = cast(Record, entry.record)  # matched: apply_kind creates the others
        version = record.version
        entry.outcome = CHANGED
        if not kind.publishable or current["state"] == PublicationState.DRAFT:
            self.fill(entry, record)
            with self.about(entry):
                kind.save(record, by=self.by, **self.related_values(entry))
            if kind.publishable:
                self.publish_as_in_document(entry)
            elif record.version == version:
                entry.outcome = UNCHANGED  # different only in spelling: the services saved nothing
            return
        changed, state = set(entry.changed), entry.data["state"]
        if current["state"] == PublicationState.PUBLISHED:
            if state == PublicationState.WITHDRAWN and changed <= WITHDRAWAL:
                self.withdraw_as_in_document(entry)
                return
            if state == PublicationState.SUPERSEDED and changed <= SUPERSESSION:
                self.supersede_as_in_document(entry)
                return
            why = "a published record is never changed in place (a correction is a record of its own)"
        else:
            why = "a correction notice stays as it is"
        self.refuse(
            f"{entry.path}: {current['state']} here, and the document differs in {', '.join(entry.changed)}; {why}"
        )

    def fill(self, entry: DocumentRecord, record: Record) -> None:
        """Set the record's fields to the document's values (many-to-many values go to the service)."""
        kind = entry.kind
        for key in kind.keys:
            value = entry.data[key]
            if key == "uuid" or key in kind.many or (key in PUBLICATION and key != "revises"):
                continue
            if kind.model is Statement and key == STATEMENT_ISSUES:
                continue
            if key in kind.refs:
                setattr(record, key, self.target(kind.refs[key], value))
            elif kind.model is Person and key == ALIASES:
                cast(Person, record).aliases = "\n".join(value)
            elif kind.model is Issue and key == "slug" and record._state.adding:
                continue  # issue_save makes it from the process and topic
            else:
                model_field = cast("models.Field[Any, Any]", kind.model._meta.get_field(key))  # a plain field
                setattr(record, model_field.attname, from_document(model_field, value))

    def related_values(self, entry: DocumentRecord) -> dict[str, Any]:
        """The many-to-many values the service takes beside the record."""
        kind = entry.kind
        values: dict[str, Any] = {
            key: [self.target(target, value) for value in entry.data[key]] for key, target in kind.many.items()
        }
        if kind.model is Statement:
            issues = [(self.target("issues", link["issue"]), link["uuid"]) for link in entry.data[STATEMENT_ISSUES]]
            values["issues"] = [issue for issue, _ in issues]
            values["issue_link_uuids"] = {cast(Issue, issue).pk: uuid.UUID(link_uuid) for issue, link_uuid in issues}
            values["confirm_date"] = True  # its editor confirmed the date where it was made
            values["confirm_party"] = True  # and the party, against the delegations on record there
        if kind.model is Person:
            values["confirm_new"] = True  # a person of its own where it was made, with its own UUID
        return values

    def target(self, kind_key: str, value: str | None) -> Record | None:
        if value is None:
            return None
        entry = self.index[kind_key].get(value)
        return entry.record if entry is not None else self.found[kind_key][value]

    def remember(self) -> None:
        """Keep each record's version as this import leaves it, for the hand-edit guard."""
        now = timezone.now()
        for kind in KINDS:
            pks = [
                cast(Record, e.record).pk for e in self.entries[kind.key] if e.outcome in (CREATED, CHANGED, UNCHANGED)
            ]
            if not pks:
                continue
            record_type = kind.model._meta.label_lower
            versions = dict(kind.model._default_manager.filter(pk__in=pks).values_list("uuid", "version"))
            rows = {
                row.record_uuid: row
                for row in ImportedRecord.objects.filter(record_type=record_type, record_uuid__in=versions)
            }
            stale = []
            for record_uuid, version in versions.items():
                row = rows.get(record_uuid)
                if row is None:
                    rows[record_uuid] = ImportedRecord(
                        record_type=record_type, record_uuid=record_uuid, version=version
                    )
                elif row.version != version:
                    row.version, row.imported_at = version, now
                    stale.append(row)
            ImportedRecord.objects.bulk_create([row for row in rows.values() if row.pk is None])
            ImportedRecord.objects.bulk_update(stale, ["version", "imported_at"])

    def refuse(self, problem: str) -> NoReturn:
        raise ImportRefused([problem])


def _same(kind: DocumentPart, key: str, wanted: Any, stored: Any) -> bool:
    if key == "uuid" and kind.slugged:
        return True  # the slug names it; its UUID here may be another
    if kind.model is Statement and key == STATEMENT_ISSUES:
        # A link is its statement and issue; its UUID here may be another.
        return [link["issue"] for link in wanted] == [link["issue"] for link in stored]
    return wanted == stored
