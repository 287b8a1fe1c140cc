from typing import Literal

MembershipRoleEnum = Literal["adviser", "chair", "head", "member"]

MEMBERSHIP_ROLE_ENUM_VALUES: set[MembershipRoleEnum] = {
    "adviser",
    "chair",
    "head",
    "member",
}


def check_membership_role_enum(value: str) -> MembershipRoleEnum:
    if value in MEMBERSHIP_ROLE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEMBERSHIP_ROLE_ENUM_VALUES!r}")
