from typing import Literal

PartyKindEnum = Literal["organization", "other", "state"]

PARTY_KIND_ENUM_VALUES: set[PartyKindEnum] = {
    "organization",
    "other",
    "state",
}


def check_party_kind_enum(value: str) -> PartyKindEnum:
    if value in PARTY_KIND_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTY_KIND_ENUM_VALUES!r}")
