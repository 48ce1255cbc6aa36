"""Weights in integer kilograms and the three checks R1, R2 and R3.

R1 cargo limit: net <= the station's cargo limit (22,000 kg: 22,000 passes, 22,001 fails).
R2 container rating: measured gross <= the plate's maximum gross mass.
R3 declared vs measured: |net measured - net declared| <= max(share of declared, floor,
the weighbridge's in-service permissible error).
"""

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass

from taftan_desk.core import size_types
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.core.text import latin_digits, shown

MAX_PLAUSIBLE_KG = 100_000  # above any road or rail container load; catches extra digits
# More digits than any weight has is a stuck key or a paste: refused before int() (which
# gives up past 4,300 digits) and before a database column (64-bit at most).
MAX_KG_DIGITS = 7
_KG = re.compile(r"[0-9]+", re.ASCII)
_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+", re.ASCII)


class Rule(enum.StrEnum):
    R1 = "R1"
    R2 = "R2"
    R3 = "R3"


def parse_kg(
    text: str | int | None,
    field_name: str,
    label: str,
    *,
    required: bool = True,
    allow_zero: bool = False,
) -> int | None:
    """Whole kilograms from text like '24,620' or '24620 kg'; never floats or other scripts."""
    if text is None or (isinstance(text, str) and not text.strip()):
        if required:
            raise ValidationError(f"Enter the {label} in kg.", field=field_name)
        return None
    if isinstance(text, bool):
        raise ValidationError(f"{label.capitalize()} must be whole kilograms.", field=field_name)
    if isinstance(text, int):
        if abs(text) >= 10**MAX_KG_DIGITS:
            raise _too_many_digits(label, None, field_name)  # str() of it may be refused too
        value = text
    else:
        value = _kg_from_text(text, field_name, label)
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(f"{label.capitalize()} must be more than 0 kg.", field=field_name)
    if value > MAX_PLAUSIBLE_KG:
        raise ValidationError(
            f"{label.capitalize()} of {value:,} kg is not plausible "
            f"(over {MAX_PLAUSIBLE_KG:,} kg): check for an extra digit.",
            field=field_name,
        )
    return value


def _kg_from_text(text: str, field_name: str, label: str) -> int:
    spaced = latin_digits(text).strip().lower().removesuffix("kg").strip().replace(" ", "")
    cleaned = spaced.replace(",", "")
    if not _KG.fullmatch(cleaned):
        if any(ch.isdecimal() and not ch.isascii() for ch in cleaned):
            raise ValidationError(
                f"{label.capitalize()} must be typed with the digits 0-9: '{shown(text)}' uses "
                "digits of another script (Urdu, Arabic or other). Switch the keyboard to "
                "English digits and type it again.",
                field=field_name,
            )
        raise ValidationError(
            f"{label.capitalize()} must be whole kilograms using digits 0-9 (e.g. 24620), "
            f"not '{shown(text)}'.",
            field=field_name,
        )
    if "," in spaced and not _GROUPED.fullmatch(spaced):
        # "2100,5" is a decimal comma (a semicolon CSV from a European spreadsheet), never
        # twenty-one thousand: commas only ever group thousands.
        raise ValidationError(
            f"{label.capitalize()} must be whole kilograms: in '{shown(text)}' the comma is not "
            "a thousands separator (e.g. 24,620). Give the weight in whole kilograms.",
            field=field_name,
        )
    if len(cleaned) > MAX_KG_DIGITS:
        raise _too_many_digits(label, len(cleaned), field_name)
    return int(cleaned)


def _too_many_digits(label: str, digits: int | None, field_name: str) -> ValidationError:
    count = f"{digits:,}" if digits is not None else f"more than {MAX_KG_DIGITS}"
    return ValidationError(
        f"{label.capitalize()} has {count} digits; a weight has at most {MAX_KG_DIGITS} "
        "(e.g. 24620): check for extra digits or a stuck key.",
        field=field_name,
    )


