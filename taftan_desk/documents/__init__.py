"""Printed documents as pure functions of plain data: no Qt, no database.

`render(view, ctx, out)` draws one document for one crossing as PDF (reportlab) into a path or
a binary file object: the entry document, the clearance slip / gate pass, the hold notice or
the examination report, on an 80 mm thermal roll, A5 or A4 (PrintContext.size). Services
build the PrintContext (record number, copy number, signed QR payload); nothing here signs,
stores or prints.
"""

from collections.abc import Callable

from reportlab.platypus import Flowable

from taftan_desk.documents import kinds
from taftan_desk.documents.layout import PAPERS, Output, PageMeta, build, styles_for
from taftan_desk.documents.sections import Sheet
from taftan_desk.services.views import CrossingView, IssuedDocument, PrintContext

__all__ = ["render", "render_issued"]

_STORIES: dict[str, Callable[[Sheet], list[Flowable]]] = {
    "entry": kinds.entry_story,
    "clearance": kinds.clearance_story,
    "hold": kinds.hold_story,
    "exam": kinds.exam_story,
}


def render(view: CrossingView, ctx: PrintContext, out: Output) -> None:
    """Write the document ctx.kind asks for. ValueError when the crossing cannot have it
    (a gate pass for a crossing that is not released, a report with no examination)."""
    paper = PAPERS[ctx.paper]
    sheet = Sheet(view, ctx, paper, styles_for(paper))
    story = _STORIES[ctx.kind](sheet)
    title = kinds.title_of(ctx.kind)
    meta = PageMeta(
        title=f"{title} {view.entry_no}",
        subject=f"{view.station_code} {view.entry_no} {view.container_no}",
        printed_at=ctx.printed_at,
        footer=None if paper.is_roll else kinds.page_footer(sheet, title),
    )
    build(out, story, paper, meta)


def render_issued(issued: IssuedDocument, out: Output) -> None:
    """A document the station issued (or its draft, for a preview): the same issue always
    gives the same bytes."""
    render(issued.crossing, issued.context, out)
