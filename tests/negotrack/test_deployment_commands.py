"""The three ways to run negotrack in production start the same commands: the systemd
units in the README, docker-compose.yml and `dev.py stack`. A change to one (a new option
for the worker, a renamed schedule file) that misses the others fails here."""

import re
import shlex
from pathlib import Path

import pytest
import yaml

from scripts import dev_commands

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = "/srv/negotrack/.venv/bin/"
VAR_DIR = Path("/var/lib/negotrack")  # NEGOTRACK_VAR_DIR in .env.example and in the image


def units() -> dict[str, dict[str, list[str]]]:
    """The README's units by process (web, worker, beat): each key's values, in order."""
    readme = (ROOT / "README.md").read_text()
    found = {}
    for name, body in re.findall(r"```ini\n# /etc/systemd/system/negotrack-(\w+)\.service\n(.*?)```", readme, re.S):
        keys: dict[str, list[str]] = {}
        for line in body.splitlines():
            if "=" in line and not line.startswith("#"):
                key, _, value = line.partition("=")
                keys.setdefault(key, []).append(value)
        found[name] = keys
    return found


def command(line: str) -> list[str]:
    """A unit's command as the image runs it: the programs of .venv by their names."""
    words = shlex.split(line)
    return [words[0].removeprefix(VENV_BIN), *words[1:]]


def compose_commands() -> dict[str, list[list[str]]]:
    """Each service's commands; web's `sh -c "a && exec b"` as [a, b]."""
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    found = {}
    for name in ("web", "worker", "beat"):
        args = services[name]["command"]
        if args[:2] == ["sh", "-c"]:
            found[name] = [shlex.split(part.strip().removeprefix("exec ")) for part in args[2].split("&&")]
        else:
            found[name] = [args]
    return found


def test_the_readme_has_a_unit_for_each_process():
    assert sorted(units()) == ["beat", "web", "worker"]


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_each_unit_starts_what_docker_compose_starts(name):
    unit, compose = units()[name], compose_commands()[name]
    assert [command(line) for line in unit["ExecStart"]] == compose[-1:]
    before = [command(line) for line in unit.get("ExecStartPre", [])]
    assert all(step in before for step in compose[:-1]), f"{name}: compose runs {compose[:-1]} first"


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_dev_py_stack_starts_the_same_commands(name):
    args = dev_commands.stack_processes(VAR_DIR, [])[name]
    assert [Path(args[0]).name, *map(str, args[1:])] == compose_commands()[name][-1]


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_each_unit_is_restarted_with_a_back_off_and_a_limit_as_a_dedicated_user(name):
    unit = units()[name]
    assert unit["Restart"] == ["on-failure"]
    assert float(unit["RestartSec"][0]) >= 1
    assert unit["StartLimitIntervalSec"] and unit["StartLimitBurst"]
    assert unit["User"] == ["negotrack"] and unit["WorkingDirectory"] == ["/srv/negotrack"]
    assert unit["EnvironmentFile"] == ["/srv/negotrack/.env"]


def test_docker_compose_restarts_every_service():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert {name: service.get("restart") for name, service in services.items()} == dict.fromkeys(
        services, "unless-stopped"
    )
