"""What the dialogs that weigh share: the weighing area over the desk's weighbridge, F6 (or
the desk's own key) taking the stable weight, Esc stopping a wait for it before it closes
the dialog, and a refusal's focus on the weighing field at fault."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLayout, QWidget

from taftan_desk.core.station_settings import StationSettings
from taftan_desk.services.container import Services
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.scale_watch import ScaleWatch
from taftan_desk.ui.widgets.weighing_fields import WeighingFields

Scale = tuple[ScaleWatch | None, str, str]  # the desk's watch, the scale's name, its protocol


class WeighingDialog(ServiceDialog):
    weighing: WeighingFields

    def attach_weighing(
        self,
        services: Services,
        settings: StationSettings,
        layout: QLayout,
        scale: Scale | None,
        take_key: QKeySequence | None,
    ) -> WeighingFields:
        self.weighing = WeighingFields(services, settings, self)
        layout.addWidget(self.weighing)
        self.weighing.watch(*(scale or (None,)))
        take = QShortcut(take_key or QKeySequence(Qt.Key.Key_F6), self)
        take.activated.connect(self.weighing.take)
        return self.weighing

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Esc while waiting for a stable weight stops the wait; a second Esc closes."""
        if event.key() == Qt.Key.Key_Escape and self.weighing.stop_waiting():
            event.accept()
            return
        super().keyPressEvent(event)

    def _widget(self, field: str) -> QWidget | None:
        return self.weighing.widget_for(field) or super()._widget(field)
