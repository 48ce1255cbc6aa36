"""How the desk's charts are drawn: the data a chart shows, where each bar and word goes
(layout functions, testable without painting), and the painting itself, on a widget or on
an image a PDF report can embed (`render_image`, `png_bytes`).

Geometry is worked out left to right, then mirrored for a right-to-left desk: the first
category stands at the right, the value axis and category names move to the right, bars
grow leftwards. Each text keeps the reading direction of its own letters.
"""

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QIODevice, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette, QTextOption

BAR_COLOUR = "#2f6f9f"  # one colour: the bars' lengths carry the meaning, not their hue
_PRINT_TEXT, _PRINT_GRID = "#1f1f1f", "#d9d9d9"


@dataclass(frozen=True)
class Bar:
    label: str  # the category: an hour, a cargo
    value: float
    text: str  # the value as written beside its bar ("" writes nothing)


@dataclass(frozen=True)
class ChartData:
    title: str
    bars: tuple[Bar, ...]
    value_title: str  # the value axis: "Crossings", "Net tonnes"
    category_title: str
    empty_text: str  # said instead of a chart when every value is 0
    counts: bool = True  # whole numbers: the axis never shows a fraction of a crossing

    @property
    def is_empty(self) -> bool:
        return not any(bar.value > 0 for bar in self.bars)


def nice_axis(maximum: float, ticks: int = 5, *, counts: bool = True) -> tuple[float, float]:
    """A round step (1, 2 or 5 × 10^k; at least 1 for counts) and the axis top (a whole
    number of steps at or above `maximum`)."""
    if maximum <= 0:
        return 1.0, 1.0
    rough = maximum / ticks
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    if counts:
        step = max(step, 1.0)
    return step, math.ceil(maximum / step - 1e-9) * step


def _tick_text(value: float, step: float) -> str:
    return f"{value:,.0f}" if step >= 1 else f"{value:,.1f}"


@dataclass(frozen=True)
class Text:
    rect: QRectF
    text: str
    flags: int
    role: str  # title, empty, tick, category, value, axis
    rotated: bool = False  # drawn upwards (the value axis's title)


@dataclass
class Layout:
    plot: QRectF
    bars: list[QRectF] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    grid: list[QLineF] = field(default_factory=list)
    axis: QLineF | None = None

    def mirrored(self, around: QRectF) -> "Layout":
        """The same chart for a right-to-left desk."""
        edge = around.left() + around.right()

        def rect(r: QRectF) -> QRectF:
            return QRectF(edge - r.right(), r.top(), r.width(), r.height())

        def line(ln: QLineF) -> QLineF:
            return QLineF(edge - ln.x1(), ln.y1(), edge - ln.x2(), ln.y2())

        return Layout(
            rect(self.plot),
            [rect(b) for b in self.bars],
            [Text(rect(t.rect), t.text, _swap(t.flags), t.role, t.rotated) for t in self.texts],
            [line(g) for g in self.grid],
            line(self.axis) if self.axis is not None else None,
        )


_LEFT, _RIGHT = int(Qt.AlignmentFlag.AlignLeft), int(Qt.AlignmentFlag.AlignRight)
_HCENTER, _VCENTER = int(Qt.AlignmentFlag.AlignHCenter), int(Qt.AlignmentFlag.AlignVCenter)
_BOTTOM, _TOP = int(Qt.AlignmentFlag.AlignBottom), int(Qt.AlignmentFlag.AlignTop)


def _absolute(flags: int) -> int:
    """Left means left: the layout is mirrored already, so the painter must not swap again."""
    return flags | int(Qt.AlignmentFlag.AlignAbsolute)


def _swap(flags: int) -> int:
    if flags & _LEFT:
        return (flags & ~_LEFT) | _RIGHT
    if flags & _RIGHT:
        return (flags & ~_RIGHT) | _LEFT
    return flags


def _frame(data: ChartData, rect: QRectF, fm: QFontMetricsF) -> tuple[float, float, Text]:
    """The padding, a line's height and the title along the top."""
    line, pad = fm.height(), fm.height() * 0.6
    title = QRectF(rect.left() + pad, rect.top() + pad, rect.width() - 2 * pad, line * 1.3)
    return pad, line, Text(title, data.title, _LEFT | _VCENTER, "title")


