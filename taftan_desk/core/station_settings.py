"""Typed station settings with their defaults declared once.

They live in the database so every desk of a station agrees; this module only knows their
names, types, defaults and limits.
"""

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from taftan_desk.core import text as free_text
from taftan_desk.core.errors import ValidationError


@dataclass(frozen=True)
class StationSettings:
    station_code: str = "TFT"
    station_name: str = "Taftan (Bazarcha Border Terminal)"
    timezone: str = "Asia/Karachi"
    cargo_limit_kg: int = 22_000
    default_max_gross_kg: int = 30_480
    r3_tolerance_bp: int = 500  # basis points of the declared net: 500 = 5 %
    r3_min_tolerance_kg: int = 500
    scale_interval_kg: int = 20
    # A weighbridge weight is taken when every frame for this long (at least this many
    # frames) lies within one interval, above the minimum load; silence this long is no data.
    scale_stable_ms: int = 2_000
    scale_stable_frames: int = 6
    scale_min_load_kg: int = 200
    scale_silence_ms: int = 2_000
    # The station's weighbridges, each with the protocol its indicator is set to send:
    # "Bazarcha bridge 1=xk3190; Rail bridge=toledo". A weight said to come from a scale
    # counts only from one of these, in its protocol. Empty: each desk names its own.
    scales: str = ""
    # A vehicle weighed empty this far from its previous tare is shown to the supervisor in
    # the daily report: a heavier tare makes every container it carries lighter.
    tare_change_kg: int = 500
    random_rate_bp: int = 500  # share of crossings drawn for examination: 500 = 5 %
    random_seed: str = ""
    shift_starts: tuple[str, ...] = ("06:00", "14:00", "22:00")
    require_weighing_for_release: bool = True
    lockout_attempts: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 5
    exit_validity_hours: int = 24  # a gate pass lets the truck out this long after release
    demo_station: bool = False  # filled by `taftan-desk demo`; never holds evidence
    # Where a shift's sign-off writes its anchor file (a USB stick, a share); "": none set.
    anchor_folder: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def shift_times(self) -> list[time]:
        return sorted(time.fromisoformat(s) for s in self.shift_starts)


