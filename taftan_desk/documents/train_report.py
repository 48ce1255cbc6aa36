"""A train's reconciliation (A4): the totals, then the shortages, the excesses and the
containers that differ from their manifest, then the whole wagon list; "page x of y" in the
footer.

A manifest's description and consignee may be in any script: they are printed only when the
documents' fonts have every character (core.text.printable), else the report says they are
shown on screen only.
"""

from collections.abc import Callable
from zoneinfo import ZoneInfo

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from taftan_desk.core.text import printable
from taftan_desk.documents import words
from taftan_desk.documents.i18n import tr
from taftan_desk.documents.layout import PAPERS, Output, PageMeta, Paper, Styles, build, styles_for
from taftan_desk.documents.report_parts import GRID_FONT_SIZE, footer, list_or_none, table
from taftan_desk.documents.words import esc
from taftan_desk.services.reconciliation_views import (
    ContainerLine,
    TrainReconciliation,
    category_words,
)

_SECTION_ROOM = 32 * mm
# How the wagon list names each kind of difference, in a word.
_SHORT = {
    "seal_missing": "seals",
    "seal_not_listed": "seals",
    "seal_broken": "seals",
    "cargo_category": "cargo",
    "hs_code": "HS",
    "net": "net",
}
_STATE_WORDS = {
    "arrived": "arrived",
    "shortage": "SHORTAGE",
    "excess": "EXCESS",
    "withdrawn": "withdrawn",
}


def title_of(rec: TrainReconciliation) -> str:
    return tr("Train {train} reconciliation").format(train=rec.train_no)


def render_train(rec: TrainReconciliation, out: Output) -> None:
    paper = PAPERS["a4"]
    st = styles_for(paper)
    zone = ZoneInfo(rec.timezone)
    meta = PageMeta(
        title=f"{title_of(rec)} {rec.station_code}",
        subject=f"{rec.station_code} {rec.train_no}",
        printed_at=rec.printed_at,
        footer=_footer(rec, zone),
    )
    build(out, _story(rec, paper, st, zone), paper, meta)


def _story(rec: TrainReconciliation, paper: Paper, st: Styles, zone: ZoneInfo) -> list[Flowable]:
    width = paper.frame_width
    in_cell = ParagraphStyle("cell", st.body, fontSize=GRID_FONT_SIZE, leading=GRID_FONT_SIZE * 1.2)

    def para(text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, getattr(st, style))

    def cell(text: str) -> Paragraph:
        return Paragraph(text, in_cell)

    def heading(text: str) -> list[Flowable]:
        # Room for the heading and the first rows, else a new page; a long list then runs
        # on over the pages (its header row repeated) instead of leaving a page half empty.
        return [CondPageBreak(_SECTION_ROOM), Paragraph(esc(text), st.heading)]

    story: list[Flowable] = [
        para(esc(title_of(rec)), "title"),
        para(f"{esc(rec.station_name)} ({esc(rec.station_code)})"),
        para(esc(_printed(rec, zone))),
        para(esc(_manifests(rec))),
        Spacer(1, 2 * mm),
        *heading(tr("Totals")),
        _totals(rec, width),
        *heading(tr("Shortages: manifested, not arrived")),
        *list_or_none(
            [
                [
                    line.wagon_no,
                    line.container_no,
                    cell(esc(_cargo(line))),
                    words.kg(line.declared_net_kg),
                    cell(esc(_shown(line.consignee))),
                ]
                for line in rec.shortages
            ],
            [tr("Wagon"), tr("Container"), tr("Cargo"), tr("Declared net"), tr("Consignee")],
            [w * width for w in (0.13, 0.18, 0.3, 0.15, 0.24)],
            para,
        ),
        *heading(tr("Excesses: registered on this train, not on its manifest")),
        *list_or_none(
            [
                [
                    line.wagon_no,
                    line.container_no,
                    line.entry_no or "",
                    cell(esc(_cargo(line))),
                    words.kg(line.declared_net_kg),
                    _net(line),
                ]
                for line in rec.excesses
            ],
            [tr("Wagon"), tr("Container"), tr("Entry"), tr("Cargo"), tr("Declared net"), tr("Net")],
            [w * width for w in (0.13, 0.18, 0.15, 0.24, 0.15, 0.15)],
            para,
        ),
        *heading(tr("Differences from the manifest")),
        *list_or_none(
            [
                [
                    line.wagon_no,
                    line.container_no,
                    line.entry_no or "",
                    cell("<br/>".join(esc(d.words(tr)) for d in line.differences)),
                ]
                for line in rec.with_differences
            ],
            [tr("Wagon"), tr("Container"), tr("Entry"), tr("Difference")],
            [w * width for w in (0.13, 0.18, 0.15, 0.54)],
            para,
        ),
        *heading(tr("Wagon list")),
        *list_or_none(
            [_wagon_row(line) for line in rec.lines],
            [
                tr("Wagon"),
                tr("Container"),
                tr("State"),
                tr("Entry"),
                tr("Declared net"),
                tr("Net"),
                tr("Differs in"),
            ],
            [w * width for w in (0.12, 0.17, 0.13, 0.14, 0.14, 0.15, 0.15)],
            para,
        ),
    ]
    return story


