"""The window's printing: Print… (Ctrl+P), Void a printed document…, and the gate pass that
prints itself on release. Outcomes come back as sentences for the status bar."""

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.services.approvals import ApprovedRequest, Permit, SupervisorApproval
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import CrossingView, PrintRecord
from taftan_desk.ui.dialogs.print_dialog import PrintDialog
from taftan_desk.ui.dialogs.print_job_dialog import PrintJobDialog
from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
from taftan_desk.ui.printing import (
    DocumentPrinter,
    JobFollow,
    PrintPreferences,
    copy_text,
    kind_label,
)
from taftan_desk.ui.session import DeskSession

# Have a supervisor's approval of a permit (intro: what they are shown), or None.
Approver = Callable[[Permit, str, int | None], "SupervisorApproval | ApprovedRequest | None"]


class PrintActions(QObject):
    message = Signal(str)
    changed = Signal()  # the shown crossing's prints changed: show it again

    def __init__(
        self,
        services: Services,
        session: DeskSession,
        zone: ZoneInfo,
        window: QWidget,
        approval: Approver | None = None,
    ) -> None:
        """`approval`: how a supervisor's approval is had (ExceptionActions.approval: typed
        here, or given at another desk); by default typed here."""
        super().__init__(window)
        self._approval = approval or self._typed_here
        self._services, self._session, self._zone, self._window = services, session, zone, window
        self.printer = DocumentPrinter(services, session, self)
        self.printer.done.connect(self.message)
        self.printer.done.connect(self.changed)  # its history now shows the print
        self.printer.failed.connect(self.message)
        self.printer.waiting.connect(self._show_job)

    @property
    def _actor(self) -> Actor:
        """Whoever is signed in now (see DeskSession): never the user this was built with."""
        return self._session.actor

    def print_dialog(self, crossing: CrossingView) -> None:
        dialog = PrintDialog(self._services, self._actor, crossing, self._window)
        if dialog.exec():
            self.printer.print_document(
                crossing.id, dialog.kind, dialog.size, reason=dialog.reprint_reason
            )
            self.message.emit(self.tr("Printing…"))

    def _show_job(self, follow: JobFollow) -> None:
        """A job that is not printing promptly: the officer sees why and may cancel it."""
        follow.changed.connect(self.changed)
        dialog = PrintJobDialog(self._services, self._actor, follow, self._window)
        dialog.show()

    def released(self, crossing: CrossingView) -> None:
        if PrintPreferences().auto_release:
            self.printer.print_document(crossing.id, "clearance")

    def void(self, crossing: CrossingView) -> None:
        """A spoilt or lost document is declared void, with another supervisor's approval."""
        live = [r for r in self._services.documents.records(crossing.id) if not r.voided_at]
        if not live:
            self.message.emit(
                self.tr("Entry {entry} has no printed document to void.").format(
                    entry=crossing.entry_no
                )
            )
            return
        names = [self._name(record) for record in live]
        name, chosen = QInputDialog.getItem(
            self._window, self.tr("Void — Taftan Desk"), self.tr("Which printed document is void?"),
            names, len(names) - 1, False,
        )  # fmt: skip
        if chosen:
            self._void(crossing, live[names.index(name)], name)

    def _void(self, crossing: CrossingView, record: PrintRecord, name: str) -> None:
        intro = self.tr(
            "Void {name} of entry {entry}. The paper will be refused at every gate that checks it."
        ).format(name=name, entry=crossing.entry_no)
        permit = Permit.void(record.id, self._actor)
        approval = self._approval(permit, intro, crossing.id)
        if approval is None:
            return
        try:
            self._services.documents.void(self._actor, record.id, approval)
        except DeskError as exc:
            self.message.emit(str(exc))
            return
        self.changed.emit()
        self.message.emit(
            self.tr("Record {record:06d} of entry {entry} is void.").format(
                record=record.id, entry=crossing.entry_no
            )
        )

    def _typed_here(self, permit: Permit, intro: str, _crossing_id: int | None):  # type: ignore[no-untyped-def]
        dialog = SupervisorDialog(self._services, intro, permit, self._window)
        return dialog.approval if dialog.exec() else None

    def _name(self, record: PrintRecord) -> str:
        return self.tr("{document}, record {record:06d}, {copy}, printed {at} by {who}").format(
            document=kind_label(record.kind),
            record=record.id,
            copy=copy_text(record.copy_no),
            at=record.printed_at.astimezone(self._zone).strftime("%d %b %H:%M"),
            who=record.printed_by,
        )
