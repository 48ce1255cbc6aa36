"""What the print queue and a print job are doing, asked off the GUI thread and said in words.

The scheduler is asked through taftan_desk.devices.cups (IPP, a few seconds at most) on the
global pool, one question in flight per watcher, so a slow or absent CUPS never freezes a
window. Sentences are translated here; the devices module keeps English for logs.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from taftan_desk.devices import cups, ipp
from taftan_desk.ui import background


def _tr(text: str) -> str:
    return QCoreApplication.translate("print_queue", text)


def queue_sentence(state: cups.QueueState) -> str:
    """The queue's state for an officer, with what to do when it cannot print."""
    why = state.why
    problem = state.problem
    if problem == "unreachable":
        return _tr(
            "The print service (CUPS) is not running or does not answer: nothing can be "
            "printed. Ask the station's technician to start it, or choose Save as PDF file."
        )
    if problem == "missing":
        return _tr(
            "The printer {name} is not set up on this computer (removed or renamed): choose "
            "another printer."
        ).format(name=state.name)
    if problem == "rejecting":
        text = _tr("The printer {name} is not accepting jobs").format(name=state.name)
        return _with_reason(text, why) + " " + _tr("Choose another printer, or ask to enable it.")
    if problem == "stopped":
        text = _tr("The printer {name} is stopped").format(name=state.name)
        return _with_reason(text, why) + " " + _tr("Fix the printer, then print again.")
    if state.state == "printing":
        text = _tr("The printer {name} is printing").format(name=state.name)
    else:
        text = _tr("The printer {name} is ready").format(name=state.name)
    if state.waiting:
        text += _tr(", {n} job(s) in its queue").format(n=state.waiting)
    return _with_reason(text, why)


def _with_reason(text: str, why: str) -> str:
    return (text + _tr(" ({reason}).").format(reason=why)) if why else text + "."


@dataclass(frozen=True)
class JobReport:
    """One look at a job and its queue."""

    job: cups.JobState
    queue: cups.QueueState
    ahead: int


def look(queue: str, job_id: int) -> JobReport:
    """Runs on a worker."""
    job = cups.job_state(queue, job_id)
    ahead = 0 if job.finished else cups.jobs_ahead(queue, job_id)
    return JobReport(job, cups.queue_state(queue), ahead)


def job_sentence(report: JobReport) -> str:
    """Where the job stands: printed, cancelled, or waiting and why."""
    job = report.job
    if job.state == "completed":
        return _tr("printed on {printer} (job {job})").format(printer=job.queue, job=job.name)
    if job.state in ("cancelled", "aborted"):
        return _tr("job {job} was cancelled in the queue").format(job=job.name)
    why = waiting_reason(report)
    return _tr("sent to {printer}, job {job} waiting: {why}").format(
        printer=job.queue, job=job.name, why=why
    )


def waiting_reason(report: JobReport) -> str:
    job, queue = report.job, report.queue
    if queue.state == "stopped":
        reason = queue.why
        if reason:
            return _tr("printer stopped ({reason})").format(reason=reason)
        return _tr("printer stopped")
    if job.state == "held":
        return _tr("the job is held in the queue")
    if report.ahead:
        return _tr("{n} job(s) ahead of it").format(n=report.ahead)
    if job.state == "processing":
        reason = job.message or queue.why
        if reason:
            return _tr("printing ({reason})").format(reason=reason)
        return _tr("printing")
    return _tr("queued")


class QueueWatch(QObject):
    """Asks about one queue now and every few seconds, off the GUI thread; `state` signals
    each answer. Only one question is in flight at a time."""

    state = Signal(object)  # cups.QueueState
    listed = Signal(list)  # queue names, or [] when the scheduler does not answer

    def __init__(self, parent: QObject | None = None, interval_ms: int = 3000) -> None:
        super().__init__(parent)
        self._queue: str | None = None
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.ask)

    def watch(self, queue: str | None) -> None:
        self._queue = queue
        if queue is None:
            self._timer.stop()
            return
        self._timer.start()
        self.ask()

    def list_queues(self) -> None:
        def work() -> list[str]:
            try:
                return cups.queues()
            except ipp.Unreachable:
                return []

        background.submit(work, self.listed.emit, context=self)

    def ask(self) -> None:
        if self._asking or self._queue is None:
            return
        self._asking = True
        name = self._queue
        background.submit(
            lambda: cups.queue_state(name), self._answered, self._failed, context=self
        )

    def _answered(self, state: cups.QueueState) -> None:
        self._asking = False
        if state.name == self._queue:  # not an answer about a queue since unchosen
            self.state.emit(state)

    def _failed(self, exc: BaseException) -> None:
        self._asking = False
        raise exc


class JobWatch(QObject):
    """Follows a job the spooler accepted: asks about it every second, off the GUI thread,
    until it is printed, cancelled or `limit` questions went by. Ask again with `follow`."""

    report = Signal(object)  # JobReport
    ended = Signal()

    def __init__(self, job: cups.JobState, parent: QObject | None = None, limit: int = 180) -> None:
        super().__init__(parent)
        self.job = job
        self.last: JobReport | None = None
        self._limit, self._asked, self._asking = limit, 0, False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._ask)

    @property
    def watching(self) -> bool:
        return self._timer.isActive()

    def follow(self) -> None:
        self._asked = 0
        self._timer.start()
        self._ask()

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.ended.emit()

    def _ask(self) -> None:
        if self._asking:
            return
        if self._asked >= self._limit:
            self.stop()
            return
        self._asked += 1
        self._asking = True
        queue, job_id = self.job.queue, self.job.job_id
        background.submit(lambda: look(queue, job_id), self._answered, self._failed, context=self)

    def _answered(self, report: JobReport) -> None:
        self._asking = False
        self.last = report
        self.report.emit(report)
        if report.job.finished:
            self.stop()

    def _failed(self, exc: BaseException) -> None:
        self._asking = False
        if not isinstance(exc, ipp.Unreachable | cups.PrintRefused):
            raise exc  # a defect
        # CUPS went away meanwhile: keep asking until the limit; the dialog says so.
