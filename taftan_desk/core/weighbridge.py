"""A weighing at the weighbridge, and where each of its figures came from.

The bridge weighs the whole vehicle: the container's gross is the reading less the vehicle's
tare (tractor and trailer, or the rail wagon), and R1-R3 apply to that gross. A reading is
taken from the scale (a stable weight, with the frames it was judged on) or typed; a vehicle's
tare is remembered from the last time it was weighed empty, or typed (from its papers, or the
tare stencilled on a wagon). Anything typed needs a reason, and says "typed" wherever the
weighing is shown.
"""

import enum
from dataclasses import dataclass

from taftan_desk.core import scale, station_settings, weights
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import FieldProblem, ValidationError
from taftan_desk.core.station_settings import StationSettings

REASON_FIELD = "weight_reason"
MAX_FRAMES_KEPT = 64  # the stability window's frames kept with a weighing (newest last)


class Source(enum.StrEnum):
    SCALE = "scale"  # read from the indicator, stable by the station's rules
    REMEMBERED = "remembered"  # a vehicle tare: the vehicle weighed empty before
    TYPED = "typed"  # typed by the officer, with a reason


class VehicleKind(enum.StrEnum):
    TRUCK = "truck"
    WAGON = "wagon"


class Purpose(enum.StrEnum):
    LOADED = "loaded"  # a crossing's container on its vehicle
    EMPTY = "empty"  # the vehicle alone: its tare, remembered for next time


@dataclass(frozen=True)
class Taken:
    """A stable weight taken from the scale, with its provenance."""

    weight_kg: int
    frames: tuple[bytes, ...]
    scale_id: str
    protocol: str
    interval_kg: int


@dataclass(frozen=True)
class Remembered:
    """A vehicle's tare as it was last weighed empty (or typed for it)."""

    weighing_id: int
    tare_kg: int
    ticket_no: str
    source: Source  # scale or typed
    weighed_on: str  # the local date, for the officer ("27 Nov")
    reason: str = ""  # why it was typed ("" when read from the scale)

    def inherited(self) -> str:
        """A tare typed at its empty weighing stays typed wherever it is used: the reason
        each weighing that takes it carries, naming the ticket it was typed at."""
        if self.source is not Source.TYPED:
            return ""
        return f"Vehicle tare typed at its empty weighing {self.ticket_no}: {self.reason}"


@dataclass(frozen=True)
class Figures:
    """A loaded weighing checked: the container's gross and where its parts came from."""

    bridge_kg: int
    bridge_source: Source
    vehicle_tare_kg: int
    tare_source: Source
    container_gross_kg: int
    reason: str  # "" when nothing was typed

    @property
    def typed(self) -> bool:
        return Source.TYPED in (self.bridge_source, self.tare_source)


def verify_taken(taken: Taken, settings: StationSettings) -> None:
    """A reading said to come from the scale holds only if it came from one of the station's
    weighbridges (when the station names them) in that scale's protocol, and its own frames
    say so: they decode by the protocol with nothing dropped, none in motion or at fault,
    enough of them, all within one scale interval, the last one the weight taken."""
    registered = station_settings.scale_protocols(settings)
    if registered and taken.scale_id not in registered:
        raise ValidationError(
            f"The weight came from scale '{taken.scale_id}', which is not one of the station's "
            f"weighbridges ({', '.join(registered)}): choose the desk's weighbridge again "
            "(File › Weighbridge at this desk…) and take the weight again (F6).",
            field="bridge_kg",
        )
    if registered and registered[taken.scale_id] != taken.protocol:
        raise ValidationError(
            f"Scale '{taken.scale_id}' sends {registered[taken.scale_id]} by the station's "
            f"settings, not {taken.protocol}: choose the desk's weighbridge again "
            "(File › Weighbridge at this desk…) and take the weight again (F6).",
            field="bridge_kg",
        )
    refused = ValidationError(
        "The scale's reading does not agree with the frames it came with: take the weight "
        "from the scale again (F6).",
        field="bridge_kg",
    )
    try:
        decoder = scale.decoder(taken.protocol)
    except ValueError:
        raise refused from None
    readings = decoder.feed(b"".join(taken.frames)) + decoder.finish()
    weighed = [r.weight_kg for r in readings if r.weight_kg is not None]
    if (
        decoder.dropped
        or len(readings) < settings.scale_stable_frames
        or len(weighed) != len(readings)
        or any(r.motion or r.fault for r in readings)
        or max(weighed) - min(weighed) > settings.scale_interval_kg
        or weighed[-1] != taken.weight_kg
        or taken.weight_kg < settings.scale_min_load_kg
        or taken.interval_kg != settings.scale_interval_kg
    ):
        raise refused


