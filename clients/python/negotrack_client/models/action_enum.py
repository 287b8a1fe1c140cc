from typing import Literal

ActionEnum = Literal["create", "delete", "update"]

ACTION_ENUM_VALUES: set[ActionEnum] = {
    "create",
    "delete",
    "update",
}


def check_action_enum(value: str) -> ActionEnum:
    if value in ACTION_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTION_ENUM_VALUES!r}")
