"""Make any text safe for reportlab's paragraph markup.

Reportlab's `Paragraph` parses a small XML dialect in which `<img src=...>` reads a local file
and `<a>`, `<font>` change the output. Every string from content or from a user goes through
`para_text` so it is shown literally and can never be read as markup.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from drugspreventie_app.domain.text import strip_control_characters


def para_text(text: str) -> str:
    """Escape `text` for a Paragraph; newlines become line breaks."""
    safe = escape(strip_control_characters(str(text)), {'"': "&quot;", "'": "&#39;"})
    return safe.replace("\r\n", "\n").replace("\n", "<br/>")


def plain_line(text: str, limit: int) -> str:
    """One line for drawing straight on the canvas (headers, footers): no breaks, capped."""
    line = " ".join(strip_control_characters(str(text)).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
