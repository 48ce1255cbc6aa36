"""The desk's weighbridge: which indicator it reads (this desk's own preferences), the watch
that reads it for as long as the desk runs, and the keys that use it: F6 (or the key the desk
was given, e.g. a foot pedal's) takes the stable weight into the registration being filled,
or weighs the selected crossing; Ctrl+F6 weighs an empty vehicle."""

import contextlib
import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from taftan_desk.core import station_settings
from taftan_desk.core.errors import DeskError
from taftan_desk.core.scale import PROTOCOLS
from taftan_desk.ui.scale_watch import ScaleWatch

_GROUP = "scale"
DEFAULT_KEY = "F6"
DEFAULT_PROTOCOL = "st-gs"


@dataclass(frozen=True)
class ScaleChoice:
    port: str  # "" : no weighbridge at this desk
    protocol: str
    baud: int
    name: str
    key: str  # the key that takes the weight, as QKeySequence text

    @property
    def scale_id(self) -> str:
        """The name kept with each weighing: the one given, else the port."""
        return self.name or self.port


class ScalePreferences:
    """This desk's weighbridge, remembered between sessions (QSettings)."""

    def __init__(self) -> None:
        self._settings = QSettings()

    def load(self) -> ScaleChoice:
        def get(key: str, default: object) -> str:
            return str(self._settings.value(f"{_GROUP}/{key}", default))

        protocol = get("protocol", DEFAULT_PROTOCOL)
        try:
            baud = int(get("baud", 9_600))
        except ValueError:
            baud = 9_600
        return ScaleChoice(
            port=get("port", ""),
            protocol=protocol if protocol in PROTOCOLS else DEFAULT_PROTOCOL,
            baud=baud,
            name=get("name", ""),
            key=get("key", DEFAULT_KEY) or DEFAULT_KEY,
        )

    def save(self, choice: ScaleChoice) -> None:
        for key in ("port", "protocol", "baud", "name", "key"):
            self._settings.setValue(f"{_GROUP}/{key}", getattr(choice, key))


class WeighbridgeDesk(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._settings = window.services.settings.current()  # type: ignore[attr-defined]
        self.watch: ScaleWatch | None = None
        self.choice = ScalePreferences().load()
        ui = window.ui  # type: ignore[attr-defined]
        ui.take_weight_action.triggered.connect(self.take)
        ui.weigh_empty_action.triggered.connect(self.weigh_empty)
        ui.scale_setup_action.triggered.connect(self.set_up)
        window.addActions([ui.take_weight_action, ui.weigh_empty_action])
        problem = self.apply(self.choice)
        if problem:
            window.ui.status_bar.showMessage(problem)

    def station_scales(self) -> dict[str, str]:
        return station_settings.scale_protocols(self._settings)

    def apply(self, choice: ScaleChoice) -> str:
        """Read this indicator from now on (none: the weights are typed, with a reason). At a
        station that names its weighbridges, only one of those is read, in the protocol the
        station sets for it. Returns what to say when the desk's choice is not read."""
        self.stop()
        with contextlib.suppress(DeskError):  # the station's rules as they are now
            self._settings = self._window.services.settings.current()  # type: ignore[attr-defined]
        scales = self.station_scales()
        problem = ""
        if choice.port and scales:
            if choice.name in scales:
                choice = dataclasses.replace(choice, protocol=scales[choice.name])
            else:
                problem = self.tr(
                    "This desk's weighbridge '{name}' is not one of the station's ({names}): "
                    "choose it again (File › Weighbridge at this desk…). Weights are typed, "
                    "with a reason, meanwhile."
                ).format(name=choice.name or choice.port, names=", ".join(scales))
        self.choice = choice
        if choice.port and not problem:
            self.watch = ScaleWatch(self._settings, self)
            self.watch.start(choice.port, choice.protocol, choice.baud)
        self._window.ui.take_weight_action.setShortcut(QKeySequence(choice.key))  # type: ignore[attr-defined]
        self._window.registration.weighing.watch(*self.scale())  # type: ignore[attr-defined]
        return problem

    def stop(self) -> None:
        """The desk closing: the port is let go and its reader ends (within a read's 0.2 s)."""
        if self.watch is not None:
            self._window.registration.weighing.watch(None)  # type: ignore[attr-defined]
            self.watch.stop(wait_s=1.0)
            self.watch.deleteLater()
            self.watch = None

    def scale(self) -> tuple[ScaleWatch | None, str, str]:
        return self.watch, self.choice.scale_id, self.choice.protocol

    def take_key(self) -> QKeySequence:
        return QKeySequence(self.choice.key)

    def take(self) -> None:
        """The registration being filled takes the weight; with none (an empty form), the
        selected crossing is weighed if it is not yet: its dialog takes the weight as it
        opens. A crossing already weighed (the truck just saved, as a rule) is never weighed
        again by F6: the next truck's weight would replace its own."""
        window = self._window
        registration = window.registration  # type: ignore[attr-defined]
        if registration.has_input():
            registration.take_weight()
            return
        weigh, current = window.ui.weigh_action, window.current  # type: ignore[attr-defined]
        status = window.ui.status_bar  # type: ignore[attr-defined]
        if weigh.isEnabled() and current is not None and current.gross_kg is not None:
            status.showMessage(
                self.tr(
                    "Entry {entry} is weighed already{ticket}. To weigh it again, use "
                    "Crossing › Weigh…; to take the weight for a new truck, scan its container "
                    "first."
                ).format(
                    entry=current.entry_no,
                    ticket=f" ({current.weighing.ticket_no})" if current.weighing else "",
                )
            )
            return
        if weigh.isEnabled():
            weigh.trigger()
            return
        status.showMessage(window.why_not(weigh))  # type: ignore[attr-defined]

    def weigh_empty(self) -> None:
        from taftan_desk.ui.dialogs.empty_vehicle_dialog import EmptyVehicleDialog

        window = self._window
        dialog = EmptyVehicleDialog(
            window.services,  # type: ignore[attr-defined]
            window.actor,  # type: ignore[attr-defined]
            window,
            scale=self.scale() if self.watch else None,
            take_key=self.take_key(),
        )
        if dialog.exec() and dialog.result_view is not None:
            view = dialog.result_view
            window.ui.status_bar.showMessage(  # type: ignore[attr-defined]
                self.tr("Vehicle {vehicle} weighed empty: {kg} kg, ticket {ticket}.").format(
                    vehicle=dialog.vehicle, kg=f"{view.bridge_kg:,}", ticket=view.ticket_no
                )
            )
            window.registration.look_up_vehicle()  # type: ignore[attr-defined]

    def set_up(self) -> None:
        from taftan_desk.ui.dialogs.scale_dialog import ScaleDialog

        dialog = ScaleDialog(self.choice, self._window, self.station_scales())
        if dialog.exec():
            ScalePreferences().save(dialog.choice)
            problem = self.apply(dialog.choice)
            self._window.ui.status_bar.showMessage(  # type: ignore[attr-defined]
                problem
                or (
                    self.tr("Weighbridge: {name} on {port}").format(
                        name=self.choice.scale_id, port=self.choice.port
                    )
                    if self.choice.port
                    else self.tr("No weighbridge at this desk: weights are typed, with a reason.")
                )
            )
