"""Weighbridge indicators' continuous output, decoded, and the stable weight taken from it.

Three families (see ../shared/docs/domain.md §12), each decoded from a byte stream that may
split a frame across reads or carry several frames in one:

- `xk3190`: Yaohua XK3190 continuous (tF=0): STX, sign, 6 digits, decimals (0-4), two ASCII
  hex characters (XOR of the 8 bytes after STX), ETX. No stable flag: stability is judged here.
- `toledo`: Mettler Toledo continuous: STX, status words A B C, 6 weight digits, 6 tare
  digits, CR, and an optional checksum (all bytes from STX summed, low 7 bits, are 0). Bytes
  are masked to 7 bits (7E1 and 8N1 ports alike).
- `st-gs`: `ST,GS,+0024320kg` CR LF (A&D and many others): ST stable, US unstable, OL
  overload (UL, TL too); GS gross, NT net. No checksum: the exact pattern and length only.

A frame that fails its checksum or framing is dropped and counted, never read as a weight.
"""

import enum
import re
from collections import deque
from dataclasses import dataclass, field
from functools import reduce

from taftan_desk.core.station_settings import StationSettings

STX, ETX, CR, LF = 0x02, 0x03, 0x0D, 0x0A
MAX_BUFFER = 4_096  # bytes kept while no frame starts: garbage never grows without bound


class Fault(enum.StrEnum):
    """Why a frame holds no weight to take, in the officer's words."""

    OVERLOAD = "overload"
    UNDER_ZERO = "under zero"
    NET_MODE = "net mode (the indicator shows net: switch it to gross)"
    NOT_ZEROED = "not zeroed since power-up"
    NOT_KG = "not in kilograms"


@dataclass(frozen=True, slots=True)
class Reading:
    """One frame as the indicator sent it."""

    weight_kg: int | None  # gross in whole kilograms; None when the frame carries none
    motion: bool | None  # None: the protocol does not say (xk3190)
    fault: Fault | None
    raw: bytes


@dataclass
class Decoder:
    """Bytes in, readings out; `dropped` counts frames refused for checksum or framing."""

    name: str = ""
    dropped: int = 0
    _buffer: bytearray = field(default_factory=bytearray)

    def feed(self, data: bytes) -> list[Reading]:
        self._buffer += data
        found: list[Reading] = []
        while True:
            taken = self._next()
            if taken is None:
                break
            if taken is not _SKIPPED:
                found.append(taken)  # type: ignore[arg-type]
        if len(self._buffer) > MAX_BUFFER:
            self.dropped += 1
            del self._buffer[:-64]
        return found

    def finish(self) -> list[Reading]:
        """The end of the stream: a frame still waiting to know how it ends is read now."""
        return []

    def _next(self) -> "Reading | object | None":  # pragma: no cover - each protocol's own
        raise NotImplementedError

    def _drop(self, length: int) -> object:
        """Refuse a frame (or the garbage before one): counted, its bytes skipped."""
        self.dropped += 1
        del self._buffer[:length]
        return _SKIPPED


_SKIPPED = object()


class XK3190(Decoder):
    """Yaohua XK3190-A9/DS1 continuous output, 12 bytes a frame."""

    def __init__(self) -> None:
        super().__init__("xk3190")

    def _next(self) -> Reading | object | None:
        buf = self._buffer
        start = buf.find(STX)
        if start < 0:
            if buf:
                self._drop(len(buf))  # no frame starts here: garbage
            return None
        if start:
            return self._drop(start)
        if len(buf) < 12:
            return None
        frame = bytes(buf[:12])
        body, check = frame[1:9], frame[9:11]
        ok = (
            frame[11] == ETX
            and body[:1] in (b"+", b"-")
            and body[1:8].isdigit()
            and int(body[7:8]) <= 4
            and re.fullmatch(rb"[0-9A-F]{2}", check) is not None
            and reduce(lambda a, b: a ^ b, body) == int(check, 16)
        )
        if not ok:
            return self._drop(1)  # resynchronise on the next STX
        del buf[:12]
        digits, decimals = int(body[1:7]), int(body[7:8])
        if decimals:  # a display with a decimal point is not whole kilograms
            return Reading(None, None, Fault.NOT_KG, frame)
        if body[:1] == b"-":
            return Reading(-digits, None, Fault.UNDER_ZERO if digits else None, frame)
        return Reading(digits, None, None, frame)


