"""What an officer enters to register a crossing, validated field by field.

Every problem is collected, so the desk can show each one beside its field at once; warnings
never block (an unknown owner, an HS code that contradicts the category, dangerous goods).
"""

import enum
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from taftan_desk.core import cargo, containers, seals, size_types, uic, weights
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
    gross_kg: str | int = ""
    tare_kg: str | int = ""


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
    dangerous: cargo.DangerousGoodsHint | None = None
    hs_warning: str | None = None


_SPACES = re.compile(r"\s+")
_FREE_TEXT = re.compile(r"[A-Z0-9][A-Z0-9 ./\-]*", re.ASCII)
# The lengths of the crossings columns these fields are stored in; a test compares them with
# taftan_desk/db/models.py so that the form and the database cannot drift apart.
MAX_LENGTHS: dict[str, int] = {
    "truck_plate": 20,
    "train_no": 20,
    "wagon_no": 20,
    "description": 300,
    "gd_number": 40,
    "tir_carnet": 20,
    "tir_voucher": 10,
}


class _Collector:
    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []
        self.warnings: list[str] = []

    def problems_for(self, *fields: str) -> bool:
        return any(p.field in fields for p in self.problems)

    def run(self, fn: Callable[[], object]) -> object:
        try:
            return fn()
        except ValidationError as exc:
            self.problems.extend(exc.problems)
            return None


@functools.cache
def _members(kind: type[enum.StrEnum]) -> dict[str, enum.StrEnum]:
    return {member.value.lower(): member for member in kind}


def _enum(kind: type[enum.StrEnum], text: str, field_name: str, label: str) -> object:
    value = text.strip().lower()
    member = _members(kind).get(value)
    if member is not None:
        return member
    choices = ", ".join(m.value for m in kind)
    if not value:
        raise ValidationError(f"Choose the {label} ({choices}).", field=field_name)
    raise ValidationError(
        f"{label.capitalize()} must be one of {choices}, not '{text.strip()}'.", field=field_name
    )


def _reference(text: str, field_name: str, label: str) -> str | None:
    max_len = MAX_LENGTHS[field_name]
    value = _SPACES.sub(" ", text.strip().upper())
    if not value:
        return None
    if len(value) > max_len:
        raise ValidationError(f"{label} is longer than {max_len} characters.", field=field_name)
    if not _FREE_TEXT.fullmatch(value):
        raise ValidationError(
            f"{label} may contain only A-Z, 0-9, spaces, '.', '/' and '-'.", field=field_name
        )
    return value


def _seals(items: tuple[SealInput, ...]) -> tuple[seals.Seal, ...]:
    result: list[seals.Seal] = []
    seen: set[str] = set()
    for item in items:
        number = seals.normalise_seal_number(item.number)
        if number in seen:
            raise ValidationError(f"Seal {number} is entered twice.", field="seals")
        seen.add(number)
        state = _enum(seals.SealState, item.state or "intact", "seals", "seal state")
        seal_class = (
            _enum(seals.SealClass, item.seal_class, "seals", "seal class")
            if item.seal_class.strip()
            else None
        )
        seal_type = (
            _enum(seals.SealType, item.seal_type, "seals", "seal type")
            if item.seal_type.strip()
            else None
        )
        result.append(seals.Seal(number, state, seal_class, seal_type))  # type: ignore[arg-type]
    return tuple(result)


