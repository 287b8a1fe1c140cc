"""dev.py on an old Python says which Python it needs, instead of failing on syntax."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts import dev_commands

ROOT = Path(__file__).resolve().parents[2]


def test_an_older_python_is_told_that_negotrack_needs_3_11():
    pretend_3_9 = "import sys; sys.version_info = (3, 9, 18, 'final', 0); exec(open('dev.py').read())"
    result = subprocess.run(
        [sys.executable, "-c", pretend_3_9, "run"], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert "negotrack needs Python 3.11 or newer; this is Python 3.9" in result.stderr


def test_without_a_command_it_shows_the_two_commands():
    result = subprocess.run([sys.executable, "dev.py"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "python3 dev.py run" in result.stderr and "python3 dev.py test" in result.stderr


def test_the_stack_says_which_settings_it_needs_before_starting_anything():
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")}
    result = subprocess.run(
        [sys.executable, "dev.py", "stack"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert "the stack needs DATABASE_URL, REDIS_URL, SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("args", "served"),
    [
        ([], "127.0.0.1:8000"),
        (["--port", "8001"], "127.0.0.1:8001"),
        (["--host", "0.0.0.0", "--port", "9000"], "0.0.0.0:9000"),
        (["--host", "::1"], "[::1]:8000"),
    ],
)
def test_run_serves_on_the_port_and_host_it_is_given(args, served, monkeypatch):
    commands = []
    monkeypatch.setattr(dev_commands, "ensure_environment", lambda: None)
    monkeypatch.setattr(dev_commands, "manage", lambda *command, env=None: commands.append(command))
    senders = []

    class Sender:
        def __init__(self, env):
            self.stopped = False
            senders.append(self)

        def terminate(self):
            self.stopped = True

        def wait(self, timeout):
            return 0

    monkeypatch.setattr(dev_commands, "start_webhook_sender", Sender)

    dev_commands.command_run(args)

    assert commands[-1] == ("runserver", served)
    # The webhooks' sender ran beside the site, and stopped with it.
    assert len(senders) == 1 and senders[0].stopped


def test_client_installs_what_is_pinned_then_regenerates_the_typed_client(monkeypatch):
    steps = []
    monkeypatch.setattr(dev_commands, "ensure_environment", lambda: steps.append("environment"))
    monkeypatch.setattr(dev_commands, "run", lambda *args, **kwargs: steps.append(args))
    monkeypatch.setattr(sys, "argv", ["dev.py", "client"])

    dev_commands.main("usage")

    assert steps == ["environment", (dev_commands.PYTHON, ROOT / "scripts" / "python_client.py")]


def test_run_refuses_a_port_that_is_none():
    result = subprocess.run(
        [sys.executable, "dev.py", "run", "--port", "http"], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert "--port: invalid int value" in result.stderr


@pytest.mark.parametrize("value", ["0", "33", "two", "1.5", "-1", "²"])
def test_the_stack_refuses_a_number_of_workers_that_is_not_1_to_32(value):
    env = dict(os.environ, DATABASE_URL="postgres://nobody@127.0.0.1:1/none", REDIS_URL="redis://127.0.0.1:1/0")
    env |= {"SECRET_KEY": "x", "NEGOTRACK_WORKERS": value}
    result = subprocess.run(
        [sys.executable, "dev.py", "stack"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert f"NEGOTRACK_WORKERS must be a whole number from 1 to 32, not {value!r}" in result.stderr


@pytest.mark.parametrize(
    ("value", "concurrency"), [("", []), ("1", ["--concurrency", "1"]), ("32", ["--concurrency", "32"])]
)
def test_the_number_of_workers_is_the_workers_concurrency(value, concurrency, tmp_path):
    worker = dev_commands.stack_processes(tmp_path, dev_commands.worker_concurrency({"NEGOTRACK_WORKERS": value}))[
        "worker"
    ]
    assert worker[worker.index("INFO") + 1 :] == concurrency


def test_a_process_that_keeps_dying_is_restarted_ever_later_up_to_30_s_and_sooner_once_it_ran_a_minute(monkeypatch):
    """The back-off: 1 s, doubling to at most 30 s, back to 1 s after a run of 60 s."""
    from scripts import supervisor

    killed = []
    monkeypatch.setattr(supervisor.os, "killpg", lambda pid, number: killed.append(pid))
    child = supervisor.Child("worker", ["celery"])
    stack = supervisor.Supervisor({}, env={}, cwd=ROOT)
    dead = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    dead.wait()
    delays = []
    for ran in [1, 1, 1, 1, 1, 1, 1, 60, 1]:
        stack._exited(child, dead, now=child.started + ran)
        assert child.restart_at is not None
        delays.append(child.restart_at - (child.started + ran))
    assert delays == [1, 2, 4, 8, 16, 30, 30, 1, 2]
    assert killed == [dead.pid] * 9  # what it left in its session goes too


def test_sigterm_during_a_back_off_stops_everything_at_once_without_a_restart():
    supervise = (
        "import sys; from pathlib import Path; from scripts.supervisor import Supervisor;"
        "Supervisor({'steady': ['sleep', '60'], 'crashing': [sys.executable, '-c', 'raise SystemExit(3)']},"
        " env={}, cwd=Path('.')).run(5)"
    )
    stack = subprocess.Popen(
        [sys.executable, "-c", supervise], cwd=ROOT, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert stack.stderr is not None
        first = stack.stderr.readline()
        assert first.startswith("negotrack stack: crashing exited with 3 after ")
        assert first.endswith("; restarting in 1 s\n")
        stopping = time.monotonic()
        stack.send_signal(signal.SIGTERM)
        assert stack.wait(timeout=5) == 0
        assert time.monotonic() - stopping < 2
        assert stack.stderr.read() == "negotrack stack: stopped\n"
    finally:
        if stack.poll() is None:
            os.killpg(stack.pid, signal.SIGKILL)
            stack.wait()