def permissible_error_kg(load_kg: int, interval_kg: int) -> int:
    """OIML R76 class III maximum permissible error at this load, doubled for a scale in service."""
    steps = load_kg / interval_kg
    if steps <= 500:
        half_steps = 1
    elif steps <= 2000:
        half_steps = 2
    else:
        half_steps = 3
    return half_steps * interval_kg  # 2 x (half_steps x 0.5 e)


@dataclass(frozen=True)
class WeightCheck:
    rule: Rule
    passed: bool
    reason: str
    value_kg: int
    limit_kg: int

    @property
    def margin_kg(self) -> int:
        """Positive: kg to spare; negative: kg over."""
        return self.limit_kg - self.value_kg


def net_from(gross_kg: int, tare_kg: int) -> int:
    if tare_kg >= gross_kg:
        raise ValidationError(
            f"Tare ({tare_kg:,} kg) is not less than gross ({gross_kg:,} kg): check that gross "
            "and tare are not swapped and that the gross is the weighbridge reading.",
            field="tare_kg",
        )
    return gross_kg - tare_kg


def check_r1(net_kg: int, settings: StationSettings, *, measured: bool = True) -> WeightCheck:
    limit = settings.cargo_limit_kg
    what = "Net" if measured else "Declared net"
    if net_kg == limit:
        reason = f"{what} {net_kg:,} kg is exactly at the {limit:,} kg limit."
    elif net_kg < limit:
        reason = (
            f"{what} {net_kg:,} kg is within the {limit:,} kg limit ({limit - net_kg:,} kg under)."
        )
    else:
        over = net_kg - limit
        reason = (
            f"Overweight: {what.lower()} {net_kg:,} kg is {over:,} kg over the {limit:,} kg limit."
        )
    return WeightCheck(Rule.R1, net_kg <= limit, reason, net_kg, limit)


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class AssumedPlate:
    """The maximum gross R2 falls back on when no plate value was recorded: the station's
    default, saying which size/type code it is assumed for when one was given. The code
    names the box but does not set the value: ISO 668 rates the highest gross a size may be
    plated for (30,480 kg for 20, 40 and 45 ft since its 2005 amendments, raised by a later
    one), and a given box's plate may say less, so only the station's setting is assumed."""

    kg: int
    size_type: str | None = None  # a well-formed ISO 6346 size/type code, as given

    def words(self, translate: Callable[[str], str] = _same) -> str:
        """'30,480 kg assumed for 22G1 (station default)', or without a code '30,480 kg
        assumed (station default)': the number first, so a narrow field that cuts the text
        still shows it. `translate` is the edge's tr (the template goes through it, the
        values are filled in after)."""
        kg = f"{self.kg:,} kg"
        if self.size_type:
            template = translate("{kg} assumed for {size_type} (station default)")
            return template.format(size_type=self.size_type, kg=kg)
        return translate("{kg} assumed (station default)").format(kg=kg)


def assumed_plate(
    max_gross_kg: int | None, size_type: str | None, default_max_gross_kg: int
) -> AssumedPlate | None:
    """What R2 assumes for a plate not recorded (None: the plate's value is recorded)."""
    if max_gross_kg:
        return None
    code = size_types.normalise(size_type or "")
    return AssumedPlate(default_max_gross_kg, code if size_types.is_well_formed(code) else None)


def check_r2(
    gross_kg: int,
    max_gross_kg: int | None,
    settings: StationSettings,
    *,
    size_type: str | None = None,
) -> WeightCheck:
    assumed = assumed_plate(max_gross_kg, size_type, settings.default_max_gross_kg)
    limit = assumed.kg if assumed else (max_gross_kg or 0)
    if gross_kg <= limit:
        reason = f"Gross {gross_kg:,} kg is within the container rating"
        reason += f" of {limit:,} kg from the plate." if assumed is None else ""
    else:
        reason = f"Over container rating: gross {gross_kg:,} kg is {gross_kg - limit:,} kg over "
        reason += f"the {limit:,} kg maximum from the plate." if assumed is None else "the maximum"
    if assumed is not None:  # the number it was checked against, and where it comes from
        reason += f"; plate maximum not recorded, {assumed.words()}."
    return WeightCheck(Rule.R2, gross_kg <= limit, reason, gross_kg, limit)


