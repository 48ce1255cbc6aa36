"""A weighbridge indicator on a serial port (a USB-serial adapter too), and a simulated one
on a pseudo-terminal for tests, demos and training.

`ScaleReader.run` is the long-running reader: it opens the port, decodes what comes, and
hands each reading (or a change of the port's state, in words) to `emit`; a port that is
unplugged or gone is opened again by itself every second until `stop` is set. It never
raises for the port's faults. A port's state is said in English for logs and the command
line, or through the desk's translation (`PortState.words`).
"""

import contextlib
import os
import random
import threading
import time
import tty
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from taftan_desk.core import scale
from taftan_desk.core.scale import Reading, Stability, State, Verdict

RETRY_S = 1.0
READ_TIMEOUT_S = 0.2


def _same(text: str) -> str:
    return text


class PortFault(StrEnum):
    GONE = "gone"  # no such device: the adapter is unplugged
    WENT_AWAY = "went away"  # it was open and stopped answering
    OTHER = "other"  # the system's own words (`detail`)


@dataclass(frozen=True)
class PortState:
    """The port's state changed: open, or why it is not."""

    open: bool
    port: str
    protocol: str = ""
    fault: PortFault | None = None
    detail: str = ""  # the system's words, for OTHER

    def words(self, translate: Callable[[str], str] = _same) -> str:
        """In English by default (logs, the command line); `translate` is the edge's tr (the
        template goes through it, the values are filled in after)."""
        if self.open:
            return translate("{port} open ({protocol})").format(
                port=self.port, protocol=self.protocol
            )
        if self.fault is PortFault.GONE:
            template = translate(
                "{port}: the port is gone (cable unplugged?); trying again every {s} s"
            )
        elif self.fault is PortFault.WENT_AWAY:
            template = translate(
                "{port}: the device went away (cable unplugged?); trying again every {s} s"
            )
        else:
            template = translate("{port}: {detail}; trying again every {s} s")
        return template.format(port=self.port, detail=self.detail, s=f"{RETRY_S:g}")


Event = Reading | PortState
Emit = Callable[[Event, int], None]  # the event and when it came (monotonic ms)


def now_ms() -> int:
    return time.monotonic_ns() // 1_000_000


@dataclass
class ScaleReader:
    port: str
    protocol: str
    baud: int = 9_600

    def run(self, stop: threading.Event, emit: Emit) -> None:
        """Reads until `stop` is set; a port fault is said (PortState) and retried."""
        import serial

        decoder = scale.decoder(self.protocol)
        said: PortState | None = None
        while not stop.is_set():
            try:
                with serial.Serial(self.port, self.baud, timeout=READ_TIMEOUT_S) as line:
                    emit(PortState(True, self.port, self.protocol), now_ms())
                    said = None
                    while not stop.is_set():
                        # Whatever has come, as soon as it comes: read(n) would wait for n
                        # bytes (or the timeout) and hold a frame back.
                        data = line.read(1)
                        if data and line.in_waiting:
                            data += line.read(line.in_waiting)
                        at = now_ms()
                        for reading in decoder.feed(data):
                            emit(reading, at)
            except (OSError, serial.SerialException) as exc:
                state = _fault(self.port, self.protocol, exc)
                if state != said:
                    emit(state, now_ms())
                    said = state
                stop.wait(RETRY_S)


def _fault(port: str, protocol: str, exc: BaseException) -> PortState:
    text = str(exc)
    if "No such file" in text or "could not open port" in text:
        return PortState(False, port, protocol, PortFault.GONE)
    if "device reports readiness to read but returned no data" in text:
        return PortState(False, port, protocol, PortFault.WENT_AWAY)
    return PortState(False, port, protocol, PortFault.OTHER, text or type(exc).__name__)


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict  # STABLE with its weight, or the last state seen
    port_problem: str | None = None  # the port's last fault, when it had one


def first_stable(
    port: str,
    protocol: str,
    timeout_s: float,
    judge: Stability | None = None,
    baud: int = 9_600,
) -> Outcome:
    """The first stable reading within `timeout_s`, or the last state seen (why none came)."""
    judge = judge or Stability()
    stop = threading.Event()
    found: list[Verdict] = []
    port_words: list[str] = []

    def emit(event: Event, at: int) -> None:
        if isinstance(event, PortState):
            if not event.open:
                port_words.append(event.words())
            return
        verdict = judge.feed(event, at)
        if verdict.state is State.STABLE:
            found.append(verdict)
            stop.set()

    reader = threading.Thread(
        target=ScaleReader(port, protocol, baud).run, args=(stop, emit), daemon=True
    )
    reader.start()
    reader.join(timeout_s)
    stop.set()
    reader.join(RETRY_S + READ_TIMEOUT_S + 1)
    if found:
        return Outcome(found[0])
    return Outcome(judge.verdict(now_ms()), port_words[-1] if port_words else None)


class Simulator:
    """A scale on a pseudo-terminal: its path is `port`; `run` streams frames, a vehicle
    rolling on (motion) for `settle_ms`, then standing at `weight_kg`, its display flickering over
    `noise_kg` above it in whole intervals (more than one interval never settles), `rate_hz`
    frames a second."""

    def __init__(
        self,
        protocol: str,
        weight_kg: int,
        *,
        noise_kg: int = 0,
        settle_ms: int = 2_000,
        rate_hz: float = 5.0,
        interval_kg: int = 20,
        seed: int | None = None,
    ) -> None:
        scale.decoder(protocol)  # an unknown protocol is refused before a pty is opened
        self.protocol, self.weight_kg, self.noise_kg = protocol, weight_kg, noise_kg
        self.settle_ms, self.rate_hz, self.interval_kg = settle_ms, rate_hz, interval_kg
        self._random = random.Random(seed)
        self._master, slave = os.openpty()
        tty.setraw(slave)  # bytes pass as they are: no echo, no CR/LF translation
        os.set_blocking(self._master, False)  # unread frames are lost, as on a real line
        self.port = os.ttyname(slave)
        self._slave = slave  # kept open, so the port exists until the simulator ends
        self._fds: tuple[int, ...] = (self._master, slave)

    def frames(self, elapsed_ms: int) -> bytes:
        if elapsed_ms < self.settle_ms:  # rolling on: the weight climbs, in motion
            share = elapsed_ms / max(self.settle_ms, 1)
            weight = int(self.weight_kg * share) // self.interval_kg * self.interval_kg
            return scale.encode(self.protocol, weight, motion=True)
        steps = self.noise_kg // self.interval_kg  # flicker across `noise_kg` of display
        offset = self._random.randint(0, steps) * self.interval_kg if steps else 0
        return scale.encode(self.protocol, self.weight_kg + offset)

    def run(self, stop: threading.Event, seconds: float | None = None) -> None:
        start = time.monotonic()
        while not stop.is_set():
            elapsed = time.monotonic() - start
            if seconds is not None and elapsed >= seconds:
                return
            try:
                os.write(self._master, self.frames(int(elapsed * 1000)))
            except BlockingIOError:
                pass  # nobody reads the port: the frame is lost
            except OSError:
                return
            stop.wait(1 / self.rate_hz)

    def close(self) -> None:
        """Once: a descriptor closed twice could be another file's by then."""
        fds, self._fds = self._fds, ()
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)
