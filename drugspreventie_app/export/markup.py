"""Make any text safe for reportlab's paragraph markup.

Reportlab's `Paragraph` parses a small XML dialect in which `<img src=...>` reads a local file
and `<a>`, `<font>` change the output. Every string from content or from a user goes through
`para_text` so it is shown literally and can never be read as markup.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from drugspreventie_app.domain.text import strip_control_characters
from drugspreventie_app.export.fonts import (
    SYMBOLS,
    covered_by_main_font,
    covered_by_symbol_font,
)


def para_text(text: str) -> str:
    """Escape `text` for a Paragraph; newlines become line breaks; emoji get a font that has
    them."""
    clean = strip_control_characters(str(text)).replace("\r\n", "\n")
    out: list[str] = []
    for symbol, run in _font_runs(clean):
        safe = escape(run, {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")
        out.append(f'<font face="{SYMBOLS}">{safe}</font>' if symbol else safe)
    return "".join(out)


def _font_runs(text: str) -> list[tuple[bool, str]]:
    """Split into runs: (True, run) for characters only the symbol font can draw."""
    if text.isascii():
        return [(False, text)]
    main, symbols = covered_by_main_font(), covered_by_symbol_font()
    runs: list[tuple[bool, str]] = []
    for ch in text:
        code = ord(ch)
        use_symbols = code not in main and code in symbols and ch != "\n"
        if runs and runs[-1][0] == use_symbols:
            runs[-1] = (use_symbols, runs[-1][1] + ch)
        else:
            runs.append((use_symbols, ch))
    return runs
