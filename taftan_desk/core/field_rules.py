"""The field rules a registration and a manifest row share: each field's canonical form or
what is wrong with it (cached: a manifest of 100,000 rows repeats its values), and the
collector that gathers every problem of a form at once."""

import enum
import functools
import re
from collections.abc import Callable

from taftan_desk.core import size_types, uic, weights
from taftan_desk.core.errors import FieldProblem, ValidationError

_SPACES = re.compile(r"\s+")
# Answers kept of the pure field rules marked with it: a manifest of 100,000 rows repeats its
# trains, categories, HS codes, size/types, descriptions and weights. A bounded number; a
# value that is refused raises again each time.
CACHED = 4_096
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


class Collector:
    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []
        self.warnings: list[str] = []

    def problems_for(self, *fields: str) -> bool:
        return any(p.field in fields for p in self.problems)

    def run(self, fn: Callable[..., object], *args: object) -> object:
        try:
            return fn(*args)
        except ValidationError as exc:
            self.problems.extend(exc.problems)
            return None


@functools.cache
def members_of(kind: type[enum.StrEnum]) -> dict[str, enum.StrEnum]:
    return {member.value.lower(): member for member in kind}


def enum_value(kind: type[enum.StrEnum], text: str, field_name: str, label: str) -> object:
    members = members_of(kind)
    member = members.get(text)  # typed as stored: no copy to trim and lower
    if member is not None:
        return member
    value = text.strip().lower()
    member = members.get(value)
    if member is not None:
        return member
    choices = ", ".join(m.value for m in kind)
    if not value:
        raise ValidationError(f"Choose the {label} ({choices}).", field=field_name)
    raise ValidationError(
        f"{label.capitalize()} must be one of {choices}, not '{text.strip()}'.", field=field_name
    )


@functools.lru_cache(maxsize=CACHED)
def reference(text: str, field_name: str, label: str) -> str | None:
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


def kg(text: str | int, field_name: str, label: str) -> int | None:
    if text.__class__ is str:  # text only: to a cache True is 1, which parse_kg takes
        return kg_text(text, field_name, label)  # type: ignore[arg-type]
    return weights.parse_kg(text, field_name, label, required=False)


@functools.lru_cache(maxsize=CACHED)
def kg_text(text: str, field_name: str, label: str) -> int | None:
    return weights.parse_kg(text, field_name, label, required=False)


def wagon(text: str) -> str | None:
    if not text.strip():
        return None
    # A UIC number as the desk stores it, and valid: what uic.check would give.
    if (
        len(text) == 12
        and text.isascii()
        and text.isdigit()
        and uic.check_digit(text[:11]) == int(text[11])
    ):
        return text
    if not uic.looks_like_uic(text):
        return reference(text, "wagon_no", "Wagon number")
    result = uic.check(text)
    if not result.valid:
        raise ValidationError(result.reason, field="wagon_no")
    return result.number


@functools.lru_cache(maxsize=CACHED)
def size_type(text: str) -> str | None:
    code = size_types.normalise(text)
    if not code:
        return None
    if not size_types.is_well_formed(code):
        raise ValidationError(
            f"Size/type code is 4 characters A-Z or 0-9 (e.g. 22G1), not '{text.strip()}'.",
            field="size_type",
        )
    return code
