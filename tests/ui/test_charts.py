"""The QPainter charts, judged by their pixels: bars found by colour on the rendered image
(not read back from the layout) stand in the data's order and proportion, mirror on a
right-to-left desk, an empty chart says so, every word is translatable, and the image a
report embeds survives the trip through reportlab into a PDF."""

import io

import pytest
from PySide6.QtCore import QRectF, QSize, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication

from taftan_desk.ui.widgets.chart_drawing import (
    BAR_COLOUR,
    ChartData,
    column_layout,
    layout_of,
    reading_direction,
    render_image,
    row_layout,
)
from taftan_desk.ui.widgets.charts import (
    BarChart,
    HorizontalBarChart,
    crossings_per_hour,
    png_bytes,
    tonnage_per_category,
)

SHIFT = [12, 31, 44, 38, 27, 19, 40, 9]  # 06:00 to 13:00; the busiest hour is 08:00
TONNES = [("textiles", 264_000), ("steel", 501_240), ("oil", 412_300), ("other", 41_200)]
SIZE = QSize(560, 300)
BAR = QColor(BAR_COLOUR).rgb()


def _is_bar(image: QImage, x: int, y: int) -> bool:
    return image.pixel(x, y) == BAR


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of True."""
    runs, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def columns_seen(image: QImage) -> list[tuple[int, int]]:
    """Each bar found on the image, left to right: its centre x and height in pixels."""
    rows = [
        y for y in range(image.height()) if any(_is_bar(image, x, y) for x in range(image.width()))
    ]
    assert rows, "no bar on the image"
    base = max(rows)  # every column stands on the axis
    seen = []
    for start, end in _runs([_is_bar(image, x, base) for x in range(image.width())]):
        x = (start + end) // 2
        top = next(y for y in range(image.height()) if _is_bar(image, x, y))
        seen.append((x, base - top + 1))
    return seen


def bars_seen(image: QImage) -> list[tuple[int, int]]:
    """Each horizontal bar, top to bottom: its centre y and length in pixels."""
    columns = [
        x for x in range(image.width()) if any(_is_bar(image, x, y) for y in range(image.height()))
    ]
    left, right = min(columns), max(columns)
    seen = []
    for edge in (left, right):  # bars start at the axis: one of the two edges is shared by all
        runs = _runs([_is_bar(image, edge, y) for y in range(image.height())])
        if len(runs) > 1:
            break
    for start, end in runs:
        y = (start + end) // 2
        length = sum(_is_bar(image, x, y) for x in range(image.width()))
        seen.append((y, length))
    return seen


def _ink(image: QImage, xs: range, ys: range) -> list[tuple[int, int]]:
    """Dark pixels (text) in a region."""
    return [
        (x, y)
        for x in xs
        for y in ys
        if 0 <= x < image.width()
        and 0 <= y < image.height()
        and QColor(image.pixel(x, y)).lightness() < 110
    ]


def _proportional(heights: list[int], values: list[float]) -> bool:
    scale = max(heights) / max(values)
    return all(abs(h - v * scale) <= 2 for h, v in zip(heights, values, strict=True))


def test_the_tallest_column_is_the_busiest_hour(qapp) -> None:  # type: ignore[no-untyped-def]
    data = crossings_per_hour(SHIFT, 6)
    image = render_image(data, column_layout, SIZE, scale=1)
    seen = columns_seen(image)
    assert len(seen) == len(SHIFT)
    base = max(y for y in range(SIZE.height()) if _is_bar(image, seen[0][0], y))
    for x, height in seen:  # each figure is written just above its column
        top = base - height + 1
        assert _ink(image, range(x - 8, x + 9), range(top - 16, top - 1)), (x, height)
    heights = [h for _, h in seen]
    assert heights.index(max(heights)) == SHIFT.index(max(SHIFT)) == 2
    assert data.bars[2].label == "08"
    assert _proportional(heights, SHIFT)


def test_right_to_left_the_first_hour_stands_at_the_right(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart(crossings_per_hour(SHIFT, 6))
    qtbot.addWidget(chart)
    chart.resize(SIZE)
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    image = chart.grab().toImage()
    seen = columns_seen(image)
    assert [h for _, h in seen] == [
        h for _, h in columns_seen(render_image(chart.data, column_layout, SIZE, scale=1))
    ][::-1]
    layout = chart.chart_layout()
    ticks = [t.rect for t in layout.texts if t.role == "tick"]
    assert all(r.left() >= layout.plot.right() for r in ticks)  # the value axis on the right
    hours = [t for t in layout.texts if t.role == "category"]
    assert hours[0].text == "06" and hours[0].rect.center().x() > hours[-1].rect.center().x()
    title = next(t for t in layout.texts if t.role == "title")
    ink = _ink(image, range(SIZE.width()), range(int(title.rect.top()), int(title.rect.bottom())))
    assert min(x for x, _ in ink) > SIZE.width() / 2  # the title is read from the right


def test_an_empty_chart_says_no_crossings(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart(crossings_per_hour([0] * 8, 22))
    qtbot.addWidget(chart)
    chart.resize(SIZE)
    image = chart.grab().toImage()
    assert not any(
        _is_bar(image, x, y) for x in range(0, SIZE.width(), 2) for y in range(0, SIZE.height(), 2)
    )
    assert chart.accessibleDescription() == "No crossings"
    layout = chart.chart_layout()
    said = next(t for t in layout.texts if t.role == "empty")
    assert said.text == "No crossings"
    # The words are drawn where they belong, as wide as the font makes them.
    ink = [
        x
        for x in range(SIZE.width())
        for y in range(int(said.rect.center().y()) - 8, int(said.rect.center().y()) + 8)
        if QColor(image.pixel(x, y)).lightness() < 128
    ]
    width = QFontMetricsF(chart.font()).horizontalAdvance("No crossings")
    assert abs((max(ink) - min(ink)) - width) <= 4
    assert abs((max(ink) + min(ink)) / 2 - SIZE.width() / 2) <= 12
    assert render_image(tonnage_per_category([]), row_layout, SIZE).isNull() is False


def test_the_heaviest_cargo_has_the_longest_bar_and_mirrors(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = HorizontalBarChart(tonnage_per_category(TONNES))
    qtbot.addWidget(chart)
    chart.resize(SIZE)
    left_to_right = bars_seen(chart.grab().toImage())
    tonnes = sorted((kg / 1000 for _, kg in TONNES), reverse=True)
    assert [b.label for b in chart.data.bars] == ["Steel", "Oil", "Textiles", "Other"]
    assert _proportional([n for _, n in left_to_right], tonnes)
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    image = chart.grab().toImage()
    assert [n for _, n in bars_seen(image)] == [n for _, n in left_to_right]
    layout = chart.chart_layout()
    steel, label = layout.bars[0], next(t for t in layout.texts if t.text == "Steel")
    assert label.rect.left() >= steel.right()  # the names on the right, bars growing left
    rows = range(int(steel.top()), int(steel.bottom()))
    name = _ink(image, range(int(steel.right()) + 1, SIZE.width()), rows)
    assert min(x for x, _ in name) - steel.right() < 12  # beside its bar, not far off
    value = next(t for t in layout.texts if t.text == "501.2 t")
    assert value.rect.right() <= steel.left()


@pytest.mark.parametrize("width", [760, 380])
def test_a_day_of_24_hours_keeps_its_words_apart(qapp, width: int) -> None:  # type: ignore[no-untyped-def]
    data = crossings_per_hour(
        [3, 1, 0, 0, 2, 5, 12, 31, 44, 38, 27, 19, 40, 9, 22, 35, 41, 30, 18, 11, 8, 6, 4, 2], 0
    )
    font = QFont()
    metrics = QFontMetricsF(font)
    layout = layout_of(column_layout, data, QRectF(0, 0, width, 300), font, False)
    for role in ("value", "category"):
        inked = sorted(
            (
                t.rect.center().x() - metrics.horizontalAdvance(t.text) / 2,
                t.rect.center().x() + metrics.horizontalAdvance(t.text) / 2,
            )
            for t in layout.texts
            if t.role == role
        )
        assert all(a[1] < b[0] for a, b in zip(inked, inked[1:], strict=False)), role
    values = [t for t in layout.texts if t.role == "value"]
    assert len(values) in (0, sum(1 for b in data.bars if b.value))  # every figure or none
    assert len(layout.bars) == 24


class Marking(QTranslator):
    """Translates every chart word to «word»: a word drawn without it was not translatable."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        return f"«{source}»" if context == "Charts" else ""


