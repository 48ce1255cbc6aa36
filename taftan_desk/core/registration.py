"""What an officer enters to register a crossing, validated field by field.

Every problem is collected, so the desk can show each one beside its field at once; warnings
never block (an unknown owner, an HS code that contradicts the category, dangerous goods).
"""

import enum
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from taftan_desk.core import cargo, containers, seals, size_types, weighbridge, weights
from taftan_desk.core import field_rules as rules
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import FieldProblem, ValidationError
from taftan_desk.core.station_settings import StationSettings


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class Mode(enum.StrEnum):
    ROAD = "road"
    RAIL = "rail"


@dataclass(frozen=True)
class SealInput:
    number: str
    state: str = "intact"
    seal_class: str = ""
    seal_type: str = ""


def parse_seals(text: str) -> tuple[SealInput, ...]:
    """Seals as an officer types them in one field: comma- or semicolon-separated, each a
    number followed by an optional class (I, S, H) and an optional state, in any order:
    "AB12345 H, CD67890 broken". Unknown words are kept so validation can name them."""
    seals = []
    for item in re.split(r"[,;]", text):
        words = item.split()
        if not words:
            continue
        number, seal_class, state, extra = words[0], "", "", []
        for word in words[1:]:
            low = word.lower()
            if low in ("i", "s", "h") and not seal_class:
                seal_class = low.upper()
            elif low in _STATE_WORDS and not state:
                state = _STATE_WORDS[low]
            else:
                extra.append(word)
        if extra:
            state = state or " ".join(extra)  # validation reports it as an unknown state
        seals.append(SealInput(number, state or "intact", seal_class))
    return tuple(seals)


_STATE_WORDS = {
    "intact": "intact",
    "ok": "intact",
    "broken": "broken",
    "missing": "missing",
    "different": "different",
    "differs": "different",
}


# The lengths of the columns the free-text fields are stored in (see field_rules).
MAX_LENGTHS = rules.MAX_LENGTHS


@dataclass(frozen=True)
class RegistrationInput:
    """Fields as typed or scanned; numbers may arrive as text."""

    direction: str
    mode: str
    container_no: str
    cargo_category: str
    truck_plate: str = ""
    train_no: str = ""
    wagon_no: str = ""
    size_type: str = ""
    max_gross_kg: str | int = ""
    hs_code: str = ""
    description: str = ""
    declared_net_kg: str | int = ""
    gd_number: str = ""
    tir_carnet: str = ""
    tir_voucher: str = ""
    seals: tuple[SealInput, ...] = ()
    # The weighing: the weighbridge reading (the whole vehicle), the vehicle's tare and the
    # container's tare from its door; the container's gross is the reading less the vehicle.
    bridge_kg: str | int = ""
    vehicle_tare_kg: str | int = ""
    tare_kg: str | int = ""
    taken: weighbridge.Taken | None = None  # the reading as the scale gave it
    weight_reason: str = ""  # why a figure was typed rather than read or remembered
    # The container's gross typed as such (a weighing made elsewhere); needs a reason too.
    gross_kg: str | int = ""


# A vehicle's remembered tare, looked up by kind and canonical number (None: not known).
RememberedTare = Callable[[weighbridge.VehicleKind, str], "weighbridge.Remembered | None"]


@dataclass(frozen=True)
class Registration:
    """A registration that passed validation, in canonical form."""

    direction: Direction
    mode: Mode
    container_no: str
    cargo_category: cargo.CargoCategory
    truck_plate: str | None
    train_no: str | None
    wagon_no: str | None
    size_type: str | None
    max_gross_kg: int | None
    hs_code: str | None
    description: str
    declared_net_kg: int | None
    gd_number: str | None
    tir_carnet: str | None
    tir_voucher: str | None
    seals: tuple[seals.Seal, ...]
    gross_kg: int | None
    tare_kg: int | None
    warnings: tuple[str, ...] = field(default=())
    figures: weighbridge.Figures | None = None  # the weighbridge's, when the gross came from it
    weight_reason: str = ""  # why the weights were typed ("" when read or remembered)
    dangerous: cargo.DangerousGoodsHint | None = None
    hs_warning: str | None = None


def _seals(items: tuple[SealInput, ...]) -> tuple[seals.Seal, ...]:
    result: list[seals.Seal] = []
    seen: set[str] = set()
    for item in items:
        number = seals.normalise_seal_number(item.number)
        if number in seen:
            raise ValidationError(f"Seal {number} is entered twice.", field="seals")
        seen.add(number)
        state = rules.enum_value(seals.SealState, item.state or "intact", "seals", "seal state")
        seal_class = (
            rules.enum_value(seals.SealClass, item.seal_class, "seals", "seal class")
            if item.seal_class.strip()
            else None
        )
        seal_type = (
            rules.enum_value(seals.SealType, item.seal_type, "seals", "seal type")
            if item.seal_type.strip()
            else None
        )
        result.append(seals.Seal(number, state, seal_class, seal_type))  # type: ignore[arg-type]
    return tuple(result)


