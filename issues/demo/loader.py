"""Load the demo record through the services: `load_demo(by=…)`.

The setting of the talks (sources, processes, parties, people, rounds, sessions,
delegations, memberships, agenda issues) goes through the bulk path of the services,
`negotrack.bulk.create_records`: the same validation, history and change-log rows as a
save each, one insert per kind, with the services' slug rules applied set-wise. What is
published (statuses, positions, agreements, statements) goes through its save service
and `publish` one record at a time, as an editor and a reviewer would: publishing is a
write of its own, with its history and change-log rows, and it moves each issue's
current status and each party's current position.

Every record is written as the given user, with a UUID derived from its key, so a
second run finds every record already there and writes nothing at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

from django.db import models, transaction

from delegations.models import Delegation, Membership, Party, Person
from delegations.services import refuse_second_chairs
from issues.demo.facts import Facts, Row, demo_rows, demo_uuid, read
from issues.demo.slugs import assign_slugs
from issues.models import Agreement, Issue, IssueStatus, Position, Publishable, Statement
from issues.services import agreement_save, draft_publish, issue_status_save, position_save, statement_save
from issues.timelines import rebuild
from negotrack.bulk import create_records
from negotrack.records import Record, User
from rounds.models import Process, Round, Session, Source

# Each kind of record and its model, in the order they are written.
MODELS: dict[str, type[Record]] = {
    "source": Source,
    "process": Process,
    "party": Party,
    "person": Person,
    "round": Round,
    "session": Session,
    "delegation": Delegation,
    "membership": Membership,
    "issue": Issue,
    "status": IssueStatus,
    "position": Position,
    "agreement": Agreement,
    "statement": Statement,
}
# The kinds that are published: each through its save service, then `publish`.
SAVE_SERVICES: dict[str, Callable[..., Any]] = {
    "status": issue_status_save,
    "position": position_save,
    "agreement": agreement_save,
    "statement": statement_save,
}

# Row fields that name other records by key, and the kind they name; the plural ones are
# many-to-many values, which go beside the record.
REFERENCES = {
    "via": "source",
    "process": "process",
    "round": "round",
    "party": "party",
    "speaker": "person",
    "person": "person",
    "delegation": "delegation",
    "issue": "issue",
    "sources": "source",
    "parties": "party",
    "issues": "issue",
}
MANY = {"sources", "parties", "issues"}
# Row fields that are an editor's confirmation, passed to the save service as they are: a
# head of state speaks for their country without sitting in any delegation.
CONFIRMATIONS = {"confirm_party"}


def load_demo(*, by: User, facts: Facts | None = None) -> str:
    """Load what is missing of the demo record, in one transaction; says what it did."""
    with transaction.atomic():
        loader = DemoLoader(by=by, facts=read() if facts is None else facts)
        loader.load()
    return loader.summary()


class DemoLoader:
    """Writes the demo rows through the services, skipping every record that already exists."""

    def __init__(self, *, by: User, facts: Facts) -> None:
        self.by = by
        self.facts = facts
        self.records: dict[str, dict[str, Record]] = {kind: {} for kind in MODELS}
        self.created: Counter[str] = Counter()
        self.existing: Counter[str] = Counter()

    def load(self) -> None:
        new_issues: list[Record] = []
        for kind, group in groupby(demo_rows(self.facts), key=itemgetter(0)):
            rows = [(key, row) for _, key, row in group]
            missing = self.find(kind, rows)
            if kind in SAVE_SERVICES:
                for key, row in missing:
                    self.save_one(kind, key, row)
            else:
                created = self.create_many(kind, missing)
                if kind == "issue":
                    new_issues = created
        # The bulk path sends no record_changed: a new issue's timeline is marked here, as
        # issue_save marks it.
        rebuild.mark(issue.pk for issue in new_issues)

    def find(self, kind: str, rows: list[tuple[str, Row]]) -> list[tuple[str, Row]]:
        """Take the records already there; return the rows still to write."""
        keys = {demo_uuid(kind, key): key for key, _ in rows}
        for record in MODELS[kind]._default_manager.filter(uuid__in=keys):
            self.records[kind][keys[record.uuid]] = record
        found = len(self.records[kind])
        if found:
            self.existing[kind] += found
        return [(key, row) for key, row in rows if key not in self.records[kind]]

    def create_many(self, kind: str, rows: list[tuple[str, Row]]) -> list[Record]:
        """Write new records of one kind through the bulk path; a row that names a record of
        its own kind (a source known via another) waits for the batch that writes that one."""
        model, created = MODELS[kind], []
        while rows:
            waiting = {key for key, _ in rows}
            batch = [(key, row) for key, row in rows if not self.names_any(kind, row, waiting)]
            if not batch:
                raise ValueError(f"The demo's {model._meta.verbose_name_plural} name each other in a circle.")
            records, related = [], []
            for key, row in batch:
                fields, values = self.resolve(model, row)
                records.append(model(uuid=demo_uuid(kind, key), **fields))
                related.append(values)
            assign_slugs(records)
            if model is Membership:
                refuse_second_chairs(cast("list[Membership]", records))
            names = {name for values in related for name in values}
            m2m = {name: [values.get(name, []) for values in related] for name in names}
            create_records(model, records, by=self.by, m2m=m2m)
            for (key, _), record in zip(batch, records, strict=True):
                self.records[kind][key] = record
            self.created[kind] += len(records)
            created += records
            rows = [(key, row) for key, row in rows if key not in self.records[kind]]
        return created

    def save_one(self, kind: str, key: str, row: Row) -> None:
        model = MODELS[kind]
        fields, related = self.resolve(model, row)
        record = model(uuid=demo_uuid(kind, key), **fields)
        confirmed = {name: bool(row[name]) for name in CONFIRMATIONS if name in row}
        SAVE_SERVICES[kind](record, by=self.by, **related, **confirmed)
        draft_publish(cast(Publishable, record), by=self.by)  # the kinds with a save service are publishable
        self.records[kind][key] = record
        self.created[kind] += 1

    @staticmethod
    def names_any(kind: str, row: Row, keys: set[str]) -> bool:
        """Whether the row names one of `keys`, records of its own kind."""
        for name, value in row.items():
            if REFERENCES.get(name) == kind and (set(value) if name in MANY else {value}) & keys:
                return True
        return False

    def resolve(self, model: type[Record], row: Row) -> tuple[dict[str, Any], dict[str, list[Record]]]:
        """Split a row into model fields (as the model reads them) and many-to-many values,
        with keys turned into records."""
        fields: dict[str, Any] = {}
        related: dict[str, list[Record]] = {}
        for name, value in row.items():
            if name.startswith("_") or name in CONFIRMATIONS:
                continue  # a note for the reader, or a confirmation for the service
            if name in MANY:
                related[name] = [self.records[REFERENCES[name]][key] for key in value]
            elif name in REFERENCES:
                fields[name] = self.records[REFERENCES[name]][value]
            else:
                fields[name] = cast("models.Field[Any, Any]", model._meta.get_field(name)).to_python(value)
        return fields, related

    def summary(self) -> str:
        created = f"{self.created.total()} records created"
        if self.created:
            kinds = (f"{count} {MODELS[kind]._meta.verbose_name_plural}" for kind, count in self.created.items())
            created += f" ({', '.join(kinds)})"
        return f"seed_demo: {created}, {self.existing.total()} already there."
