"""The typed Python client in clients/python/ is what the API's schema generates now, and
works, unmodified, against a live server: the README's example reads where a process's
issues stand, writes a statement as an editor and publishes it as a reviewer."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from issues.models import Issue, Statement
from scripts import python_client

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"<!-- client-example -->\s*```python\n(?P<script>.*?)```\s*<!-- /client-example -->", re.DOTALL)


def test_the_committed_client_is_what_the_schema_generates(tmp_path):
    made = tmp_path / "python"
    try:
        python_client.generate(made)
    except python_client.GenerationFailed as failure:
        pytest.fail(f"The client could not be generated: {failure}", pytrace=False)
    changed = python_client.differences(made, python_client.CLIENT)
    if changed:
        listed = "\n".join(f"  {line}" for line in changed[:20])
        more = f"\n  … and {len(changed) - 20} more" if len(changed) > 20 else ""
        pytest.fail(
            f"clients/python/ is not what the API's schema generates now:\n{listed}{more}\n"
            f"Run `{python_client.COMMAND}` and commit the result.",
            pytrace=False,
        )


def test_the_check_names_every_file_added_removed_or_changed(tmp_path):
    committed = tmp_path / "committed"
    shutil.copytree(python_client.CLIENT, committed, ignore=python_client.NOT_GENERATED)
    made = tmp_path / "made"
    shutil.copytree(committed, made)
    assert python_client.differences(made, committed) == []

    (made / "negotrack_client" / "models" / "new_record.py").write_text("class NewRecord: ...\n")
    (made / "negotrack_client" / "api" / "issues" / "issues_list.py").unlink()
    client = made / "negotrack_client" / "client.py"
    client.write_text(client.read_text() + "# one more line\n")
    # What importing or installing it leaves beside the client is no difference.
    (committed / "negotrack_client" / "__pycache__").mkdir(exist_ok=True)
    (committed / "negotrack_client" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"\0")
    (committed / "negotrack_client.egg-info").mkdir()

    assert python_client.differences(made, committed) == [
        "missing from the committed client: negotrack_client/models/new_record.py",
        "no longer generated: negotrack_client/api/issues/issues_list.py",
        "changed: negotrack_client/client.py",
    ]


def test_the_generator_is_told_that_a_public_read_needs_no_credentials():
    anyone = [{"tokenAuth": []}, {"cookieAuth": []}, {}]
    signed_in = [{"tokenAuth": []}, {"cookieAuth": []}]
    schema = {
        "paths": {
            "/api/v1/statements/": {"get": {"security": anyone}, "post": {"security": signed_in}},
            "/api/v1/webhooks/": {"get": {"security": signed_in}},
        }
    }

    paths = python_client.open_to_anonymous_callers(schema)["paths"]

    assert paths["/api/v1/statements/"] == {"get": {}, "post": {"security": signed_in}}
    assert paths["/api/v1/webhooks/"] == {"get": {"security": signed_in}}


# A server in a thread, the demo record and one run of the example: a few seconds.
# Serialized rollback: the flush after a committing test would also take the Editors and
# Reviewers groups made by a data migration; this puts them back first.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_readme_example_reads_writes_and_publishes_through_the_unmodified_client(
    live_server, editor, reviewer, tmp_path
):
    call_command("seed_demo", verbosity=0)
    found = BLOCK.search(README.read_text(encoding="utf-8"))
    assert found, "README.md holds no ```python block between <!-- client-example --> and <!-- /client-example -->"
    example = tmp_path / "client_example.py"
    example.write_text(found["script"], encoding="utf-8")
    env = {
        "PATH": os.environ.get("PATH", ""),
        # Importable as `pip install ./clients/python` makes it, from the committed folder.
        "PYTHONPATH": str(python_client.CLIENT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "NEGOTRACK_URL": live_server.url,
        "NEGOTRACK_EDITOR_TOKEN": Token.objects.create(user=editor).key,
        "NEGOTRACK_REVIEWER_TOKEN": Token.objects.create(user=reviewer).key,
    }

    done = subprocess.run([sys.executable, str(example)], env=env, capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stdout + done.stderr
    *standing, last = done.stdout.splitlines()
    issues = Issue.objects.filter(process__slug="russia-ukraine").select_related("current_status")
    assert standing == [
        f"{issue.slug} {issue.current_status.status if issue.current_status else 'not assessed'}"
        for issue in issues.order_by("sort_order", "name")
    ]
    assert any(issue.current_status for issue in issues)
    statement = Statement.objects.get(text="We will keep working on a settlement.")
    assert last == f"{statement.uuid} published"
    assert (statement.state, statement.speaker.slug, statement.round.slug) == (
        "published",
        "rustem-umerov",
        "geneva-2026-02-17",
    )
    assert list(statement.issues.values_list("slug", flat=True)) == ["russia-ukraine-territory"]
    assert statement.history.filter(history_user=editor).exists()
    assert statement.history.filter(history_user=reviewer).exists()