def validate(
    form: RegistrationInput,
    settings: StationSettings,
    is_known_owner: Callable[[str], bool],
    remembered_tare: RememberedTare | None = None,
) -> Registration:
    """`remembered_tare` finds a vehicle's tare as last weighed empty: a vehicle tare equal
    to it needs no reason (without it, any vehicle tare counts as typed)."""
    c = rules.Collector()
    direction = c.run(rules.enum_value, Direction, form.direction, "direction", "direction")
    mode = c.run(rules.enum_value, Mode, form.mode, "mode", "mode")
    container = c.run(containers.validate, form.container_no)
    category = c.run(
        rules.enum_value,
        cargo.CargoCategory,
        form.cargo_category,
        "cargo_category",
        "cargo category",
    )
    plate = c.run(rules.reference, form.truck_plate, "truck_plate", "Truck plate")
    train = c.run(rules.reference, form.train_no, "train_no", "Train number")
    wagon = c.run(rules.wagon, form.wagon_no)
    if mode is Mode.ROAD and not plate and not c.problems_for("truck_plate"):
        c.problems.append(FieldProblem("truck_plate", "Enter the truck plate."))
    if mode is Mode.RAIL and not (train or wagon) and not c.problems_for("wagon_no"):
        c.problems.append(FieldProblem("wagon_no", "Enter the wagon number or the train number."))
    size_type = c.run(rules.size_type, form.size_type)
    max_gross = c.run(rules.kg, form.max_gross_kg, "max_gross_kg", "maximum gross (plate)")
    hs = c.run(_hs_code, form.hs_code) if form.hs_code.strip() else None
    description = c.run(_description, form.description)
    declared = c.run(rules.kg, form.declared_net_kg, "declared_net_kg", "declared net")
    gd = c.run(rules.reference, form.gd_number, "gd_number", "GD number")
    carnet = c.run(rules.reference, form.tir_carnet, "tir_carnet", "TIR carnet number")
    voucher = c.run(rules.reference, form.tir_voucher, "tir_voucher", "TIR voucher")
    if voucher and not carnet and not c.problems_for("tir_carnet"):
        c.problems.append(FieldProblem("tir_carnet", "A TIR voucher needs its carnet number."))
    seal_list = c.run(_seals, form.seals) or ()
    weighed = _weighing(
        c,
        form,
        settings,
        vehicle_of(mode, plate, wagon),
        remembered_tare,  # type: ignore[arg-type]
    )
    if c.problems:
        raise ValidationError(c.problems)
    warnings, dangerous, hs_warning = _warnings(
        container,  # type: ignore[arg-type]
        size_type,  # type: ignore[arg-type]
        hs,  # type: ignore[arg-type]
        category,  # type: ignore[arg-type]
        declared,  # type: ignore[arg-type]
        settings,
        is_known_owner,
    )
    return Registration(
        direction=direction,  # type: ignore[arg-type]
        mode=mode,  # type: ignore[arg-type]
        container_no=container,  # type: ignore[arg-type]
        cargo_category=category,  # type: ignore[arg-type]
        truck_plate=plate if mode is Mode.ROAD else None,  # type: ignore[arg-type]
        train_no=train if mode is Mode.RAIL else None,  # type: ignore[arg-type]
        wagon_no=wagon if mode is Mode.RAIL else None,  # type: ignore[arg-type]
        size_type=size_type,  # type: ignore[arg-type]
        max_gross_kg=max_gross,  # type: ignore[arg-type]
        hs_code=hs,  # type: ignore[arg-type]
        description=description,  # type: ignore[arg-type]
        declared_net_kg=declared,  # type: ignore[arg-type]
        gd_number=gd,  # type: ignore[arg-type]
        tir_carnet=carnet,  # type: ignore[arg-type]
        tir_voucher=voucher,  # type: ignore[arg-type]
        seals=seal_list,  # type: ignore[arg-type]
        gross_kg=weighed.gross_kg,
        tare_kg=weighed.tare_kg,
        warnings=warnings,
        figures=weighed.figures,
        weight_reason=weighed.reason,
        dangerous=dangerous,
        hs_warning=hs_warning,
    )


def vehicle_number(road: bool, text: str) -> str | None:
    """A truck plate or a wagon number in the canonical form a registration stores it in
    (None when empty); what is wrong with it, by the registration's own rules."""
    if road:
        return rules.reference(text, "truck_plate", "Truck plate")
    return rules.wagon(text)


