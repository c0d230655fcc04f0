"""Progress at a glance: per goal a traffic light, and per indicator a card with its chart.

One painted widget instead of a widget per card: a plan with a dozen indicators opens within
a frame, and only the cards in view are drawn. Each light carries its word as well as its
colour. A click on a card (or Enter on the chosen card) asks for that subdoel's measurements;
the arrow keys move between cards, so the view works without a mouse.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.domain.plan.progress import (
    LIGHT_COLOURS,
    LIGHT_LABELS,
    IndicatorProgress,
    doel_light,
    plan_progress,
)
from drugspreventie_app.domain.plan.progress_chart import chart_alt_text, chart_shapes
from drugspreventie_app.ui.plan.chart_painter import paint_shapes

MARGIN = 8
GAP = 10
CARD_W, CARD_H = 330, 250
CHART_H = 172
HEADER_H = 30
BADGE_W = 104
CHART_CACHE_SIZE = 200


@dataclass
class _Card:
    progress: IndicatorProgress
    rect: QRect


@dataclass
class _Header:
    text: str
    light: str
    rect: QRect


class ProgressOverview(QWidget):
    subdoel_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Voortgang per doel")
        self.setMouseTracking(False)
        self._plan: Plan | None = None
        self._until: int | None = None
        self._groups: list[tuple[str, list[IndicatorProgress]]] = []
        self._cards: list[_Card] = []
        self._headers: list[_Header] = []
        self._years = (2026, 2029)
        self._current = -1
        self._laid_out_width = -1
        self._chart_cache: dict[tuple, QPixmap] = {}

    # -- data --------------------------------------------------------------------------------

    def set_plan(self, plan: Plan | None, until: int | None = None) -> None:
        self._plan, self._until = plan, until
        self._groups = []
        if plan is not None:
            self._years = (plan.periode_start, plan.periode_eind)
            items = plan_progress(plan, until)
            for doel in plan.doelen:
                mine = [p for p in items if p.doel is doel]
                if mine:
                    self._groups.append(
                        (doel.omschrijving.strip() or "Doel zonder omschrijving", mine)
                    )
        self._current = min(self._current, sum(len(g) for _, g in self._groups) - 1)
        self._laid_out_width = -1
        self._layout()
        self.update()
        # The description reads every chart in words; written after the frame is painted.
        QTimer.singleShot(0, self._describe)

    def _describe(self) -> None:
        self.setAccessibleDescription(self.summary_text())

    def progress_items(self) -> list[IndicatorProgress]:
        return [p for _, group in self._groups for p in group]

    def summary_text(self) -> str:
        """The whole view in words: for screen readers and the tooltip-less keyboard user."""
        if not self._groups:
            return "Er zijn nog geen subdoelen met een indicator."
        lines = []
        for text, group in self._groups:
            lines.append(f"Doel {text}: {LIGHT_LABELS[doel_light(group)].lower()}.")
            for p in group:
                lines.append(f"{LIGHT_LABELS[p.light]}. {chart_alt_text(p)} {p.reason}")
        return "\n".join(lines)

    # -- layout ------------------------------------------------------------------------------

    def _columns(self, width: int) -> int:
        return max(1, (width - 2 * MARGIN + GAP) // (CARD_W + GAP))

    def _layout(self) -> None:
        width = max(self.width(), CARD_W + 2 * MARGIN)
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        columns = self._columns(width)
        self._cards, self._headers = [], []
        y = MARGIN
        for text, group in self._groups:
            self._headers.append(
                _Header(text, doel_light(group), QRect(MARGIN, y, width - 2 * MARGIN, HEADER_H))
            )
            y += HEADER_H + 4
            for index, progress in enumerate(group):
                row, col = divmod(index, columns)
                rect = QRect(
                    MARGIN + col * (CARD_W + GAP), y + row * (CARD_H + GAP), CARD_W, CARD_H
                )
                self._cards.append(_Card(progress, rect))
            rows = (len(group) + columns - 1) // columns
            y += rows * (CARD_H + GAP) + 6
        height = y + MARGIN if self._groups else 60
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(2 * CARD_W + GAP + 2 * MARGIN, max(self.minimumHeight(), 200))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = event.rect()
        palette = self.palette()
        painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
        text_colour = palette.color(QPalette.ColorRole.Text)
        if not self._groups:
            painter.setPen(text_colour)
            painter.drawText(
                self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
                Qt.TextFlag.TextWordWrap,
                "Er zijn nog geen subdoelen met een indicator. Vul bij 4. Doelen en prioriteiten "
                "de indicator, de nulmeting en de streefwaarde in; dan verschijnt hier per "
                "indicator een grafiek.",
            )
            return
        bold = QFont(self.font())
        bold.setBold(True)
        for header in self._headers:
            if not header.rect.intersects(area):
                continue
            self._badge(
                painter, QRect(header.rect.x(), header.rect.y() + 3, BADGE_W, 22), header.light
            )
            painter.setFont(bold)
            painter.setPen(text_colour)
            text_rect = header.rect.adjusted(BADGE_W + 10, 0, 0, 0)
            elided = QFontMetrics(bold).elidedText(
                f"Doel: {header.text}", Qt.TextElideMode.ElideRight, text_rect.width()
            )
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, elided)
        for index, card in enumerate(self._cards):
            if card.rect.intersects(area):
                self._card(painter, card, index == self._current and self.hasFocus())

    def _badge(self, painter: QPainter, rect: QRect, light: str) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LIGHT_COLOURS[light]))
        painter.drawRoundedRect(QRectF(rect), 4, 4)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, LIGHT_LABELS[light])

    def _card(self, painter: QPainter, card: _Card, focused: bool) -> None:
        rect = card.rect
        palette = self.palette()
        painter.setPen(
            QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            if focused
            else QPen(QColor("#b9c9da"), 1)
        )
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        progress = card.progress
        self._badge(painter, QRect(rect.x() + 6, rect.y() + 6, BADGE_W, 20), progress.light)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(self.font())
        title = progress.subdoel.indicator.strip()
        title_rect = rect.adjusted(6, 30, -6, 0)
        title_rect.setHeight(36)
        metrics = QFontMetrics(self.font())
        lines = _two_lines(title, metrics, title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, lines)
        painter.drawPixmap(
            QPointF(rect.x() + 6, rect.y() + CARD_H - CHART_H - 8), self._chart_pixmap(progress)
        )

    def _chart_pixmap(self, progress: IndicatorProgress) -> QPixmap:
        """The chart, drawn once per content: opening the view again, or editing another
        indicator, repaints from the picture instead of laying out every label anew."""
        ratio = self.devicePixelRatioF()
        key = (progress.start, progress.target, progress.measurements, self._years, ratio)
        pixmap = self._chart_cache.get(key)
        if pixmap is None:
            if len(self._chart_cache) > CHART_CACHE_SIZE:
                self._chart_cache.clear()
            width = CARD_W - 12
            pixmap = QPixmap(round(width * ratio), round(CHART_H * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
            painter = QPainter(pixmap)
            paint_shapes(painter, chart_shapes(progress, width, CHART_H, self._years), self.font())
            painter.end()
            self._chart_cache[key] = pixmap
        return pixmap

    def clear_chart_cache(self) -> None:
        self._chart_cache.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.clear_chart_cache()  # the pictures carry the old colours or font
        super().changeEvent(event)

    # -- interaction -------------------------------------------------------------------------

    def _card_at(self, pos) -> int:
        return next((i for i, c in enumerate(self._cards) if c.rect.contains(pos)), -1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._card_at(event.position().toPoint())
        if index >= 0:
            self._current = index
            self.update()
            self.subdoel_activated.emit(self._cards[index].progress.subdoel.id)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._cards:
            super().keyPressEvent(event)
            return
        key = event.key()
        columns = self._columns(self.width())
        moves = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: columns,
            Qt.Key.Key_Up: -columns,
        }
        if key in moves:
            self._current = max(0, min(len(self._cards) - 1, self._current + moves[key]))
            self.update()
            card = self._cards[self._current]
            self.setAccessibleDescription(
                f"{LIGHT_LABELS[card.progress.light]}. {chart_alt_text(card.progress)} "
                f"{card.progress.reason}"
            )
            self._ensure_visible(card.rect)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current >= 0:
            self.subdoel_activated.emit(self._cards[self._current].progress.subdoel.id)
        else:
            super().keyPressEvent(event)

    def _ensure_visible(self, rect: QRect) -> None:
        from PySide6.QtWidgets import QScrollArea

        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureVisible(
                rect.center().x(), rect.center().y(), rect.width() // 2, rect.height() // 2
            )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self._card_at(event.pos())
            if index >= 0:
                p = self._cards[index].progress
                QToolTip.showText(
                    event.globalPos(),
                    f"{LIGHT_LABELS[p.light]}: {p.reason}\n{chart_alt_text(p)}",
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` in at most two lines, the second elided."""
    words, first = text.split(), ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    rest = metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)
    return f"{first}\n{rest}" if rest else first
