"""Paper sizes, type styles and the PDF build: byte-identical output for identical input.

A thermal roll is one page cut to the content's length; A5 and A4 are ordinary pages with
"page n of m" in the footer. Every build is reportlab `invariant` (no random document id, no
clock) with the creation date taken from the print time, so the same crossing printed with
the same context gives the same bytes, and a stored PDF can be checked by its hash.
"""

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from taftan_desk.documents.codes import DOT, snap_up, whole_dots

Output = str | os.PathLike[str] | IO[bytes]
AUTHOR = "Taftan Desk"
# Uncompressed content streams: reportlab's pure-Python ASCII85 step costs ~4 ms a slip, and
# a 25 KB slip is small enough for any print queue or archive.
COMPRESSION = 0


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float | None  # None: a roll, cut to the content
    margin_x: float
    margin_top: float
    margin_bottom: float
    font_size: float  # body text; never under 8 pt on a thermal roll
    label_width: float

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def is_roll(self) -> bool:
        return self.height is None


PAPERS = {
    # 80 mm roll: a 203-dpi head prints 72 mm (576 dots), so 4 mm (32-dot) margins. The page
    # is 640 dots (80.08 mm) so that it rasterises to whole dots with no rescaling, and every
    # dot-grid-snapped bar lands on the head's own dots.
    "80mm": Paper("80mm", whole_dots(640), None, 32 * DOT, 3 * mm, 8 * mm, 8.5, 24 * mm),
    "a5": Paper("a5", 148 * mm, 210 * mm, 11 * mm, 10 * mm, 17 * mm, 9, 32 * mm),
    "a4": Paper("a4", 210 * mm, 297 * mm, 18 * mm, 15 * mm, 20 * mm, 10, 42 * mm),
}


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    big: ParagraphStyle
    center: ParagraphStyle


def styles_for(paper: Paper) -> Styles:
    size = paper.font_size
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=size, leading=size * 1.22)
    return Styles(
        body=body,
        bold=ParagraphStyle("bold", body, fontName="Helvetica-Bold"),
        small=ParagraphStyle("small", body, fontSize=8, leading=9.6),
        title=ParagraphStyle(
            "title", body, fontName="Helvetica-Bold", fontSize=size * 1.5, leading=size * 1.8
        ),
        heading=ParagraphStyle(
            "heading",
            body,
            fontName="Helvetica-Bold",
            fontSize=size * 1.1,
            leading=size * 1.35,
            spaceBefore=size * 0.7,
            spaceAfter=size * 0.2,
        ),  # fmt: skip
        big=ParagraphStyle(
            "big",
            body,
            fontName="Helvetica-Bold",
            fontSize=size * 2.1,
            leading=size * 2.4,
            alignment=TA_CENTER,
        ),  # fmt: skip
        center=ParagraphStyle("center", body, alignment=TA_CENTER),
    )


@dataclass(frozen=True)
class PageMeta:
    """What the build writes outside the story: PDF metadata and the paged footer."""

    title: str
    subject: str
    printed_at: datetime
    footer: Callable[[Canvas, Paper, int, int], None] | None = None


def build(out: Output, story: Sequence[Flowable], paper: Paper, meta: PageMeta) -> None:
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    if paper.is_roll:
        _build_roll(target, story, paper, meta)
    else:
        _build_pages(target, story, paper, meta)


def _build_pages(
    target: str | IO[bytes], story: Sequence[Flowable], paper: Paper, meta: PageMeta
) -> None:
    height = paper.height or 0.0
    doc = BaseDocTemplate(
        target, pagesize=(paper.width, height), title=meta.title, subject=meta.subject,
        author=AUTHOR, creator=AUTHOR, invariant=1, pageCompression=COMPRESSION,
    )  # fmt: skip
    frame = Frame(
        paper.margin_x, paper.margin_bottom, paper.frame_width,
        height - paper.margin_top - paper.margin_bottom,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(list(story), canvasmaker=lambda *a, **k: _Canvas(meta, paper, *a, **k))


def _build_roll(
    target: str | IO[bytes], story: Sequence[Flowable], paper: Paper, meta: PageMeta
) -> None:
    """One page as long as the content: measure every flowable once, then draw it where
    a frame would (spaces before and after are kept, not collapsed), rounded to whole dots."""
    scratch = Canvas(io.BytesIO())  # some flowables measure on a canvas
    heights = [f.wrapOn(scratch, paper.frame_width, 10_000 * mm)[1] for f in story]
    gaps = [f.getSpaceAfter() + (f.getSpaceBefore() if i else 0) for i, f in enumerate(story)]
    content = sum(heights) + sum(gaps) + paper.margin_top + paper.margin_bottom
    height = whole_dots(round(snap_up(content) / DOT))
    canv = _Canvas(meta, paper, target, pagesize=(paper.width, height), invariant=1,
                   pageCompression=COMPRESSION)  # fmt: skip
    canv.setTitle(meta.title)
    canv.setSubject(meta.subject)
    canv.setAuthor(AUTHOR)
    canv.setCreator(AUTHOR)
    y = height - paper.margin_top
    for i, (flowable, h) in enumerate(zip(story, heights, strict=True)):
        y -= (flowable.getSpaceBefore() if i else 0) + h
        flowable.drawOn(canv, paper.margin_x, y)
        y -= flowable.getSpaceAfter()
    canv.showPage()
    canv.save()


class _Canvas(Canvas):
    """Defers each page so the footer can say "page n of m"; fixes the creation date."""

    def __init__(self, meta: PageMeta, paper: Paper, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._meta, self._paper = meta, paper
        self._pages: list[dict[str, Any]] = []
        stamp = meta.printed_at.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if self._meta.footer is not None:
                self._meta.footer(self, self._paper, number, total)
            super().showPage()
        super().save()
