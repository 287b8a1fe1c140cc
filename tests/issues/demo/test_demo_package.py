"""issues/demo: the demo record and the benchmark generator stand apart from the product."""

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]
PRODUCT = ("negotrack", "rounds", "delegations", "issues")
COMMANDS = {
    Path("issues/management/commands/seed_demo.py"),
    Path("issues/management/commands/generate_bench_data.py"),
}


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def test_nothing_in_the_product_imports_the_demo_package_but_its_two_commands():
    importers = []
    for app in PRODUCT:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative.parts[:2] == ("issues", "demo") or relative in COMMANDS:
                continue
            if any(module == "issues.demo" or module.startswith("issues.demo.") for module in imported_modules(path)):
                importers.append(str(relative))
    assert importers == []
    # The commands themselves are where the rule expects them, and do import it.
    assert all("issues.demo" in " ".join(imported_modules(ROOT / command)) for command in COMMANDS)


def test_generate_bench_data_without_faker_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "faker", None)  # what an import finds when Faker is not installed
    with pytest.raises(CommandError, match=r"needs Faker.*pip install -e '\.\[dev\]'"):
        call_command("generate_bench_data", scale=0.01, stdout=io.StringIO(), stderr=io.StringIO())


def test_both_commands_load_without_faker_as_in_the_image():
    script = (
        "import sys; sys.modules['faker'] = None\n"
        "import django; django.setup()\n"
        "from django.core.management import load_command_class\n"
        "load_command_class('issues', 'seed_demo'); load_command_class('issues', 'generate_bench_data')\n"
        "import issues.demo.loader\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "negotrack.settings"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
