"""Check that a built bundle carries its licences and its SBOM (make dist-test).

Every required third-party component must have its dist-info metadata in the bundle (so the
program's licence overview works), at least one licence text in the flat licenties/ folder and
an entry in the SBOM next to the bundle; the SBOM must be valid CycloneDX 1.6 and list exactly
the Python packages whose metadata the bundle carries.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# What the issue names: Qt for Python, the PDF and Word libraries, the PDF renderer, storage.
REQUIRED_PACKAGES = (
    "pyside6-essentials", "shiboken6", "reportlab", "python-docx", "lxml", "pillow",
    "pypdfium2", "tinydb", "platformdirs", "orjson",
)  # fmt: skip
REQUIRED_OTHERS = ("Python", "DejaVu Fonts", "Symbola")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def contents_dir(bundle: Path) -> Path:
    """PyInstaller 6 keeps everything but the programs in _internal/."""
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def shipped_metadata(bundle: Path) -> dict[str, str]:
    """{canonical name: version} of every dist-info folder in the bundle."""
    found = {}
    for folder in contents_dir(bundle).glob("*.dist-info"):
        name, _, version = folder.name.removesuffix(".dist-info").rpartition("-")
        if (folder / "METADATA").is_file():
            found[canonical(name)] = version
    return found


def runtime_closure(project: str = "drugspreventie-werkbank") -> set[str] | None:
    """Canonical names of the program's runtime requirements and theirs, as installed here
    (None when the program itself is not installed, so nothing can be compared)."""
    from importlib import metadata

    def requirements(name: str) -> list[str]:
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            return []
        return [
            re.split(r"[\s;<>=!~\[(]", r.strip(), maxsplit=1)[0]
            for r in requires
            if "extra ==" not in r
        ]

    try:
        metadata.distribution(project)
    except metadata.PackageNotFoundError:
        return None
    found: set[str] = set()
    todo = requirements(project)
    while todo:
        name = canonical(todo.pop())
        if name not in found:
            found.add(name)
            todo.extend(requirements(name))
    return found


def sbom_path(bundle: Path) -> Path:
    return bundle.with_name(bundle.name + ".cdx.json")


def problems(bundle: Path) -> list[str]:
    """Every missing licence, metadata or SBOM entry, in Dutch; empty when all is well."""
    found: list[str] = []
    licences = contents_dir(bundle) / "licenties"
    overview = licences / "OVERZICHT.txt"
    if not overview.is_file():
        return [f"{overview} ontbreekt"]
    overview_text = overview.read_text(encoding="utf-8")
    texts = [f.name for f in licences.iterdir() if f.name != "OVERZICHT.txt"]
    metadata = shipped_metadata(bundle)
    for name in REQUIRED_PACKAGES:
        if name not in metadata:
            found.append(f"metadata (dist-info) van {name} ontbreekt in de bundel")
            continue
        prefix = canonical(f"{name}-{metadata[name]}-")
        if not any(canonical(t).startswith(prefix) for t in texts):
            found.append(f"geen licentietekst van {name} in {licences}")
    allowed = runtime_closure()
    if allowed is not None:
        for name in sorted(set(metadata) - allowed):
            found.append(f"{name} zit in de bundel maar is geen afhankelijkheid van het programma")
    for name in REQUIRED_OTHERS:
        if not re.search(rf"^{re.escape(name)} ", overview_text, re.MULTILINE):
            found.append(f"{name} staat niet in {overview.name}")
    path = sbom_path(bundle)
    if not path.is_file():
        return [*found, f"SBOM {path} ontbreekt"]
    bom = json.loads(path.read_text(encoding="utf-8"))
    in_sbom = {canonical(c["name"]): c["version"] for c in bom.get("components", []) if "purl" in c}
    if in_sbom != metadata:
        found.append(f"SBOM en meegeleverde metadata verschillen: {in_sbom} tegen {metadata}")
    error = _schema_error(path)
    if error:
        found.append(f"SBOM is geen geldige CycloneDX 1.6: {error.splitlines()[0]}")
    return found


def _schema_error(path: Path) -> str | None:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(path.read_text(encoding="utf-8"))
    return str(error) if error else None


def main(argv: list[str]) -> int:
    bundle = Path(argv[0])
    found = problems(bundle)
    for problem in found:
        print(f"FOUT: {problem}", file=sys.stderr)
    if found:
        return 1
    texts = len(list((contents_dir(bundle) / "licenties").iterdir())) - 1
    print(
        f"Licenties: metadata van {len(shipped_metadata(bundle))} pakketten, {texts} "
        f"licentieteksten in licenties/, SBOM {sbom_path(bundle).name} geldig (CycloneDX 1.6)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
