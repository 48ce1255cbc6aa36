"""Print a document of the selected crossing: which document, paper, printer, with a preview.

The preview is the service's draft of the next print (same copy number, same people), drawn
on the document thread, marked PREVIEW and without its QR code; nothing is recorded until the
officer prints.

The chosen printer's state (ready, printing, stopped and why, not accepting jobs, gone, CUPS
not answering) is asked off the GUI thread and shown as it changes. A printer that cannot
print now is refused here with the reason; the dialog never switches to a file or to another
printer by itself, and the remembered printer changes only when the officer prints elsewhere.
"""

import io
from pathlib import Path

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from taftan_desk.core import paper
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.text import clean_reason
from taftan_desk.devices import cups
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import CrossingView
from taftan_desk.ui import background
from taftan_desk.ui.dialogs.base import ERROR_STYLE, ServiceDialog
from taftan_desk.ui.forms.ui_print_dialog import Ui_PrintDialog
from taftan_desk.ui.print_queue import QueueWatch, queue_sentence
from taftan_desk.ui.printing import SAVE_AS_PDF, PrintPreferences, kind_label

PREVIEW_DPI = 96
_SIZE_LABELS = {"80mm": "80 mm roll", "a5": "A5", "a4": "A4"}


class PrintDialog(ServiceDialog):
    FIELD_WIDGETS = {
        "kind": "kind_combo",
        "size": "size_combo",
        "printer": "printer_combo",
        "folder": "folder_edit",
        "reprint_reason": "reprint_reason_edit",
    }

    def __init__(
        self,
        services: Services,
        actor: Actor,
        crossing: CrossingView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PrintDialog()
        self.ui.setupUi(self)
        self._services, self._actor, self._crossing = services, actor, crossing
        self._preferences = PrintPreferences()
        self._earlier = services.documents.records(crossing.id)
        ui = self.ui
        ui.intro_label.setText(
            self.tr("Entry {entry}, container {container}: {status}.").format(
                entry=crossing.entry_no,
                container=crossing.container_no,
                status=crossing.status.label.lower(),
            )
        )
        for kind in paper.printable(crossing.status, bool(crossing.inspections)):
            ui.kind_combo.addItem(kind_label(kind), kind)
        for size in paper.SIZES:
            ui.size_combo.addItem(self.tr(_SIZE_LABELS[size]), size)
        ui.printer_combo.addItem(self.tr("Save as PDF file"), SAVE_AS_PDF)
        remembered = self._preferences.printer
        if remembered != SAVE_AS_PDF:  # shown as chosen until the print service says more
            ui.printer_combo.addItem(remembered, remembered)
        ui.printer_combo.setCurrentIndex(ui.printer_combo.findData(remembered))
        self.queue: cups.QueueState | None = None  # the chosen printer's last known state
        self._queues = QueueWatch(self)
        self._queues.state.connect(self._show_queue)
        self._queues.listed.connect(self._add_printers)
        ui.folder_edit.setText(str(self._preferences.folder))
        ui.auto_release_check.setChecked(self._preferences.auto_release)
        self._ok().setText(self.tr("&Print"))
        ui.kind_combo.currentIndexChanged.connect(self._kind_changed)
        ui.size_combo.currentIndexChanged.connect(self._preview)
        ui.printer_combo.currentIndexChanged.connect(self._printer_changed)
        self.setup_form(360)
        self.ui.main_layout.setStretch(1, 1)  # the preview takes what the options leave
        self.resize(1000, 760)
        self._kind_changed()
        self._printer_changed()
        self._queues.list_queues()
        ui.kind_combo.setFocus()

    @property
    def kind(self) -> str:
        return str(self.ui.kind_combo.currentData())

    @property
    def size(self) -> str:
        return str(self.ui.size_combo.currentData())

    def _ok(self):  # type: ignore[no-untyped-def]
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def _kind_changed(self) -> None:
        size = self._preferences.size_for(self.kind)
        with QSignalBlocker(self.ui.size_combo):  # one preview per change, drawn below
            self.ui.size_combo.setCurrentIndex(self.ui.size_combo.findData(size))
        copies = [r for r in self._earlier if r.kind == self.kind]
        cancelled = sum(1 for r in copies if r.cancelled)
        if cancelled:
            self.ui.copies_label.setText(
                self.tr(
                    "{n} copy(ies) recorded before, {c} of them cancelled in the queue before "
                    "printing: this copy will say DUPLICATE {d}."
                ).format(n=len(copies), c=cancelled, d=copies[-1].copy_no)
            )
        elif copies:
            self.ui.copies_label.setText(
                self.tr(
                    "Printed {n} time(s) before, last by {who}: this copy will say DUPLICATE {n}."
                ).format(n=len(copies), who=copies[-1].printed_by)
            )
        else:
            self.ui.copies_label.setText(self.tr("Not printed before: this is the original."))
        # A copy after the first is another paper in the world: the officer says why.
        self.ui.reprint_reason_label.setVisible(bool(copies))
        self.ui.reprint_reason_edit.setVisible(bool(copies))
        self._preview()

    @property
    def reprint_reason(self) -> str:
        """Why this document is printed again ("" for an original)."""
        return self.ui.reprint_reason_edit.text() if self._is_reprint() else ""

    def _is_reprint(self) -> bool:
        return any(r.kind == self.kind for r in self._earlier)

    @property
    def printer(self) -> str:
        return str(self.ui.printer_combo.currentData())

    def _printer_changed(self) -> None:
        to_file = self.printer == SAVE_AS_PDF
        self.ui.folder_label.setVisible(to_file)
        self.ui.folder_edit.setVisible(to_file)
        self.ui.queue_label.setVisible(not to_file)
        self.ui.queue_state_label.setVisible(not to_file)
        self.queue = None
        if not to_file:
            self.ui.queue_state_label.setText(self.tr("Asking the printer…"))
            self.ui.queue_state_label.setStyleSheet("")
        self._queues.watch(None if to_file else self.printer)

    def _add_printers(self, names: list[str]) -> None:
        combo = self.ui.printer_combo
        for name in names:
            if combo.findData(name) < 0:
                combo.addItem(name, name)

    def _show_queue(self, state: cups.QueueState) -> None:
        self.queue = state
        combo = self.ui.printer_combo
        index = combo.findData(state.name)
        if index > 0 and state.problem == "missing":
            combo.setItemText(index, self.tr("{name} (not found)").format(name=state.name))
        self.ui.queue_state_label.setText(queue_sentence(state))
        self.ui.queue_state_label.setStyleSheet(ERROR_STYLE if state.problem else "")

    def _preview(self) -> None:
        services, actor = self._services, self._actor
        crossing_id, kind, size = self._crossing.id, self.kind, self.size

        def draw() -> tuple[bytes, int, int]:
            import pypdfium2

            from taftan_desk.documents import render_issued

            buffer = io.BytesIO()
            render_issued(services.documents.draft(actor, crossing_id, kind, size), buffer)
            page = pypdfium2.PdfDocument(buffer.getvalue())[0]
            image = page.render(scale=PREVIEW_DPI / 72).to_pil().convert("RGB")
            return image.tobytes(), image.width, image.height

        self.ui.preview_label.setText(self.tr("Drawing the preview…"))
        background.submit(
            draw,
            self._show_preview,
            self._preview_failed,
            context=self,
            pool=background.documents_pool(),
        )

    def _show_preview(self, drawn: tuple[bytes, int, int]) -> None:
        data, width, height = drawn
        image = QImage(data, width, height, width * 3, QImage.Format.Format_RGB888).copy()
        self.ui.preview_label.setPixmap(QPixmap.fromImage(image))

    def _preview_failed(self, exc: BaseException) -> None:
        self.ui.preview_label.setText(self.tr("No preview: {reason}").format(reason=exc))

    def show_problem(self, text: str, field: QWidget | None) -> None:
        before = self.geometry().size()  # (self.size is the chosen paper)
        super().show_problem(text, field)  # fits the form: it must not shrink the preview
        self.resize(self.geometry().size().expandedTo(before))

    def submit(self) -> None:
        folder = self.ui.folder_edit.text().strip()
        to_file = self.printer == SAVE_AS_PDF
        if to_file and not folder:
            raise ValidationError(self.tr("Say in which folder to save the PDF."), field="folder")
        if not to_file and self.queue is not None and self.queue.problem is not None:
            raise ValidationError(
                self.tr(
                    "Nothing was printed: {printer} cannot print now (see its state above). "
                    "Choose another printer, or print once it is ready."
                ).format(printer=self.printer),
                field="printer",
            )
        if self._is_reprint():
            clean_reason(
                self.ui.reprint_reason_edit.text(),
                "reprint_reason",
                self.tr("Say why it is printed again: the reason is recorded and printed on it."),
            )
        self._preferences.printer = self.printer
        if to_file:
            self._preferences.folder = Path(folder).expanduser()
        self._preferences.set_size(self.kind, self.size)
        self._preferences.auto_release = self.ui.auto_release_check.isChecked()
