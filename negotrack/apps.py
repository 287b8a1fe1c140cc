from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class NegotrackConfig(AppConfig):
    """The project package as an app: the change log, the record base and the groups."""

    default = True
    name = "negotrack"
    verbose_name = "negotrack"

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import m2m_changed

        # authlog connects the sign-in and sign-out loggers; checks registers check --deploy's.
        # planner tells each PostgreSQL connection what a random read costs.
        from negotrack import authlog, checks, planner  # noqa: F401
        from negotrack.records import Record, refuse_m2m_writes_outside_services

        for model in apps.get_models():
            if issubclass(model, Record):
                for field in model._meta.many_to_many:
                    through = field.remote_field.through  # set for every loaded model
                    if through is not None and through._meta.auto_created:
                        m2m_changed.connect(
                            refuse_m2m_writes_outside_services,
                            sender=through,
                            dispatch_uid=f"negotrack.m2m_guard.{through._meta.label}",
                        )


class NegotrackAdminConfig(admin_apps.AdminConfig):
    """The admin, open to editors and reviewers only."""

    default = False
    default_site = "negotrack.admin.NegotrackAdminSite"
