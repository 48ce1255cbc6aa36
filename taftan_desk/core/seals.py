"""Seals per ISO 17712: no check digit exists, so the number is kept as text."""

import enum
import re
from dataclasses import dataclass

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.text import latin_digits


class SealClass(enum.StrEnum):
    INDICATIVE = "I"
    SECURITY = "S"
    HIGH_SECURITY = "H"


class SealType(enum.StrEnum):
    BOLT = "bolt"
    CABLE = "cable"
    PADLOCK = "padlock"


class SealState(enum.StrEnum):
    INTACT = "intact"
    BROKEN = "broken"
    MISSING = "missing"
    DIFFERENT = "different"  # number differs from the documents

    @property
    def is_risk(self) -> bool:
        return self is not SealState.INTACT


MAX_SEAL_LENGTH = 15
_SEAL = re.compile(r"[A-Z0-9][A-Z0-9/\-]*", re.ASCII)


@dataclass(frozen=True)
class Seal:
    number: str
    state: SealState = SealState.INTACT
    seal_class: SealClass | None = None  # officers often cannot tell; never forced
    seal_type: SealType | None = None


def normalise_seal_number(text: str, field_name: str = "seals") -> str:
    if len(text) <= MAX_SEAL_LENGTH and _SEAL.fullmatch(text):
        return text  # already as the desk stores it
    number = latin_digits(text).strip().upper().replace(" ", "")
    if not number:
        raise ValidationError("Enter the seal number as printed on the seal.", field=field_name)
    if len(number) > MAX_SEAL_LENGTH:
        raise ValidationError(
            f"Seal number {number} is longer than {MAX_SEAL_LENGTH} characters.", field=field_name
        )
    if not _SEAL.fullmatch(number):
        raise ValidationError(
            f"Seal number '{text.strip()}' may contain only A-Z, 0-9, '-' and '/'.",
            field=field_name,
        )
    return number