def vehicle_of(
    mode: Mode | None, plate: str | None, wagon: str | None
) -> tuple[weighbridge.VehicleKind, str] | None:
    """The vehicle a remembered tare belongs to: the truck by its plate, the wagon by its
    number (a train alone names no vehicle)."""
    if mode is Mode.ROAD and plate:
        return weighbridge.VehicleKind.TRUCK, plate
    if mode is Mode.RAIL and wagon:
        return weighbridge.VehicleKind.WAGON, wagon
    return None


class WeighingFields(Protocol):
    """The weighing's fields of a form (a registration's, or a weighing's of its own)."""

    bridge_kg: str | int
    vehicle_tare_kg: str | int
    tare_kg: str | int
    taken: weighbridge.Taken | None
    weight_reason: str
    gross_kg: str | int


@dataclass(frozen=True)
class WeighingInput:
    """A weighing of a registered crossing, as typed or taken from the scale."""

    bridge_kg: str | int = ""
    vehicle_tare_kg: str | int = ""
    tare_kg: str | int = ""
    taken: weighbridge.Taken | None = None
    weight_reason: str = ""
    gross_kg: str | int = ""  # the container's gross typed as such (needs a reason)


@dataclass(frozen=True)
class Weighed:
    """A weighing checked: the container's gross and tare, the weighbridge's figures behind
    the gross (None: the gross was typed as such), and why anything was typed ("" if not)."""

    gross_kg: int | None
    tare_kg: int | None
    figures: weighbridge.Figures | None
    reason: str


def check_weighing(
    form: WeighingFields,
    settings: StationSettings,
    vehicle: tuple[weighbridge.VehicleKind, str] | None,
    remembered_tare: RememberedTare | None = None,
) -> Weighed:
    """A weighing's fields by the registration's rules, every problem at once."""
    c = rules.Collector()
    weighed = _weighing(c, form, settings, vehicle, remembered_tare)
    if c.problems:
        raise ValidationError(c.problems)
    return weighed


def _weighing(
    c: rules.Collector,
    form: WeighingFields,
    settings: StationSettings,
    vehicle: tuple[weighbridge.VehicleKind, str] | None,
    remembered_tare: RememberedTare | None,
) -> Weighed:
    remembered = remembered_tare(*vehicle) if vehicle and remembered_tare else None
    if form.taken is not None:
        c.run(weighbridge.verify_taken, form.taken, settings)
    loaded = c.run(
        weighbridge.loaded,
        form.bridge_kg,
        form.vehicle_tare_kg,
        form.taken,
        remembered,
        form.weight_reason,
    )
    figures = loaded if isinstance(loaded, weighbridge.Figures) else None
    typed_gross = c.run(rules.kg, form.gross_kg, "gross_kg", "gross")
    tare = c.run(rules.kg, form.tare_kg, "tare_kg", "tare")
    bridge_given = bool(str(form.bridge_kg).strip() or str(form.vehicle_tare_kg).strip())
    if typed_gross is not None and bridge_given:
        c.problems.append(
            FieldProblem(
                "gross_kg", "Give the weighbridge reading or the container's gross, not both."
            )
        )
        return Weighed(None, None, None, "")
    gross = figures.container_gross_kg if figures else typed_gross
    reason = figures.reason if figures else ""
    if (gross is None) != (tare is None) and not c.problems_for(
        "gross_kg", "tare_kg", "bridge_kg", "vehicle_tare_kg", weighbridge.REASON_FIELD
    ):
        if tare is None:
            c.problems.append(
                FieldProblem("tare_kg", "Enter the container's tare from its door, in kg.")
            )
        else:
            c.problems.append(
                FieldProblem("bridge_kg", "Take the weighbridge reading (F6), or type it.")
            )
    elif gross is not None and tare is not None:
        c.run(weights.net_from, gross, tare)
    if typed_gross is not None:
        reason = c.run(weighbridge.clean_reason, form.weight_reason) or ""  # type: ignore[assignment]
    return Weighed(gross, tare, figures, reason)  # type: ignore[arg-type]


class Fields(NamedTuple):
    """A registration's fields in the canonical form `validate` gives them."""

    direction: Direction
    mode: Mode
    container_no: str
    cargo_category: cargo.CargoCategory
    truck_plate: str | None
    train_no: str | None
    wagon_no: str | None
    size_type: str | None
    hs_code: str | None
    declared_net_kg: int | None
    gd_number: str | None
    tir_carnet: str | None
    seals: tuple[str, ...]  # their numbers
    warnings: tuple[str, ...]


