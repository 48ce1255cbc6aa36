"""The window's corrections: Correct the registration… (Ctrl+E) and Print as it was before a
correction…. Outcomes come back as a corrected crossing or a sentence for the status bar."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.core.lifecycle import Status
from taftan_desk.services.container import Services
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.correction_dialog import CorrectionDialog
from taftan_desk.ui.print_actions import Approver
from taftan_desk.ui.printing import DocumentPrinter
from taftan_desk.ui.session import DeskSession


class CorrectionActions(QObject):
    corrected = Signal(object, str)  # the crossing as corrected, the sentence to say
    message = Signal(str)

    def __init__(
        self,
        services: Services,
        session: DeskSession,
        window: QWidget,
        approval: "Approver | None" = None,
    ) -> None:
        """`approval`: how an amendment's supervisor approval is had (see PrintActions)."""
        super().__init__(window)
        self._services, self._session, self._window = services, session, window
        self._approval = approval
        self.printer = DocumentPrinter(services, session, self)
        self.printer.done.connect(self.message)
        self.printer.failed.connect(self.message)

    def correct(self, crossing: CrossingView) -> None:
        dialog = CorrectionDialog(
            self._services, self._session, crossing, self._window, self._approval
        )
        if not dialog.exec() or dialog.corrected is None:
            return
        done = dialog.corrected
        sentence = self.tr("Entry {entry} corrected (revision {n}): {changes}.").format(
            entry=done.crossing.entry_no,
            n=done.revision_no,
            changes="; ".join(c.words() for c in done.changes),
        )
        if done.warnings:
            sentence += " " + " ".join(done.warnings)
        self.corrected.emit(done.crossing, sentence)

    def print_as_it_was(self, crossing: CrossingView) -> None:
        """Choose which earlier state of a corrected record to print, marked SUPERSEDED."""
        try:
            revisions = self._services.corrections.revisions(crossing.id)
        except DeskError as exc:
            self.message.emit(str(exc))
            return
        if not revisions:
            self.message.emit(
                self.tr("Entry {entry} was never corrected: print it with Print (Ctrl+P).").format(
                    entry=crossing.entry_no
                )
            )
            return
        first = self.tr("As registered, before revision 1 ({reason})")
        names = [first.format(reason=revisions[0].reason)] + [
            self.tr("After revision {n}, before revision {next} ({reason})").format(
                n=r.revision_no, next=r.revision_no + 1, reason=nxt.reason
            )
            for r, nxt in zip(revisions, revisions[1:], strict=False)
        ]
        name, chosen = QInputDialog.getItem(
            self._window, self.tr("Print as it was — Taftan Desk"),
            self.tr("Which earlier state of entry {entry}?").format(entry=crossing.entry_no),
            names, 0, False,
        )  # fmt: skip
        if not chosen:
            return
        revision = names.index(name)
        try:  # the document that state could have: a gate pass only if it was released then
            then = self._services.corrections.as_it_was(crossing.id, revision).status
        except DeskError as exc:
            self.message.emit(str(exc))
            return
        kind = {Status.RELEASED: "clearance", Status.REFUSED: "hold", Status.HELD: "hold"}.get(
            then, "entry"
        )
        self.printer.print_as_it_was(crossing.id, kind, revision)
        self.message.emit(self.tr("Printing…"))
