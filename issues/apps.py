from django.apps import AppConfig


class IssuesConfig(AppConfig):
    name = "issues"
    verbose_name = "agenda issues"

    def ready(self):
        # The timeline jobs live with the timelines, not in the tasks module Celery looks for.
        from issues.timelines import tasks  # noqa: F401
        from issues.timelines.marks import mark_affected
        from negotrack.records import record_changed
        from rounds.models import Round

        record_changed.connect(_round_changed, sender=Round, dispatch_uid="issues.follow_round_dates")
        # After following a round's dates, so that the marks see the moved assessments.
        record_changed.connect(mark_affected, dispatch_uid="issues.mark_timelines")


def _round_changed(sender, record, action, changed_fields, **kwargs):
    if action != "delete" and {"start_date", "end_date"} & set(changed_fields):
        from issues.services import follow_round_dates

        follow_round_dates(record)