def bridge_source(bridge_kg: int | None, taken: Taken | None) -> Source:
    """Read from the scale only while the figure is the one the scale gave."""
    if taken is not None and bridge_kg == taken.weight_kg:
        return Source.SCALE
    return Source.TYPED


def tare_source(vehicle_tare_kg: int | None, remembered: Remembered | None) -> Source:
    if remembered is not None and vehicle_tare_kg == remembered.tare_kg:
        return Source.REMEMBERED
    return Source.TYPED


def reason_needed(*sources: Source) -> bool:
    return Source.TYPED in sources


def clean_reason(reason: str) -> str:
    return free_text.clean_reason(
        reason,
        REASON_FIELD,
        "Say why the weight was typed rather than read from the scale "
        "(e.g. 'scale out of order', 'tare from the wagon's stencil').",
    )


def loaded(
    bridge_text: str | int,
    vehicle_tare_text: str | int,
    taken: Taken | None,
    remembered: Remembered | None,
    reason: str,
) -> Figures | None:
    """The container's gross from a weighbridge reading and the vehicle's tare; None when
    neither is given. Problems are named by field, all at once."""
    problems: list[FieldProblem] = []

    def kg(value: str | int, field: str, label: str) -> int | None:
        try:
            return weights.parse_kg(value, field, label, required=False)
        except ValidationError as exc:
            problems.extend(exc.problems)
            return None

    bridge = kg(bridge_text, "bridge_kg", "weighbridge reading")
    vehicle = kg(vehicle_tare_text, "vehicle_tare_kg", "vehicle tare")
    blank = {
        f
        for f, v in (("bridge_kg", bridge_text), ("vehicle_tare_kg", vehicle_tare_text))
        if not str(v).strip()
    }
    if len(blank) == 2:
        return None
    if "bridge_kg" in blank:
        problems.append(FieldProblem("bridge_kg", "Take the weighbridge reading (F6), or type it."))
    if "vehicle_tare_kg" in blank:
        problems.append(
            FieldProblem(
                "vehicle_tare_kg",
                "Enter the vehicle's tare (tractor and trailer, or the wagon): it is not "
                "remembered for this vehicle. Weigh it empty, or type it from its papers.",
            )
        )
    if bridge is not None and vehicle is not None and vehicle >= bridge:
        problems.append(
            FieldProblem(
                "vehicle_tare_kg",
                f"The vehicle's tare ({vehicle:,} kg) is not less than the weighbridge "
                f"reading ({bridge:,} kg): check the reading and which vehicle this is.",
            )
        )
    sources = (bridge_source(bridge, taken), tare_source(vehicle, remembered))
    cleaned = ""
    if reason_needed(*sources) and not problems:
        try:
            cleaned = clean_reason(reason)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    assert bridge is not None and vehicle is not None
    tare = sources[1]
    if tare is Source.REMEMBERED and remembered and (inherited := remembered.inherited()):
        # Typed once, typed wherever it is used: no new reason asked, the old one carried
        # (whole: the officer's own is what gives way to the length).
        room = free_text.REASON_LENGTH - len(inherited) - 3
        cleaned = f"{cleaned[:room]} · {inherited}" if cleaned else inherited
        tare = Source.TYPED
    reason = cleaned[: free_text.REASON_LENGTH]
    return Figures(bridge, sources[0], vehicle, tare, bridge - vehicle, reason)


def show_frame(raw: bytes) -> str:
    """A frame as text a person can read and compare with the indicator's manual: control
    bytes by name (<STX>, <CR>), any other byte outside printable ASCII as <xNN>."""
    names = {0x02: "<STX>", 0x03: "<ETX>", 0x0D: "<CR>", 0x0A: "<LF>"}
    return "".join(
        names.get(b) or (chr(b) if 0x20 <= b < 0x7F and b != 0x3C else f"<x{b:02X}>") for b in raw
    )


def show_frames(frames: tuple[bytes, ...]) -> str:
    return "\n".join(show_frame(f) for f in frames[-MAX_FRAMES_KEPT:])
