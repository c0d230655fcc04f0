"""Alt+letter mnemonics that never collide within what is visible at once.

Buttons, labels and groups named by hand keep their letter. Any push button, field label or
group box still without one (including those other parts of the program add later) gets a
free letter from its own text when its window shows or changes page, the way KDE's
accelerator manager does it. Check boxes are not given letters automatically: there are too
many of them (the filter panel alone has thirty); Alt+letter on their group box moves to the
first one, and Tab and the arrow keys go on from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabBar,
    QWidget,
)

AUTO_PROPERTY = "werkbank_auto_mnemonic"
# A button that has its own keys (Ctrl+Z, Insert, ...) names them in this property and its
# tooltip, and gets no letter: letters are scarce on a page with several tables.
KEYS_PROPERTY = "werkbank_keys"


def mnemonic_of(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower case."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def strip_mnemonic(text: str) -> str:
    i = 0
    while i < len(text) - 1:
        if text[i] == "&" and text[i + 1] == "&":
            i += 2
            continue
        if text[i] == "&":
            return text[:i] + text[i + 1 :]
        i += 1
    return text


@dataclass(frozen=True)
class Owner:
    """Something visible that reacts to Alt+letter."""

    widget: QWidget
    text: str
    where: str  # a readable description for test failures

    @property
    def letter(self) -> str | None:
        return mnemonic_of(self.text)


def visible_owners(window: QWidget) -> list[Owner]:
    """Every visible menu title, tab, button, group box and label with a buddy in `window`."""
    owners: list[Owner] = []
    if isinstance(window, QMainWindow) and window.menuBar().isVisible():
        for action in window.menuBar().actions():
            if action.isVisible():
                owners.append(Owner(window.menuBar(), action.text(), f"menu {action.text()!r}"))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    text = widget.tabText(i)
                    owners.append(Owner(widget, text, f"tabblad {text!r}"))
        elif isinstance(widget, QAbstractButton) and widget.text():
            owners.append(Owner(widget, widget.text(), f"knop {widget.text()!r}"))
        elif isinstance(widget, QGroupBox) and widget.title():
            owners.append(Owner(widget, widget.title(), f"groep {widget.title()!r}"))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            owners.append(Owner(widget, widget.text(), f"label {widget.text()!r}"))
    return owners


def collisions(window: QWidget) -> list[tuple[str, list[str]]]:
    """Letters used by more than one visible owner, with who uses them."""
    by_letter: dict[str, list[str]] = {}
    for owner in visible_owners(window):
        if owner.letter:
            by_letter.setdefault(owner.letter, []).append(owner.where)
    return [(letter, who) for letter, who in sorted(by_letter.items()) if len(who) > 1]


def _candidates(text: str) -> list[int]:
    """Positions worth a mnemonic: word starts first, then the other letters."""
    starts = [i for i, ch in enumerate(text) if ch.isalnum() and (i == 0 or text[i - 1] == " ")]
    rest = [i for i, ch in enumerate(text) if ch.isalnum() and i not in starts]
    return starts + rest


def _text(widget: QWidget) -> str:
    return widget.title() if isinstance(widget, QGroupBox) else widget.text()


def _set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QGroupBox):
        widget.setTitle(text)  # Alt+letter then moves to the first field in the group
    else:
        widget.setText(text)


def _assignable(widget: QWidget) -> bool:
    if isinstance(widget, QPushButton):
        return not widget.property(KEYS_PROPERTY)
    if isinstance(widget, QGroupBox):
        return True
    return (
        isinstance(widget, QLabel)
        and widget.buddy() is not None
        and widget.textFormat() != Qt.TextFormat.RichText
        and "<" not in widget.text()
    )


def assign_missing(window: QWidget) -> None:
    """Give every visible push button, field label and group without a mnemonic a letter
    nobody visible uses. Hand-picked letters always win; a letter given earlier stays as long as it
    does not collide, so keyboard users find the same letters again."""
    owners = visible_owners(window)

    def is_auto(owner: Owner) -> bool:
        auto = owner.widget.property(AUTO_PROPERTY)
        return auto is not None and auto == owner.text

    used = {o.letter for o in owners if o.letter and not is_auto(o)}
    todo: list[QWidget] = []
    for owner in owners:
        if is_auto(owner) and owner.letter not in used:
            used.add(owner.letter)  # keep the letter it had
        elif (is_auto(owner) or owner.letter is None) and _assignable(owner.widget):
            todo.append(owner.widget)
    # buttons, then field labels, then groups: when letters run out, what is left without
    # one is still reached with Tab
    todo.sort(
        key=lambda w: 0 if isinstance(w, QPushButton) else 2 if isinstance(w, QGroupBox) else 1
    )
    for widget in todo:
        plain = strip_mnemonic(_text(widget))
        for i in _candidates(plain):
            if plain[i].lower() not in used:
                used.add(plain[i].lower())
                text = plain[:i] + "&" + plain[i:]
                _set_text(widget, text)
                widget.setProperty(AUTO_PROPERTY, text)
                break
