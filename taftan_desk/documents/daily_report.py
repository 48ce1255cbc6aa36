"""The supervisor's daily report (A4): the day's or shift's totals and charts, exceptions and
overrides with who and why, holds still open with their age, reprints and voids, the audit
chain's head and anchor, and signature lines; "page x of y" in the footer."""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from taftan_desk.documents import words
from taftan_desk.documents.i18n import tr
from taftan_desk.documents.layout import PAPERS, Output, PageMeta, Paper, Styles, build, styles_for
from taftan_desk.documents.report_parts import (
    GRID_FONT_SIZE,
    footer,
    heading_maker,
    list_or_none,
    table,
)
from taftan_desk.documents.words import esc
from taftan_desk.services.report_views import DailyReport
from taftan_desk.services.views import vehicle_text

CATEGORIES = ("oil", "gas", "steel", "industrial", "textiles", "other")


def render_daily(report: DailyReport, out: Output) -> None:
    paper = PAPERS["a4"]
    st = styles_for(paper)
    zone = ZoneInfo(report.period.timezone)
    title = tr("DAILY REPORT")
    meta = PageMeta(
        title=f"{title} {report.station_code} {report.period.label}",
        subject=f"{report.station_code} {report.period.label}",
        printed_at=report.printed_at,
        footer=_footer(report, zone),
    )
    build(out, _story(report, paper, st, zone), paper, meta)


def _story(report: DailyReport, paper: Paper, st: Styles, zone: ZoneInfo) -> list[Flowable]:
    t = report.totals
    width = paper.frame_width

    def para(text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, getattr(st, style))

    heading = heading_maker(st)
    story: list[Flowable] = [
        para(esc(tr("DAILY REPORT")), "title"),
        para(f"{esc(report.station_name)} ({esc(report.station_code)})"),
        para(tr("Period") + f": <b>{esc(_period_words(report))}</b>"),
        para(tr("Supervisor") + f": {esc(report.supervisor)}"),
        Spacer(1, 2 * mm),
        heading(tr("Totals")),
        table(
            [
                [tr("Crossings"), str(t.crossings), tr("Released"), str(t.released)],
                [tr("Still open"), str(t.still_open), tr("Refused"), str(t.refused)],
                [tr("Held at some time"), str(t.held), tr("Over the limit"), str(t.overweight)],
                [tr("Overrides approved"), str(t.overrides), tr("Amendments"), str(t.amendments)],
                [tr("Reprints"), str(t.reprints), tr("Voids"), str(t.voids)],
                [
                    tr("Weights typed"),
                    str(t.weights_typed),
                    tr("Tares changed by over {kg}").format(kg=words.kg(report.tare_change_kg)),
                    str(report.tares_changed),
                ],
                [
                    tr("Registration to release, median"),
                    _minutes(t.release_minutes_median),
                    tr("90th percentile"),
                    _minutes(t.release_minutes_p90),
                ],
            ],
            [width * 0.34, width * 0.16, width * 0.34, width * 0.16],
            header=False,
        ),
        heading(tr("Crossings by direction and cargo; net by cargo")),
        table(
            [[tr("Cargo"), tr("In"), tr("Out"), tr("Total"), tr("Net, t")]]
            + [
                [
                    tr(category.capitalize()),
                    str(t.by_direction_category.get(("in", category), 0)),
                    str(t.by_direction_category.get(("out", category), 0)),
                    str(
                        t.by_direction_category.get(("in", category), 0)
                        + t.by_direction_category.get(("out", category), 0)
                    ),
                    _tonnes(t.net_kg_by_category.get(category, 0)),
                ]
                for category in CATEGORIES
            ],
            [width * 0.32] + [width * 0.17] * 4,
        ),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                heading(tr("Crossings per hour")),
                _hours_chart(t.per_hour, width),
                heading(tr("Net tonnage per cargo")),
                _tonnage_chart(t.net_kg_by_category, width),
            ]
        ),
        heading(tr("Crossings per officer")),
        table(
            [[tr("Officer"), tr("Crossings registered")]]
            + [[name or words.none(), str(n)] for name, n in t.per_officer.items()]
            or [[words.none(), "0"]],
            [width * 0.6, width * 0.4],
        ),
        heading(tr("Exceptions and overrides")),
        *list_or_none(
            [
                [
                    e.at.astimezone(zone).strftime("%d %b %H:%M"),
                    e.entry_no,
                    e.kind,
                    e.officer,
                    e.supervisor,
                    para(esc(e.reason)),
                ]
                for e in report.exceptions
            ],
            [tr("Time"), tr("Entry"), tr("What"), tr("Officer"), tr("Approved by"), tr("Why")],
            [w * width for w in (0.12, 0.15, 0.17, 0.12, 0.13, 0.31)],
            para,
        ),
        heading(tr("Weights typed")),
        *_typed_weighings(report, st, para, width),
        heading(tr("Vehicles weighed empty again")),
        *_tares(report, st, para, width, zone),
        heading(tr("Holds still open")),
        *list_or_none(
            [
                [
                    h.entry_no,
                    h.container_no,
                    h.since.astimezone(zone).strftime("%d %b %H:%M"),
                    _age(report.printed_at, h.since),
                    para(esc(h.reason)),
                ]
                for h in report.open_holds
            ],
            [tr("Entry"), tr("Container"), tr("Held since"), tr("Age"), tr("Reason")],
            [w * width for w in (0.16, 0.17, 0.15, 0.12, 0.40)],
            para,
        ),
        heading(tr("Reprints and voids")),
        *([para(esc(line)) for line in report.reprints_and_voids] or [para(esc(tr("None.")))]),
        heading(tr("Audit chain")),
        para(tr("Head when this report was made") + f": {esc(report.chain_head or words.none())}"),
    ]
    if report.anchor:
        story.append(para(tr("Anchor written to") + f": {esc(report.anchor)}"))
    if report.signed_off:
        story.append(para(f"<b>{esc(report.signed_off)}</b>"))
    story += [para(esc(note)) for note in report.notes]
    story.append(_signatures(st, width))
    return story


