"""The four documents as stories: entry document, clearance slip, hold notice, exam report."""

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from taftan_desk.core import paper
from taftan_desk.core.lifecycle import Status
from taftan_desk.documents import words
from taftan_desk.documents.i18n import tr
from taftan_desk.documents.layout import Paper
from taftan_desk.documents.sections import Sheet
from taftan_desk.documents.words import esc
from taftan_desk.services.views import CrossingView, InspectionView

TITLES = {
    "entry": "ENTRY DOCUMENT",
    "clearance": "CLEARANCE SLIP / GATE PASS",
    "hold": "HOLD NOTICE",
    "exam": "EXAMINATION REPORT",
}


def title_of(kind: str) -> str:
    return tr(TITLES[kind])


def _crossing(sheet: Sheet, people: list[tuple[str, str]] | None = None) -> list[Flowable]:
    """What every document says of the crossing: the container, who decided what (when the
    document has people to name), its identity, weights and channel."""
    return [
        *sheet.container(),
        *(sheet.table(people) if people else []),
        *sheet.table(sheet.identity_rows(officer=people is None)),
        *sheet.weights(),
        *sheet.channel(),
    ]


def entry_story(sheet: Sheet) -> list[Flowable]:
    return [*sheet.header(title_of("entry")), *_crossing(sheet), *sheet.codes(), *_closing(sheet)]


def _can_have(sheet: Sheet, kind: str) -> CrossingView:
    v = sheet.view
    refused = paper.refusal(kind, v.entry_no, v.status, bool(v.inspections))
    if refused:
        raise ValueError(refused)
    return v


def clearance_story(sheet: Sheet) -> list[Flowable]:
    v = _can_have(sheet, "clearance")
    released = tr("Released {time}").format(time=sheet.time(v.closed_at))
    released_by = esc(sheet.person(sheet.ctx.decided_by))
    people = [(tr("Examiner"), esc(_examiner(sheet))), (tr("Released by"), released_by)]
    if sheet.ctx.approved_by:  # released over a blocker: the guard sees who allowed it, and why
        approval = esc(sheet.person(sheet.ctx.approved_by))
        if sheet.ctx.approval_reason:
            approval += f": “{esc(sheet.ctx.approval_reason)}”"
        people.append((tr("Override approved by"), approval))
    if sheet.ctx.valid_until:
        until = f"<b>{esc(sheet.time(sheet.ctx.valid_until))}</b>"
        people.append((tr("Valid for exit until"), until))
    return [
        *sheet.header(
            title_of("clearance"), sheet.status_box(tr("RELEASED"), released, reverse=False)
        ),
        *_crossing(sheet, people),
        *sheet.codes(),
        *_closing(sheet),
    ]


def hold_story(sheet: Sheet) -> list[Flowable]:
    v = _can_have(sheet, "hold")
    if v.status is Status.HELD:
        big, note = tr("HELD"), tr("The cargo stays at the station until it is released.")
    else:
        big, note = tr("ENTRY REFUSED"), tr("The cargo may not enter; it must go back.")
    facts = [
        (tr("Reason"), f"<b>{esc(v.status_note or words.none())}</b>"),
        (tr("Since"), esc(sheet.time(v.closed_at or _last_change(sheet)))),
        (tr("Examiner"), esc(_examiner(sheet))),
        (tr("Decided by"), esc(sheet.person(sheet.ctx.decided_by))),
    ]
    return [
        *sheet.header(title_of("hold"), sheet.status_box(big, note, reverse=True)),
        *_crossing(sheet, facts),
        *sheet.codes(),
        *_signatures(sheet, [tr("Officer"), tr("Driver / carrier (received)")]),
        *_closing(sheet),
    ]


def exam_story(sheet: Sheet) -> list[Flowable]:
    v = _can_have(sheet, "exam")
    story = [*sheet.header(title_of("exam")), *_crossing(sheet, [])]
    for number, inspection in enumerate(v.inspections, start=1):
        heading = tr("Examination {n} of {total}").format(n=number, total=len(v.inspections))
        story += sheet.together(sheet.table(_inspection_rows(sheet, inspection), heading=heading))
    status = f"<b>{esc(tr(v.status.label))}</b>"
    story += [Spacer(1, 2 * mm), *sheet.table([(tr("Crossing now"), status)])]
    story += sheet.codes()
    story += _signatures(sheet, [tr("Examiner"), tr("Officer")])
    return story + _closing(sheet)


