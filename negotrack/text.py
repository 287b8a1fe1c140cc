"""The characters a text may hold, one rule wherever input enters (URLs, query strings,
forms, JSON, imports, and every record a service saves).

NUL is refused everywhere: PostgreSQL cannot store it, and no text means it. The other C0
control characters, except tab, newline and carriage return, are refused in single-line
values (names, titles, slugs, query parameters); a multi-line text keeps them, as pasted.
"""

from __future__ import annotations

import re
from typing import Any

NUL_MESSAGE = "This text holds a NUL character (\\x00), which no text may hold."
CONTROL_MESSAGE = "This text holds a control character ({found}), which a one-line text may not hold."

# The deepest JSON taken, in a body or a JSON field: an agreement's figures are three deep.
MAX_JSON_DEPTH = 32

_CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_CONTROL = re.compile(f"[{_CONTROL_CHARACTERS}]")

# The same rules as regular expressions for the API's schema, which JSON Schema reads as ECMA 262.
ONE_LINE_PATTERN = f"^[^{_CONTROL_CHARACTERS}]*$"
TEXT_PATTERN = r"^[^\x00]*$"


def text_problem(value: str, *, single_line: bool) -> str | None:
    """Why `value` cannot be taken, or None."""
    if "\x00" in value:
        return NUL_MESSAGE
    if single_line:
        found = _CONTROL.search(value)
        if found:
            return CONTROL_MESSAGE.format(found=repr(found.group())[1:-1])
    return None


def json_problem(value: Any, *, max_depth: int) -> str | None:
    """Why a parsed JSON value cannot be taken (nested deeper than `max_depth`, or a NUL in
    any key or text), or None. Walks without recursion, however deep the value."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return NUL_MESSAGE
        elif isinstance(item, dict | list):
            if depth > max_depth:
                return f"The JSON is nested deeper than {max_depth} levels."
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)
    return None
