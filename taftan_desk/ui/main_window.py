"""The desk's main window: for now a live list of today's crossings at the station."""

import logging
import sys
import traceback
from datetime import datetime

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from taftan_desk import __version__
from taftan_desk.core.errors import DeskError
from taftan_desk.core.shifts import shift_of
from taftan_desk.services.container import Services
from taftan_desk.services.crossings import RegistrationResult
from taftan_desk.services.database import Actor
from taftan_desk.ui.dialogs.login_dialog import LoginDialog
from taftan_desk.ui.dialogs.setup_dialog import SetupDialog
from taftan_desk.ui.forms.ui_main_window import Ui_MainWindow
from taftan_desk.ui.models.queue_table_model import QueueTableModel
from taftan_desk.ui.widgets.registration_panel import RegistrationPanel

log = logging.getLogger(__name__)

REFRESH_MS = 30_000


class MainWindow(QMainWindow):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._services = services
        self.actor = actor
        self._settings = services.settings.current()
        self._who_label = QLabel(self)
        self._who_label.setAccessibleName(self.tr("Signed-in user and shift"))
        self.ui.status_bar.addPermanentWidget(self._who_label)
        self.registration = RegistrationPanel(services, actor, self)
        self.ui.registration_host_layout.addWidget(self.registration)
        self.registration.saved.connect(self._registered)
        self.model = QueueTableModel(self._settings.zone, self)
        self.ui.queue_view.setModel(self.model)
        self.ui.queue_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # Shortcuts must work with the menus closed, whatever the platform's menu bar does.
        self.addActions([self.ui.refresh_action, self.ui.quit_action])
        self.ui.refresh_action.triggered.connect(self.refresh)
        self.ui.quit_action.triggered.connect(self.close)
        self.setWindowTitle(
            self.tr("Taftan Desk — {station}").format(station=self._settings.station_name)
        )
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._restore_layout()
        self.refresh()
        self.registration.ui.container_edit.setFocus()  # the scan field, ready at once

    def refresh(self) -> None:
        today = self._now().date()
        try:
            rows = self._services.queries.day(today, self._settings.zone)
        except DeskError as exc:
            self.ui.status_bar.showMessage(str(exc))
            return
        self.model.set_rows(rows)
        self.ui.title_label.setText(
            self.tr("Crossings on {day} ({zone})").format(
                day=today.strftime("%d %b %Y"), zone=self._settings.timezone
            )
        )
        self.ui.count_label.setText(self.tr("{n} crossing(s)").format(n=len(rows)))
        self._show_who()
        self.ui.status_bar.showMessage(
            self.tr("Station {code} · updated {time}").format(
                code=self._settings.station_code,
                time=self._now().strftime("%H:%M:%S"),
            )
        )

    def _registered(self, result: RegistrationResult) -> None:
        crossing = result.crossing
        self.refresh()
        self.ui.status_bar.showMessage(
            self.tr("Registered entry {entry}: {container}, {channel} channel").format(
                entry=crossing.entry_no,
                container=crossing.container_no,
                channel=crossing.channel.value,
            )
        )

    def _show_who(self) -> None:
        shift = shift_of(self._now(), self._settings.shift_times(), self._settings.zone)
        self._who_label.setText(
            self.tr("{name} ({role}) · shift {number} of {day}, {start}–{end}").format(
                name=self.actor.display,
                role=self.actor.role.value,
                number=shift.number,
                day=shift.day.strftime("%d %b"),
                start=f"{shift.start:%H:%M}",
                end=f"{shift.end:%H:%M}",
            )
        )

    def _now(self) -> datetime:
        """Station time from the services' clock (injected in tests)."""
        return self._services.db.clock().astimezone(self._settings.zone)

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)


def _install_excepthook() -> None:
    def hook(kind, value, tb) -> None:  # type: ignore[no-untyped-def]
        log.error("unhandled error", exc_info=(kind, value, tb))
        text = "".join(traceback.format_exception_only(kind, value)).strip()
        QMessageBox.critical(
            None,
            QApplication.translate("app", "Unexpected error"),
            QApplication.translate(
                "app", "Something went wrong and was logged. Nothing already saved is lost.\n\n{0}"
            ).format(text),
        )

    sys.excepthook = hook


def run(services: Services) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("taftan-desk")
    app.setApplicationName("Taftan Desk")
    app.setApplicationVersion(__version__)
    _install_excepthook()
    needs_setup = services.accounts.count() == 0 or not services.settings.is_initialised()
    if needs_setup and SetupDialog(services).exec() != QDialog.DialogCode.Accepted:
        return 0
    login = LoginDialog(services.accounts, services.settings.current())
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return 0
    window = MainWindow(services, login.actor)
    window.show()
    return app.exec()
