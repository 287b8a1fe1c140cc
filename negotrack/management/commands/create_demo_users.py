"""Create the demo editor and reviewer of the embedded default, and print their logins
and API tokens."""

import json
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from negotrack.groups import EDITORS, REVIEWERS, add_to_group

DEMO_ACCOUNTS = (("editor", EDITORS), ("reviewer", REVIEWERS))


class Command(BaseCommand):
    help = "Create a demo editor and a demo reviewer (debug mode only) and print their logins and API tokens."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for the embedded default only: set DEBUG=1 to create them.")
        logins_file = settings.VAR_DIR / "demo-logins.json"
        logins = json.loads(logins_file.read_text()) if logins_file.exists() else {}
        User = get_user_model()
        for username, group in DEMO_ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None or username not in logins or not user.check_password(logins[username]):
                logins[username] = secrets.token_urlsafe(12)
                user = user or User(username=username, is_staff=True)
                user.is_staff = True
                user.set_password(logins[username])
                user.save()
                add_to_group(user, group)
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        logins_file.write_text(json.dumps(logins))
        logins_file.chmod(0o600)
        for username, group in DEMO_ACCOUNTS:
            token, _ = Token.objects.get_or_create(user=User.objects.get(username=username))
            role = group[:-1].lower()
            self.stdout.write(f"  {role:<9} login: {username} / {logins[username]}   API token: {token.key}")
