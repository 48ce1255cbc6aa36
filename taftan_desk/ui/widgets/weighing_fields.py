"""The weighing area of a form: the weighbridge's weight live with its state, the reading F6
takes from the scale, the vehicle's tare (remembered per plate or wagon), the container's tare
from its door, and the reason, asked for only once a figure is typed.

F6 with the scale not yet stable waits for it: the weight is taken as soon as the station's
rules call it stable (typing in the reading, or Esc, stops the wait)."""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from taftan_desk.core import weighbridge, weights
from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.core.scale import Fault, State
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.core.weighbridge import Remembered, Source, Taken
from taftan_desk.devices.scale_port import now_ms
from taftan_desk.services.container import Services
from taftan_desk.ui.forms.ui_weighing_fields import Ui_WeighingFields
from taftan_desk.ui.scale_watch import ScaleNow, ScaleWatch

# The weighing's fields, as services name them, and the edit each is typed in (a container
# gross typed as such is said at the reading).
WEIGHING_WIDGETS = {
    "bridge_kg": "bridge_edit",
    "gross_kg": "bridge_edit",
    "vehicle_tare_kg": "vehicle_tare_edit",
    "tare_kg": "tare_edit",
    "weight_reason": "reason_edit",
}
WAIT_MS = 60_000  # F6 pressed before stable waits this long at most
_OK, _WAIT, _BAD, _TYPED = (
    "color: #1b7f3b;",
    "color: #8a5a00;",
    "color: #b3261e;",
    "color: #8a5a00; font-weight: bold;",
)


