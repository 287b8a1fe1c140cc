from typing import Literal

IssuesTimelineRetrieveFormat = Literal["", "json", "timelinejs"]

ISSUES_TIMELINE_RETRIEVE_FORMAT_VALUES: set[IssuesTimelineRetrieveFormat] = {
    "",
    "json",
    "timelinejs",
}


def check_issues_timeline_retrieve_format(value: str) -> IssuesTimelineRetrieveFormat:
    if value in ISSUES_TIMELINE_RETRIEVE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ISSUES_TIMELINE_RETRIEVE_FORMAT_VALUES!r}")