def test_every_word_on_a_chart_is_translated(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = Marking()
    QApplication.installTranslator(translator)
    try:
        charts: list[tuple[ChartData, object]] = [
            (crossings_per_hour(SHIFT, 6), column_layout),
            (tonnage_per_category(TONNES), row_layout),
            (crossings_per_hour([0] * 8, 6), column_layout),
        ]
    finally:
        QApplication.removeTranslator(translator)
    for data, function in charts:
        layout = layout_of(function, data, QRectF(0, 0, 560, 300), QFont(), False)  # type: ignore[arg-type]
        assert {t.role for t in layout.texts} >= {"title", "empty"} or len(layout.texts) > 10
        for text in layout.texts:  # figures and hours need no words; everything else does
            assert "«" in text.text or not any(c.isalpha() for c in text.text), text


def test_the_widget_names_itself_and_its_figures(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart(crossings_per_hour(SHIFT, 6))
    qtbot.addWidget(chart)
    chart.resize(SIZE)
    assert chart.accessibleName() == "Crossings per hour"
    assert "08: 44" in chart.accessibleDescription()
    middle = chart.chart_layout().bars[2].center()
    assert chart.bar_at(middle) == 2
    assert chart.bar_at(QRectF(chart.rect()).topLeft()) is None
    chart.set_data(crossings_per_hour([0, 5], 23))
    assert chart.accessibleDescription() == "23: 0; 00: 5"


def test_the_image_goes_into_a_pdf_and_comes_out_with_its_bars(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    chart = BarChart(crossings_per_hour(SHIFT, 6))
    qtbot.addWidget(chart)
    image = chart.to_image(QSize(500, 250))
    assert (image.width(), image.height()) == (1000, 500)  # drawn at twice the size: sharp
    png = png_bytes(image)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pdf = io.BytesIO()
    page = canvas.Canvas(pdf)
    page.drawImage(ImageReader(io.BytesIO(png)), 20 * mm, 150 * mm, width=170 * mm, height=85 * mm)
    page.save()
    rendered = (
        pypdfium2.PdfDocument(pdf.getvalue())[0].render(scale=150 / 72).to_pil().convert("RGB")
    )
    target = QColor(BAR_COLOUR)
    pixels = rendered.tobytes()
    near = sum(
        1
        for at in range(0, len(pixels), 3)
        if abs(pixels[at] - target.red())
        + abs(pixels[at + 1] - target.green())
        + abs(pixels[at + 2] - target.blue())
        < 24
    )
    assert near > 5_000  # the bars are there, in their colour


def test_each_text_reads_in_the_direction_of_its_own_letters() -> None:
    """An Urdu figure reads right to left (the figure first, at the right) on any desk; an
    English one left to right, also on a right-to-left desk."""
    assert reading_direction("501.2 ٹن") is Qt.LayoutDirection.RightToLeft
    assert reading_direction("501.2 t") is Qt.LayoutDirection.LeftToRight
    assert reading_direction("42") is Qt.LayoutDirection.LeftToRight
