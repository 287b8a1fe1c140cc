"""Reading a round document before it is imported, and the import's report: the document
parsed and checked as a whole, each of its records with what the import did to it, and the
lines the command prints."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from issues.roundio.document import DOCUMENT_KEYS, FORMAT, KIND, KINDS, VERSION, DocumentPart, upgraded
from issues.roundio.values import json_type
from negotrack.records import Record

CREATED, CHANGED, UNCHANGED, KEPT = "created", "changed", "unchanged", "kept"
OUTCOMES = (CREATED, CHANGED, UNCHANGED, KEPT)
_MAX_REPORTED = 25  # problems quoted in one refusal; the rest are counted


class ImportRefused(Exception):
    """The document cannot be imported, and nothing was saved."""

    def __init__(self, problems: list[str]):
        shown = problems[:_MAX_REPORTED]
        if len(problems) > _MAX_REPORTED:
            shown.append(f"… and {len(problems) - _MAX_REPORTED} more problems.")
        self.problems = shown
        super().__init__("\n".join(shown))


# --- reading ----------------------------------------------------------------------------


def parse_document(text: str) -> dict:
    """The document's JSON object, after checking that it is one this negotrack reads,
    brought up to this format version."""
    if not text.strip():
        raise ImportRefused(["The file is empty."])
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        # "Expecting ',' delimiter at line 4, column 3"; "Unterminated string starting at line …"
        what = f"{error.msg}{'' if error.msg.endswith(' at') else ' at'} line {error.lineno}, column {error.colno}"
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            # The document stops in the middle: the end of the file is where it went wrong.
            end = text.rstrip()
            line, column = end.count("\n") + 1, len(end) - end.rfind("\n")
            raise ImportRefused(
                [f"The file ends too early, at line {line}, column {column}: is it cut short? ({what})"]
            ) from None
        raise ImportRefused([f"The file is not valid JSON: {what}."]) from None
    if not isinstance(document, dict):
        raise ImportRefused([f"The document must be a JSON object, not {json_type(document)}."])
    if document.get("format") != FORMAT:
        said = f'"format" is {json.dumps(document["format"])}' if "format" in document else 'it has no "format"'
        raise ImportRefused([f'This is not a negotrack round document: {said}, not "{FORMAT}".'])
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportRefused([f'"version" must be a format version (a whole number from 1), not {json.dumps(version)}.'])
    if version > VERSION:
        raise ImportRefused(
            [f"The document was made by a newer negotrack: format version {version}, this one reads up to {VERSION}."]
        )
    document = upgraded(document, version)
    missing = [key for key in DOCUMENT_KEYS if key not in document]
    unknown = sorted(key for key in document if key not in DOCUMENT_KEYS)
    problems = []
    if missing:
        problems.append(f"The document lacks {', '.join(repr(key) for key in missing)}.")
    if unknown:
        problems.append(f"The document has keys this format does not know: {', '.join(map(repr, unknown))}.")
    if problems:
        raise ImportRefused(problems)
    return document


@dataclass(eq=False)
class DocumentRecord:
    """One record of the document, and what the import did with it."""

    kind: DocumentPart
    path: str  # where it stands in the document: "statements[3]", "round"
    data: dict  # its canonical document form
    record: Record | None = None  # the database's record: matched, or made by the import
    outcome: str = ""
    changed: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def key(self) -> str:
        return self.data["slug"] if self.kind.slugged else self.data["uuid"]

    @property
    def label(self) -> str:
        return f"{self.kind.name} {self.key}"


# --- the report -----------------------------------------------------------------------


@dataclass
class Report:
    entries: list[DocumentRecord]

    def counts(self) -> dict[str, Counter]:
        """Per kind of record (its document key), how many had each outcome."""
        counts: dict[str, Counter[str]] = {kind.key: Counter() for kind in KINDS}
        for entry in self.entries:
            counts[entry.kind.key][entry.outcome] += 1
        return counts

    def lines(self, *, dry_run: bool, verbosity: int = 1) -> list[str]:
        would = "would be " if dry_run else ""
        width = max(len(str(kind.model._meta.verbose_name_plural)) for kind in KINDS)
        lines = [f"{'':{width}}  " + "  ".join(f"{outcome:>9}" for outcome in OUTCOMES)]
        for key, counter in self.counts().items():
            cells = "  ".join(f"{counter[outcome]:>9}" for outcome in OUTCOMES)
            lines.append(f"{KIND[key].model._meta.verbose_name_plural!s:{width}}  {cells}")
        listed = {CHANGED, KEPT} | ({CREATED} if dry_run or verbosity > 1 else set())
        if verbosity > 2:
            listed.add(UNCHANGED)
        headings = {
            CREATED: f"{would}created:",
            CHANGED: f"{would}changed (the fields that differ):",
            UNCHANGED: "unchanged:",
            KEPT: "kept as they are, edited here since the last import (--force overwrites them):",
        }
        for outcome in OUTCOMES:
            entries = [entry for entry in self.entries if entry.outcome == outcome]
            if outcome in listed and entries:
                lines.append(headings[outcome])
                for entry in entries:
                    detail = ", ".join(entry.changed) if outcome == CHANGED else entry.note
                    lines.append(f"  {entry.label} ({entry.path})" + (f": {detail}" if detail else ""))
        noted = [entry for entry in self.entries if entry.note and entry.outcome != KEPT]
        if noted:
            lines.append("notes:")
            lines.extend(f"  {entry.label} ({entry.path}): {entry.note}" for entry in noted)
        return lines