def _inspection_rows(sheet: Sheet, i: InspectionView) -> list[tuple[str, str]]:
    decision = f"<b>{esc(words.code_words(i.decision).upper())}</b>"
    return [
        (tr("Type"), esc(words.code_words(i.kind))),
        (tr("Examiner"), esc(i.examiner)),
        (tr("Started"), esc(sheet.time(i.started_at))),
        (tr("Ended"), esc(sheet.time(i.ended_at))),
        (tr("Seal check"), esc(words.code_words(i.seal_check))),
        (tr("Re-weighed"), esc(_reweighed(i.reweigh_gross_kg))),
        (tr("Findings"), f"<b>{esc(words.code_words(i.findings))}</b>"),
        (tr("Decision"), decision),
        (tr("New seal"), esc(i.new_seal_no or words.none())),
        (tr("Remarks"), esc(i.remarks or words.none())),
    ]


def _reweighed(gross_kg: int | None) -> str:
    return (
        tr("not re-weighed") if gross_kg is None else tr("{kg} gross").format(kg=words.kg(gross_kg))
    )


def _examiner(sheet: Sheet) -> str:
    if sheet.view.inspections:
        return sheet.view.inspections[-1].examiner
    return tr("none (no examination)")


def _last_change(sheet: Sheet) -> object:
    inspections = sheet.view.inspections
    return inspections[-1].ended_at if inspections else sheet.view.registered_at


def _signatures(sheet: Sheet, roles: list[str]) -> list[Flowable]:
    """Side-by-side lines to sign on, on paper that is filed (a roll slip is not signed)."""
    if sheet.paper.is_roll:
        return []
    gap = 10 * mm
    width = (sheet.paper.frame_width - gap * (len(roles) - 1)) / len(roles)
    blank: list[Flowable | str] = []
    names: list[Flowable | str] = []
    widths: list[float] = []
    for i, role in enumerate(roles):
        if i:
            blank.append("")
            names.append("")
            widths.append(gap)
        blank.append(Spacer(1, 10 * mm))
        names.append(sheet.para(esc(role)))
        widths.append(width)
    style = [("LINEBELOW", (i, 0), (i, 0), 0.8, "black") for i in range(0, len(widths), 2)]
    style += [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    table = Table([blank, names], colWidths=widths, style=TableStyle(style))
    heading = sheet.para(esc(tr("Signatures (name, signature, date)")), "bold")
    return [KeepTogether([Spacer(1, 3 * mm), heading, table])]


def _closing(sheet: Sheet) -> list[Flowable]:
    """On a roll the print line ends the slip; pages carry it in their footer."""
    if not sheet.paper.is_roll:
        return []
    return [Spacer(1, 2 * mm), *(sheet.para(esc(line), "small") for line in sheet.print_lines())]


def page_footer(sheet: Sheet, title: str) -> Callable[[Canvas, Paper, int, int], None]:
    lines = sheet.print_lines()
    dup = sheet.ctx.duplicate_no

    def draw(canv: Canvas, paper: Paper, page: int, total: int) -> None:
        left, right = paper.margin_x, paper.width - paper.margin_x
        canv.setFont("Helvetica", 8)
        y = paper.margin_bottom - 3 * mm - 10
        canv.setLineWidth(0.6)
        canv.line(left, y + 10, right, y + 10)
        canv.drawString(left, y, "   ".join(lines[:2]))
        canv.drawString(left, y - 9.6, "   ".join(lines[2:]))
        canv.drawRightString(right, y - 9.6, tr("page {n} of {total}").format(n=page, total=total))
        if page > 1:
            head = tr("{title} - entry {entry} (continued)").format(
                title=title, entry=sheet.view.entry_no
            )
            if dup:
                head = tr("DUPLICATE {n}").format(n=dup) + " - " + head
            canv.setFont("Helvetica-Bold", 9)
            canv.drawString(left, paper.height - paper.margin_top + 3 * mm, head)  # type: ignore[operator]

    return draw
