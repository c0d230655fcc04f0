"""Find the shipped `data/` and `resources/` folders.

The same lookup serves three ways of running the app:

* a PyInstaller build: everything sits under ``sys._MEIPASS`` (this is the one place in the
  code base that knows about frozen builds);
* an installed wheel: the build copies both folders into ``drugspreventie_app/_bundle/``;
* a source checkout (also an editable install): the folders sit next to the package.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent

# Content editors and tests can point the app at another content pack without a rebuild.
CONTENT_ENV = "DRUGSPREVENTIE_CONTENT_DIR"


class BundleNotFoundError(RuntimeError):
    """The shipped files are missing: the installation is broken."""


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def candidate_roots() -> list[Path]:
    """Folders that may hold `data/` and `resources/`, in the order they are tried."""
    roots: list[Path] = []
    if is_frozen():
        roots.append(Path(sys._MEIPASS))  # type: ignore[attr-defined]
    roots.append(_PACKAGE_DIR / "_bundle")
    roots.append(_PACKAGE_DIR.parent)
    return roots


@cache
def bundle_root() -> Path:
    for root in candidate_roots():
        if (root / "data").is_dir() and (root / "resources").is_dir():
            return root
    tried = ", ".join(str(r) for r in candidate_roots())
    raise BundleNotFoundError(
        f"De meegeleverde gegevens (data/ en resources/) zijn niet gevonden. Gezocht in: {tried}. "
        "Installeer de Werkbank opnieuw."
    )


def data_dir() -> Path:
    override = os.environ.get(CONTENT_ENV)
    if override:
        return Path(override)
    return bundle_root() / "data"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
