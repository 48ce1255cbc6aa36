"""The blocks documents share: header, identity, seals, weights, channel, codes, print line."""

from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from taftan_desk.core import findings, weights
from taftan_desk.documents import words
from taftan_desk.documents.codes import Code128Symbol, QrSymbol
from taftan_desk.documents.flowables import Banner, CodesBand
from taftan_desk.documents.i18n import tr
from taftan_desk.documents.layout import Paper, Styles
from taftan_desk.documents.words import esc
from taftan_desk.services.views import CrossingView, PrintContext, WeighingView

Rows = list[tuple[str, str]]
_NO_PADDING = [
    (f"{side}PADDING", (0, 0), (-1, -1), 0) for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")
]


class Sheet:
    """One document being composed: the crossing, the print context, paper and styles."""

    def __init__(self, view: CrossingView, ctx: PrintContext, paper: Paper, st: Styles) -> None:
        self.view, self.ctx, self.paper, self.st = view, ctx, paper, st
        self.zone = ZoneInfo(ctx.timezone)

    def time(self, moment: object) -> str:
        return words.local_time(moment, self.zone)  # type: ignore[arg-type]

    def para(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, getattr(self.st, style))

    # -- header --------------------------------------------------------------------------
    def duplicate_banner(self, *, reverse: bool) -> list[Flowable]:
        if self.ctx.superseded_by:  # the record as it was: no copy of anything valid
            note = tr("as recorded before revision {n} - not valid at the gate").format(
                n=self.ctx.superseded_by
            )
            return [self.status_box(tr("SUPERSEDED"), note, reverse=reverse), Spacer(1, 1.5 * mm)]
        n = self.ctx.duplicate_no
        if not n:
            return []
        note = tr("reprint of the original - copy {copy}").format(copy=self.ctx.copy_no)
        banner = self.status_box(tr("DUPLICATE {n}").format(n=n), note, reverse=reverse)
        return [banner, Spacer(1, 1.5 * mm)]

    def header(self, title: str, status: Flowable | None = None) -> list[Flowable]:
        """Title, station, entry number and the status box; on pages the codes sit beside
        them at the top, where the gate scans them (a roll's codes end the slip)."""
        v = self.view
        left = [
            self.para(esc(title), "title"),
            self.para(esc(self.ctx.station_name) + f" ({esc(v.station_code)})"),
            self.para(tr("Entry no.") + f" <b>{esc(v.entry_no)}</b>", "heading"),
        ]
        if status is not None:
            left += [Spacer(1, 1 * mm), status]
        top = self.duplicate_banner(reverse=True)
        if self.paper.is_roll:
            return top + left
        band = self._band()
        right = [band, *self._qr_note()]  # right under the DUPLICATE banner, if any
        width = self.paper.frame_width
        table = Table([[left, right]], colWidths=[width - band.natural_width, band.natural_width])
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING]
        table.setStyle(TableStyle([*style, ("RIGHTPADDING", (0, 0), (0, 0), 3 * mm)]))
        return [*top, table, Spacer(1, 1 * mm)]

    def person(self, name: str | None) -> str:
        """Who did something, as the context names them; else the officer printing."""
        return name or self.ctx.officer

    def status_box(self, text: str, note: str, *, reverse: bool) -> Banner:
        return Banner(text, self.paper.font_size * 2.3, reverse=reverse, note=note)

    def container(self) -> list[Flowable]:
        v = self.view
        return [
            Spacer(1, 1 * mm),
            self.para(esc(tr("Container") + " - " + words.size_type_words(v.size_type)), "center"),
            self.para(esc(words.container_grouped(v.container_no)), "big"),
            Spacer(1, 1.5 * mm),
        ]

    # -- tables --------------------------------------------------------------------------
    def table(self, rows: Rows, *, heading: str | None = None) -> list[Flowable]:
        data = [[self._label(label), self.para(value)] for label, value in rows]
        width = self.paper.frame_width
        table = Table(data, colWidths=[self.paper.label_width, width - self.paper.label_width])
        body = self.st.body
        table.setStyle(
            TableStyle([
                ("FONT", (0, 0), (0, -1), body.fontName, body.fontSize, body.leading),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *_NO_PADDING,
                ("RIGHTPADDING", (0, 0), (0, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, "black"),
            ])
        )  # fmt: skip
        head = [self.para(esc(heading), "heading")] if heading else []
        return [*head, table]

    def _label(self, label: str) -> str | Paragraph:
        """Plain text when it fits on one line (a Paragraph costs more to lay out)."""
        body = self.st.body
        if stringWidth(label, body.fontName, body.fontSize) <= self.paper.label_width - 2:
            return label
        return self.para(esc(label))

    def identity_rows(self, *, officer: bool = False) -> Rows:
        v = self.view
        first = [(tr("Registered by"), esc(self.person(self.ctx.registered_by)))] if officer else []
        seals = "<br/>".join(esc(words.seal_words(s)) for s in v.seals) or words.none()
        rows = first + [
            (tr("Direction"), esc(words.direction_words(v.direction))),
            (tr("Registered"), esc(self.time(v.registered_at))),
            (tr("Vehicle"), f"<b>{esc(v.vehicle or words.none())}</b> "
                            f"({esc(words.mode_words(v.mode))})"),
            (tr("Seals"), seals),
            (tr("Cargo"), esc(words.cargo_words(v))),
            (tr("HS code"), esc(v.hs_code or words.none())),
        ]  # fmt: skip
        rows.append((tr("Declaration"), esc(words.declaration_words(v))))
        return rows

    def weights(self) -> list[Flowable]:
        """The weights, headed by the weighbridge ticket they come from (none before 0010)."""
        w = self.view.weighing
        heading = tr("Weights")
        if w is not None:
            heading = tr("Weights - weighbridge ticket {ticket}").format(ticket=w.ticket_no)
        return self.table(self.weight_rows(), heading=heading)

    def weight_rows(self) -> Rows:
        v, w, limit = self.view, self.view.weighing, self.ctx.cargo_limit_kg
        net = f"<b>{esc(words.kg(v.net_kg))}</b>"
        if v.net_kg is None:
            net = esc(words.limit_words(None, limit))
        else:
            verdict = esc(words.limit_words(v.net_kg, limit))
            net += " - " + (f"<b>{verdict}</b>" if v.net_kg > limit else verdict)
        rows = [(tr("Declared net"), esc(words.kg(v.declared_net_kg)))]
        tare = tr("Tare")
        if w is not None and w.bridge_kg is not None:
            rows.append((tr("Weighbridge"), self._bridge(w)))
            tare = tr("Container tare")  # not the vehicle's, on the line above
        rows.append((tr("Gross measured"), self._gross()))
        if w is not None and w.typed:
            cut = words.REASON_ON_ROLL if self.paper.is_roll else words.REASON_ON_PAGE
            rows.append((tr("Why typed"), words.typed_reason(w, cut)))
        return rows + [
            (tare, esc(words.kg(v.tare_kg))),
            (tr("Net measured"), net),
            (tr("Cargo limit"), esc(tr("{kg} net").format(kg=words.kg(limit)))),
            (tr("Difference"), esc(words.difference_words(v))),
        ]

    def _gross(self) -> str:
        """The container's gross (TYPED when typed as such) and the plate it is judged by."""
        v, w = self.view, self.view.weighing
        gross = esc(words.kg(v.gross_kg))
        if w is not None and "gross" in w.typed_figures:  # with no weighbridge reading
            gross += words.typed_mark()
        assumed = weights.assumed_plate(v.max_gross_kg, v.size_type, self.ctx.default_max_gross_kg)
        if assumed is None:
            return gross + " " + esc(tr("(plate max {kg})").format(kg=words.kg(v.max_gross_kg)))
        # R2 checked the gross against the station's assumption: say it is one
        return gross + " - " + esc(tr("plate max {assumed}").format(assumed=assumed.words(tr)))

    def _bridge(self, w: WeighingView) -> str:
        """'37,300 kg − vehicle 14,000 kg': the reading the gross is taken from, a typed
        figure marked; the vehicle under the reading when the two do not fit on one line."""
        bridge, vehicle = words.bridge_markup(w)
        line = f"{bridge} {vehicle}"
        return line if self._one_line(line) else f"{bridge}<br/>{vehicle}"

    def _one_line(self, markup: str) -> bool:
        body = self.st.body
        height = self.para(markup).wrap(self.paper.frame_width - self.paper.label_width, 1e6)[1]
        return height <= body.leading * 1.01

    def channel(self) -> list[Flowable]:
        """The channel and the findings that still apply to the crossing as it stands (the
        channel keeps every reason that ever fired; the desk shows them all); those cleared
        since, in one line."""
        v = self.view
        line = tr("Channel") + f": <b>{esc(tr(v.channel.value).upper())}</b> "
        line += f"({esc(tr(v.channel.meaning))})"
        out: list[Flowable] = [self.para(line, "heading")]
        now = findings.standing(v.reasons, v.facts(), self.ctx.weight_settings)
        for reason in now.applies:
            out.append(self.para("- " + esc(reason.text)))
        if now.cleared:
            cleared = "; ".join(words.cleared_words(c) for c in now.cleared)
            out.append(self.para(f"<b>{esc(tr('No longer applies:'))}</b> {esc(cleared)}"))
        if not v.reasons:
            out.append(self.para(esc(tr("No risk rule fired."))))
        return self.together(out)

    # -- codes and the print line ---------------------------------------------------------
    def codes(self) -> list[Flowable]:
        """The codes closing a roll slip, a DUPLICATE box right above them."""
        if not self.paper.is_roll:
            return []  # in the page header
        block = [Spacer(1, 2 * mm), *self.duplicate_banner(reverse=False)]
        return [*block, self._band(), *self._qr_note()]

    def _band(self) -> CodesBand:
        size = max(8.0, self.paper.font_size * 1.15)
        barcode = Code128Symbol(self.view.entry_no, 12 * mm, size)
        return CodesBand(barcode, QrSymbol(self.ctx.qr_text) if self.ctx.qr_text else None)

    def _qr_note(self) -> list[Flowable]:
        if not self.ctx.qr_text:
            return []
        note = tr("QR: signed slip data. Scan it with the Taftan Desk checker to prove "
                  "this slip is genuine.")  # fmt: skip
        return [self.para(esc(note), "small")]

    def together(self, block: list[Flowable]) -> list[Flowable]:
        """Kept on one page; a roll has only one (and KeepTogether cannot be measured)."""
        return block if self.paper.is_roll else [KeepTogether(block)]

    def copy_words(self) -> str:
        if not self.ctx.duplicate_no:
            return tr("Original")
        return tr("DUPLICATE {n} (copy {copy})").format(
            n=self.ctx.duplicate_no, copy=self.ctx.copy_no
        )

    def print_lines(self) -> list[str]:
        c = self.ctx
        printed = tr("Printed {time} by {officer}")
        record = tr("Record {record} - {copy}")
        lines = [
            printed.format(time=self.time(c.printed_at), officer=c.officer),
            record.format(record=c.record_no or tr("PREVIEW"), copy=self.copy_words()),
        ]
        if c.reprint_reason:
            lines.append(tr("Printed again because: {reason}").format(reason=c.reprint_reason))
        if c.revision_no:
            revised = tr("Revision {n}: {reason}").format(
                n=c.revision_no, reason=c.revision_reason or words.none()
            )
            if c.revision_approved_by:
                revised += " " + tr("(approved by {name})").format(name=c.revision_approved_by)
            lines.append(revised)
        if c.audit_head:
            lines.append(tr("Audit chain {head}").format(head=c.audit_head))
        lines.append(words.zone_note(self.zone, c.printed_at))
        return lines
