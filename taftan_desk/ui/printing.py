"""Printing from the desk: documents are issued, drawn and sent off the GUI thread.

A printer gets the reportlab PDF itself through CUPS (`lp`), with its own page size: vector
bars reach the thermal head unscaled, which a raster painted through QPrinter would not
guarantee. A desk with no printer saves the PDF into a folder, only when the officer chose
that. A copy counts only once the spooler (or the disk) took it: the queue is asked first, and
the document is drawn and handed to `lp` inside the service's recording transaction.
Where the output goes, the paper for each document and automatic printing on release are this
desk's preferences (QSettings); nothing here changes them behind the officer's back.
"""

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Signal

from taftan_desk.core import paper
from taftan_desk.core.errors import DeskError
from taftan_desk.devices import cups
from taftan_desk.paths import write_atomically
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.printed_documents import Cancelled, Delivery
from taftan_desk.services.views import IssuedDocument
from taftan_desk.ui import background
from taftan_desk.ui.print_queue import JobReport, JobWatch, job_sentence, queue_sentence
from taftan_desk.ui.session import DeskSession

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
        """The queue the officer chose, as chosen: a queue that has since gone is shown and
        refused as such, never swapped for a file."""
        return str(self._get("printer", SAVE_AS_PDF))

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


def file_name(issued: IssuedDocument) -> str:
    record = issued.record
    copy = "" if record.copy_no == 1 else f"-duplicate-{record.duplicate_no}"
    return f"{issued.crossing.entry_no}-{record.kind}{copy}.pdf"


class QueueRefused(DeskError):
    """The queue would not print now: refused before anything is issued."""

    def __init__(self, state: cups.QueueState) -> None:
        super().__init__(state.describe())
        self.state = state


def prepare(destination: Destination) -> None:
    """Refuse before a document is issued (and counted) if it could not go anywhere. Runs on
    a worker: it asks the print service."""
    if destination.printer != SAVE_AS_PDF:
        state = cups.queue_state(destination.printer)
        if state.problem is not None:
            raise QueueRefused(state)
        return
    try:
        destination.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unsaved(destination, exc) from exc


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")


def page_size_pt(pdf: bytes) -> tuple[float, float]:
    """The first page's size in points, as reportlab wrote it."""
    found = _MEDIA_BOX.search(pdf)
    if found is None:
        raise DeskError("The drawn document has no page size: it was not sent.")
    return float(found.group(1)), float(found.group(2))


def deliver(pdf: bytes, name: str, destination: Destination, size: str) -> Delivery:
    """Send a finished PDF to its destination; says where it went. Runs on a worker, inside
    the recording transaction: raising here means nothing is counted."""
    if destination.printer != SAVE_AS_PDF:
        media = cups.media(size, *page_size_pt(pdf))
        job = cups.send(pdf, name, destination.printer, media)
        return Delivery(job.queue, job.job_id)
    target = destination.folder / name
    try:
        write_atomically(target, pdf)
    except OSError as exc:
        raise _unsaved(destination, exc) from exc
    return Delivery(str(target))


def _unsaved(destination: Destination, exc: OSError) -> DeskError:
    return DeskError(
        f"The PDF cannot be saved in {destination.folder} ({exc.strerror}): "
        "choose another folder in Print (Ctrl+P)."
    )


