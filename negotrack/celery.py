"""The Celery app, configured from Django settings (the CELERY_ names)."""

import os
from typing import Any

from celery import Celery
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "negotrack.settings")

app = Celery("negotrack")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def _log_like_the_web(**kwargs: Any) -> None:
    """The worker and beat log with Django's LOGGING (JSON lines), not Celery's format."""
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
