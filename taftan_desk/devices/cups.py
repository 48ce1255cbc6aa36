"""The desk's print spooler (CUPS): what a queue is doing, sending a PDF, following a job.

Reads go through IPP (taftan_desk.devices.ipp); a job is sent with `lp` and cancelled with
`cancel`, under LANG=C so their answers can be read. Every call is bounded by a few seconds:
`send` runs while the station's write lock is held (the copy is recorded only if the spooler
took it). Messages here are English for logs and the command line; screens word their own.
"""

import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from taftan_desk.core.errors import DeskError
from taftan_desk.devices import ipp

LP_TIMEOUT_S = 5.0

_PRINTER_STATES = {3: "idle", 4: "printing", 5: "stopped"}
_JOB_STATES = {
    3: "pending",
    4: "held",
    5: "processing",
    6: "stopped",
    7: "cancelled",
    8: "aborted",
    9: "completed",
}
FINISHED = ("cancelled", "aborted", "completed")
_QUIET_REASONS = {"none", "paused", "cups-waiting-for-job-completed"}


class PrintRefused(DeskError):
    """The spooler did not take the job: nothing was printed and nothing may be counted."""


@dataclass(frozen=True)
class QueueState:
    """A print queue as the scheduler reports it. `reachable` False: no answer at all;
    `found` False: the scheduler has no queue of that name."""

    name: str
    reachable: bool = True
    found: bool = True
    state: str = "idle"  # idle / printing / stopped
    accepting: bool = True
    reasons: tuple[str, ...] = ()
    message: str = ""
    waiting: int = 0  # jobs not yet completed
    error: str = ""  # why it could not be reached

    @property
    def problem(self) -> str | None:
        """Why a job sent now would not print, as a code; None when it would."""
        if not self.reachable:
            return "unreachable"
        if not self.found:
            return "missing"
        if not self.accepting:
            return "rejecting"
        if self.state == "stopped":
            return "stopped"
        return None

    @property
    def why(self) -> str:
        """The scheduler's own reason, in its words (may be empty)."""
        reasons = [r for r in self.reasons if r not in _QUIET_REASONS]
        return self.message or ", ".join(reasons)

    def describe(self) -> str:
        """In English, for the command line and logs."""
        why = f" ({self.why})" if self.why else ""
        return {
            "unreachable": f"the print service does not answer ({self.error})",
            "missing": f"there is no printer {self.name}",
            "rejecting": f"the printer {self.name} is not accepting jobs{why}",
            "stopped": f"the printer {self.name} is stopped{why}",
        }.get(self.problem or "", f"the printer {self.name} is {self.state}")


@dataclass(frozen=True)
class JobState:
    queue: str
    job_id: int
    state: str  # pending / held / processing / stopped / cancelled / aborted / completed
    started: bool  # the scheduler began processing it (paper may have come out)
    sheets: int  # impressions the printer reported done
    message: str = ""

    @property
    def name(self) -> str:
        return f"{self.queue}-{self.job_id}"

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    @property
    def unprinted(self) -> bool:
        """The scheduler vouches that no paper came out: cancelled or aborted before it ever
        started processing."""
        return self.state in ("cancelled", "aborted") and not self.started and self.sheets == 0


def queues() -> list[str]:
    """The scheduler's queues; raises ipp.Unreachable when it does not answer."""
    reply = ipp.request(
        ipp.CUPS_GET_PRINTERS,
        [*ipp.base_attributes(), ipp.keywords("requested-attributes", "printer-name")],
    )
    printers = reply.all(ipp.PRINTER_GROUP)
    names = [str(p["printer-name"][0]) for p in printers if p.get("printer-name")]
    return sorted(names, key=str.lower)


def queue_state(name: str) -> QueueState:
    """Never raises for an absent scheduler or queue: that is a state too."""
    wanted = ipp.keywords(
        "requested-attributes",
        "printer-state",
        "printer-state-reasons",
        "printer-state-message",
        "printer-is-accepting-jobs",
        "queued-job-count",
    )
    try:
        reply = ipp.request(ipp.GET_PRINTER_ATTRIBUTES, [*ipp.base_attributes(name), wanted])
    except ipp.Unreachable as exc:
        return QueueState(name, reachable=False, error=str(exc))
    if reply.status > ipp.OK_MAX:
        return QueueState(name, found=False)
    found = reply.group(ipp.PRINTER_GROUP)
    return QueueState(
        name,
        state=_PRINTER_STATES.get(_first(found, "printer-state", 3), "idle"),  # type: ignore[arg-type]
        accepting=bool(_first(found, "printer-is-accepting-jobs", True)),
        reasons=tuple(str(r) for r in found.get("printer-state-reasons", []) if r),
        message=str(_first(found, "printer-state-message", "") or ""),
        waiting=int(_first(found, "queued-job-count", 0) or 0),  # type: ignore[call-overload]
    )


