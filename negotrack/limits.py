"""How long the record's texts may be, the same in the models, the forms and the API
schema: long enough for any real speech or report, short enough that a paste gone wrong
(a whole web page, a log) is refused with a message instead of filling pages."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models

# A statement's text and its translation: a long speech in full.
TEXT_LENGTH = 50_000
# Summaries, terms, positions in full, descriptions and notes: a few paragraphs.
SUMMARY_LENGTH = 10_000
# Names of people, parties, processes and issues.
NAME_LENGTH = 200
# Titles held, headlines of agreements.
TITLE_LENGTH = 300


def limited_text(limit: int, **options: Any) -> models.TextField[str, str]:
    """A text field of at most `limit` characters. A TextField's max_length only sizes the
    forms and the API schema; the validator holds it on every write through the services."""
    return models.TextField(max_length=limit, validators=[MaxLengthValidator(limit)], **options)


def help_up_to(limit: int, help_text: str = "") -> str:
    """A field's help, saying how long it may be."""
    most = f"up to {limit:,} characters"
    return f"{help_text} ({most})" if help_text else most
