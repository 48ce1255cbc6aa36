"""Where a scan goes in the desk window: a slip's entry number shows its crossing; a
container number a manifest still expects fills the registration form; another container
number shows its latest crossing here; a seal scanned into the seals field joins the seals
found. The container field keeps its own scans (and their Enter)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from taftan_desk.core import containers
from taftan_desk.core.errors import DeskError
from taftan_desk.services import entry_numbers
from taftan_desk.ui.scanner import Scan

if TYPE_CHECKING:
    from taftan_desk.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def form_takes(window: "MainWindow", scan: Scan) -> bool:
    """The registration form takes a scan into its container field (and its Enter),
    unless the barcode is a slip's entry number."""
    return scan.widget is window.registration.ui.container_edit and not (
        entry_numbers.is_entry_no(scan.text)
    )


def route(window: "MainWindow", scan: Scan) -> None:
    if window.session.locked:
        return  # a locked desk shows no crossing, whatever is scanned
    if scan.widget.window() is not window:
        return  # a dialog's field keeps the scan as typed; nothing behind it changes
    if form_takes(window, scan) or window.registration.take_seal_scan(scan):
        return
    say = window.ui.status_bar.showMessage
    text = scan.text
    try:
        if entry_numbers.is_entry_no(text):
            found = window.services.queries.by_entry_no(text)
            scan.take_back()  # the field loses the scan, never what was typed before it
            window.select(found.id)
            return
        if containers.is_valid(text):
            _container(window, scan)
            return
    except DeskError as exc:
        say(str(exc))
        return
    say(tr("Scanned '{text}' is neither an entry number nor a container number.").format(text=text))


def _container(window: "MainWindow", scan: Scan) -> None:
    say, text = window.ui.status_bar.showMessage, scan.text
    expected = window.services.manifests.pending(containers.normalise(text))
    if expected is not None:
        scan.take_back()
        window.registration.take_expected(expected)
        return
    history = window.services.queries.container_history(text)
    if not history:
        say(tr("Container {number} has not crossed here.").format(number=text))
        return
    scan.take_back()
    window.select(history[0].id)
    say(
        tr("Container {number}: {n} crossing(s) here; showing the latest.").format(
            number=text, n=len(history)
        )
    )
