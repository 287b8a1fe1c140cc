"""The README's script that sets up a round through the API runs as written: taken from
README.md, run with Python's standard library alone against a live server holding the
demo record, as an editor; run twice, the second run makes nothing new."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from delegations.models import Delegation, Membership, MembershipRole, Person
from issues.models import Statement
from rounds.models import Round

# A server in a thread, a demo load and two runs of the script: a few seconds.
# Serialized rollback: the flush after a committing test would also take the Editors and
# Reviewers groups made by a data migration; this puts them back first.
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"<!-- setup-script -->\s*```python\n(?P<script>.*?)```\s*<!-- /setup-script -->", re.DOTALL)


def readme_script() -> str:
    found = BLOCK.search(README.read_text(encoding="utf-8"))
    assert found, "README.md holds no ```python block between <!-- setup-script --> and <!-- /setup-script -->"
    return found["script"]


def run(script: Path, server: str, token: str) -> str:
    # -I -S: no site-packages and no environment of ours, only the standard library.
    env = {"PATH": os.environ.get("PATH", ""), "NEGOTRACK_URL": server, "NEGOTRACK_TOKEN": token}
    done = subprocess.run(
        [sys.executable, "-I", "-S", str(script)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_readme_script_sets_up_the_istanbul_round_and_makes_nothing_new_the_second_time(
    live_server, editor, tmp_path, settings
):
    call_command("seed_demo", verbosity=0)
    script = tmp_path / "setup_istanbul.py"
    script.write_text(readme_script(), encoding="utf-8")
    token = Token.objects.create(user=editor).key

    first = run(script, live_server.url, token)

    talk_round = Round.objects.get(process__slug="russia-ukraine-istanbul", start_date="2025-05-16")
    assert talk_round.slug == "istanbul-2025-05-16" and talk_round.venue == "Dolmabahçe Palace"
    delegations = {d.party.slug: d for d in Delegation.objects.filter(round=talk_round).select_related("party")}
    assert set(delegations) == {"turkey", "ukraine", "russia"}
    assert delegations["turkey"].roles == ["mediator", "host"]
    members = Membership.objects.filter(delegation__round=talk_round).select_related("person", "delegation__party")
    by_party: dict[str, dict[str, str]] = {slug: {} for slug in delegations}
    for member in members:
        by_party[member.delegation.party.slug][member.person.slug] = member.role
    assert by_party["turkey"] == {"hakan-fidan": MembershipRole.CHAIR}
    assert by_party["ukraine"] == {"rustem-umerov": MembershipRole.HEAD}
    assert by_party["russia"] == {
        "vladimir-medinsky": MembershipRole.HEAD,
        "mikhail-galuzin": MembershipRole.MEMBER,
        "igor-kostyukov": MembershipRole.MEMBER,
        "alexander-fomin": MembershipRole.MEMBER,
    }
    assert (delegations["ukraine"].unnamed_members, delegations["russia"].unnamed_members) == (11, 0)
    # People on record are reused, the 409 for a report's spelling included: no second Medinsky.
    assert Person.objects.filter(name__icontains="medinsk").count() == 1
    assert "409" in first and "vladimir-medinsky" in first
    assert talk_round.sessions.get().attendances.count() == 6
    statement = Statement.objects.get(round=talk_round)
    assert (statement.speaker.slug, statement.state) == ("vladimir-medinsky", "draft")
    assert "chaired by Hakan Fidan" in first

    counts = (Round.objects.count(), Membership.objects.count(), Person.objects.count(), Statement.objects.count())
    second = run(script, live_server.url, token)
    assert "made " not in second, second
    assert (Round.objects.count(), Membership.objects.count(), Person.objects.count(),
            Statement.objects.count()) == counts  # fmt: skip
