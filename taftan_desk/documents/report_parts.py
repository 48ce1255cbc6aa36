"""What the A4 reports share: gridded tables, "None." for an empty list, headings that never
stand alone at the foot of a page, and the footer with "page x of y"."""

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from taftan_desk.documents.i18n import tr
from taftan_desk.documents.layout import Paper, Styles
from taftan_desk.documents.words import esc

GRID_FONT_SIZE = 9
GRID = [
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
    ("FONTSIZE", (0, 0), (-1, -1), GRID_FONT_SIZE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
]


def table(rows: list[list[object]], widths: list[float], *, header: bool = True) -> Table:
    """A gridded table; its header row (bold, shaded) repeats on every page it runs onto."""
    grid = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = GRID if header else [s for s in GRID if s[0] not in ("FONTNAME", "BACKGROUND")]
    grid.setStyle(TableStyle(style))
    return grid


def list_or_none(
    rows: list[list[object]],
    head: list[str],
    widths: list[float],
    para: Callable[[str], Paragraph],
) -> list[Flowable]:
    if not rows:
        return [para(esc(tr("None.")))]
    return [table([head, *rows], widths)]


def heading_maker(st: Styles) -> Callable[[str], Paragraph]:
    """Headings kept with what follows them: never alone at the foot of a page."""
    keep = ParagraphStyle("heading_kept", st.heading, keepWithNext=1)
    return lambda text: Paragraph(esc(text), keep)


def footer(what: str, printed: str) -> Callable[[Canvas, Paper, int, int], None]:
    """Two lines under a rule: what the report is, when and for whom it was printed, and
    "page n of total" on the right."""

    def draw(canv: Canvas, paper: Paper, page: int, total: int) -> None:
        left, right = paper.margin_x, paper.width - paper.margin_x
        y = paper.margin_bottom - 3 * mm - 10
        canv.setFont("Helvetica", 8)
        canv.setLineWidth(0.6)
        canv.line(left, y + 10, right, y + 10)
        canv.drawString(left, y, what)
        canv.drawString(left, y - 9.6, printed)
        canv.drawRightString(right, y - 9.6, tr("page {n} of {total}").format(n=page, total=total))

    return draw
