"""First launch on an empty database: name the station and create its first administrator."""

from PySide6.QtWidgets import QWidget

from taftan_desk.core import station_settings
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.services.accounts import validate_password, validate_username
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.keys import Establishment
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_setup_dialog import Ui_SetupDialog

DEFAULTS = station_settings.StationSettings()


class SetupDialog(ServiceDialog):
    FIELD_WIDGETS = {
        "station_code": "station_code_edit",
        "station_name": "station_name_edit",
        "timezone": "timezone_edit",
        "username": "admin_username_edit",
        "full_name": "admin_full_name_edit",
        "password": "admin_password_edit",
        "password_again": "admin_password_again_edit",
    }

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self._services = services
        self.established: Establishment | None = None  # the station root key, once made
        self.ui.station_code_edit.setText(DEFAULTS.station_code)
        self.ui.station_name_edit.setText(DEFAULTS.station_name)
        self.ui.timezone_edit.setText(DEFAULTS.timezone)
        self.setup_form(520)
        self.ui.admin_username_edit.setFocus()

    def submit(self) -> None:
        ui = self.ui
        code = station_settings.coerce("station_code", ui.station_code_edit.text())
        name = station_settings.coerce("station_name", ui.station_name_edit.text())
        zone = station_settings.coerce("timezone", ui.timezone_edit.text())
        username = validate_username(ui.admin_username_edit.text())
        password = validate_password(ui.admin_password_edit.text())
        if ui.admin_password_again_edit.text() != password:
            ui.admin_password_again_edit.clear()
            raise ValidationError(
                self.tr("The two passwords differ: type the password again."),
                field="password_again",
            )
        setup = Actor(None, "first-launch-setup", Role.ADMIN)
        self.established = self._services.keys.establish(setup)
        self._services.settings.initialise(setup, str(code), str(name), str(zone))
        self._services.accounts.add(
            setup, username, Role.ADMIN, password, ui.admin_full_name_edit.text()
        )