def valid_fields(
    direction: str,
    mode: str,
    container_no: str,
    cargo_category: str,
    truck_plate: str,
    train_no: str,
    wagon_no: str,
    size_type: str,
    hs_code: str,
    description: str,
    declared_net_kg: str,
    gd_number: str,
    tir_carnet: str,
    seal_numbers: Iterable[str],
    settings: StationSettings,
    is_known_owner: Callable[[str], bool],
) -> Fields | None:
    """What `validate` gives for a form of these fields (not weighed, no TIR voucher, each
    seal intact and of no stated class or type), or None where it would refuse the form:
    `validate` then names every problem. The same rules in the same order, without making a
    form, a Registration and its seals: a manifest checks 100,000 rows with it."""
    try:
        direction_ = rules.enum_value(Direction, direction, "direction", "direction")
        mode_ = rules.enum_value(Mode, mode, "mode", "mode")
        container = containers.validate(container_no)
        category = rules.enum_value(
            cargo.CargoCategory, cargo_category, "cargo_category", "cargo category"
        )
        plate = rules.reference(truck_plate, "truck_plate", "Truck plate")
        train = rules.reference(train_no, "train_no", "Train number")
        wagon = rules.wagon(wagon_no)
        if (mode_ is Mode.ROAD and not plate) or (mode_ is Mode.RAIL and not (train or wagon)):
            return None
        size = rules.size_type(size_type)
        hs = _hs_code(hs_code) if hs_code.strip() else None
        _description(description)
        declared = rules.kg(declared_net_kg, "declared_net_kg", "declared net")
        gd = rules.reference(gd_number, "gd_number", "GD number")
        carnet = rules.reference(tir_carnet, "tir_carnet", "TIR carnet number")
        numbers = tuple(map(seals.normalise_seal_number, seal_numbers))
    except ValidationError:
        return None
    if len(set(numbers)) != len(numbers):  # a seal entered twice
        return None
    road, rail = mode_ is Mode.ROAD, mode_ is Mode.RAIL
    warnings = _warnings(container, size, hs, category, declared, settings, is_known_owner)[0]  # type: ignore[arg-type]
    return Fields(
        direction_,  # type: ignore[arg-type]
        mode_,  # type: ignore[arg-type]
        container,
        category,  # type: ignore[arg-type]
        plate if road else None,
        train if rail else None,
        wagon if rail else None,
        size,
        hs,
        declared,
        gd,
        carnet,
        numbers,
        warnings,
    )


def _warnings(
    container_no: str,
    size_type: str | None,
    hs_code: str | None,
    category: cargo.CargoCategory,
    declared_net_kg: int | None,
    settings: StationSettings,
    is_known_owner: Callable[[str], bool],
) -> tuple[tuple[str, ...], cargo.DangerousGoodsHint | None, str | None]:
    """What a valid registration warns of, the dangerous-goods hint and the HS warning."""
    warnings: list[str] = []
    owner = container_no[:3]
    if not is_known_owner(owner):
        warnings.append(_owner_warning(owner))
    if size_type and size_types.lookup(size_type) is None:
        warnings.append(_size_type_warning(size_type))
    hs_warning = _hs_warning(hs_code, category) if hs_code else None
    if hs_warning:
        warnings.append(hs_warning)
    dangerous = _dangerous(category, hs_code)
    if dangerous:
        warnings.append(dangerous.text)
    if declared_net_kg is not None and declared_net_kg > settings.cargo_limit_kg:
        warnings.append(
            f"Declared net {declared_net_kg:,} kg is over the {settings.cargo_limit_kg:,} kg limit."
        )
    return tuple(warnings), dangerous, hs_warning


@functools.lru_cache(maxsize=rules.CACHED)
def _owner_warning(owner: str) -> str:
    return (
        f"Owner code {owner} is not on the station's list of known owners: "
        "check the container number on the door."
    )


@functools.lru_cache(maxsize=rules.CACHED)
def _size_type_warning(size_type: str) -> str:
    return (
        f"Size/type {size_type} is not in the table "
        f"({size_types.TABLE_VERSION}): check the code on the door."
    )


@functools.lru_cache(maxsize=rules.CACHED)
def _hs_warning(hs_code: str, category: cargo.CargoCategory) -> str | None:
    return cargo.hs_category_warning(hs_code, category)


@functools.lru_cache(maxsize=rules.CACHED)
def _dangerous(
    category: cargo.CargoCategory, hs_code: str | None
) -> cargo.DangerousGoodsHint | None:
    return cargo.dangerous_goods_hint(category, hs_code)


@functools.lru_cache(maxsize=rules.CACHED)
def _hs_code(text: str) -> str:
    return cargo.validate_hs(text)


@functools.lru_cache(maxsize=rules.CACHED)
def _description(text: str) -> str:
    return free_text.clean(text, "description", "the description", MAX_LENGTHS["description"])
