from drugspreventie_app.export.markup import para_text


def test_markup_is_escaped_and_newlines_break() -> None:
    assert para_text('<img src="/etc/passwd"/>') == "&lt;img src=&quot;/etc/passwd&quot;/&gt;"
    assert para_text("a & b\nc") == "a &amp; b<br/>c"
    assert para_text("bel\x07") == "bel"


def test_characters_missing_from_dejavu_use_the_symbol_font() -> None:
    assert para_text("feest 🎉!") == 'feest <font face="Symbola">🎉</font>!'
    assert para_text("ĳ ł €") == "ĳ ł €"  # DejaVu has these itself
