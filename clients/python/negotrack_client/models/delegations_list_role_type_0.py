from typing import Literal

DelegationsListRoleType0 = Literal["host", "mediator", "negotiating_party", "observer"]

DELEGATIONS_LIST_ROLE_TYPE_0_VALUES: set[DelegationsListRoleType0] = {
    "host",
    "mediator",
    "negotiating_party",
    "observer",
}


def check_delegations_list_role_type_0(value: str) -> DelegationsListRoleType0:
    if value in DELEGATIONS_LIST_ROLE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELEGATIONS_LIST_ROLE_TYPE_0_VALUES!r}")
