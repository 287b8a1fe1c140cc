"""The Editors and Reviewers groups with exactly the permissions each needs.

Editors create and change the record (drafts, for what is published); Reviewers can do
all that, and publish, withdraw and send back.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECORD_MODELS = {
    "rounds": ["source", "process", "round", "session"],
    "delegations": ["party", "person", "delegation", "membership", "attendance"],
    "issues": ["issue", "issuestatus", "position", "agreement", "statement", "statementissue"],
}
PUBLISHABLE = ["issuestatus", "position", "agreement", "statement"]


def editor_codenames():
    return [
        (app, f"{action}_{model}")
        for app, models in RECORD_MODELS.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    ]


def reviewer_codenames():
    return editor_codenames() + [("issues", f"publish_{model}") for model in PUBLISHABLE]


def create_groups(apps, schema_editor):
    # Permissions are made after migrations run; make them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", editor_codenames()), ("Reviewers", reviewer_codenames())):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codenames
        ]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("negotrack", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("rounds", "0001_initial"),
        ("delegations", "0001_initial"),
        ("issues", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
