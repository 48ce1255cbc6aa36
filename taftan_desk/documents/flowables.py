"""Platypus flowables the documents need beyond paragraphs and tables."""

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from taftan_desk.documents.codes import Code128Symbol, QrSymbol


class Banner(Flowable):
    """A full-width notice: white on black ("reverse") or black in a heavy box; the big text
    shrinks to fit, the note under it wraps (it never goes under 8 pt)."""

    def __init__(self, text: str, size: float, *, reverse: bool, note: str = "") -> None:
        super().__init__()
        self.text, self.size, self.reverse, self.note = text, size, reverse, note
        self.note_size = max(8.0, size * 0.42)
        self.pad = size * 0.3
        self.lines: list[str] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        room = avail_width - 2 * self.pad
        self.lines = simpleSplit(self.note, "Helvetica", self.note_size, room) if self.note else []
        self.height = self.size * 1.1 + 2 * self.pad + len(self.lines) * self.note_size * 1.2
        return self.width, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        line = 0 if self.reverse else 2.0
        canv.setLineWidth(line)
        canv.setFillColor(colors.black)
        canv.rect(line / 2, line / 2, self.width - line, self.height - line,
                  stroke=0 if self.reverse else 1, fill=1 if self.reverse else 0)  # fmt: skip
        canv.setFillColor(colors.white if self.reverse else colors.black)
        room = self.width - 2 * self.pad
        size = min(self.size, self.size * room / stringWidth(self.text, _BOLD, self.size))
        canv.setFont(_BOLD, size)
        canv.drawCentredString(self.width / 2, self.height - self.pad - self.size * 0.85, self.text)
        canv.setFont("Helvetica", self.note_size)
        y = self.pad * 0.9 + (len(self.lines) - 1) * self.note_size * 1.2
        for text in self.lines:
            canv.drawCentredString(self.width / 2, y, text)
            y -= self.note_size * 1.2
        canv.setFillColor(colors.black)


_BOLD = "Helvetica-Bold"


class CodesBand(Flowable):
    """The entry number's Code 128 and, when there is one, the QR: side by side when both fit
    with their quiet zones, else stacked. Nothing else is drawn in the band, so the quiet
    zones stay clear."""

    def __init__(self, barcode: Code128Symbol, qr: QrSymbol | None) -> None:
        super().__init__()
        self.barcode, self.qr = barcode, qr
        self.side_by_side = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        if self.barcode.width > avail_width:
            raise ValueError("the barcode with its quiet zones does not fit across the paper")
        qr_size = self.qr.size if self.qr else 0.0
        self.side_by_side = self.barcode.width + qr_size + 2 * mm <= avail_width
        if self.side_by_side:
            self.height = max(self.barcode.height, qr_size)
        else:
            self.height = self.barcode.height + qr_size
        return self.width, self.height

    @property
    def natural_width(self) -> float:
        """Side by side with a little air: the width a table column should give the band."""
        return self.barcode.width + (self.qr.size + 2 * mm if self.qr else 0.0)

    def draw(self) -> None:
        canv: Canvas = self.canv
        # The dot grid is the page's: find where this band really is (a table cell or a
        # frame translated the canvas), then draw in page coordinates.
        a, b, c, d, x0, y0 = canv._currentMatrix
        if (a, b, c, d) != (1, 0, 0, 1):
            raise ValueError("barcodes are drawn unscaled and unrotated")
        page_height = canv._pagesize[1]
        canv.saveState()
        canv.translate(-x0, -y0)  # draw in page coordinates
        canv.setFillColor(colors.black)
        qr_size = self.qr.size if self.qr else 0.0
        if self.side_by_side:
            gap = (self.width - self.barcode.width - qr_size) / 3
            bar_y = y0 + (self.height - self.barcode.height) / 2
            self.barcode.draw(canv, x0 + gap, bar_y)
            if self.qr:
                qr_x = x0 + 2 * gap + self.barcode.width
                self.qr.draw(canv, qr_x, y0 + (self.height - qr_size) / 2, page_height)
        else:
            self.barcode.draw(
                canv,
                x0 + (self.width - self.barcode.width) / 2,
                y0 + self.height - self.barcode.height,
            )
            if self.qr:
                self.qr.draw(canv, x0 + (self.width - qr_size) / 2, y0, page_height)
        canv.restoreState()
