from __future__ import annotations

from drugspreventie_app.content.licences import third_party_components


def _by_name() -> dict[str, object]:
    return {c.name.lower().replace("_", "-"): c for c in third_party_components()}


def test_every_runtime_package_is_listed_with_its_licence_text() -> None:
    components = _by_name()
    for name in ("pyside6-essentials", "shiboken6", "reportlab", "tinydb", "python-docx"):
        component = components[name]
        assert component.version
        assert component.licence and component.licence != "onbekend"
        assert len(component.text) > 200, name
    # test tools are not shipped, so not listed
    assert "pytest" not in components and "ruff" not in components


def test_qt_licence_text_comes_from_the_shipped_lgpl() -> None:
    qt = _by_name()["pyside6-essentials"]
    assert "LGPL-3.0" in qt.licence
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt.text


def test_shipped_fonts_are_listed_with_version_and_licence() -> None:
    fonts = [c for c in third_party_components() if c.kind == "Lettertype"]
    names = " ".join(c.name for c in fonts)
    assert "DejaVuSans.ttf" in names and "Symbola.ttf" in names
    for font in fonts:
        assert font.version[0].isdigit()
        assert font.text.strip()
