from typing import Literal

SubscriptionStateEnum = Literal["active", "failing"]

SUBSCRIPTION_STATE_ENUM_VALUES: set[SubscriptionStateEnum] = {
    "active",
    "failing",
}


def check_subscription_state_enum(value: str) -> SubscriptionStateEnum:
    if value in SUBSCRIPTION_STATE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_STATE_ENUM_VALUES!r}")