def job_state(queue: str, job_id: int) -> JobState:
    """Raises ipp.Unreachable when the scheduler does not answer, PrintRefused when it does
    not know the job."""
    wanted = ipp.keywords(
        "requested-attributes",
        "job-state",
        "time-at-processing",
        "job-impressions-completed",
        "job-printer-state-message",
    )
    attrs = [*ipp.base_attributes(queue), ipp.integer("job-id", job_id), wanted]
    reply = ipp.request(ipp.GET_JOB_ATTRIBUTES, attrs)
    job = reply.group(ipp.JOB_GROUP)
    if reply.status > ipp.OK_MAX or "job-state" not in job:
        raise PrintRefused(f"the print service has no job {queue}-{job_id}")
    started = _first(job, "time-at-processing", None)
    return JobState(
        queue,
        job_id,
        _JOB_STATES.get(_first(job, "job-state", 3), "pending"),  # type: ignore[arg-type]
        started=isinstance(started, int) and started > 0,
        sheets=int(_first(job, "job-impressions-completed", 0) or 0),  # type: ignore[call-overload]
        message=str(_first(job, "job-printer-state-message", "") or ""),
    )


def jobs_ahead(queue: str, job_id: int) -> int:
    """How many unfinished jobs of the queue were sent before this one."""
    attrs = [
        *ipp.base_attributes(queue),
        ipp.keywords("which-jobs", "not-completed"),
        ipp.keywords("requested-attributes", "job-id"),
    ]
    reply = ipp.request(ipp.GET_JOBS, attrs)
    ids = [j["job-id"][0] for j in reply.all(ipp.JOB_GROUP) if j.get("job-id")]
    return sum(1 for other in ids if isinstance(other, int) and other < job_id)


def _first(attrs: dict[str, list[object]], name: str, default: object) -> object:
    values = attrs.get(name)
    return values[0] if values and values[0] is not None else default


def media(size: str, width_pt: float, height_pt: float) -> str:
    """The `media` option that keeps a page as drawn: A4 and A5 by name, the 80 mm roll as
    the document's own page (a custom size in millimetres)."""
    if size in ("a4", "a5"):
        return size.upper()
    return f"Custom.{width_pt * 25.4 / 72:.1f}x{height_pt * 25.4 / 72:.1f}mm"


_REQUEST_ID = re.compile(r"request id is (\S+)-(\d+)\b")


def send(pdf: bytes, title: str, queue: str, media_option: str) -> JobState:
    """Hand a PDF to the queue; the job as accepted comes back. Raises PrintRefused when the
    spooler did not take it (so nothing is counted)."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintRefused("this desk cannot print: the CUPS `lp` command is not installed")
    argv = ["lp", "-d", queue, "-t", title, "-o", f"media={media_option}"]
    argv += ["-o", "print-scaling=none", "-o", "fit-to-page=false", "-"]
    try:
        done = subprocess.run(
            argv,
            executable=lp,
            input=pdf,
            capture_output=True,
            timeout=LP_TIMEOUT_S,
            env=_c_locale(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintRefused(f"the print service did not take the job ({exc})") from exc
    said = done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")
    found = _REQUEST_ID.search(said)
    if done.returncode != 0 or found is None:
        reason = said.strip().removeprefix("lp: ") or f"lp exit {done.returncode}"
        raise PrintRefused(f"the printer {queue} did not take the job ({reason})")
    return JobState(found.group(1), int(found.group(2)), "pending", started=False, sheets=0)


def cancel(queue: str, job_id: int) -> None:
    """Ask the scheduler to cancel a job; raises PrintRefused when it says no."""
    tool = shutil.which("cancel")
    if tool is None:
        raise PrintRefused("the CUPS `cancel` command is not installed")
    try:
        done = subprocess.run(
            ["cancel", f"{queue}-{job_id}"],
            executable=tool,
            capture_output=True,
            timeout=LP_TIMEOUT_S,
            env=_c_locale(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintRefused(f"the print service did not answer ({exc})") from exc
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().removeprefix("cancel: ")
        raise PrintRefused(f"job {queue}-{job_id} was not cancelled ({reason})")


def _c_locale() -> dict[str, str]:
    return {**os.environ, "LANG": "C", "LC_ALL": "C", "LANGUAGE": ""}
