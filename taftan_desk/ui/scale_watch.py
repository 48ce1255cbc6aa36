"""The desk's weighbridge: read off the GUI thread for as long as the desk runs, judged by the
station's rules for a stable weight, and said as it changes (the weight and its state, or
what is wrong with the port), including the silence of a scale that stopped talking."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from taftan_desk.core.scale import Reading, Stability, State, Verdict
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.devices.scale_port import PortState, ScaleReader, now_ms
from taftan_desk.ui import background

LOOK_MS = 250  # how often silence is looked for between frames


@dataclass(frozen=True)
class ScaleNow:
    """What the weighing area shows."""

    verdict: Verdict
    port: str  # the port's state in words ("" while it reads)
    at_ms: int  # when the frame behind the verdict arrived (monotonic ms)


class ScaleWatch(QObject):
    changed = Signal(object)  # ScaleNow

    def __init__(self, settings: StationSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._judge = Stability.of(settings)
        self.now = ScaleNow(Verdict(State.NO_DATA), "", 0)
        self._stream: background.Stream | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_MS)
        self._timer.timeout.connect(self._look)

    def start(self, port: str, protocol: str, baud: int = 9_600) -> None:
        self.stop()
        reader = ScaleReader(port, protocol, baud)
        self._stream = background.stream(
            lambda stop, emit: reader.run(stop, lambda event, at: emit((event, at))),
            self._event,
            context=self,
            name=f"scale {port}",
        )
        self._timer.start()

    def stop(self, wait_s: float = 0.0) -> None:
        """Stop reading; `wait_s`: how long to wait for the reader to let the port go."""
        if self._stream is not None:
            self._stream.cancel()
            if wait_s:
                self._stream.join(wait_s)
            self._stream = None
        self._timer.stop()

    def take(self) -> Verdict | None:
        """The weight to take now: stable by the station's rules, else None."""
        self._look()
        verdict = self.now.verdict
        if self.now.port:  # the port went: nothing it said before counts now
            return None
        return verdict if verdict.state is State.STABLE else None

    def _event(self, item: tuple[Reading | PortState, int]) -> None:
        event, at = item
        if isinstance(event, PortState):
            if not event.open:  # frames before the port went are no window to take from
                self._judge = Stability.of(self._settings)
            verdict = self.now.verdict if event.open else Verdict(State.NO_DATA)
            self._say(ScaleNow(verdict, "" if event.open else event.words(self.tr), at))
            return
        self._say(ScaleNow(self._judge.feed(event, at), self.now.port, at))

    def _look(self) -> None:
        verdict = self._judge.verdict(now_ms())
        if verdict.state is State.NO_DATA and self.now.verdict.state is not State.NO_DATA:
            self._say(ScaleNow(verdict, self.now.port, self.now.at_ms))

    def _say(self, now: ScaleNow) -> None:
        before = self.now
        self.now = now
        if (before.verdict.state, before.verdict.weight_kg, before.port) != (
            now.verdict.state,
            now.verdict.weight_kg,
            now.port,
        ):
            self.changed.emit(now)