def validate(
    form: RegistrationInput, settings: StationSettings, is_known_owner: Callable[[str], bool]
) -> Registration:
    c = _Collector()
    direction = c.run(lambda: _enum(Direction, form.direction, "direction", "direction"))
    mode = c.run(lambda: _enum(Mode, form.mode, "mode", "mode"))
    container = c.run(lambda: containers.validate(form.container_no))
    category = c.run(
        lambda: _enum(cargo.CargoCategory, form.cargo_category, "cargo_category", "cargo category")
    )
    plate = c.run(lambda: _reference(form.truck_plate, "truck_plate", "Truck plate"))
    train = c.run(lambda: _reference(form.train_no, "train_no", "Train number"))
    wagon = c.run(lambda: _wagon(form.wagon_no))
    if mode is Mode.ROAD and not plate and not c.problems_for("truck_plate"):
        c.problems.append(FieldProblem("truck_plate", "Enter the truck plate."))
    if mode is Mode.RAIL and not (train or wagon) and not c.problems_for("wagon_no"):
        c.problems.append(FieldProblem("wagon_no", "Enter the wagon number or the train number."))
    size_type = c.run(lambda: _size_type(form.size_type))
    max_gross = c.run(
        lambda: weights.parse_kg(
            form.max_gross_kg, "max_gross_kg", "maximum gross (plate)", required=False
        )
    )
    hs = c.run(lambda: cargo.validate_hs(form.hs_code) if form.hs_code.strip() else None)
    description = c.run(
        lambda: free_text.clean(
            form.description, "description", "the description", MAX_LENGTHS["description"]
        )
    )
    declared = c.run(
        lambda: weights.parse_kg(
            form.declared_net_kg, "declared_net_kg", "declared net", required=False
        )
    )
    gd = c.run(lambda: _reference(form.gd_number, "gd_number", "GD number"))
    carnet = c.run(lambda: _reference(form.tir_carnet, "tir_carnet", "TIR carnet number"))
    voucher = c.run(lambda: _reference(form.tir_voucher, "tir_voucher", "TIR voucher"))
    if voucher and not carnet and not c.problems_for("tir_carnet"):
        c.problems.append(FieldProblem("tir_carnet", "A TIR voucher needs its carnet number."))
    seal_list = c.run(lambda: _seals(form.seals)) or ()
    gross = c.run(lambda: weights.parse_kg(form.gross_kg, "gross_kg", "gross", required=False))
    tare = c.run(lambda: weights.parse_kg(form.tare_kg, "tare_kg", "tare", required=False))
    if (gross is None) != (tare is None) and not c.problems_for("gross_kg", "tare_kg"):
        missing = "tare_kg" if tare is None else "gross_kg"
        c.problems.append(FieldProblem(missing, "Enter both gross and tare, or neither."))
    elif gross is not None and tare is not None:
        c.run(lambda: weights.net_from(gross, tare))  # type: ignore[arg-type]
    if c.problems:
        raise ValidationError(c.problems)
    return _with_warnings(
        Registration(
            direction=direction,
            mode=mode,
            container_no=container,  # type: ignore[arg-type]
            cargo_category=category,
            truck_plate=plate if mode is Mode.ROAD else None,  # type: ignore[arg-type]
            train_no=train if mode is Mode.RAIL else None,  # type: ignore[arg-type]
            wagon_no=wagon if mode is Mode.RAIL else None,  # type: ignore[arg-type]
            size_type=size_type,
            max_gross_kg=max_gross,
            hs_code=hs,  # type: ignore[arg-type]
            description=description,  # type: ignore[arg-type]
            declared_net_kg=declared,
            gd_number=gd,  # type: ignore[arg-type]
            tir_carnet=carnet,
            tir_voucher=voucher,
            seals=seal_list,  # type: ignore[arg-type]
            gross_kg=gross,
            tare_kg=tare,
        ),
        settings,
        is_known_owner,
    )  # type: ignore[arg-type]


def _with_warnings(
    reg: Registration, settings: StationSettings, is_known_owner: Callable[[str], bool]
) -> Registration:
    warnings: list[str] = []
    owner = reg.container_no[:3]
    if not is_known_owner(owner):
        warnings.append(
            f"Owner code {owner} is not on the station's list of known owners: "
            "check the container number on the door."
        )
    if reg.size_type and size_types.lookup(reg.size_type) is None:
        warnings.append(
            f"Size/type {reg.size_type} is not in the table "
            f"({size_types.TABLE_VERSION}): check the code on the door."
        )
    hs_warning = cargo.hs_category_warning(reg.hs_code, reg.cargo_category) if reg.hs_code else None
    if hs_warning:
        warnings.append(hs_warning)
    dangerous = cargo.dangerous_goods_hint(reg.cargo_category, reg.hs_code)
    if dangerous:
        warnings.append(dangerous.text)
    if reg.declared_net_kg is not None and reg.declared_net_kg > settings.cargo_limit_kg:
        warnings.append(
            f"Declared net {reg.declared_net_kg:,} kg is over the "
            f"{settings.cargo_limit_kg:,} kg limit."
        )
    return Registration(
        **{
            **reg.__dict__,
            "warnings": tuple(warnings),
            "dangerous": dangerous,
            "hs_warning": hs_warning,
        }
    )


def _wagon(text: str) -> str | None:
    if not text.strip():
        return None
    if not uic.looks_like_uic(text):
        return _reference(text, "wagon_no", "Wagon number")
    result = uic.check(text)
    if not result.valid:
        raise ValidationError(result.reason, field="wagon_no")
    return result.number


def _size_type(text: str) -> str | None:
    code = size_types.normalise(text)
    if not code:
        return None
    if not size_types.is_well_formed(code):
        raise ValidationError(
            f"Size/type code is 4 characters A-Z or 0-9 (e.g. 22G1), not '{text.strip()}'.",
            field="size_type",
        )
    return code
