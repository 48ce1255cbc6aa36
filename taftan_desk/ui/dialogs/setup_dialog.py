"""First launch on an empty database: name the station and create its first administrator."""

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from taftan_desk.core import station_settings
from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.services.accounts import validate_password, validate_username
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.ui.forms.ui_setup_dialog import Ui_SetupDialog

DEFAULTS = station_settings.StationSettings()


class SetupDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self._services = services
        self.ui.station_code_edit.setText(DEFAULTS.station_code)
        self.ui.station_name_edit.setText(DEFAULTS.station_name)
        self.ui.timezone_edit.setText(DEFAULTS.timezone)
        self.ui.error_label.hide()
        self.setMinimumWidth(520)
        self.adjustSize()  # the form's own height, not the Designer canvas's
        self.ui.button_box.accepted.connect(self._create)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.admin_username_edit.setFocus()

    def _create(self) -> None:
        ui = self.ui
        try:
            code = station_settings.coerce("station_code", ui.station_code_edit.text())
            name = station_settings.coerce("station_name", ui.station_name_edit.text())
            zone = station_settings.coerce("timezone", ui.timezone_edit.text())
            username = validate_username(ui.admin_username_edit.text())
            password = validate_password(ui.admin_password_edit.text())
        except ValidationError as exc:
            return self._problem(str(exc), self._field_for(exc.problems[0].field))
        if ui.admin_password_again_edit.text() != password:
            ui.admin_password_again_edit.clear()
            return self._problem(
                self.tr("The two passwords differ: type the password again."),
                ui.admin_password_again_edit,
            )
        setup = Actor(None, "first-launch-setup", Role.ADMIN)
        try:
            self._services.settings.initialise(setup, str(code), str(name), str(zone))
            self._services.accounts.add(
                setup, username, Role.ADMIN, password, ui.admin_full_name_edit.text()
            )
        except DeskError as exc:
            return self._problem(str(exc), ui.admin_username_edit)
        self.accept()

    def _field_for(self, field: str) -> QLineEdit:
        return {
            "station_code": self.ui.station_code_edit,
            "station_name": self.ui.station_name_edit,
            "timezone": self.ui.timezone_edit,
            "username": self.ui.admin_username_edit,
            "password": self.ui.admin_password_edit,
        }.get(field, self.ui.admin_username_edit)

    def _problem(self, text: str, field: QWidget) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        field.setFocus()
