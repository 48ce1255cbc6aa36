"""File › Weighbridge at this desk: the indicator's serial port, protocol and speed, the
scale's name kept with its weighings, and the key (or foot pedal) that takes the weight."""

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QWidget
from serial.tools import list_ports

from taftan_desk.core.scale import PROTOCOLS
from taftan_desk.ui.dialogs.base import ERROR_STYLE
from taftan_desk.ui.forms.ui_scale_dialog import Ui_ScaleDialog
from taftan_desk.ui.weighbridge_desk import DEFAULT_KEY, ScaleChoice

BAUDS = (1_200, 2_400, 4_800, 9_600, 19_200, 38_400)


class ScaleDialog(QDialog):
    def __init__(self, choice: ScaleChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ScaleDialog()
        self.ui.setupUi(self)
        self.choice = choice
        ui = self.ui
        names = {
            "xk3190": self.tr("Yaohua XK3190 continuous (tF=0)"),
            "toledo": self.tr("Mettler Toledo continuous"),
            "st-gs": self.tr("ST,GS,+0024320kg lines (A&D and others)"),
        }
        for protocol in PROTOCOLS:
            ui.protocol_combo.addItem(names.get(protocol, protocol), protocol)
        ui.protocol_combo.setCurrentIndex(max(0, ui.protocol_combo.findData(choice.protocol)))
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
        ui.name_edit.setText(choice.name)
        ui.key_edit.setKeySequence(QKeySequence(choice.key))
        ui.error_label.setStyleSheet(ERROR_STYLE)
        ui.error_label.hide()
        ui.button_box.accepted.connect(self._accept)
        ui.button_box.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        self.adjustSize()
        ui.port_combo.setFocus()

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
            name=" ".join(self.ui.name_edit.text().split()),
            key=key.toString() or DEFAULT_KEY,
        )
        self.accept()