def _totals(rec: TrainReconciliation, width: float) -> Flowable:
    rows: list[list[object]] = [
        [tr("Manifested"), str(rec.manifested), tr("Arrived"), str(len(rec.arrived))],
        [tr("Shortages"), str(len(rec.shortages)), tr("Excesses"), str(len(rec.excesses))],
        [
            tr("With differences"),
            str(len(rec.with_differences)),
            tr("Not weighed yet"),
            str(len(rec.awaiting_weighing)),
        ],
        [tr("Withdrawn"), str(len(rec.withdrawn)), "", ""],
    ]
    return table(rows, [width * 0.34, width * 0.16, width * 0.34, width * 0.16], header=False)


def _wagon_row(line: ContainerLine) -> list[object]:
    kinds = dict.fromkeys(tr(_SHORT[d.code]) for d in line.differences)
    return [
        line.wagon_no,
        line.container_no,
        tr(_STATE_WORDS[line.state]),
        line.entry_no or "",
        words.kg(line.declared_net_kg),
        _net(line),
        ", ".join(kinds),
    ]


def _net(line: ContainerLine) -> str:
    if line.net_kg is not None:
        return words.kg(line.net_kg)
    return tr("not weighed yet") if line.entry_no else ""


def _cargo(line: ContainerLine) -> str:
    label = category_words(line.cargo_category, tr)
    if not line.description:
        return label
    return f"{label}: {_shown(line.description)}"


def _shown(text: str) -> str:
    """Text from a manifest as printed: only when the fonts have every character."""
    if all(map(printable, text)):
        return text
    return tr("(shown on screen only)")


def _printed(rec: TrainReconciliation, zone: ZoneInfo) -> str:
    when = words.local_time(rec.printed_at, zone)
    if not rec.printed_by:
        return tr("Printed {time}").format(time=when)
    return tr("Printed {time} by {who}").format(time=when, who=rec.printed_by)


def _manifests(rec: TrainReconciliation) -> str:
    if not rec.manifest_ids:
        return tr("No manifest names this train.")
    withdrawn = {line.manifest_id for line in rec.withdrawn}
    named = [
        tr("{id} (withdrawn)").format(id=i) if i in withdrawn else str(i) for i in rec.manifest_ids
    ]
    return tr("Manifests: {ids}").format(ids=", ".join(named))


def _footer(rec: TrainReconciliation, zone: ZoneInfo) -> Callable[[Canvas, Paper, int, int], None]:
    return footer(f"{title_of(rec)} - {rec.station_code}", _printed(rec, zone))
