"""One round as one JSON document: `export_round` writes it, `import_round` reads it.

The document holds the public record of the round (published records, and withdrawn or
superseded ones as correction notices with their notes; never drafts) with every record
it refers to, each named by its natural key: a slug for processes, rounds, parties,
people and agenda issues, a UUID for everything else. `document` describes the format,
`exporter` writes it, `importer` loads it through the services.
"""
