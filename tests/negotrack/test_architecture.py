"""The core looks at no app: not by import (import-linter's contracts, run by the test
command, hold that) and not by a model label either."""

import re
from pathlib import Path

from negotrack.registry import feed_kinds, publishable_types, record_types

CORE = Path(__file__).resolve().parents[2] / "negotrack"
# The composition root names the apps, by string: that is its job.
COMPOSITION_ROOT = {"settings.py", "urls.py"}
APP_LABEL = re.compile(r"""["'](rounds|delegations|issues)\.\w+["']|get_model\(\s*["'](rounds|delegations|issues)\b""")


def core_modules():
    return [path for path in sorted(CORE.rglob("*.py")) if path.name not in COMPOSITION_ROOT or path.parent != CORE]


def test_the_core_names_no_app_model_by_label():
    found = [
        f"{path.relative_to(CORE.parent)}:{number}: {line.strip()}"
        for path in core_modules()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if APP_LABEL.search(line)
    ]
    assert found == []


def test_the_label_check_would_see_a_label_or_a_get_model():
    assert APP_LABEL.search('record_type="issues.statement"')
    assert APP_LABEL.search('apps.get_model("rounds", "Round")')
    assert not APP_LABEL.search("record_type=registered.label")


def test_every_app_registers_its_record_types():
    labels = {record_type.label for record_type in record_types()}
    assert {"rounds.round", "delegations.person", "issues.statement", "issues.statementissue"} <= labels
    assert {record_type.label for record_type in publishable_types()} >= {
        "issues.statement",
        "issues.issuestatus",
        "issues.position",
        "issues.agreement",
    }
    assert "issues.timeline" in feed_kinds()
