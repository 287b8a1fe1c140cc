"""Vendors TimelineJS into static/vendor/timelinejs/ from its npm package, at the version
pinned here: `python3 scripts/vendor_timelinejs.py` (needs npm).

The embed page (/issues/{slug}/embed/) loads it from our own static files, never from a
CDN. What is copied: the built script and stylesheet, the icon font the stylesheet names
(by a path relative to the stylesheet, kept as the package lays it out), and the licences.
Not copied: the fonts' stylesheets (they load web fonts from other hosts; the page asks
for no font) and the locales (English is built into the script). The source-map comments
are cut from the two files: the maps are not vendored, and collectstatic's manifest
refuses a reference to a file that is not there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@knight-lab/timelinejs"
VERSION = "3.9.11"
# npm's integrity of that tarball, as `npm view @knight-lab/timelinejs@3.9.11 dist.integrity` gives it.
INTEGRITY = "sha512-+jUuY1OJ+9zSO5O3AfYSLd1yB0vQkm22zyIElz8BWT5DQ9mL0rsxlQkBKAqLbWpJjFuAAJeqzLY35xFIg6GW4g=="

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "static" / "vendor" / "timelinejs"
FILES = [
    "LICENSE",
    "dist/js/timeline.js",
    "dist/js/timeline.js.LICENSE.txt",
    "dist/css/timeline.css",
    *(f"dist/css/icons/tl-icons.{kind}" for kind in ("eot", "svg", "ttf", "woff", "woff2")),
]
SOURCE_MAP_COMMENTS = ("//# sourceMappingURL=", "/*# sourceMappingURL=")


def without_source_map(text: str) -> str:
    lines = text.rstrip("\n").split("\n")
    while lines and lines[-1].startswith(SOURCE_MAP_COMMENTS):
        lines.pop()
    return "\n".join(lines) + "\n"


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        packed = subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", scratch],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        if f'"integrity": "{INTEGRITY}"' not in packed.stdout:
            print(f"npm's tarball of {PACKAGE}@{VERSION} is not the one pinned here:\n{packed.stdout}", file=sys.stderr)
            return 1
        (tarball,) = Path(scratch).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            archive.extractall(scratch, filter="data")
        package = Path(scratch) / "package"
        if TARGET.exists():
            shutil.rmtree(TARGET)
        for name in FILES:
            target = TARGET / name.removeprefix("dist/")
            target.parent.mkdir(parents=True, exist_ok=True)
            if name.endswith((".js", ".css")):
                target.write_text(without_source_map((package / name).read_text()))
            else:
                shutil.copyfile(package / name, target)
        (TARGET / "VERSION").write_text(f"{PACKAGE} {VERSION}\n{INTEGRITY}\n")
    print(f"{PACKAGE} {VERSION} vendored into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
