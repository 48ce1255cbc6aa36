"""Record a weighbridge reading on a registered crossing; the net shows live."""

from PySide6.QtWidgets import QWidget

from taftan_desk.core import weights
from taftan_desk.core.registration import WeighingInput
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.base import ERROR_STYLE, ServiceDialog
from taftan_desk.ui.forms.ui_weigh_dialog import Ui_WeighDialog


class WeighDialog(ServiceDialog):
    FIELD_WIDGETS = {
        "gross_kg": "gross_edit",
        "tare_kg": "tare_edit",
        "max_gross_kg": "max_gross_edit",
    }

    def __init__(
        self,
        services: Services,
        actor: Actor,
        crossing: CrossingView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WeighDialog()
        self.ui.setupUi(self)
        self._services, self._actor, self._crossing = services, actor, crossing
        self._settings: StationSettings = services.settings.current()
        self.result_view: CrossingView | None = None
        self.ui.intro_label.setText(
            self.tr("Entry {entry}, container {container}.").format(
                entry=crossing.entry_no, container=crossing.container_no
            )
        )
        if crossing.tare_kg:
            self.ui.tare_edit.setText(str(crossing.tare_kg))
        self.ui.gross_edit.textChanged.connect(self._show_net)
        self.ui.tare_edit.textChanged.connect(self._show_net)
        self.ui.max_gross_edit.textChanged.connect(self._show_net)
        self.setup_form(420)
        self.ui.gross_edit.setFocus()

    def _show_net(self) -> None:
        text, ok = weights.net_summary(
            self.ui.gross_edit.text(),
            self.ui.tare_edit.text(),
            self._settings,
            self.ui.max_gross_edit.text() or str(self._crossing.max_gross_kg or ""),
            size_type=self._crossing.size_type or "",
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
            WeighingInput(gross_kg=self.ui.gross_edit.text(), tare_kg=self.ui.tare_edit.text()),
            self.ui.max_gross_edit.text() or None,
        )
        self.result_view = view