class DocumentPrinter(QObject):
    """Ask the queue, then issue + draw + deliver as one background task; outcomes come back
    as sentences. A job the spooler accepted is followed until it printed or was cancelled;
    one that waits is handed out through `waiting` (for the officer to see and cancel)."""

    done = Signal(str)
    failed = Signal(str)
    waiting = Signal(object)  # a JobFollow whose job did not print at once

    def __init__(
        self, services: Services, session: DeskSession, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session

    @property
    def _actor(self) -> Actor:
        """Whoever is signed in now (see DeskSession): never the user this was built with."""
        return self._session.actor

    def print_document(
        self, crossing_id: int, kind: str, size: str | None = None, *, reason: str = ""
    ) -> None:
        """`reason`: why a document printed before is printed again (required for a copy)."""
        preferences = PrintPreferences()
        size = size or preferences.size_for(kind)
        destination = preferences.destination()
        services, actor = self._services, self._actor

        def work() -> IssuedDocument:
            from taftan_desk.documents import render_issued

            prepare(destination)
            sent: list[Delivery] = []

            def send(issued: IssuedDocument) -> Delivery:
                buffer = io.BytesIO()
                render_issued(issued, buffer)
                sent.append(deliver(buffer.getvalue(), file_name(issued), destination, size))
                return sent[0]

            try:
                return services.documents.issue(actor, crossing_id, kind, size, send, reason=reason)
            except BaseException:
                _withdraw(sent)  # taken by the spooler but not recorded: it must not print
                raise

        background.submit(
            work,
            self._delivered,
            lambda exc: self._refused(exc, kind),
            context=self,
            pool=background.documents_pool(),
        )

    def print_as_it_was(self, crossing_id: int, kind: str, revision_no: int) -> None:
        """The record as it stood before revision `revision_no` + 1, marked SUPERSEDED: not
        a copy (nothing is counted), so it goes straight to the desk's printer or folder."""
        preferences = PrintPreferences()
        size = preferences.size_for(kind)
        destination = preferences.destination()
        services, actor = self._services, self._actor

        def work() -> tuple[str, str]:
            from taftan_desk.documents import render_issued

            prepare(destination)
            issued = services.documents.as_it_was(actor, crossing_id, kind, size, revision_no)
            buffer = io.BytesIO()
            render_issued(issued, buffer)
            name = f"{issued.crossing.entry_no}-{kind}-before-revision-{revision_no + 1}.pdf"
            delivery = deliver(buffer.getvalue(), name, destination, size)
            return issued.crossing.entry_no, delivery.destination

        def sent(result: tuple[str, str]) -> None:
            self.done.emit(
                self.tr("{document} of entry {entry} as it was, sent to {where}").format(
                    document=kind_label(kind), entry=result[0], where=result[1]
                )
            )

        background.submit(
            work,
            sent,
            lambda exc: self._refused(exc, kind),
            context=self,
            pool=background.documents_pool(),
        )

    def _delivered(self, issued: IssuedDocument) -> None:
        record = issued.record
        if record.job_id is None:
            self.done.emit(
                self.tr("{document} for entry {entry} ({copy}) saved to {where}").format(
                    document=kind_label(record.kind),
                    entry=issued.crossing.entry_no,
                    copy=copy_text(record.copy_no),
                    where=record.sent_to,
                )
            )
            return
        follow = JobFollow(issued, self)
        follow.said.connect(self.done)
        follow.needs_officer.connect(lambda: self.waiting.emit(follow))
        follow.start()

    def _refused(self, exc: BaseException, kind: str) -> None:
        if not isinstance(exc, DeskError):
            raise exc  # a defect: the excepthook logs it and tells the officer
        reason = queue_sentence(exc.state) if isinstance(exc, QueueRefused) else str(exc)
        self.failed.emit(
            self.tr("Not printed: {document}: {reason}").format(
                document=kind_label(kind), reason=reason
            )
        )


def _withdraw(sent: list[Delivery]) -> None:
    for delivery in sent:
        if delivery.job_id is not None:
            # If it prints anyway, the gate refuses it: no record of it exists.
            with contextlib.suppress(DeskError):
                cups.cancel(delivery.destination, delivery.job_id)


class JobFollow(QObject):
    """One accepted job, followed: says where it stands each time that changes, and asks for
    the officer (`needs_officer`, once) when it is not printing promptly."""

    said = Signal(str)
    needs_officer = Signal()
    changed = Signal()  # its record changed (cancelled in the queue: void)

    def __init__(self, issued: IssuedDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.issued = issued
        record = issued.record
        self.watch = JobWatch(
            cups.JobState(record.sent_to or "", record.job_id or 0, "pending", False, 0), self
        )
        self.watch.report.connect(self._report)
        self._last = self._said = ""
        self._looks = 0
        self._asked = False

    def start(self) -> None:
        self._say(
            self.tr("sent to {printer}, job {job}").format(
                printer=self.issued.record.sent_to, job=self.issued.record.job
            )
        )
        self.watch.follow()

    def sentence(self, report: JobReport | None = None) -> str:
        report = report or self.watch.last
        where = job_sentence(report) if report else self._last
        record = self.issued.record
        return self.tr("{document} for entry {entry} ({copy}) {where}").format(
            document=kind_label(record.kind),
            entry=self.issued.crossing.entry_no,
            copy=copy_text(record.copy_no),
            where=where,
        )

    def cancel_sentence(self, outcome: Cancelled) -> str:
        record, job = outcome.record, outcome.job.name
        if record.cancelled:
            return self.tr(
                "Not printed: job {job} was cancelled before it printed. Record {record:06d} "
                "({copy}) is void; the next print will be a new copy."
            ).format(job=job, record=record.id, copy=copy_text(record.copy_no))
        if outcome.job.state == "completed":
            return self.tr("Job {job} had already printed: the {copy} is valid.").format(
                job=job, copy=copy_text(record.copy_no)
            )
        return self.tr(
            "Job {job} was stopped, but it had started printing: if a paper came out it is "
            "valid. To void it, ask a supervisor (Void a printed document)."
        ).format(job=job)

    def _report(self, report: JobReport) -> None:
        self._looks += 1
        if report.job.state in ("cancelled", "aborted"):
            self._say_whole(self.tr("Not printed: {what}").format(what=self.sentence(report)))
        else:
            self._say_whole(self.sentence(report))
        stuck = report.queue.state == "stopped" or report.job.state in ("held", "stopped")
        if not report.job.finished and not self._asked and (stuck or self._looks >= 5):
            self._asked = True
            self.needs_officer.emit()

    def _say(self, where: str) -> None:
        self._last = where
        self._say_whole(self.sentence())

    def _say_whole(self, text: str) -> None:
        if text != self._said:
            self._said = text
            self.said.emit(text)


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
