from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class NegotrackConfig(AppConfig):
    """The project package as an app: the change log, the record base and the groups."""

    default = True
    name = "negotrack"
    verbose_name = "negotrack"


class NegotrackAdminConfig(admin_apps.AdminConfig):
    """The admin, open to editors and reviewers only."""

    default = False
    default_site = "negotrack.admin.NegotrackAdminSite"
