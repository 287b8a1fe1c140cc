from typing import Literal

DelegationRoleEnum = Literal["host", "mediator", "negotiating_party", "observer"]

DELEGATION_ROLE_ENUM_VALUES: set[DelegationRoleEnum] = {
    "host",
    "mediator",
    "negotiating_party",
    "observer",
}


def check_delegation_role_enum(value: str) -> DelegationRoleEnum:
    if value in DELEGATION_ROLE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELEGATION_ROLE_ENUM_VALUES!r}")