def _typed_weighings(
    report: DailyReport, st: Styles, para: Callable[[str], Paragraph], width: float
) -> list[Flowable]:
    """Each crossing whose weights stand on a typed figure: how its gross was made up, one
    figure a line, TYPED beside the typed one; and why."""
    cell = ParagraphStyle("cell", st.body, fontSize=GRID_FONT_SIZE, leading=GRID_FONT_SIZE * 1.2)
    rows: list[list[object]] = []
    for r in report.rows:
        w = r.weighing
        if w is None or not w.typed:
            continue
        gross = esc(tr("gross {kg}").format(kg=words.kg(r.gross_kg)))
        if "gross" in w.typed_figures:  # typed as such, with no reading
            made = gross + words.typed_mark()
        else:
            made = "<br/>".join([*words.bridge_markup(w), "= " + gross])
        vehicle = vehicle_text(r.mode, r.truck_plate, r.train_no, r.wagon_no)
        why = words.typed_reason(w, words.REASON_ON_PAGE)
        rows.append(
            [r.entry_no, Paragraph(esc(vehicle), cell), w.ticket_no]
            + [Paragraph(made, cell), Paragraph(why, cell)]
        )
    head = [tr("Entry"), tr("Vehicle"), tr("Ticket"), tr("Weights"), tr("Why typed")]
    widths = [share * width for share in (0.13, 0.15, 0.13, 0.25, 0.34)]
    return list_or_none(rows, head, widths, para)


