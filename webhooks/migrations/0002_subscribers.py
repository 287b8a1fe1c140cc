"""The Subscribers group, whose members read and manage their own webhook subscriptions
and write nothing else; and where the webhooks start: the dispatcher's cursor at the
newest change, and the current status of every agenda issue, so that the first events
tell of what happens from now on, not of the record's past."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SUBSCRIBER_CODENAMES = [
    ("webhooks", "add_subscription"),
    ("webhooks", "change_subscription"),
    ("webhooks", "delete_subscription"),
    ("webhooks", "view_subscription"),
    ("webhooks", "view_delivery"),
]


def create_group(apps, schema_editor):
    # Permissions are made after migrations run; make them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Subscribers")
    group.permissions.set(
        [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in SUBSCRIBER_CODENAMES]
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Subscribers").delete()


def announce_current_statuses(apps, schema_editor):
    Issue = apps.get_model("issues", "Issue")
    AnnouncedStatus = apps.get_model("webhooks", "AnnouncedStatus")
    current = Issue.objects.filter(current_status__isnull=False).values_list(
        "pk", "current_status__uuid", "current_status__status"
    )
    AnnouncedStatus.objects.bulk_create(
        [AnnouncedStatus(issue_id=pk, status_uuid=uuid, status=status) for pk, uuid, status in current],
        ignore_conflicts=True,
    )


def start_at_the_newest_change(apps, schema_editor):
    newest = apps.get_model("negotrack", "Change").objects.order_by("-txid", "-id").values_list("txid", "id").first()
    txid, change_id = newest or (0, 0)
    apps.get_model("webhooks", "DispatchCursor").objects.update_or_create(
        pk=1, defaults={"txid": txid, "change_id": change_id}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("negotrack", "0007_change_public_index"),
    ]

    operations = [
        migrations.RunPython(create_group, remove_group),
        migrations.RunPython(announce_current_statuses, migrations.RunPython.noop),
        migrations.RunPython(start_at_the_newest_change, migrations.RunPython.noop),
    ]
