"""The typed Python client in clients/python/, generated from the API's OpenAPI schema by
openapi-python-client, so that it cannot drift from the API.

    python3 dev.py client     # regenerate clients/python/ (this file, run in .venv)

The test suite (tests/test_python_client.py) generates it again into a temporary folder and
fails when the committed one differs. Both make it the same way: the schema as
`manage.py spectacular` writes it with the project's own settings (not the tests', which
add a record type) in an environment of its own, then the generator with the committed
config (clients/openapi-python-client.yaml), which formats with the project's pinned ruff.
Nothing is fetched: it runs offline, in a few seconds.

One thing the schema says is given to the generator in other words: a public read lets a
caller in with a token, a session or nothing at all (`security` lists `{}` beside the
token), and openapi-python-client 0.29 reads any `security` as "a token is required", so
that its read functions would take only an AuthenticatedClient (its issue #1372). The
served schema keeps the precise form; the generator is told that such an operation needs
no credentials, and its functions take a Client or an AuthenticatedClient.
"""

import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "clients" / "python"
CONFIG = ROOT / "clients" / "openapi-python-client.yaml"
COMMAND = "python3 dev.py client"
# What installing or importing the client leaves beside it, which the generator never makes.
NOT_GENERATED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", ".ruff_cache", ".mypy_cache")


class GenerationFailed(Exception):
    """The schema or the client could not be made; the message holds what the tool said."""


def tool_environment(var_dir: Path) -> dict[str, str]:
    """The same environment on every machine, whatever the caller's: the project's settings,
    no database or Redis named (the schema does not depend on them), a placeholder secret,
    UTF-8, and this virtual environment's programs (ruff) first on the PATH."""
    programs = str(Path(sys.executable).parent)
    return {
        "PATH": os.pathsep.join([programs, os.environ.get("PATH", "")]),
        "DJANGO_SETTINGS_MODULE": "negotrack.settings",
        "SECRET_KEY": "only-for-writing-the-schema",
        "NEGOTRACK_VAR_DIR": str(var_dir),
        "PYTHONUTF8": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def call(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode:
        raise GenerationFailed(f"{' '.join(args[1:4])} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def open_to_anonymous_callers(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with no `security` on the operations that let anyone in (`{}` among
    their alternatives): how openapi-python-client understands "anyone may call it"."""
    for operations in schema["paths"].values():
        for operation in operations.values():
            if {} in operation.get("security", []):
                del operation["security"]
    return schema


def generate(into: Path) -> None:
    """Write the client into `into` (a folder that does not exist yet). A warning of the
    generator (a part of the schema it cannot express) fails it: mend the schema's
    annotations rather than the client."""
    with tempfile.TemporaryDirectory(prefix="negotrack-client-") as work:
        env = tool_environment(Path(work))
        schema = Path(work) / "openapi.json"
        call([sys.executable, "manage.py", "spectacular", "--format", "openapi-json", "--file", str(schema)], env)
        served = json.loads(schema.read_text(encoding="utf-8"))
        schema.write_text(json.dumps(open_to_anonymous_callers(served), ensure_ascii=False), encoding="utf-8")
        call(
            [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(schema),
             "--config", str(CONFIG), "--meta", "setup", "--output-path", str(into), "--fail-on-warning"],
            env,
        )  # fmt: skip


def generated_files(folder: Path) -> set[str]:
    """Every file under `folder`, as a path relative to it, less what NOT_GENERATED names."""
    found: set[str] = set()
    for directory, subdirectories, files in os.walk(folder):
        ignored = NOT_GENERATED(directory, [*subdirectories, *files])
        subdirectories[:] = [name for name in subdirectories if name not in ignored]
        found.update(str((Path(directory) / name).relative_to(folder)) for name in files if name not in ignored)
    return found


def differences(made: Path, committed: Path) -> list[str]:
    """What differs between a client just made and the committed one, one line a file."""
    made_files, committed_files = generated_files(made), generated_files(committed)
    lines = [f"missing from the committed client: {name}" for name in sorted(made_files - committed_files)]
    lines += [f"no longer generated: {name}" for name in sorted(committed_files - made_files)]
    lines += [
        f"changed: {name}"
        for name in sorted(made_files & committed_files)
        if not filecmp.cmp(made / name, committed / name, shallow=False)
    ]
    return lines


def regenerate() -> None:
    """Replace clients/python/ with a client made now; a failure leaves it as it was."""
    with tempfile.TemporaryDirectory(prefix="negotrack-client-") as work:
        made = Path(work) / "python"
        generate(made)
        changed = differences(made, CLIENT) if CLIENT.exists() else None
        shutil.rmtree(CLIENT, ignore_errors=True)
        shutil.copytree(made, CLIENT)
    if changed is None:
        print("clients/python/ generated")
    elif changed:
        print(f"clients/python/ regenerated, {len(changed)} file(s) changed:")
        print("\n".join(f"  {line}" for line in changed))
    else:
        print("clients/python/ is already what the schema generates")


def main() -> None:
    try:
        regenerate()
    except GenerationFailed as failure:
        sys.exit(f"negotrack: the client was not regenerated: {failure}")


if __name__ == "__main__":
    main()