def _empty(data: ChartData, rect: QRectF, fm: QFontMetricsF) -> Layout:
    pad, _, title = _frame(data, rect, fm)
    plot = QRectF(rect.left() + pad, title.rect.bottom(), rect.width() - 2 * pad, 0)
    plot.setBottom(rect.bottom() - pad)
    return Layout(plot, texts=[title, Text(plot, data.empty_text, _HCENTER | _VCENTER, "empty")])


def column_layout(data: ChartData, rect: QRectF, fm: QFontMetricsF) -> Layout:
    """Vertical bars, one per category along the bottom (left to right)."""
    if data.is_empty:
        return _empty(data, rect, fm)
    pad, line, title = _frame(data, rect, fm)
    step, top_value = nice_axis(max(b.value for b in data.bars), counts=data.counts)
    values = [i * step for i in range(round(top_value / step) + 1)]
    ticks = [_tick_text(v, step) for v in values]
    tick_w = max(fm.horizontalAdvance(t) for t in ticks)
    left = rect.left() + pad + line + pad / 2 + tick_w + pad / 2
    bottom = rect.bottom() - pad - 2 * line - pad
    plot = QRectF(
        QPointF(left, title.rect.bottom() + line * 1.2), QPointF(rect.right() - pad, bottom)
    )
    layout = Layout(plot, texts=[title], axis=QLineF(plot.bottomLeft(), plot.bottomRight()))
    for value, text in zip(values, ticks, strict=True):
        y = plot.bottom() - value / top_value * plot.height()
        layout.grid.append(QLineF(plot.left(), y, plot.right(), y))
        tick = QRectF(plot.left() - pad / 2 - tick_w, y - line / 2, tick_w, line)
        layout.texts.append(Text(tick, text, _RIGHT | _VCENTER, "tick"))
    slot = plot.width() / len(data.bars)
    widest = max(fm.horizontalAdvance(b.label) for b in data.bars)
    every = max(1, math.ceil(widest * 1.3 / slot))  # labels that would touch are thinned
    # Every figure or none: some bars labelled and others not would read as missing values.
    figures = max(fm.horizontalAdvance(b.text) for b in data.bars) <= slot
    for i, bar in enumerate(data.bars):
        x = plot.left() + i * slot
        height = bar.value / top_value * plot.height()
        body = QRectF(x + slot * 0.14, plot.bottom() - height, slot * 0.72, height)
        layout.bars.append(body)
        if bar.text and figures:
            above = QRectF(x, body.top() - line, slot, line)
            layout.texts.append(Text(above, bar.text, _HCENTER | _BOTTOM, "value"))
        if i % every == 0:
            under = QRectF(x, plot.bottom() + pad / 3, slot, line)
            layout.texts.append(Text(under, bar.label, _HCENTER | _TOP, "category"))
    axis_title = QRectF(rect.left() + pad, plot.top(), line, plot.height())
    layout.texts.append(Text(axis_title, data.value_title, _HCENTER | _VCENTER, "axis", True))
    under_labels = QRectF(plot.left(), plot.bottom() + pad / 3 + line, plot.width(), line + pad)
    layout.texts.append(Text(under_labels, data.category_title, _HCENTER | _VCENTER, "axis"))
    return layout


def row_layout(data: ChartData, rect: QRectF, fm: QFontMetricsF) -> Layout:
    """Horizontal bars, one per category down the side (top to bottom)."""
    if data.is_empty:
        return _empty(data, rect, fm)
    pad, line, title = _frame(data, rect, fm)
    step, top_value = nice_axis(max(b.value for b in data.bars), counts=data.counts)
    values = [i * step for i in range(round(top_value / step) + 1)]
    label_w = min(max(fm.horizontalAdvance(b.label) for b in data.bars), rect.width() * 0.3)
    value_w = max(fm.horizontalAdvance(b.text) for b in data.bars)
    left = rect.left() + pad + label_w + pad
    right = rect.right() - pad - value_w - pad / 2
    bottom = rect.bottom() - pad - 2 * line - pad
    plot = QRectF(QPointF(left, title.rect.bottom() + pad), QPointF(right, bottom))
    layout = Layout(plot, texts=[title], axis=QLineF(plot.topLeft(), plot.bottomLeft()))
    for value in values:
        x = plot.left() + value / top_value * plot.width()
        layout.grid.append(QLineF(x, plot.top(), x, plot.bottom()))
        tick = QRectF(x - step / top_value * plot.width() / 2, plot.bottom() + pad / 3, 0, line)
        tick.setWidth(step / top_value * plot.width())
        layout.texts.append(Text(tick, _tick_text(value, step), _HCENTER | _TOP, "tick"))
    slot = plot.height() / len(data.bars)
    thickness = min(slot * 0.7, line * 1.6)
    for i, bar in enumerate(data.bars):
        y = plot.top() + i * slot
        body = QRectF(
            plot.left(), y + (slot - thickness) / 2, bar.value / top_value * plot.width(), thickness
        )
        layout.bars.append(body)
        name = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w)
        label = QRectF(rect.left() + pad, y, label_w, slot)
        layout.texts.append(Text(label, name, _RIGHT | _VCENTER, "category"))
        if bar.text:
            beside = QRectF(body.right() + pad / 2, y, value_w, slot)
            layout.texts.append(Text(beside, bar.text, _LEFT | _VCENTER, "value"))
    under = QRectF(plot.left(), plot.bottom() + pad / 3 + line, plot.width(), line + pad)
    layout.texts.append(Text(under, data.value_title, _HCENTER | _VCENTER, "axis"))
    return layout


