"""Draw the program's icon and render it for every place Windows and Linux show one.

The drawing (resources/icon/werkbank.svg) is made here: a white shield, for prevention, with a
young green sprout, on the deep blue of a workbench tile. It is rendered with Qt's SVG renderer
to PNG files (window and taskbar icon, Linux desktop) and to one .ico with every size Windows
asks for (the .exe, the installer, the Start menu). Run again after changing the drawing:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icon"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Drugspreventie Werkbank</title>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="#1f4e79"/>
  <path d="M128 34 L206 62 V122 C206 172 174 208 128 226 C82 208 50 172 50 122 V62 Z"
        fill="#ffffff"/>
  <path d="M128 196 V122" stroke="#2e8b57" stroke-width="14" stroke-linecap="round"/>
  <path d="M126 150 C92 150 74 126 76 98 C104 98 124 116 126 150 Z" fill="#2e8b57"/>
  <path d="M130 128 C132 96 154 76 182 78 C184 108 162 128 130 128 Z" fill="#3aa56b"/>
</svg>
"""


def render(size: int) -> bytes:
    """The drawing as a PNG of size x size pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    (ICON_DIR / "werkbank.svg").write_text(SVG, encoding="utf-8")
    images = {}
    for size in PNG_SIZES:
        png = render(size)
        (ICON_DIR / f"werkbank-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
    largest = images[max(ICO_SIZES)]
    largest.save(
        ICON_DIR / "werkbank.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    print(f"Pictogram geschreven naar {ICON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