def scale_words(now: ScaleNow | None) -> tuple[str, str]:
    """The scale line in the officer's words, and its colour."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("WeighingFields", text)

    if now is None:
        return tr(
            "No weighbridge is set up at this desk (File › Weighbridge at this desk…): type "
            "the reading, with the reason."
        ), _WAIT
    if now.port:
        return tr("Weighbridge: {problem}. Type the reading meanwhile, with the reason.").format(
            problem=now.port
        ), _BAD
    verdict = now.verdict
    kg = f"{verdict.weight_kg:,} kg" if verdict.weight_kg is not None else ""
    state = verdict.state
    if state is State.NO_DATA:
        quiet = (now_ms() - now.at_ms) // 1000 if now.at_ms else None
        text = (
            tr("Weighbridge: no data for {s} s. Is the indicator on and its cable in?").format(
                s=quiet
            )
            if quiet is not None
            else tr("Weighbridge: no data yet. Is the indicator on and its cable in?")
        )
        return text, _BAD
    if state is State.FAULT:
        faults = {
            Fault.OVERLOAD: tr("overload"),
            Fault.UNDER_ZERO: tr("under zero"),
            Fault.NET_MODE: tr("net mode (the indicator shows net: switch it to gross)"),
            Fault.NOT_ZEROED: tr("not zeroed since power-up"),
            Fault.NOT_KG: tr("not in kilograms"),
        }
        fault = faults.get(verdict.fault, "") if verdict.fault else tr("no weight in the frame")
        return tr("Weighbridge: {fault} {kg}").format(fault=fault, kg=kg).strip(), _BAD
    if state is State.STABLE:
        return tr("Weighbridge: {kg}, stable. F6 takes it.").format(kg=kg), _OK
    words = {
        State.MOTION: tr("in motion"),
        State.SETTLING: tr("settling"),
        State.EMPTY: tr("below the minimum load"),
    }[state]
    return tr("Weighbridge: {kg}, {state}.").format(kg=kg, state=words), _WAIT


class WeighingFields(QWidget):
    changed = Signal()  # a figure changed: the net line follows
    taken_now = Signal()  # a weight was taken from the scale into the reading
    entered = Signal()  # the officer's focus came into the weights

    def __init__(
        self, services: Services, settings: StationSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WeighingFields()
        self.ui.setupUi(self)
        self._services, self._settings = services, settings
        self._watch: ScaleWatch | None = None
        self._scale_id = self._protocol = ""
        self.taken: Taken | None = None
        self.remembered: Remembered | None = None
        self._armed = False
        self._reading_only = False
        self._wait = QTimer(self)  # how long F6 waits for a stable weight
        self._wait.setSingleShot(True)
        self._wait.setInterval(WAIT_MS)
        self._wait.timeout.connect(self._waited_too_long)
        self._note = ""  # said once under the scale line (a wait given up, a reading dropped)
        self._age = QTimer(self)  # "no data for N s" counts up while the scale is quiet
        self._age.setInterval(1_000)
        self._age.timeout.connect(self._show_scale)
        for edit in self.edits()[:3]:
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("on the door") + 16)
            edit.textChanged.connect(self._figures_changed)
        self.ui.figures_layout.setColumnStretch(4, 1)  # the figures keep to the left
        self.ui.bridge_edit.textEdited.connect(self._bridge_typed)
        self.ui.reason_edit.textChanged.connect(self._figures_changed)
        for edit in self.edits():
            edit.installEventFilter(self)
        self._show_scale()
        self._show_source()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            self.entered.emit()
        return super().eventFilter(watched, event)

    # -- the scale ---------------------------------------------------------------------------
    def watch(self, watch: ScaleWatch | None, scale_id: str = "", protocol: str = "") -> None:
        """Follow this desk's weighbridge (None: the desk has none)."""
        if self._watch is not None:
            self._watch.changed.disconnect(self._scale_changed)
        self._watch, self._scale_id, self._protocol = watch, scale_id, protocol
        if watch is not None:
            watch.changed.connect(self._scale_changed)
        self._show_scale()

    def _scale_changed(self, now: ScaleNow) -> None:
        if self._armed and now.verdict.state is State.STABLE:
            self.take()
        self._show_scale()

    def _show_scale(self) -> None:
        now = self._watch.now if self._watch else None
        quiet = now is not None and now.verdict.state is State.NO_DATA and not now.port
        if quiet != self._age.isActive():
            self._age.start() if quiet else self._age.stop()
        text, style = scale_words(now)
        if self._armed:
            text += " " + self.tr("Waiting to take it when stable (F6 pressed; Esc stops).")
        elif self._note:
            text += " " + self._note
        self.ui.scale_label.setText(text)
        self.ui.scale_label.setStyleSheet(style)

    def take(self) -> bool:
        """F6: the scale's stable weight as the weighbridge reading; not stable yet, taken
        as soon as it is (for WAIT_MS at most). True when a weight was taken now."""
        self._note = ""
        if self._watch is None:
            self._armed = False
            self._show_scale()
            return False
        verdict = self._watch.take()
        if verdict is None or verdict.weight_kg is None:
            self._armed = True
            self._wait.start()
            self._show_scale()
            return False
        self._armed = False
        self._wait.stop()
        self.taken = Taken(
            verdict.weight_kg,
            verdict.frames,
            self._scale_id,
            self._protocol,
            self._settings.scale_interval_kg,
        )
        self.ui.bridge_edit.setText(str(verdict.weight_kg))
        self._show_scale()
        self.taken_now.emit()
        return True

    def stop_waiting(self) -> bool:
        """Esc while waiting for a stable weight: stop waiting (True), nothing else."""
        if not self._armed:
            return False
        self._armed = False
        self._wait.stop()
        self._show_scale()
        return True

    def _waited_too_long(self) -> None:
        self.stop_waiting()
        self._note = self.tr(
            "No stable weight came in {s} s: press F6 again once the vehicle stands still."
        ).format(s=WAIT_MS // 1000)
        self._show_scale()

    def another_vehicle(self) -> None:
        """The container or vehicle changed: a weight taken or waited for was another's."""
        dropped = self.taken is not None and self.sources()[0] is Source.SCALE
        self.stop_waiting()
        if dropped:
            self.taken = None
            self.ui.bridge_edit.clear()
            self._note = self.tr(
                "The weight taken was for another container or vehicle: take it again (F6)."
            )
            self._show_scale()

    def _bridge_typed(self) -> None:
        """The officer's own figure: no longer the scale's, and no longer waiting for it."""
        self.stop_waiting()

    def reading_only(self) -> None:
        """Only the weighbridge's reading (a vehicle weighed empty): no tares to give."""
        self._reading_only = True
        ui = self.ui
        for widget in (ui.vehicle_tare_label, ui.vehicle_tare_edit, ui.tare_label, ui.tare_edit):
            widget.hide()
        self._show_source()

    # -- the vehicle ---------------------------------------------------------------------------
    def set_vehicle(self, mode: str, plate: str, wagon: str) -> None:
        """The vehicle's remembered tare in its field, unless the officer typed another."""
        try:
            found = self._services.weighings.remembered_tare(mode, plate, wagon)
        except DeskError:
            found = None  # the database is said elsewhere; the tare can be typed
        edit = self.ui.vehicle_tare_edit
        shown = self.remembered
        if not edit.text().strip() or (shown and edit.text() == str(shown.tare_kg)):
            edit.setText(str(found.tare_kg) if found else "")
        self.remembered = found
        self._show_source()

    # -- the figures ---------------------------------------------------------------------------
    def widget_for(self, field: str) -> QLineEdit | None:
        """The edit a weighing field's problem is fixed in (None: not a weighing field)."""
        name = WEIGHING_WIDGETS.get(field)
        return getattr(self.ui, name) if name else None

    def edits(self) -> list[QLineEdit]:
        ui = self.ui
        if self._reading_only:
            return [ui.bridge_edit, ui.reason_edit]
        return [ui.bridge_edit, ui.vehicle_tare_edit, ui.tare_edit, ui.reason_edit]

    def _kg(self, edit: QLineEdit) -> int | None:
        try:
            return weights.parse_kg(edit.text(), "kg", "weight", required=False)
        except ValidationError:
            return None

    def sources(self) -> tuple[Source, Source]:
        bridge = self._kg(self.ui.bridge_edit)
        taken = self.taken if self.taken and bridge == self.taken.weight_kg else None
        return (
            weighbridge.bridge_source(bridge, taken),
            weighbridge.tare_source(self._kg(self.ui.vehicle_tare_edit), self.remembered),
        )

    def typed(self) -> bool:
        """A figure typed rather than read or remembered: the reason is asked for."""
        ui = self.ui
        if self._reading_only:
            return bool(ui.bridge_edit.text().strip()) and self.sources()[0] is Source.TYPED
        if not (ui.bridge_edit.text().strip() or ui.vehicle_tare_edit.text().strip()):
            return False
        return weighbridge.reason_needed(*self.sources())

    def values(self) -> dict[str, object]:
        """The registration's (or weighing's) fields, as typed or taken."""
        ui = self.ui
        return {
            "bridge_kg": ui.bridge_edit.text(),
            "vehicle_tare_kg": ui.vehicle_tare_edit.text(),
            "tare_kg": ui.tare_edit.text(),
            "taken": self.taken if self.sources()[0] is Source.SCALE else None,
            "weight_reason": ui.reason_edit.text() if self.typed() else "",
        }

    def gross_text(self) -> str:
        """The container's gross, the reading less the vehicle ("" until both are there)."""
        bridge, vehicle = self._kg(self.ui.bridge_edit), self._kg(self.ui.vehicle_tare_edit)
        if bridge is None or vehicle is None or vehicle >= bridge:
            return ""
        return str(bridge - vehicle)

    def summary(self, max_gross_text: str, size_type: str) -> tuple[str, bool]:
        """The container's gross worked out, then its net against the limit and the plate."""
        for edit, label in (
            (self.ui.bridge_edit, "weighbridge reading"),
            (self.ui.vehicle_tare_edit, "vehicle tare"),
        ):
            try:
                weights.parse_kg(edit.text(), "kg", label, required=False)
            except ValidationError as exc:
                return str(exc), False
        gross = self.gross_text()
        text, ok = weights.net_summary(
            gross, self.ui.tare_edit.text(), self._settings, max_gross_text, size_type=size_type
        )
        if not gross:
            return text, ok
        worked = self.tr("Container gross {bridge} − {vehicle} = {gross} kg.").format(
            bridge=f"{self._kg(self.ui.bridge_edit):,}",
            vehicle=f"{self._kg(self.ui.vehicle_tare_edit):,}",
            gross=f"{int(gross):,}",
        )
        return f"{worked} {text}".strip(), ok

    def _figures_changed(self) -> None:
        self._show_source()
        self.changed.emit()

    def _show_source(self) -> None:
        """Where each figure came from, in words; "typed" said in bold, and the reason's
        field shown, while anything is typed."""
        ui = self.ui
        bridge, tare = self.sources()
        parts = []
        if ui.bridge_edit.text().strip():
            parts.append(
                self.tr("Reading from the scale ({scale}).").format(scale=self._scale_id)
                if bridge is Source.SCALE
                else self.tr("Reading TYPED.")
            )
        remembered = self.remembered
        if self._reading_only:
            pass
        elif ui.vehicle_tare_edit.text().strip():
            parts.append(
                (
                    self.tr("Vehicle tare remembered: weighed empty {day}, ticket {ticket}.")
                    if remembered.source is Source.SCALE
                    else self.tr("Vehicle tare remembered, TYPED at ticket {ticket}: {why}")
                ).format(
                    day=remembered.weighed_on, ticket=remembered.ticket_no, why=remembered.reason
                )
                if tare is Source.REMEMBERED and remembered
                else self.tr("Vehicle tare TYPED.")
            )
        elif remembered is None and (ui.bridge_edit.text().strip()):
            parts.append(
                self.tr("No tare is remembered for this vehicle: type it from its papers.")
            )
        typed = self.typed()
        inherited = bool(remembered and tare is Source.REMEMBERED and remembered.inherited())
        ui.source_label.setText(" ".join(parts))
        ui.source_label.setStyleSheet(_TYPED if typed or inherited else "")
        ui.source_label.setVisible(bool(parts))
        ui.reason_label.setVisible(typed)
        ui.reason_edit.setVisible(typed)

    def clear(self) -> None:
        for edit in self.edits():
            edit.clear()
        self.taken = None
        self.remembered = None
        self._armed = False
        self._wait.stop()
        self._note = ""
        self._show_scale()
        self._show_source()
