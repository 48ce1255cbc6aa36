"""Printing from the desk: documents are issued, drawn and sent off the GUI thread.

A printer gets the reportlab PDF itself through CUPS (`lp`): vector bars reach the thermal
head unscaled, which a raster painted through QPrinter would not guarantee. A desk with no
printer saves the PDF into a folder instead. Where the output goes, the paper for each
document and automatic printing on release are this desk's preferences (QSettings).
"""

import io
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrinterInfo

from taftan_desk.core import paper
from taftan_desk.core.errors import DeskError
from taftan_desk.paths import write_atomically
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import IssuedDocument
from taftan_desk.ui import background

SAVE_AS_PDF = ""  # the destination "printer" that writes a PDF file
_GROUP = "printing"


@dataclass(frozen=True)
class Destination:
    printer: str  # a CUPS queue name, or SAVE_AS_PDF
    folder: Path


class PrintPreferences:
    """This desk's printing choices, remembered between sessions."""

    def __init__(self) -> None:
        self._settings = QSettings()

    def _get(self, key: str, default: object) -> object:
        return self._settings.value(f"{_GROUP}/{key}", default)

    def _set(self, key: str, value: object) -> None:
        self._settings.setValue(f"{_GROUP}/{key}", value)

    @property
    def printer(self) -> str:
        chosen = str(self._get("printer", ""))
        return chosen if chosen in available_printers() else SAVE_AS_PDF

    @printer.setter
    def printer(self, name: str) -> None:
        self._set("printer", name)

    @property
    def folder(self) -> Path:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(str(self._get("folder", Path(documents) / "Taftan Desk")))

    @folder.setter
    def folder(self, folder: Path) -> None:
        self._set("folder", str(folder))

    @property
    def auto_release(self) -> bool:
        return str(self._get("auto_release", "false")).lower() == "true"

    @auto_release.setter
    def auto_release(self, on: bool) -> None:
        self._set("auto_release", "true" if on else "false")

    def size_for(self, kind: str) -> str:
        size = str(self._get(f"size_{kind}", paper.DEFAULT_SIZES[kind]))
        return size if size in paper.SIZES else paper.DEFAULT_SIZES[kind]

    def set_size(self, kind: str, size: str) -> None:
        self._set(f"size_{kind}", size)

    def destination(self) -> Destination:
        return Destination(self.printer, self.folder)


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def file_name(issued: IssuedDocument) -> str:
    record = issued.record
    copy = "" if record.copy_no == 1 else f"-duplicate-{record.duplicate_no}"
    return f"{issued.crossing.entry_no}-{record.kind}{copy}.pdf"


def prepare(destination: Destination) -> None:
    """Refuse before a document is issued (and counted) if it could not go anywhere."""
    if destination.printer != SAVE_AS_PDF:
        if shutil.which("lp") is None:
            raise DeskError("This desk cannot print: the CUPS `lp` command is not installed.")
        return
    try:
        destination.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unsaved(destination, exc) from exc


def deliver(pdf: bytes, name: str, destination: Destination) -> str:
    """Send a finished PDF to its destination; says where it went. Runs on a worker."""
    if destination.printer != SAVE_AS_PDF:
        _print_with_lp(pdf, name, destination.printer)
        return destination.printer
    target = destination.folder / name
    try:
        write_atomically(target, pdf)
    except OSError as exc:
        raise _unsaved(destination, exc) from exc
    return str(target)


def _print_with_lp(pdf: bytes, name: str, printer: str) -> None:
    try:
        done = subprocess.run(
            [shutil.which("lp") or "lp", "-d", printer, "-t", name, "-"],
            input=pdf,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DeskError(f"The printer {printer} cannot be reached ({exc}).") from exc
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip() or f"exit {done.returncode}"
        raise DeskError(f"The printer {printer} refused the document ({reason}).")


def _unsaved(destination: Destination, exc: OSError) -> DeskError:
    return DeskError(
        f"The PDF cannot be saved in {destination.folder} ({exc.strerror}): "
        "choose another folder in Print (Ctrl+P)."
    )


class DocumentPrinter(QObject):
    """Issue + draw + deliver as one background task; the outcome comes back as a sentence."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, services: Services, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor

    def print_document(self, crossing_id: int, kind: str, size: str | None = None) -> None:
        preferences = PrintPreferences()
        size = size or preferences.size_for(kind)
        destination = preferences.destination()
        services, actor = self._services, self._actor

        def work() -> tuple[IssuedDocument, str]:
            from taftan_desk.documents import render_issued

            prepare(destination)
            issued = services.documents.issue(actor, crossing_id, kind, size)
            buffer = io.BytesIO()
            render_issued(issued, buffer)
            return issued, deliver(buffer.getvalue(), file_name(issued), destination)

        background.submit(
            work, self._delivered, self._refused, context=self, pool=background.documents_pool()
        )

    def _delivered(self, outcome: tuple[IssuedDocument, str]) -> None:
        issued, where = outcome
        record = issued.record
        copy = copy_text(record.copy_no)
        self.done.emit(
            self.tr("{document} for entry {entry} ({copy}) sent to {where}").format(
                document=kind_label(record.kind),
                entry=issued.crossing.entry_no,
                copy=copy,
                where=where,
            )
        )

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, DeskError):
            raise exc  # a defect: the excepthook logs it and tells the officer
        self.failed.emit(self.tr("Not printed: {reason}").format(reason=exc))


def copy_text(copy_no: int) -> str:
    """paper.copy_label, translated."""
    if copy_no == 1:
        return QCoreApplication.translate("printing", "original")
    return QCoreApplication.translate("printing", "DUPLICATE {n}").format(n=copy_no - 1)


def kind_label(kind: str) -> str:
    labels = {
        "entry": "Entry document",
        "clearance": "Clearance slip (gate pass)",
        "hold": "Hold notice",
        "exam": "Examination report",
    }
    return QCoreApplication.translate("printing", labels[kind])
