"""Register the bundled DejaVu Sans family for every PDF.

The 14 standard PDF fonts only cover Latin-1, so ĳ, ł, € and the like would print as boxes.
"""

from __future__ import annotations

from functools import cache

from drugspreventie_app.locator import resource

FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
# DejaVu has no emoji and few symbols; Symbola (free for any use) draws those in black and
# white, so a 😀 typed in a field prints as itself instead of an empty box.
SYMBOLS = "Symbola"


@cache
def register_fonts() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (FAMILY, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    pdfmetrics.registerFont(TTFont(SYMBOLS, str(resource("fonts", f"{SYMBOLS}.ttf"))))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(SYMBOLS, bold, italic, SYMBOLS)
    return FAMILY


@cache
def covered_by_main_font() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(FAMILY).face.charToGlyph)


@cache
def covered_by_symbol_font() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(SYMBOLS).face.charToGlyph)
