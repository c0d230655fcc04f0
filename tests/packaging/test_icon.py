"""The program's own icon: drawn by tools/make_icon.py, in every size Windows asks for, and
set on the window."""

from __future__ import annotations

import argparse
import io

from PIL import Image
from PySide6.QtWidgets import QApplication

from drugspreventie_app.locator import resource
from drugspreventie_app.ui.app import ICON_SIZES, program_icon, run_gui
from tools import make_icon


def test_ico_holds_every_size_windows_uses() -> None:
    with Image.open(resource("icon", "werkbank.ico")) as ico:
        assert {(s, s) for s in (16, 24, 32, 48, 256)} <= set(ico.info["sizes"])


def test_committed_pngs_are_renderings_of_the_committed_drawing(qapp) -> None:
    """A changed drawing without a re-render (or the reverse) is caught here."""
    assert resource("icon", "werkbank.svg").read_text(encoding="utf-8") == make_icon.SVG
    for size in (16, 256):
        shipped = Image.open(resource("icon", f"werkbank-{size}.png")).convert("RGBA")
        fresh = Image.open(io.BytesIO(make_icon.render(size))).convert("RGBA")
        assert shipped.size == fresh.size == (size, size)
        assert shipped.tobytes() == fresh.tobytes()


def test_icon_is_not_a_blank_square(qapp) -> None:
    image = Image.open(resource("icon", "werkbank-32.png")).convert("RGBA")
    pixels = [image.getpixel((x, y)) for x in range(32) for y in range(32)]
    colours = {pixel[:3] for pixel in pixels if pixel[3] == 255}
    assert len(colours) > 3  # blue tile, white shield, green sprout
    assert image.getpixel((0, 0))[3] == 0  # rounded corners are transparent


def test_window_gets_the_program_icon(qapp, data_dir) -> None:
    icon = program_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)
    args = argparse.Namespace(data_dir=str(data_dir), exit_when_ready=True)
    assert run_gui(args) == 0
    assert QApplication.windowIcon().cacheKey() != 0
    assert {s.width() for s in QApplication.windowIcon().availableSizes()} >= set(ICON_SIZES)
