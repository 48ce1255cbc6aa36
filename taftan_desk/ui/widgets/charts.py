"""Two lean charts drawn with QPainter: crossings per hour of a shift (columns) and net
tonnage per cargo category (horizontal bars). No QtCharts (deprecated, 160 MB) and no
plotting library: ui.widgets.chart_drawing lays them out and paints them, here and on the
image a PDF report embeds (`to_image`, `png_bytes`). A screen reader gets the figures as
the widget's accessible description, and a bar's figure shows as its tooltip.
"""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from taftan_desk.ui.widgets.chart_drawing import (
    Bar,
    ChartData,
    Colours,
    Layout,
    LayoutFunction,
    column_layout,
    layout_of,
    paint_chart,
    png_bytes,
    render_image,
    row_layout,
)

__all__ = ["BarChart", "ChartData", "HorizontalBarChart", "png_bytes", "render_image"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Charts", text)


def bar_words(bar: Bar) -> str:
    return _tr("{label}: {value}").format(label=bar.label, value=bar.text or "0")


def describe(data: ChartData) -> str:
    """The figures in words, for a screen reader."""
    if data.is_empty:
        return data.empty_text
    return _tr("; ").join(bar_words(bar) for bar in data.bars)


def crossings_per_hour(counts: Sequence[int], first_hour: int) -> ChartData:
    """Counts of consecutive hours from `first_hour` (8 for a shift, 24 for a day)."""
    bars = tuple(
        Bar(f"{(first_hour + i) % 24:02d}", n, f"{n:,}" if n else "") for i, n in enumerate(counts)
    )
    return ChartData(
        _tr("Crossings per hour"), bars, _tr("Crossings"), _tr("Hour"), _tr("No crossings")
    )


def tonnage_per_category(net_kg: Sequence[tuple[str, int]]) -> ChartData:
    """Net kg per cargo category (its code), heaviest first."""
    names = {
        "oil": _tr("Oil"),
        "gas": _tr("Gas"),
        "steel": _tr("Steel"),
        "industrial": _tr("Industrial goods"),
        "textiles": _tr("Textiles"),
        "other": _tr("Other"),
    }
    ordered = sorted(net_kg, key=lambda item: -item[1])
    bars = tuple(
        Bar(names.get(code, code), kg / 1000, _tr("{t} t").format(t=f"{kg / 1000:,.1f}"))
        for code, kg in ordered
    )
    return ChartData(
        _tr("Net tonnage by cargo category"),
        bars,
        _tr("Net tonnes"),
        _tr("Cargo"),
        _tr("No crossings"),
        counts=False,
    )


class _Chart(QWidget):
    layout_function: LayoutFunction = staticmethod(column_layout)  # type: ignore[assignment]

    def __init__(self, data: ChartData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self.data = data
        self.set_data(data)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.setAccessibleName(data.title)
        self.setAccessibleDescription(describe(data))
        self.updateGeometry()
        self.update()

    @property
    def rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def chart_layout(self) -> Layout:
        """Where everything is drawn at the widget's size and direction."""
        rect = QRectF(self.rect())
        return layout_of(self.layout_function, self.data, rect, self.font(), self.rtl)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        painter = QPainter(self)
        try:
            paint_chart(painter, QRectF(self.rect()), self.data, self.layout_function,
                        self.font(), Colours.of(self.palette()), self.rtl)  # fmt: skip
        finally:
            painter.end()

    def bar_at(self, point: QPointF) -> int | None:
        """The bar under a point (its whole slot counts, so a short bar is easy to point
        at), or None."""
        layout = self.chart_layout()
        for i, bar in enumerate(layout.bars):
            if self.layout_function is row_layout:
                slot = QRectF(layout.plot.left(), bar.top(), layout.plot.width(), bar.height())
            else:
                slot = QRectF(bar.left(), layout.plot.top(), bar.width(), layout.plot.height())
            if slot.contains(point):
                return i
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            at = self.bar_at(QPointF(event.pos()))
            if at is None:
                QToolTip.hideText()
            else:
                bar = self.data.bars[at]
                QToolTip.showText(event.globalPos(), bar_words(bar), self)
            return True
        return super().event(event)

    def to_image(self, size: QSize | None = None, scale: float = 2.0) -> QImage:
        """The chart on white for a report, at the widget's size unless told."""
        return render_image(self.data, self.layout_function, size or self.size(), scale=scale,
                            font=self.font(), rtl=self.rtl)  # fmt: skip


class BarChart(_Chart):
    """Columns: crossings per hour of a shift (8 bars) or a day (24)."""

    layout_function = staticmethod(column_layout)

    def __init__(self, data: ChartData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(data or crossings_per_hour([], 0), parent)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(max(420, 40 * len(self.data.bars) + 80), 280)


class HorizontalBarChart(_Chart):
    """Bars across: net tonnage per cargo category."""

    layout_function = staticmethod(row_layout)

    def __init__(self, data: ChartData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(data or tonnage_per_category([]), parent)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, max(200, 34 * len(self.data.bars) + 110))
