"""The change log: one row for every change to the record, read by the changes feed."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Change(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", "created"
        UPDATE = "update", "updated"
        DELETE = "delete", "deleted"
        PUBLISH = "publish", "published"
        WITHDRAW = "withdraw", "withdrawn"
        SUPERSEDE = "supersede", "superseded by a correction"
        SEND_BACK = "send_back", "sent back to its editor"

    id = models.BigAutoField(primary_key=True)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    record_type = models.CharField(max_length=64, help_text="app_label.model_name of the record")
    record_uuid = models.UUIDField()
    record_version = models.PositiveIntegerField()
    publication_state = models.CharField(
        max_length=16,
        blank=True,
        help_text="for statements, statuses, positions and agreements: the state after the change",
    )
    changed_fields = models.JSONField(default=list, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["record_type", "record_uuid"], name="change_record_idx")]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_uuid} {self.action} v{self.record_version}"
