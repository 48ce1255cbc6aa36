"""The selected crossing: its state, channel and reasons, what blocks release, its history.

The action buttons mirror the window's Crossing menu actions, so shortcuts, tooltips and
enabled state are defined once.
"""

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from taftan_desk.core import weights
from taftan_desk.core.channel import Channel
from taftan_desk.core.release import Blocker
from taftan_desk.services.crossing_rows import HistoryLine
from taftan_desk.services.views import CrossingView, WeighingView
from taftan_desk.ui.forms.ui_detail_panel import Ui_DetailPanel
from taftan_desk.ui.widgets.barcode_view import BarcodeView

CHANNEL_COLOURS = {Channel.GREEN: "#1b7f3b", Channel.YELLOW: "#9a6b00", Channel.RED: "#b3261e"}


def _NOT_RECORDED() -> str:  # noqa: N802 - reads as the constant it stands for
    return QCoreApplication.translate("DetailPanel", "not recorded")


def _kg(value: int | None) -> str:
    return _NOT_RECORDED() if value is None else f"{value:,} kg"


class DetailPanel(QWidget):
    def __init__(
        self,
        zone: ZoneInfo,
        actions: list[QAction],
        parent: QWidget | None = None,
        assumed_max_gross_kg: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._assumed_max_gross_kg = assumed_max_gross_kg  # the station's, for a plate not typed
        self.ui = Ui_DetailPanel()
        self.ui.setupUi(self)
        self._zone = zone
        buttons = (
            self.ui.weigh_button,
            self.ui.inspect_button,
            self.ui.release_button,
            self.ui.hold_button,
            self.ui.refuse_button,
        )
        for button, action in zip(buttons, actions, strict=False):
            button.setDefaultAction(action)
        for button in buttons[len(actions) :]:  # a record read elsewhere: nothing to act on
            button.hide()
        self.barcode = BarcodeView(self)
        self.ui.main_layout.insertWidget(1, self.barcode, 0, Qt.AlignmentFlag.AlignLeading)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.ui.heading_label.setText(
            self.tr("Select a crossing in the list, or scan its slip, to see it here.")
        )
        for label in (
            self.ui.channel_label,
            self.ui.facts_label,
            self.ui.blockers_label,
            self.ui.history_label,
        ):
            label.clear()
        self.barcode.clear()

    def show_crossing(
        self, c: CrossingView, blockers: list[Blocker], history: list[HistoryLine]
    ) -> None:
        heading = self.tr("<b>Entry {entry}</b> · {container} · {status}").format(
            entry=c.entry_no, container=c.container_no, status=c.status.label
        )
        if c.revision:  # corrected: the history below says what changed, and why
            heading += " · " + self.tr("revision {n}").format(n=c.revision)
        self.ui.heading_label.setText(heading)
        self.barcode.show_code(c.entry_no)
        reasons = "".join(f"<li>{escape(r.text)}</li>" for r in c.reasons)
        self.ui.channel_label.setText(
            f'<span style="color:{CHANNEL_COLOURS[c.channel]}"><b>'
            f"{escape(c.channel.value.capitalize())}</b></span> ({escape(c.channel.meaning)})"
            + (f"<ul>{reasons}</ul>" if reasons else self.tr(": no risk rule fired"))
        )
        self.ui.facts_label.setText(self._facts(c))
        self.ui.blockers_label.setText(
            "\n".join(("⚑ " if b.overridable else "✗ ") + b.text for b in blockers)
            if not c.status.is_closed
            else ""
        )
        self.ui.history_label.setText("\n".join(self._history_text(h) for h in history))

    def _weighing(self, w: WeighingView) -> str:
        """Where the weights came from: the ticket, the reading less the vehicle, each figure's
        source; TYPED, with its reason, when anything was typed."""
        sources = {
            "scale": self.tr("from the scale {scale}").format(scale=w.scale_id),
            "remembered": self.tr("remembered"),
            "typed": self.tr("TYPED"),
        }
        made_of = (
            self.tr(
                "weighbridge {bridge} ({bridge_source}) − vehicle {vehicle} ({tare_source})"
            ).format(
                bridge=_kg(w.bridge_kg),
                bridge_source=sources.get(w.bridge_source or "", w.bridge_source),
                vehicle=_kg(w.vehicle_tare_kg),
                tare_source=sources.get(w.tare_source or "", w.tare_source),
            )
            if w.bridge_kg is not None
            else self.tr("container gross TYPED")
        )
        typed = self.tr(" · TYPED: {reason}").format(reason=w.reason) if w.typed else ""
        return self.tr("Weighbridge ticket {ticket}: {made_of}{typed}").format(
            ticket=w.ticket_no, made_of=made_of, typed=typed
        )

    def _facts(self, c: CrossingView) -> str:
        """The record as registered, weighed and inspected: every field the desk holds."""
        lines = [
            self.tr("{direction} by {mode}: {vehicle} · {cargo}, HS {hs}").format(
                direction=c.direction.upper(),
                mode=c.mode,
                vehicle=c.vehicle or _NOT_RECORDED(),
                cargo=c.cargo_category,
                hs=c.hs_code or _NOT_RECORDED(),
            ),
            self.tr("Container {container}, {size}, plate maximum {plate}").format(
                container=c.container_no,
                size=c.size_type or _NOT_RECORDED(),
                plate=self._plate(c),
            ),
        ]
        if c.description:
            lines.append(self.tr("Description: {text}").format(text=c.description))
        lines.append(
            self.tr("GD {gd} · TIR carnet {carnet}, voucher {voucher}").format(
                gd=c.gd_number or _NOT_RECORDED(),
                carnet=c.tir_carnet or _NOT_RECORDED(),
                voucher=c.tir_voucher or _NOT_RECORDED(),
            )
        )
        weighed = (
            self.tr(", weighed {at}").format(at=self._when(c.weighed_at)) if c.weighed_at else ""
        )
        lines.append(
            self.tr(
                "Declared net {declared} · measured net {net} (gross {gross}, tare {tare}){weighed}"
            ).format(
                declared=_kg(c.declared_net_kg),
                net=_kg(c.net_kg),
                gross=_kg(c.gross_kg),
                tare=_kg(c.tare_kg),
                weighed=weighed,
            )
        )
        if c.weighing is not None:
            lines.append(self._weighing(c.weighing))
        seals = ", ".join(
            self.tr("{number} ({state}{at_exam})").format(
                number=s.number,
                state=s.state,
                at_exam=self.tr(", applied at the exam") if s.applied_at_exam else "",
            )
            for s in c.seals
        )
        lines.append(self.tr("Seals: {seals}").format(seals=seals or _NOT_RECORDED()))
        for i in c.inspections:
            lines.append(
                self.tr(
                    "Inspection {at}: {kind} by {examiner}, seals {seal_check}, "
                    "findings {findings}, decision {decision}{reweigh}{remarks}"
                ).format(
                    at=self._when(i.ended_at),
                    kind=i.kind,
                    examiner=i.examiner,
                    seal_check=i.seal_check.replace("_", " "),
                    findings=i.findings.replace("_", " "),
                    decision=i.decision.replace("_", " "),
                    reweigh=self.tr(", re-weighed gross {kg}").format(kg=_kg(i.reweigh_gross_kg))
                    if i.reweigh_gross_kg
                    else "",
                    remarks=self.tr(": “{remarks}”").format(remarks=i.remarks) if i.remarks else "",
                )
            )
        if c.status_note:
            lines.append(
                self.tr("{status}: “{note}”").format(status=c.status.label, note=c.status_note)
            )
        return "\n".join(lines)

    def _plate(self, c: CrossingView) -> str:
        if self._assumed_max_gross_kg is None:
            return _kg(c.max_gross_kg)
        assumed = weights.assumed_plate(c.max_gross_kg, c.size_type, self._assumed_max_gross_kg)
        if assumed is None:
            return _kg(c.max_gross_kg)
        return self.tr("not recorded, {assumed}").format(assumed=assumed.words(self.tr))

    def _when(self, at: datetime) -> str:
        return f"{at.astimezone(self._zone):%d %b %H:%M}"

    def _history_text(self, line: HistoryLine) -> str:
        """One event: when, what, who; whose approval it used and why; which document."""
        what = self._action_words().get(line.action, line.action.replace("_", " "))
        if line.document:
            what += " " + self.tr("({document}, copy {copy})").format(
                document=line.document, copy=line.copy_no or "?"
            )
        text = self.tr("{at}  {what} by {who}").format(
            at=self._when(line.at), what=what, who=line.actor
        )
        if line.sent_to:
            text += self.tr(", to {where}").format(where=line.sent_to)
        if line.job:
            text += self.tr(" (job {job})").format(job=line.job)
        if line.approver and line.approver != line.actor:  # the supervisor's own answer: once
            text += self.tr(", approved by {supervisor}").format(supervisor=line.approver)
        if line.reason:
            text += self.tr(": “{reason}”").format(reason=line.reason)
        for change in line.changes:  # a correction: each field before → after
            text += "\n    " + change
        return text

    def _action_words(self) -> dict[str, str]:
        return {
            "crossing_registered": self.tr("registered"),
            "crossing_weighed": self.tr("weighed"),
            "crossing_inspected": self.tr("inspected"),
            "crossing_released": self.tr("released"),
            "crossing_held": self.tr("held"),
            "crossing_refused": self.tr("refused"),
            "crossing_sent_to_inspection": self.tr("sent to inspection"),
            "crossing_corrected": self.tr("registration corrected"),
            "crossing_amended": self.tr("amended after closing"),
            "crossing_rerouted": self.tr("channel re-routed"),
            "exception_requested": self.tr("supervisor's approval asked"),
            "exception_approved": self.tr("request approved"),
            "exception_refused": self.tr("request refused"),
            "document_printed": self.tr("printed"),
            "document_reprinted": self.tr("reprinted"),
            "document_sent": self.tr("sent"),
            "document_cancelled_in_queue": self.tr("print job cancelled before it printed"),
            "document_voided": self.tr("printed document voided"),
        }
