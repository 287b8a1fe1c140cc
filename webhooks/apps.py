from __future__ import annotations

from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "webhooks"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from negotrack.models import Change
        from webhooks import tasks

        # Every change-log row asks, once its transaction commits, for the events to be sent;
        # the beat's reconciliation finds any that a broker that was down never got.
        post_save.connect(tasks.kick_after_commit, sender=Change, dispatch_uid="webhooks.kick_after_commit")
