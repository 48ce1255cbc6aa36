"""Weigh an empty vehicle (Ctrl+F6): a truck or wagon alone on the bridge; its weight is
remembered as its tare for its next crossing. Typed, it needs a reason (the tare from the
vehicle's papers, or stencilled on the wagon)."""

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import WeighingView
from taftan_desk.ui.dialogs.weighing_base import Scale, WeighingDialog
from taftan_desk.ui.forms.ui_empty_vehicle_dialog import Ui_EmptyVehicleDialog


class EmptyVehicleDialog(WeighingDialog):
    FIELD_WIDGETS = {
        "vehicle_no": "vehicle_edit",
        "truck_plate": "vehicle_edit",
        "wagon_no": "vehicle_edit",
    }

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        scale: Scale | None = None,
        take_key: QKeySequence | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_EmptyVehicleDialog()
        self.ui.setupUi(self)
        self._services, self._actor = services, actor
        self.result_view: WeighingView | None = None
        settings = services.settings.current()
        self.attach_weighing(services, settings, self.ui.weighing_layout, scale, take_key)
        self.weighing.reading_only()
        self.ui.vehicle_edit.textChanged.connect(self._show_remembered)
        self.ui.mode_combo.currentIndexChanged.connect(self._show_remembered)
        self.ui.vehicle_edit.returnPressed.connect(self.weighing.take)
        self.setup_form(560)
        self.ui.vehicle_edit.setFocus()

    @property
    def mode(self) -> str:
        return ("road", "rail")[self.ui.mode_combo.currentIndex()]

    @property
    def vehicle(self) -> str:
        return self.ui.vehicle_edit.text().strip().upper()

    def _show_remembered(self) -> None:
        text = self.ui.vehicle_edit.text()
        try:
            found = self._services.weighings.remembered_tare(self.mode, text, text)
        except DeskError as exc:
            self.ui.remembered_label.setText(str(exc))
            return
        self.ui.remembered_label.setText(
            self.tr("Remembered now: {kg} kg, weighed empty {day} (ticket {ticket}).").format(
                kg=f"{found.tare_kg:,}", day=found.weighed_on, ticket=found.ticket_no
            )
            if found
            else ""
        )

    def submit(self) -> None:
        values = self.weighing.values()
        self.result_view = self._services.weighings.weigh_empty(
            self._actor,
            self.mode,
            self.ui.vehicle_edit.text(),
            str(values["bridge_kg"]),
            values["taken"],  # type: ignore[arg-type]
            str(values["weight_reason"]),
        )
