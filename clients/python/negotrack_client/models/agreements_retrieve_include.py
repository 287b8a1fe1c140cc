from typing import Literal

AgreementsRetrieveInclude = Literal["drafts"]

AGREEMENTS_RETRIEVE_INCLUDE_VALUES: set[AgreementsRetrieveInclude] = {
    "drafts",
}


def check_agreements_retrieve_include(value: str) -> AgreementsRetrieveInclude:
    if value in AGREEMENTS_RETRIEVE_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AGREEMENTS_RETRIEVE_INCLUDE_VALUES!r}")