def _tares(
    report: DailyReport,
    st: Styles,
    para: Callable[[str], Paragraph],
    width: float,
    zone: ZoneInfo,
) -> list[Flowable]:
    """Each vehicle weighed empty again: its new tare beside the one it had, the change in
    bold with CHECK beside it when beyond the station's tolerance (a heavier tare lightens
    every container the vehicle carries); a typed tare says TYPED and why. Vehicles weighed
    empty for the first time follow in one paragraph (nothing to compare them with)."""
    cell = ParagraphStyle("cell", st.body, fontSize=GRID_FONT_SIZE, leading=GRID_FONT_SIZE * 1.2)
    rows: list[list[object]] = []
    firsts: list[str] = []
    for t in report.tares:
        tare = esc(words.kg(t.tare_kg)) + words.typed_mark(t.typed)
        if t.previous_kg is None:
            firsts.append(f"{esc(t.vehicle_no)} {tare} ({esc(t.ticket_no)})")
            continue
        if t.typed:
            tare += "<br/>" + words.quoted(t.reason, words.REASON_ON_PAGE)
        change = esc(f"{t.change_kg:+,} kg")
        if t.beyond(report.tare_change_kg):
            change = f"<b>{change} {esc(tr('CHECK'))}</b>"
        rows.append(
            [
                t.ticket_no,
                t.weighed_at.astimezone(zone).strftime("%d %b %H:%M"),
                Paragraph(esc(t.vehicle_no), cell),
                Paragraph(tare, cell),
                Paragraph(esc(f"{words.kg(t.previous_kg)} ({t.previous_ticket})"), cell),
                Paragraph(change, cell),
                t.weighed_by,
            ]
        )
    head = [
        tr("Ticket"),
        tr("Time"),
        tr("Vehicle"),
        tr("Tare"),
        tr("Before"),
        tr("Change"),
        tr("By"),
    ]
    widths = [share * width for share in (0.13, 0.13, 0.14, 0.18, 0.18, 0.13, 0.11)]
    story = list_or_none(rows, head, widths, para)
    if firsts:
        intro = esc(tr("Weighed empty for the first time ({n})").format(n=len(firsts)))
        story += [Spacer(1, 1.5 * mm), Paragraph(f"{intro}: " + ", ".join(firsts) + ".", cell)]
    return story


def _period_words(report: DailyReport) -> str:
    p = report.period
    if p.shift_no is None:
        return tr("{day}, whole day").format(day=p.day.isoformat())
    return tr("{day}, shift {n} ({start}-{end})").format(
        day=p.day.isoformat(), n=p.shift_no, start=f"{p.start:%H:%M}", end=f"{p.end:%H:%M}"
    )


def _minutes(value: float | None) -> str:
    if value is None:
        return words.none()
    return tr("{h} h {m:02d} min").format(h=int(value // 60), m=int(value % 60))


def _tonnes(kg: int) -> str:
    return f"{kg / 1000:,.1f}"


def _age(now: datetime, since: datetime) -> str:
    hours = (now - since).total_seconds() / 3600
    if hours < 48:
        return tr("{h:.0f} h").format(h=hours)
    return tr("{d:.1f} days").format(d=hours / 24)


def _hours_chart(per_hour: list[tuple[str, int]], width: float) -> Drawing:
    drawing = Drawing(width, 48 * mm)
    if not any(n for _, n in per_hour):
        drawing.add(String(0, 20 * mm, tr("No crossings"), fontName="Helvetica", fontSize=9))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 10 * mm, 8 * mm, width - 14 * mm, 36 * mm
    chart.data = [[n for _, n in per_hour]]
    chart.categoryAxis.categoryNames = [h for h, _ in per_hour]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.Color(0.2, 0.35, 0.6)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    drawing.add(chart)
    return drawing


def _tonnage_chart(net: dict[str, int], width: float) -> Drawing:
    drawing = Drawing(width, 40 * mm)
    values = [net.get(c, 0) / 1000 for c in CATEGORIES]
    if not any(values):
        drawing.add(String(0, 18 * mm, tr("No net weights"), fontName="Helvetica", fontSize=9))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 24 * mm, 4 * mm, width - 40 * mm, 34 * mm
    chart.data = [values]
    chart.categoryAxis.categoryNames = [tr(c.capitalize()) for c in CATEGORIES]
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.Color(0.35, 0.5, 0.3)
    chart.barLabelFormat = "%.1f t"
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _signatures(st: Styles, width: float) -> Flowable:
    names = [tr("Shift supervisor"), tr("Officer in charge"), tr("Date")]
    rows = [["", "", ""], names]
    grid = Table(rows, colWidths=[width / 3] * 3, rowHeights=[14 * mm, None])
    grid.setStyle(
        TableStyle(
            [("LINEABOVE", (i, 1), (i, 1), 0.8, colors.black) for i in range(3)]
            + [("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm), ("FONTSIZE", (0, 0), (-1, -1), 9)]
        )
    )
    return KeepTogether([Spacer(1, 6 * mm), Paragraph(esc(tr("Signatures")), st.bold), grid])


def _footer(report: DailyReport, zone: ZoneInfo) -> Callable[[Canvas, Paper, int, int], None]:
    printed = tr("Printed {time} for {who}").format(
        time=words.local_time(report.printed_at, zone), who=report.supervisor
    )
    return footer(f"{tr('DAILY REPORT')} - {report.station_code} {_period_words(report)}", printed)
