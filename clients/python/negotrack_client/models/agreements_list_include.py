from typing import Literal

AgreementsListInclude = Literal["drafts"]

AGREEMENTS_LIST_INCLUDE_VALUES: set[AgreementsListInclude] = {
    "drafts",
}


def check_agreements_list_include(value: str) -> AgreementsListInclude:
    if value in AGREEMENTS_LIST_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AGREEMENTS_LIST_INCLUDE_VALUES!r}")