LayoutFunction = Callable[[ChartData, QRectF, QFontMetricsF], Layout]


@dataclass(frozen=True)
class Colours:
    background: QColor
    bar: QColor
    text: QColor
    grid: QColor

    @classmethod
    def of(cls, palette: QPalette) -> "Colours":
        return cls(
            palette.color(QPalette.ColorRole.Base),
            QColor(BAR_COLOUR),
            palette.color(QPalette.ColorRole.Text),
            palette.color(QPalette.ColorRole.Mid),
        )

    @classmethod
    def printed(cls) -> "Colours":
        return cls(QColor("white"), QColor(BAR_COLOUR), QColor(_PRINT_TEXT), QColor(_PRINT_GRID))


def layout_of(
    function: LayoutFunction, data: ChartData, rect: QRectF, font: QFont, rtl: bool
) -> Layout:
    layout = function(data, rect, QFontMetricsF(font))
    return layout.mirrored(rect) if rtl else layout


def paint_chart(
    painter: QPainter,
    rect: QRectF,
    data: ChartData,
    function: LayoutFunction,
    font: QFont,
    colours: Colours,
    rtl: bool = False,
) -> Layout:
    layout = layout_of(function, data, rect, font, rtl)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, colours.background)
    painter.setPen(colours.grid)
    painter.drawLines(layout.grid)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.bar)
    for bar in layout.bars:
        painter.drawRect(bar)
    painter.setPen(colours.text)
    if layout.axis is not None:
        painter.drawLine(layout.axis)
    bold = QFont(font)
    bold.setBold(True)
    for text in layout.texts:
        painter.setFont(bold if text.role == "title" else font)
        _draw_text(painter, text)
    painter.restore()
    return layout


def reading_direction(text: str) -> Qt.LayoutDirection:
    """The direction of the text's first letter that has one (Unicode's rule for a
    paragraph): "501.2 t" reads left to right on any desk, "501.2 ٹن" right to left, the
    figure first. QTextOption's LayoutDirectionAuto left the latter left to right."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def _draw_text(painter: QPainter, text: Text) -> None:
    option = QTextOption(Qt.AlignmentFlag(_absolute(text.flags)))
    # drawText lays the text out in the painter's direction, whatever the option says.
    painter.setLayoutDirection(reading_direction(text.text))
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    if not text.rotated:
        painter.drawText(text.rect, text.text, option)
        return
    painter.save()
    painter.translate(text.rect.center())
    painter.rotate(-90)
    width, height = text.rect.height(), text.rect.width()
    painter.drawText(QRectF(-width / 2, -height / 2, width, height), text.text, option)
    painter.restore()


def render_image(
    data: ChartData,
    function: LayoutFunction,
    size: QSize,
    *,
    scale: float = 2.0,
    font: QFont | None = None,
    rtl: bool = False,
) -> QImage:
    """The chart on white, `size` in logical pixels drawn at `scale` (2: sharp in a PDF)."""
    image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, size.width(), size.height()), data, function,
                    font or QFont(), Colours.printed(), rtl)  # fmt: skip
    finally:
        painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image as PNG: reportlab's ImageReader(io.BytesIO(...)) draws it into a PDF."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
