"""Print a document of the selected crossing: which document, paper, printer, with a preview.

The preview is the service's draft of the next print (same copy number, same people), drawn
on the document thread, marked PREVIEW and without its QR code; nothing is recorded until the
officer prints.
"""

import io
from pathlib import Path

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from taftan_desk.core import paper
from taftan_desk.core.errors import ValidationError
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import CrossingView
from taftan_desk.ui import background
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_print_dialog import Ui_PrintDialog
from taftan_desk.ui.printing import SAVE_AS_PDF, PrintPreferences, available_printers, kind_label

PREVIEW_DPI = 96
_SIZE_LABELS = {"80mm": "80 mm roll", "a5": "A5", "a4": "A4"}


class PrintDialog(ServiceDialog):
    FIELD_WIDGETS = {"kind": "kind_combo", "size": "size_combo", "folder": "folder_edit"}

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
        for name in available_printers():
            ui.printer_combo.addItem(name, name)
        ui.printer_combo.setCurrentIndex(ui.printer_combo.findData(self._preferences.printer))
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
        if copies:
            self.ui.copies_label.setText(
                self.tr(
                    "Printed {n} time(s) before, last by {who}: this copy will say DUPLICATE {n}."
                ).format(n=len(copies), who=copies[-1].printed_by)
            )
        else:
            self.ui.copies_label.setText(self.tr("Not printed before: this is the original."))
        self._preview()

    def _printer_changed(self) -> None:
        to_file = self.ui.printer_combo.currentData() == SAVE_AS_PDF
        self.ui.folder_label.setVisible(to_file)
        self.ui.folder_edit.setVisible(to_file)

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

    def submit(self) -> None:
        folder = self.ui.folder_edit.text().strip()
        to_file = self.ui.printer_combo.currentData() == SAVE_AS_PDF
        if to_file and not folder:
            raise ValidationError(self.tr("Say in which folder to save the PDF."), field="folder")
        self._preferences.printer = str(self.ui.printer_combo.currentData())
        if to_file:
            self._preferences.folder = Path(folder).expanduser()
        self._preferences.set_size(self.kind, self.size)
        self._preferences.auto_release = self.ui.auto_release_check.isChecked()
