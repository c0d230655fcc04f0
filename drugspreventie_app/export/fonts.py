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
    return FAMILY
