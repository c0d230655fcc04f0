"""Keep every window and dialog on the screen it opens on.

The people who use the Werkbank sit at 1366x768 laptops, often at 125-150% scaling, which
leaves about 910x480 logical pixels: a window sized for a desktop monitor puts its buttons
below the screen edge. Everything here works in logical pixels, so scaling is taken care of.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

# The preferred first size on a large monitor; smaller screens get their available area.
PREFERRED_WINDOW = QSize(1280, 820)
# Room for the title bar and frame that the window manager adds around our geometry.
FRAME_ALLOWANCE = QSize(16, 40)


def screen_of(widget: QWidget | None) -> QScreen:
    screen = widget.screen() if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


def available(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use (without task bar), in logical pixels."""
    return screen_of(widget).availableGeometry()


def usable_size(widget: QWidget | None = None) -> QSize:
    """The largest client area whose frame still fits on the available screen."""
    area = available(widget)
    return QSize(
        max(area.width() - FRAME_ALLOWANCE.width(), 200),
        max(area.height() - FRAME_ALLOWANCE.height(), 200),
    )


def first_window_rect(widget: QWidget | None = None) -> QRect:
    """Where a first-time main window goes: the preferred size, capped to the screen, centred."""
    area = available(widget)
    size = PREFERRED_WINDOW.boundedTo(usable_size(widget))
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(area.center())
    rect.moveTop(max(rect.top(), area.top() + FRAME_ALLOWANCE.height() - 8))
    return rect


def fits(window: QWidget) -> bool:
    """Whether a window, with room for its title bar and frame, lies on the available screen.

    Judged on the client area: before the first show the frame is not known yet."""
    client = window.geometry()
    limit = usable_size(window)
    return (
        client.width() <= limit.width()
        and client.height() <= limit.height()
        and available(window).contains(client)
    )


def restore_or_place(window: QWidget, saved: str | None) -> None:
    """Restore a remembered geometry only when it fits the current screen; a geometry saved
    on a big office monitor would otherwise put the window half off a laptop screen."""
    if saved:
        before = window.saveGeometry()
        if window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            if window.isMaximized() or fits(window):
                return
            # restoreGeometry moves an off-screen window back but keeps its size: undo it
            window.restoreGeometry(before)
    window.setGeometry(first_window_rect(window))


def fit_dialog(dialog: QWidget) -> None:
    """Shrink a dialog that would stick out of the screen and move it fully onto it."""
    limit = usable_size(dialog)
    size = dialog.size()
    if size.width() > limit.width() or size.height() > limit.height():
        dialog.resize(size.boundedTo(limit))
    dialog.setMaximumSize(dialog.maximumSize().boundedTo(limit))
    area = available(dialog)
    frame = dialog.frameGeometry()
    if not area.contains(frame):
        dx = max(area.left() - frame.left(), 0) or min(area.right() - frame.right(), 0)
        dy = max(area.top() - frame.top(), 0) or min(area.bottom() - frame.bottom(), 0)
        dialog.move(dialog.x() + dx, dialog.y() + dy)


def scrolling_body(content: QWidget) -> QScrollArea:
    """Put a dialog's fields in a scroll area so its buttons stay visible on a small screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    # the fields take the focus; Tab scrolls them into view
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def dialog_with_buttons(dialog: QDialog, content: QWidget, buttons: QWidget) -> QVBoxLayout:
    """The standard dialog shape: scrolling fields above, a button row that never scrolls.

    The dialog opens at the size its fields want, as long as that fits the screen."""
    layout = QVBoxLayout(dialog)
    area = scrolling_body(content)
    layout.addWidget(area, 1)
    layout.addWidget(buttons)
    wanted = content.sizeHint()
    limit = usable_size(dialog)
    # a little extra so the scroll bar does not appear when everything fits
    width = min(wanted.width() + 40, limit.width())
    height = min(wanted.height() + buttons.sizeHint().height() + 40, limit.height())
    dialog.resize(width, max(height, 200))
    return layout


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down only, and is never narrower than its content: its minimum width
    follows the content (check box texts with live counts grow and shrink)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)
        self._fit_width()

    def _fit_width(self) -> None:
        content = self.widget()
        width = (
            content.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        if width != self.minimumWidth():
            self.setMinimumWidth(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_width()
        return False
