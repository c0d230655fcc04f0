"""The licence folder, the SBOM and the bundle check of the standalone build
(tools/release/licence_texts.py, sbom.py, check_bundle_licences.py)."""

from __future__ import annotations

import json
import shutil
from importlib import metadata
from pathlib import Path

import pytest
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator

from tools.release import check_bundle_licences, licence_texts, sbom

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
# Top-level modules of the runtime packages, as PyInstaller reports them for the bundle.
MODULES = ["PySide6", "shiboken6", "reportlab", "docx", "lxml", "PIL", "pypdfium2",
           "pypdfium2_raw", "tinydb", "platformdirs", "orjson", "charset_normalizer",
           "typing_extensions", "drugspreventie_app", "json", "os"]  # fmt: skip


@pytest.fixture(scope="module")
def parts() -> list[licence_texts.Component]:
    return licence_texts.components(MODULES, RESOURCES)


def _by_name(parts: list[licence_texts.Component]) -> dict[str, licence_texts.Component]:
    return {licence_texts.canonical(p.name): p for p in parts}


def test_every_runtime_package_python_and_the_fonts_are_listed(parts) -> None:
    names = set(_by_name(parts))
    assert set(check_bundle_licences.REQUIRED_PACKAGES) <= names
    assert {"python", "dejavu-fonts", "symbola"} <= names
    assert "drugspreventie-werkbank" not in names  # our own program is not third-party
    assert "pytest" not in names  # only what the bundle holds


def test_every_component_has_a_licence_text_that_exists(parts) -> None:
    for part in parts:
        assert part.sources, f"{part.name} heeft geen licentietekst"
        for _, source in part.sources:
            assert source.is_file() and source.stat().st_size > 0, source


def test_qt_for_python_gets_the_lgpl_text_it_does_not_ship_itself(parts) -> None:
    qt = _by_name(parts)["pyside6-essentials"]
    assert "LGPL-3.0-only" in qt.licence
    lgpl = dict(qt.sources)[f"PySide6_Essentials-{qt.version}--LGPL-3.0.txt"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl.read_text(encoding="utf-8")


def test_licence_of_a_package_is_what_its_metadata_declares(parts) -> None:
    tinydb = _by_name(parts)["tinydb"]
    assert tinydb.licence == metadata.metadata("tinydb")["License-Expression"] == "MIT"
    assert tinydb.version == metadata.version("tinydb")


def test_folder_is_flat_with_an_overview(parts, tmp_path: Path) -> None:
    folder = licence_texts.write_folder(parts, tmp_path / "licenties")
    files = list(folder.iterdir())
    assert all(f.is_file() for f in files)  # flat: no sub-folders
    overview = (folder / "OVERZICHT.txt").read_text(encoding="utf-8")
    for part in parts:
        assert f"{part.name} {part.version}: {part.licence}" in overview
        for flat in part.files:
            assert (folder / flat).is_file() and f"    {flat}" in overview


def test_sbom_is_valid_cyclonedx_and_lists_every_component(parts, tmp_path: Path) -> None:
    path = sbom.write(parts, "0.1.0", "linux", "PyInstaller 6", tmp_path / "bundel.cdx.json")
    text = path.read_text(encoding="utf-8")
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    bom = json.loads(text)
    assert bom["metadata"]["component"]["version"] == "0.1.0"
    by_name = {c["name"]: c for c in bom["components"]}
    assert len(by_name) == len(parts)
    tinydb = by_name["tinydb"]
    assert tinydb["purl"] == f"pkg:pypi/tinydb@{metadata.version('tinydb')}"
    assert tinydb["licenses"] == [{"expression": "MIT"}]
    reportlab = by_name["reportlab"]["licenses"][0]  # free text stays the package's own words
    assert "license" in reportlab and reportlab["license"]["name"].startswith("BSD")
    assert "purl" not in by_name["Python"]


def test_same_components_give_the_same_serial_number(parts, tmp_path: Path) -> None:
    first = sbom.bom(parts, "0.1.0", "linux", "PyInstaller 6")
    second = sbom.bom(parts, "0.1.0", "linux", "PyInstaller 6")
    assert first["serialNumber"] == second["serialNumber"]
    assert first["serialNumber"] != sbom.bom(parts, "0.1.1", "linux", "x")["serialNumber"]


def _fake_bundle(parts, tmp_path: Path) -> Path:
    """A bundle folder as build.spec leaves it: dist-info, licenties/, SBOM beside it."""
    bundle = tmp_path / "Drugspreventie Werkbank"
    inner = bundle / "_internal"
    inner.mkdir(parents=True)
    for part in parts:
        if part.pypi:
            dist = metadata.distribution(part.name)
            folder = next(f.parts[0] for f in dist.files if f.parts[0].endswith(".dist-info"))
            (inner / folder).mkdir()
            shutil.copyfile(dist.locate_file(f"{folder}/METADATA"), inner / folder / "METADATA")
    licence_texts.write_folder(parts, inner / "licenties")
    sbom.write(parts, "0.1.0", "linux", "test", check_bundle_licences.sbom_path(bundle))
    return bundle


def test_bundle_check_passes_a_complete_bundle(parts, tmp_path: Path) -> None:
    assert check_bundle_licences.problems(_fake_bundle(parts, tmp_path)) == []


def test_bundle_check_names_a_missing_licence_text(parts, tmp_path: Path) -> None:
    bundle = _fake_bundle(parts, tmp_path)
    for text in (bundle / "_internal" / "licenties").glob("lxml-*"):
        text.unlink()
    assert check_bundle_licences.problems(bundle) == [
        f"geen licentietekst van lxml in {bundle / '_internal' / 'licenties'}"
    ]


def test_bundle_check_names_missing_metadata_and_sbom(parts, tmp_path: Path) -> None:
    bundle = _fake_bundle(parts, tmp_path)
    shutil.rmtree(next((bundle / "_internal").glob("orjson-*.dist-info")))
    check_bundle_licences.sbom_path(bundle).unlink()
    found = check_bundle_licences.problems(bundle)
    assert "metadata (dist-info) van orjson ontbreekt in de bundel" in found
    assert any(p.startswith("SBOM ") and p.endswith("ontbreekt") for p in found)


def test_bundle_check_names_a_package_the_program_does_not_need(parts, tmp_path) -> None:
    """A package from the test extras that an optional import dragged into the bundle."""
    bundle = _fake_bundle(parts, tmp_path)
    (bundle / "_internal" / "pyphen-0.18.1.dist-info").mkdir()
    (bundle / "_internal" / "pyphen-0.18.1.dist-info" / "METADATA").write_text("Name: pyphen\n")
    found = check_bundle_licences.problems(bundle)
    assert "pyphen zit in de bundel maar is geen afhankelijkheid van het programma" in found
