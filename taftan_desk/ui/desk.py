"""The desk's start: the sign-in dialog on screen first, the database loaded behind it.

Only PySide6 and the sign-in form are imported before the dialog shows; the services, the
set-up dialog and the main window load on a worker thread while the officer types (the
dialog answers every key meanwhile; an early Enter signs in as soon as the database is open).
"""

import logging
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from taftan_desk import __version__
from taftan_desk.core.errors import DeskError
from taftan_desk.ui import background, gui_collector
from taftan_desk.ui.dialogs.login_dialog import LoginDialog

if TYPE_CHECKING:
    from taftan_desk.services.container import Services

log = logging.getLogger(__name__)


def run(load: Callable[[], "Services"]) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("taftan-desk")
    app.setApplicationName("Taftan Desk")
    app.setApplicationVersion(__version__)
    gui_collector.install(app)  # before any worker thread runs Python
    _install_excepthook()
    login = LoginDialog()
    login.setWindowModality(Qt.WindowModality.ApplicationModal)  # before show: exec() reuses it
    login.show()
    try:
        services = background.wait(background.submit(lambda: _load_desk(load)))
    except DeskError as exc:
        login.show_problem(str(exc), None)
        login.exec()
        return 1
    if not login.isVisible():
        return 0  # the officer closed the desk while it was opening
    if services.accounts.count() == 0 or not services.settings.is_initialised():
        login.hide()
        from taftan_desk.ui.dialogs.setup_dialog import SetupDialog

        setup = SetupDialog(services)
        if setup.exec() != QDialog.DialogCode.Accepted:
            return 0
        _tell_where_the_root_key_is(setup)
    login.attach(services.accounts, services.settings.current())
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return 0
    from taftan_desk.ui.main_window import MainWindow

    window = MainWindow(services, login.actor)
    window.show()
    gui_collector.freeze_startup()  # what lives as long as the desk: out of collections
    return app.exec()


def _load_desk(load: Callable[[], "Services"]) -> "Services":
    services = load()
    # Imported here, on the worker thread, so the window after sign-in only has to be built.
    import taftan_desk.ui.main_window  # noqa: F401

    return services


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


def _tell_where_the_root_key_is(setup) -> None:  # type: ignore[no-untyped-def]
    """The station root key is made once, at set-up: the administrator must take it away."""
    made = setup.established
    if made is None or made.root_key_file is None or not made.created:
        return
    QMessageBox.information(
        None,
        QCoreApplication.translate("Desk", "Station root key — Taftan Desk"),
        QCoreApplication.translate(
            "Desk",
            "The station root key was saved to:\n{path}\n\nCopy it to removable media, keep "
            "it locked away and delete it from this desk. It is needed only to enrol another "
            "desk; anyone who holds it can enrol one.",
        ).format(path=made.root_key_file),
    )
