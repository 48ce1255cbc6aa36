"""Weigh a registered crossing at the weighbridge: the scale's stable weight taken (F6, and
at once when the dialog opens on a stable scale), the vehicle's remembered tare, the
container's tare from its door; the container's gross and net show live."""

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from taftan_desk.core.registration import WeighingInput
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.base import ERROR_STYLE
from taftan_desk.ui.dialogs.weighing_base import Scale, WeighingDialog
from taftan_desk.ui.forms.ui_weigh_dialog import Ui_WeighDialog


class WeighDialog(WeighingDialog):
    FIELD_WIDGETS = {"max_gross_kg": "max_gross_edit"}

    def __init__(
        self,
        services: Services,
        actor: Actor,
        crossing: CrossingView,
        parent: QWidget | None = None,
        *,
        scale: Scale | None = None,
        take_key: QKeySequence | None = None,
    ) -> None:
        """`scale`: the desk's weighbridge (its watch, name and protocol), if it has one."""
        super().__init__(parent)
        self.ui = Ui_WeighDialog()
        self.ui.setupUi(self)
        self._services, self._actor, self._crossing = services, actor, crossing
        self._settings: StationSettings = services.settings.current()
        self.result_view: CrossingView | None = None
        self.ui.intro_label.setText(
            self.tr("Entry {entry}, container {container}, {vehicle}.").format(
                entry=crossing.entry_no, container=crossing.container_no, vehicle=crossing.vehicle
            )
        )
        self.attach_weighing(services, self._settings, self.ui.weighing_layout, scale, take_key)
        self.weighing.set_vehicle(
            crossing.mode, crossing.truck_plate or "", crossing.wagon_no or ""
        )
        if crossing.tare_kg:
            self.weighing.ui.tare_edit.setText(str(crossing.tare_kg))
        self.weighing.changed.connect(self._show_net)
        self.weighing.taken_now.connect(self._after_take)
        self.ui.max_gross_edit.textChanged.connect(self._show_net)
        self.setup_form(620)
        self.weighing.ui.bridge_edit.setFocus()
        if scale is not None and crossing.gross_kg is None:
            self.weighing.take()  # stable already: taken; else taken once it is
        elif crossing.weighing is not None:  # weighed again: say what it replaces
            self.ui.intro_label.setText(
                self.ui.intro_label.text()
                + " "
                + self.tr(
                    "Weighed already (ticket {ticket}): F6 takes the bridge's weight now."
                ).format(ticket=crossing.weighing.ticket_no)
            )

    def _after_take(self) -> None:
        fields = self.weighing.edits()
        steps = fields if self.weighing.typed() else fields[:3]
        following = next((e for e in steps[1:] if not e.text().strip()), None)
        (following or self.weighing.ui.bridge_edit).setFocus()  # Enter saves: looked at first

    def _show_net(self) -> None:
        text, ok = self.weighing.summary(
            self.ui.max_gross_edit.text() or str(self._crossing.max_gross_kg or ""),
            self._crossing.size_type or "",
        )
        self.ui.net_label.setText(text)
        self.ui.net_label.setStyleSheet("" if ok else ERROR_STYLE)

    def show_problem(self, text: str, field: QWidget | None) -> None:
        """The refusal says it under the form; the live net line would say it a second time."""
        self.ui.net_label.clear()
        super().show_problem(text, field)

    def submit(self) -> None:
        view, _ = self._services.crossings.record_weighing(
            self._actor,
            self._crossing.id,
            WeighingInput(**self.weighing.values()),  # type: ignore[arg-type]
            self.ui.max_gross_edit.text() or None,
        )
        self.result_view = view
