"""The read API of rounds, agenda issues, their assessments and statements.

Reads show the public record: published records, and withdrawn or superseded ones as
correction notices. Current status, `as_of` and the matrix use published statuses only.
Statements and the matrix also come as CSV (`?format=csv`).
"""
