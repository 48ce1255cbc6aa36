"""The entry number as Code 128 and the signed payload as QR, drawn as vector rectangles.

Why reportlab's barcodes: they are vectors in the PDF, so a printer rasterises each bar at
its own resolution. A python-barcode PNG scaled into a PDF failed to decode at 150 dpi, while
vector bars decode at 150, 203 and 300 dpi. (python-barcode stays for the UI's on-screen
preview, where a bitmap is what Qt shows anyway.) reportlab's encoders choose the symbols
(Code 128 subsets, QR mode, version and codewords); this module draws their modules itself
instead of through reportlab's widgets, because the widgets place bars at arbitrary
fractions of a dot and cannot be snapped to the printer's grid.

Thermal slip printers are 203 dpi, 1-bit. Bars of 1.6-2 dots failed to decode; 3 dots
(0.375 mm) worked. So one module is exactly 3 dots (Code 128) or 4 dots (QR), and every
symbol's origin is snapped to the page's 203-dpi dot grid: each bar edge then falls on a dot
boundary and every bar prints as a whole number of dots instead of being rounded 2 or 4
dots wide at random. Quiet zones: 10 modules beside the bars (nothing else is drawn there)
and 4 modules round the QR. A 10-digit entry number in subset C is 90 modules: 33.8 mm.
"""

import math

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from taftan_desk.documents.qr import encode_qr

DOT = 72 / 203  # one thermal-head dot in points
BAR_MODULE = 3 * DOT  # 0.3754 mm
QR_MODULE = 4 * DOT  # 0.5005 mm: phones read it off a worn slip
BAR_QUIET_MODULES = 10
QR_QUIET_MODULES = 4


def snap(value: float) -> float:
    """The nearest dot boundary (points measured from the page's left or top edge)."""
    return round(value / DOT) * DOT


def snap_up(value: float) -> float:
    return -(-value // DOT) * DOT


def whole_dots(dots: int) -> float:
    """A page side of exactly `dots` dots, a hair under: the PDF writes a page size to three
    decimals, and one rounded up past the last dot makes renderers add a dot and stretch the
    page onto it, moving every bar off the grid."""
    return math.floor(dots * DOT * 1000) / 1000


class Code128Symbol:
    """Code 128 of one value with its human-readable line underneath. reportlab encodes it
    (subset C for digit pairs); the bars are drawn here, on the dot grid."""

    def __init__(self, value: str, bar_height: float, font_size: float) -> None:
        self.value = value
        code = Code128(value, barWidth=BAR_MODULE, barHeight=bar_height, quiet=0)
        code.validate()
        code.encode()
        # Elements as reportlab spells them: 'A'-'D' a bar, 'a'-'d' a space, 1-4 modules wide.
        self.pattern = [
            (element.isupper(), ord(element.lower()) - ord("a") + 1) for element in code.decompose()
        ]
        self.bar_height = bar_height
        self.font_size = font_size
        self.quiet = BAR_QUIET_MODULES * BAR_MODULE

    @property
    def modules(self) -> int:
        return sum(width for _, width in self.pattern)

    @property
    def bars_width(self) -> float:
        return self.modules * BAR_MODULE

    @property
    def width(self) -> float:
        """Bars plus both quiet zones: the room nothing else may use."""
        return self.bars_width + 2 * self.quiet

    @property
    def height(self) -> float:
        return self.bar_height + 1.6 * self.font_size

    def draw(self, canv: Canvas, x: float, y: float) -> None:
        """x, y: bottom-left of the symbol's area (quiet zones included), absolute page points."""
        left = snap(x + self.quiet)
        bottom = y + self.height - self.bar_height
        rects, offset = [], 0
        for is_bar, width in self.pattern:
            if is_bar:
                rects.append(
                    (left + offset * BAR_MODULE, bottom, width * BAR_MODULE, self.bar_height)
                )
            offset += width
        fill_rects(canv, rects)
        canv.setFont("Helvetica", self.font_size)
        canv.drawCentredString(left + self.bars_width / 2, y + 0.35 * self.font_size, self.value)


def fill_rects(canv: Canvas, rects: list[tuple[float, float, float, float]]) -> None:
    """Fill rectangles (x, y, width, height in points) as one black path, each a hair inside
    its dot-grid edges. PDF numbers are written to a few decimals, so an edge meant to sit
    exactly on a dot boundary can land a millionth past it; a renderer that rounds rectangles
    outwards then adds a whole dot. 0.002 pt is 0.7 um. The path is written here with
    f-strings: reportlab's pure-Python number formatting cost ~5 ms per QR code."""
    hair, twice = _HAIR, 2 * _HAIR
    ops = [
        f"{x + hair:.4f} {y + hair:.4f} {w - twice:.4f} {h - twice:.4f} re" for x, y, w, h in rects
    ]
    canv.setFillColor(colors.black)
    canv.addLiteral("\n".join([*ops, "f"]))


_HAIR = 0.002


class QrSymbol:
    """A QR code at error correction M (15 % of it may be torn or smudged)."""

    def __init__(self, text: str) -> None:
        self.qr = encode_qr(text)
        self.quiet = QR_QUIET_MODULES * QR_MODULE

    @property
    def count(self) -> int:
        return self.qr.getModuleCount()

    @property
    def size(self) -> float:
        """Symbol plus quiet zone on every side."""
        return self.count * QR_MODULE + 2 * self.quiet

    def draw(self, canv: Canvas, x: float, y: float, page_height: float) -> None:
        """x, y: bottom-left of the area including the quiet zone; snapped to the dot grid
        from the page's top-left corner, where a printer's raster starts."""
        left = snap(x + self.quiet)
        top = page_height - snap(page_height - (y + self.size - self.quiet))
        blocks = dark_blocks(self.qr.modules)
        fill_rects(canv, [
            (left + col * QR_MODULE, top - (row + height) * QR_MODULE,
             width * QR_MODULE, height * QR_MODULE)
            for col, row, width, height in blocks
        ])  # fmt: skip


def dark_blocks(modules: list[list[bool]]) -> list[tuple[int, int, int, int]]:
    """The dark modules as rectangles (col, row, width, height): each row's runs, a run
    grown downwards while the next row repeats it exactly (fewer rectangles to write)."""
    done: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], int] = {}  # (col, width) -> first row
    for row, cells in enumerate([*modules, []]):
        runs = set(_runs(cells))
        for run in [r for r in open_runs if r not in runs]:
            first = open_runs.pop(run)
            done.append((run[0], first, run[1], row - first))
        for run in runs:
            open_runs.setdefault(run, row)
    return sorted(done, key=lambda b: (b[1], b[0]))


def _runs(cells: list[bool]) -> list[tuple[int, int]]:
    runs, col, n = [], 0, len(cells)
    while col < n:
        if cells[col]:
            start = col
            while col < n and cells[col]:
                col += 1
            runs.append((start, col - start))
        col += 1
    return runs
