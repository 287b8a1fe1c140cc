"""Who may do what: the two editorial groups, and the account that commands write as."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

EDITORS = "Editors"
REVIEWERS = "Reviewers"
SYSTEM_USERNAME = "negotrack-system"


def is_editorial(user) -> bool:
    """Editors, reviewers and superusers: the people who may use the admin."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[EDITORS, REVIEWERS]).exists()


def system_user():
    """The account that management commands record in history: it cannot sign in."""
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"is_superuser": True, "is_staff": False, "first_name": "negotrack", "last_name": "commands"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def add_to_group(user, name: str) -> None:
    user.groups.add(Group.objects.get(name=name))