def r3_tolerance_kg(declared_net_kg: int, gross_kg: int, settings: StationSettings) -> int:
    share = declared_net_kg * settings.r3_tolerance_bp // 10_000
    scale = permissible_error_kg(gross_kg, settings.scale_interval_kg)
    return max(share, settings.r3_min_tolerance_kg, scale)


def check_r3(
    net_kg: int, declared_net_kg: int, gross_kg: int, settings: StationSettings
) -> WeightCheck:
    tolerance = r3_tolerance_kg(declared_net_kg, gross_kg, settings)
    diff = net_kg - declared_net_kg
    passed = abs(diff) <= tolerance
    direction = "more" if diff > 0 else "less"
    if passed:
        reason = (
            f"Measured net {net_kg:,} kg agrees with the declared {declared_net_kg:,} kg "
            f"(difference {abs(diff):,} kg, tolerance {tolerance:,} kg)."
        )
    else:
        reason = (
            f"Declared/measured mismatch: measured net {net_kg:,} kg is {abs(diff):,} kg "
            f"{direction} than declared {declared_net_kg:,} kg (tolerance {tolerance:,} kg)."
        )
        if abs(declared_net_kg - gross_kg) <= tolerance:
            reason += (
                " The declared net is close to the gross: the tare may not have been deducted."
            )
    return WeightCheck(Rule.R3, passed, reason, abs(diff), tolerance)


@dataclass(frozen=True)
class Weighing:
    gross_kg: int
    tare_kg: int
    net_kg: int
    checks: tuple[WeightCheck, ...]

    def failed(self, *rules: Rule) -> list[WeightCheck]:
        return [c for c in self.checks if not c.passed and (not rules or c.rule in rules)]


def assess(
    gross_kg: int,
    tare_kg: int,
    declared_net_kg: int | None,
    max_gross_kg: int | None,
    settings: StationSettings,
    *,
    size_type: str | None = None,
) -> Weighing:
    """Run R1, R2 and (when a net was declared) R3 on a weighbridge reading; `size_type`
    names the box an assumed plate maximum is assumed for."""
    net = net_from(gross_kg, tare_kg)
    checks = [
        check_r1(net, settings),
        check_r2(gross_kg, max_gross_kg, settings, size_type=size_type),
    ]
    if declared_net_kg is not None:
        checks.append(check_r3(net, declared_net_kg, gross_kg, settings))
    return Weighing(gross_kg, tare_kg, net, tuple(checks))


def net_summary(
    gross_text: str,
    tare_text: str,
    settings: StationSettings,
    max_gross_text: str = "",
    *,
    size_type: str = "",
) -> tuple[str, bool]:
    """What a desk shows while gross and tare are being typed: the net against the limit and
    the gross against the container's rating (saying when the rating is the station's
    assumption, the plate not typed, and for which size/type), in words, and whether both
    pass. Nothing until gross and tare are there."""
    try:
        gross = parse_kg(gross_text, "gross_kg", "gross", required=False)
        tare = parse_kg(tare_text, "tare_kg", "tare", required=False)
        plate = parse_kg(max_gross_text, "max_gross_kg", "plate maximum", required=False)
        if gross is None or tare is None:
            return "", True
        checks = [
            check_r1(net_from(gross, tare), settings),
            check_r2(gross, plate, settings, size_type=size_type),
        ]
    except ValidationError as exc:
        return str(exc), False
    return " ".join(c.reason for c in checks), all(c.passed for c in checks)
