"""File › Weighbridge at this desk: the indicator's serial port, which scale it is (one of the
station's weighbridges, whose protocol the station sets, or, at a station that names none, a
name and protocol of the desk's own), the line's speed, and the key (or foot pedal) that takes
the weight."""

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QWidget
from serial.tools import list_ports

from taftan_desk.core.scale import PROTOCOLS
from taftan_desk.core.station_settings import SCALE_NAME_LENGTH
from taftan_desk.ui.dialogs.base import ERROR_STYLE
from taftan_desk.ui.forms.ui_scale_dialog import Ui_ScaleDialog
from taftan_desk.ui.weighbridge_desk import DEFAULT_KEY, ScaleChoice

BAUDS = (1_200, 2_400, 4_800, 9_600, 19_200, 38_400)


class ScaleDialog(QDialog):
    def __init__(
        self,
        choice: ScaleChoice,
        parent: QWidget | None = None,
        station_scales: dict[str, str] | None = None,
    ) -> None:
        """`station_scales`: the station's weighbridges and their protocols (none: the desk
        names its own)."""
        super().__init__(parent)
        self.ui = Ui_ScaleDialog()
        self.ui.setupUi(self)
        self.choice = choice
        self._station_scales = station_scales or {}
        ui = self.ui
        names = {
            "xk3190": self.tr("Yaohua XK3190 continuous (tF=0)"),
            "toledo": self.tr("Mettler Toledo continuous"),
            "st-gs": self.tr("ST,GS,+0024320kg lines (A&D and others)"),
        }
        for protocol in PROTOCOLS:
            ui.protocol_combo.addItem(names.get(protocol, protocol), protocol)
        ui.protocol_combo.setCurrentIndex(max(0, ui.protocol_combo.findData(choice.protocol)))
        self._show_scales(choice.name)
        for baud in BAUDS:
            ui.baud_combo.addItem(str(baud), baud)
        ui.baud_combo.setCurrentIndex(BAUDS.index(choice.baud) if choice.baud in BAUDS else 3)
        ui.port_combo.addItem(self.tr("(none: weights are typed)"), "")
        for port in sorted(list_ports.comports(), key=lambda p: p.device):
            ui.port_combo.addItem(f"{port.device}  {port.description}".strip(), port.device)
        found = ui.port_combo.findData(choice.port)
        if found >= 0:
            ui.port_combo.setCurrentIndex(found)
        else:  # a port not plugged in now (or a simulator's): kept as typed
            ui.port_combo.setEditText(choice.port)
        ui.key_edit.setKeySequence(QKeySequence(choice.key))
        ui.error_label.setStyleSheet(ERROR_STYLE)
        ui.error_label.hide()
        ui.button_box.accepted.connect(self._accept)
        ui.button_box.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        self.adjustSize()
        ui.port_combo.setFocus()

    def _show_scales(self, name: str) -> None:
        """The station's weighbridges to choose from, each bringing its protocol; or, at a
        station that names none, a name and protocol the desk gives."""
        ui, scales = self.ui, self._station_scales
        if not scales:
            ui.name_combo.lineEdit().setMaxLength(SCALE_NAME_LENGTH)
            ui.name_combo.lineEdit().setPlaceholderText(self.tr("e.g. Bazarcha bridge 1"))
            ui.name_combo.setEditText(name)
            ui.intro_label.setText(
                ui.intro_label.text()
                + " "
                + self.tr(
                    "The station names no weighbridges yet: an administrator can (the station "
                    "setting 'scales'), and weights then count only from those."
                )
            )
            return
        ui.name_combo.setEditable(False)
        for scale_name in scales:
            ui.name_combo.addItem(scale_name, scale_name)
        ui.name_combo.setCurrentIndex(max(0, ui.name_combo.findData(name)))
        ui.name_combo.currentIndexChanged.connect(self._scale_chosen)
        ui.protocol_combo.setEnabled(False)  # the station's setting for the scale
        ui.intro_label.setText(
            self.tr(
                "The weighbridge indicator this desk reads: its serial port (a USB adapter "
                "shows as /dev/ttyUSB0 or COM3), which of the station's weighbridges it is "
                "(the station sets its protocol), and the line's speed. Weights count only "
                "from the station's weighbridges."
            )
        )
        self._scale_chosen()

    def _scale_chosen(self) -> None:
        protocol = self._station_scales.get(str(self.ui.name_combo.currentData()), "")
        combo = self.ui.protocol_combo
        combo.setCurrentIndex(max(0, combo.findData(protocol)))

    def _port(self) -> str:
        combo = self.ui.port_combo
        text = combo.currentText().strip()
        index = combo.findText(text)
        if index >= 0:
            return str(combo.itemData(index) or "")
        return text.split()[0] if text else ""

    def _accept(self) -> None:
        key = self.ui.key_edit.keySequence()
        if key.count() > 1:
            self.ui.error_label.setText(
                self.tr("Give one key (or a foot pedal's one key), not a sequence of keys.")
            )
            self.ui.error_label.show()
            self.ui.key_edit.setFocus()
            return
        self.choice = ScaleChoice(
            port=self._port(),
            protocol=str(self.ui.protocol_combo.currentData()),
            baud=int(self.ui.baud_combo.currentData()),
            name=" ".join(self.ui.name_combo.currentText().split()),
            key=key.toString() or DEFAULT_KEY,
        )
        self.accept()