_SEVEN_BITS = bytes(b & 0x7F for b in range(256))
# Mettler Toledo status word A bits 0-2: where the decimal point is (10**n multiplier).
_TOLEDO_SCALE = {0: 100, 1: 10, 2: 1}


class Toledo(Decoder):
    """Mettler Toledo continuous output: 17 bytes a frame, 18 with its checksum."""

    def __init__(self) -> None:
        super().__init__("toledo")

    def finish(self) -> list[Reading]:
        """A last frame without a checksum waits for the next STX: as if it came."""
        return self.feed(bytes([STX]))

    def _next(self) -> Reading | object | None:
        buf = self._buffer
        start = buf.translate(_SEVEN_BITS).find(STX)  # STX with its parity bit set too
        if start < 0:
            if buf:
                self._drop(len(buf))
            return None
        if start:
            return self._drop(start)
        if len(buf) < 18:  # the byte after CR tells whether a checksum follows
            return None
        frame = bytes(b & 0x7F for b in buf[:17])
        if frame[16] != CR or not frame[4:16].isdigit():
            return self._drop(1)
        after = buf[17] & 0x7F
        length = 17
        if after != STX:  # a checksum byte
            length = 18
            if sum(b & 0x7F for b in buf[:18]) & 0x7F:
                return self._drop(1)
        raw = bytes(buf[:length])
        del buf[:length]
        swa, swb = frame[1], frame[2]
        multiplier = _TOLEDO_SCALE.get(swa & 0b111)
        if multiplier is None or not swb & 0b1_0000:  # decimals, or pounds
            return Reading(None, None, Fault.NOT_KG, raw)
        weight = int(frame[4:10]) * multiplier
        motion = bool(swb & 0b1000)
        if swb & 0b100:
            return Reading(None, motion, Fault.OVERLOAD, raw)
        if swb & 0b100_0000:
            return Reading(weight, motion, Fault.NOT_ZEROED, raw)
        if swb & 0b1:
            return Reading(weight, motion, Fault.NET_MODE, raw)
        if swb & 0b10:
            return Reading(-weight, motion, Fault.UNDER_ZERO if weight else None, raw)
        return Reading(weight, motion, None, raw)


_ST_GS = re.compile(rb"(ST|US|OL|UL|TL),(GS|NT),([+-])([0-9 ]{7})(kg)")


class StGs(Decoder):
    """`ST,GS,+0024320kg` CR LF lines: 16 characters before CR LF, nothing else."""

    def __init__(self) -> None:
        super().__init__("st-gs")

    def _next(self) -> Reading | object | None:
        buf = self._buffer
        end = buf.find(b"\r\n")
        if end < 0:
            if len(buf) > 64:  # far longer than a line: garbage without an end
                return self._drop(len(buf) - 18)
            return None
        line = bytes(buf[:end])
        del buf[: end + 2]
        match = _ST_GS.fullmatch(line)
        if match is None:
            if line:
                self.dropped += 1
            return _SKIPPED
        head, mode, sign, digits, _unit = match.groups()
        raw = line + b"\r\n"
        if head in (b"OL", b"UL"):
            return Reading(None, None, Fault.OVERLOAD if head == b"OL" else Fault.UNDER_ZERO, raw)
        weight = int(digits.replace(b" ", b"0")) * (-1 if sign == b"-" else 1)
        motion = head != b"ST"
        if mode == b"NT":
            return Reading(weight, motion, Fault.NET_MODE, raw)
        if weight < 0:
            return Reading(weight, motion, Fault.UNDER_ZERO, raw)
        return Reading(weight, motion, None, raw)


PROTOCOLS: dict[str, type[Decoder]] = {"xk3190": XK3190, "toledo": Toledo, "st-gs": StGs}


def decoder(name: str) -> Decoder:
    try:
        return PROTOCOLS[name]()
    except KeyError:
        raise ValueError(
            f"unknown scale protocol {name!r}: choose one of {', '.join(PROTOCOLS)}"
        ) from None


class State(enum.StrEnum):
    NO_DATA = "no data"
    EMPTY = "below the minimum load"
    MOTION = "in motion"
    SETTLING = "settling"
    STABLE = "stable"
    FAULT = "fault"


@dataclass(frozen=True)
class Verdict:
    state: State
    weight_kg: int | None = None  # the weight to take (stable) or shown (settling, motion)
    fault: Fault | None = None
    frames: tuple[bytes, ...] = ()  # the window's raw frames, kept with a weighing


