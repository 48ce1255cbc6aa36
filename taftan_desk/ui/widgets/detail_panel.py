"""The selected crossing: its state, channel and reasons, what blocks release, its history.

The action buttons mirror the window's Crossing menu actions, so shortcuts, tooltips and
enabled state are defined once.
"""

from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from taftan_desk.core.channel import Channel
from taftan_desk.core.release import Blocker
from taftan_desk.services.crossing_rows import HistoryLine
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.forms.ui_detail_panel import Ui_DetailPanel
from taftan_desk.ui.widgets.barcode_view import BarcodeView

CHANNEL_COLOURS = {Channel.GREEN: "#1b7f3b", Channel.YELLOW: "#9a6b00", Channel.RED: "#b3261e"}


def _kg(value: int | None) -> str:
    return "—" if value is None else f"{value:,} kg"


class DetailPanel(QWidget):
    def __init__(
        self, zone: ZoneInfo, actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
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
        for button, action in zip(buttons, actions, strict=True):
            button.setDefaultAction(action)
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
        self.ui.heading_label.setText(
            self.tr("<b>Entry {entry}</b> · {container} · {status}").format(
                entry=c.entry_no, container=c.container_no, status=c.status.label
            )
        )
        self.barcode.show_code(c.entry_no)
        reasons = "".join(f"<li>{escape(r.text)}</li>" for r in c.reasons)
        self.ui.channel_label.setText(
            f'<span style="color:{CHANNEL_COLOURS[c.channel]}"><b>'
            f"{escape(c.channel.value.capitalize())}</b></span> ({escape(c.channel.meaning)})"
            + (f"<ul>{reasons}</ul>" if reasons else self.tr(": no risk rule fired"))
        )
        seals = ", ".join(f"{s.number} ({s.state})" for s in c.seals) or "—"
        self.ui.facts_label.setText(
            self.tr(
                "{direction} by {mode}: {vehicle} · {cargo}, HS {hs}\n"
                "Declared net {declared} · measured net {net} (gross {gross}, tare {tare})\n"
                "Seals: {seals}"
            ).format(
                direction=c.direction.upper(),
                mode=c.mode,
                vehicle=c.vehicle or "—",
                cargo=c.cargo_category,
                hs=c.hs_code or "—",
                declared=_kg(c.declared_net_kg),
                net=_kg(c.net_kg),
                gross=_kg(c.gross_kg),
                tare=_kg(c.tare_kg),
                seals=seals,
            )
        )
        self.ui.blockers_label.setText(
            "\n".join(("⚑ " if b.overridable else "✗ ") + b.text for b in blockers)
            if not c.status.is_closed
            else ""
        )
        self.ui.history_label.setText("\n".join(self._history_text(h) for h in history))

    def _history_text(self, line: HistoryLine) -> str:
        """One event: when, what, who; whose approval it used and why; which document."""
        what = self._action_words().get(line.action, line.action.replace("_", " "))
        if line.document:
            what += " " + self.tr("({document}, copy {copy})").format(
                document=line.document, copy=line.copy_no or "?"
            )
        text = self.tr("{at}  {what} by {who}").format(
            at=f"{line.at.astimezone(self._zone):%d %b %H:%M}", what=what, who=line.actor
        )
        if line.approver:
            text += self.tr(", approved by {supervisor}").format(supervisor=line.approver)
        if line.reason:
            text += self.tr(": “{reason}”").format(reason=line.reason)
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
            "document_printed": self.tr("printed"),
            "document_reprinted": self.tr("reprinted"),
            "document_voided": self.tr("printed document voided"),
        }
