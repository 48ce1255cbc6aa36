"""A print job that did not print at once: where it stands, live, and a way to cancel it.

Not modal: the officer goes on working while the printer is fixed. Cancelling asks the
service, which asks CUPS: a copy whose job never started printing becomes void (no paper of
it exists); a job that had started may have printed, so its copy stays valid.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.printed_documents import Cancelled
from taftan_desk.ui import background
from taftan_desk.ui.print_queue import JobReport
from taftan_desk.ui.printing import JobFollow, copy_text


class PrintJobDialog(QDialog):
    def __init__(
        self, services: Services, actor: Actor, follow: JobFollow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services, self._actor, self._follow = services, actor, follow
        self.setWindowTitle(self.tr("Print job — Taftan Desk"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.state_label = QLabel(self)
        self.state_label.setAccessibleName(self.tr("Where the print job stands"))
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_label = QLabel(self)
        self.help_label.setAccessibleName(self.tr("What to do"))
        self.help_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("&Cancel the job"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the print job"))
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.help_label)
        layout.addWidget(self.buttons)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.close_button.clicked.connect(self.close)
        follow.watch.report.connect(self._show)
        self.setMinimumWidth(460)
        self._show(follow.watch.last)

    def _show(self, report: JobReport | None) -> None:
        self.state_label.setText(self._follow.sentence(report))
        job = report.job if report else None
        if job is not None and job.finished:
            self.cancel_button.setEnabled(False)
            self.help_label.setText(self.tr("Nothing more to do here."))
            return
        self.help_label.setText(
            self.tr(
                "The copy is recorded as {copy} and may still print by itself when the "
                "printer is ready. If it must not, cancel the job: a job that has not started "
                "printing is then void, and the next print is a new copy."
            ).format(copy=copy_text(self._follow.issued.record.copy_no))
        )

    def cancel_job(self) -> None:
        services, actor = self._services, self._actor
        record_id = self._follow.issued.record.id
        self.cancel_button.setEnabled(False)
        self.help_label.setText(self.tr("Cancelling the job…"))
        background.submit(
            lambda: services.documents.cancel_job(actor, record_id),
            self._cancelled,
            self._not_cancelled,
            context=self,
        )

    def _cancelled(self, outcome: Cancelled) -> None:
        self._follow.watch.stop()
        sentence = self._follow.cancel_sentence(outcome)
        self.state_label.setText(sentence)
        self.help_label.setText(self.tr("Nothing more to do here."))
        self._follow.said.emit(sentence)
        self._follow.changed.emit()

    def _not_cancelled(self, exc: BaseException) -> None:
        if not isinstance(exc, DeskError):
            raise exc
        self.cancel_button.setEnabled(True)
        self.help_label.setText(self.tr("The job was not cancelled: {reason}").format(reason=exc))