@dataclass
class Stability:
    """A weight is taken only when the indicator (where it can say) says stable and every
    frame for `window_ms` (at least `min_frames` of them) lies within one scale interval,
    above `min_load_kg`; a frame older than `silence_ms` is no data."""

    interval_kg: int = 20
    window_ms: int = 2_000
    min_frames: int = 6
    min_load_kg: int = 200
    silence_ms: int = 2_000
    _window: deque[tuple[int, Reading]] = field(default_factory=deque)
    _last: tuple[int, Reading] | None = None

    @property
    def max_gap_ms(self) -> int:
        """The longest wait between two frames of one window: twice the spacing the rule
        asks for (min_frames over window_ms); a longer gap starts the window again."""
        return 2 * self.window_ms // self.min_frames

    @classmethod
    def of(cls, settings: StationSettings) -> "Stability":
        """The station's rules for a stable weight."""
        return cls(
            interval_kg=settings.scale_interval_kg,
            window_ms=settings.scale_stable_ms,
            min_frames=settings.scale_stable_frames,
            min_load_kg=settings.scale_min_load_kg,
            silence_ms=settings.scale_silence_ms,
        )

    def feed(self, reading: Reading, at_ms: int) -> Verdict:
        self._last = (at_ms, reading)
        if reading.fault is not None or reading.weight_kg is None:
            self._window.clear()
            return Verdict(State.FAULT, reading.weight_kg, reading.fault)
        weight = reading.weight_kg
        if reading.motion:
            self._window.clear()
            return Verdict(State.MOTION, weight)
        if weight < self.min_load_kg:
            self._window.clear()
            return Verdict(State.EMPTY, weight)
        window = self._window
        if window and at_ms - window[-1][0] > self.max_gap_ms:
            window.clear()  # frames missed: what was not seen was not stable
        while window and abs(window[0][1].weight_kg - weight) > self.interval_kg:  # type: ignore[operator]
            window.popleft()  # an older frame outside one interval: settling starts again
        if any(abs(r.weight_kg - weight) > self.interval_kg for _, r in window):  # type: ignore[operator]
            window.clear()
        window.append((at_ms, reading))
        while len(window) > self.min_frames and at_ms - window[1][0] >= self.window_ms:
            window.popleft()  # the window keeps what makes it: the last window_ms of frames
        return self.verdict(at_ms)

    def verdict(self, now_ms: int) -> Verdict:
        """The state now: a scale that went quiet is no data, whatever it said last."""
        if self._last is None or now_ms - self._last[0] > self.silence_ms:
            self._window.clear()
            return Verdict(State.NO_DATA)
        _, last = self._last
        if last.fault is not None or last.weight_kg is None:
            return Verdict(State.FAULT, last.weight_kg, last.fault)
        if last.motion:
            return Verdict(State.MOTION, last.weight_kg)
        if last.weight_kg < self.min_load_kg:
            return Verdict(State.EMPTY, last.weight_kg)
        # Every frame in the window lies within one interval of every later one (feed).
        window = self._window
        span = window[-1][0] - window[0][0] if window else 0
        if len(window) >= self.min_frames and span >= self.window_ms:
            return Verdict(State.STABLE, last.weight_kg, None, tuple(r.raw for _, r in window))
        return Verdict(State.SETTLING, last.weight_kg)


def encode(protocol: str, weight_kg: int, *, motion: bool = False) -> bytes:
    """One frame as the protocol's indicator sends it (the simulator's, and the tests'):
    xk3190 has no motion flag; toledo's is status word B bit 3; st-gs says US."""
    sign = "-" if weight_kg < 0 else "+"
    digits = abs(weight_kg)
    if protocol == "xk3190":
        body = f"{sign}{digits:06d}0".encode()
        return b"\x02" + body + b"%02X" % reduce(lambda a, b: a ^ b, body) + b"\x03"
    if protocol == "toledo":
        swb = 0b1_0000 | (0b1000 if motion else 0) | (0b10 if weight_kg < 0 else 0)
        frame = bytes([STX, 0x20 | 0b010, 0x20 | swb, 0x20]) + b"%06d000000\r" % digits
        return frame + bytes([-sum(frame) & 0x7F])
    if protocol == "st-gs":
        return f"{'US' if motion else 'ST'},GS,{sign}{digits:07d}kg\r\n".encode()
    raise ValueError(f"unknown scale protocol {protocol!r}: choose one of {', '.join(PROTOCOLS)}")
