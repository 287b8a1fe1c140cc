from django.apps import AppConfig


class NegotrackConfig(AppConfig):
    """The project package as an app: the change log, the record base and the groups."""

    name = "negotrack"
    verbose_name = "negotrack"