# Bounds that keep a mistyped setting from silently disabling a check.
_INT_LIMITS: dict[str, tuple[int, int]] = {
    "cargo_limit_kg": (1_000, 60_000),
    "default_max_gross_kg": (10_000, 60_000),
    "r3_tolerance_bp": (0, 5_000),
    "r3_min_tolerance_kg": (0, 5_000),
    "scale_interval_kg": (1, 100),
    "scale_stable_ms": (500, 30_000),
    "scale_stable_frames": (2, 200),
    "scale_min_load_kg": (0, 20_000),
    "scale_silence_ms": (500, 30_000),
    "tare_change_kg": (0, 20_000),
    "random_rate_bp": (0, 10_000),
    "lockout_attempts": (1, 100),
    "lockout_minutes": (1, 24 * 60),
    "idle_lock_minutes": (1, 120),
    "exit_validity_hours": (1, 14 * 24),
}
_STATION_CODE = re.compile(r"[A-Z]{3,5}", re.ASCII)
_HHMM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]", re.ASCII)
_WHOLE = re.compile(r"-?[0-9]+", re.ASCII)
# IANA names: "Asia/Karachi", "America/Port-au-Prince", "Etc/GMT+5"; the longest is 32.
_ZONE = re.compile(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", re.ASCII)
MAX_ZONE_LENGTH = 64

FIELD_NAMES = tuple(f.name for f in dataclasses.fields(StationSettings) if f.name != "extra")


def coerce(name: str, value: object) -> object:
    """Turn a stored or typed value into the setting's type, or raise ValidationError."""
    if name not in FIELD_NAMES:
        raise ValidationError(f"There is no station setting called '{name}'.", field=name)
    default = getattr(StationSettings(), name)
    if isinstance(default, bool):
        return _coerce_bool(name, value)
    if isinstance(default, int):
        return _coerce_int(name, value)
    if isinstance(default, tuple):
        return _coerce_shifts(name, value)
    return _coerce_text(name, str(value))


def _coerce_bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValidationError(f"{name} must be yes or no, not '{value}'.", field=name)


def _coerce_int(name: str, value: object) -> int:
    low, high = _INT_LIMITS[name]
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        number = _whole_number(name, value, len(str(high)))
    if not low <= number <= high:
        got = f"{number:,}" if abs(number) < 10**18 else "a far larger number"
        raise ValidationError(
            f"{name} must be between {low:,} and {high:,}; got {got}.", field=name
        )
    return number


def _whole_number(name: str, value: object, max_digits: int) -> int:
    """Digits 0-9 only, read without int()'s 4,300-digit failure for a pasted flood."""
    text = str(value).strip().replace(",", "").replace("_", "")
    if isinstance(value, bool) or not _WHOLE.fullmatch(text):
        if any(ch.isdecimal() and not ch.isascii() for ch in text):
            raise ValidationError(
                f"{name} must be typed with the digits 0-9, not '{free_text.shown(text)}' "
                "(digits of another script): switch the keyboard to English digits.",
                field=name,
            )
        raise ValidationError(
            f"{name} must be a whole number, not '{free_text.shown(str(value))}'.", field=name
        )
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("-").lstrip("0") or "0"
    if len(digits) > max_digits:
        low, high = _INT_LIMITS[name]
        raise ValidationError(
            f"{name} must be between {low:,} and {high:,}; got a number of {len(digits):,} digits.",
            field=name,
        )
    return sign * int(digits)


def _coerce_shifts(name: str, value: object) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[arg-type]
    shifts = tuple(str(s).strip() for s in items if str(s).strip())
    if not shifts or any(not _HHMM.fullmatch(s) for s in shifts) or len(set(shifts)) != len(shifts):
        raise ValidationError(
            f"{name} must be distinct HH:MM start times separated by commas, "
            "e.g. 06:00,14:00,22:00.",
            field=name,
        )
    return tuple(sorted(shifts))


def _coerce_text(name: str, text: str) -> str:
    text = text.strip()
    if name == "station_code":
        text = text.upper()
        if not _STATION_CODE.fullmatch(text):
            raise ValidationError("The station code is 3 to 5 letters A-Z, e.g. TFT.", field=name)
    elif name == "timezone":
        _check_zone(name, text)
    elif name == "random_seed" and len(text) < 8:
        raise ValidationError(
            "The random-selection seed must be at least 8 characters.", field=name
        )
    elif name == "anchor_folder":
        if len(text) > 300 or any(ord(ch) < 32 for ch in text):
            raise ValidationError(
                "The anchor folder is a folder path of at most 300 characters, e.g. "
                "/media/usb/anchors.",
                field=name,
            )
    elif name == "scales":
        text = _canonical_scales(text)
    elif name == "station_name":
        text = free_text.clean(
            text, name, "the station name", free_text.STATION_NAME_LENGTH, required=True
        )
    elif not text:
        raise ValidationError(f"{name} cannot be empty.", field=name)
    elif len(text) > 200:
        raise ValidationError(f"{name} is longer than 200 characters.", field=name)
    return text


SCALE_NAME_LENGTH = 40  # the weighings' scale_id column


def _canonical_scales(text: str) -> str:
    """'Bridge 1=xk3190; Rail bridge=toledo' with spaces tidied, or the problem in words."""
    from taftan_desk.core.scale import PROTOCOLS

    example = "e.g. Bazarcha bridge 1=xk3190; Rail bridge=toledo"
    scales: dict[str, str] = {}
    for item in (part.strip() for part in text.split(";")):
        if not item:
            continue
        name, equals, protocol = item.partition("=")
        if not equals or not name.strip():
            raise ValidationError(
                f"Each scale is its name, '=', then its protocol ({example}): "
                f"'{free_text.shown(item)}' is not.",
                field="scales",
            )
        # The name is printed on slips and tickets: the rules of any text a person types.
        name = free_text.clean(name, "scales", "a scale's name", SCALE_NAME_LENGTH)
        protocol = protocol.strip().lower()
        if protocol not in PROTOCOLS:
            raise ValidationError(
                f"Scale '{name}': '{free_text.shown(protocol)}' is not a protocol the desk "
                f"reads; choose one of {', '.join(PROTOCOLS)}.",
                field="scales",
            )
        if name.casefold() in (known.casefold() for known in scales):
            raise ValidationError(f"Scale '{name}' is named twice.", field="scales")
        scales[name] = protocol
    return "; ".join(f"{name}={protocol}" for name, protocol in scales.items())


def scale_protocols(settings: StationSettings) -> dict[str, str]:
    """The station's weighbridges by name, each with its protocol (empty: none named). Read
    as stored, never refused: an entry that no longer reads (a protocol since renamed, a
    hand-edited database) matches no reading, so the rule still holds for it."""
    scales: dict[str, str] = {}
    for item in settings.scales.split(";"):
        name, equals, protocol = item.partition("=")
        if name.strip() or equals:
            scales[" ".join(name.split())] = protocol.strip() if equals else ""
    return scales


def _check_zone(name: str, text: str) -> None:
    problem = f"'{free_text.shown(text)}' is not a known time zone: use a name like Asia/Karachi."
    # A long or odd name reaches the file system as a path: refuse it before it does.
    if len(text) > MAX_ZONE_LENGTH or not _ZONE.fullmatch(text):
        raise ValidationError(problem, field=name)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(problem, field=name) from None


def from_mapping(values: dict[str, object]) -> StationSettings:
    """Build settings from stored values; unknown keys are kept aside, not lost."""
    # The seed, the name and the weighbridges are taken as stored: their rules guard setting
    # them, and a value stored before a rule changed must not stop every desk from starting.
    known = {
        k: str(v) if k in ("random_seed", "station_name", "scales") else coerce(k, v)
        for k, v in values.items()
        if k in FIELD_NAMES
    }
    extra = {k: str(v) for k, v in values.items() if k not in FIELD_NAMES}
    return StationSettings(**known, extra=extra)  # type: ignore[arg-type]


def to_mapping(settings: StationSettings) -> dict[str, object]:
    return {name: _jsonable(getattr(settings, name)) for name in FIELD_NAMES}


def _jsonable(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
