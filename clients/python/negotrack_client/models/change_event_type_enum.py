from typing import Literal

ChangeEventTypeEnum = Literal[
    "agreements",
    "attendances",
    "delegations",
    "issues",
    "memberships",
    "parties",
    "people",
    "positions",
    "processes",
    "rounds",
    "sessions",
    "sources",
    "statement_issue_links",
    "statements",
    "statuses",
    "timelines",
]

CHANGE_EVENT_TYPE_ENUM_VALUES: set[ChangeEventTypeEnum] = {
    "agreements",
    "attendances",
    "delegations",
    "issues",
    "memberships",
    "parties",
    "people",
    "positions",
    "processes",
    "rounds",
    "sessions",
    "sources",
    "statement_issue_links",
    "statements",
    "statuses",
    "timelines",
}


def check_change_event_type_enum(value: str) -> ChangeEventTypeEnum:
    if value in CHANGE_EVENT_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGE_EVENT_TYPE_ENUM_VALUES!r}")
