"""Fail with a clear message when pyproject.toml asks for a package requirements.lock lacks.

`make` installs only from the lock, so a dependency added to pyproject.toml without
`make lock` would otherwise show up later as an ImportError somewhere in the tests. Runs in
.venv after the install (tomli is in the lock for Python 3.10).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: str) -> list[str]:
    """Names in [project] dependencies and in every optional-dependencies list."""
    project = tomllib.loads(pyproject)["project"]
    lists = [project.get("dependencies", []), *project.get("optional-dependencies", {}).values()]
    return [NAME.match(req).group(1) for reqs in lists for req in reqs]


def missing(pyproject: str, lock: str) -> list[str]:
    pinned = {canonical(m) for m in re.findall(r"^([A-Za-z0-9_.-]+)==", lock, re.MULTILINE)}
    return [name for name in declared(pyproject) if canonical(name) not in pinned]


def main() -> int:
    absent = missing(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
        (ROOT / "requirements.lock").read_text(encoding="utf-8"),
    )
    if absent:
        print(
            f"FOUT: requirements.lock mist {', '.join(absent)} uit pyproject.toml. "
            "Draai 'make lock' en commit het lockbestand.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
