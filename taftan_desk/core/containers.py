"""ISO 6346 container numbers: normalising, check digits, validation and typo help."""

import operator
import re
from dataclasses import dataclass, field

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.text import latin_digits

# Letter values skip multiples of 11 (11, 22, 33): A=10, B=12 ... Z=38.
_LETTER_VALUES: dict[str, int] = {}
_value = 10
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _value % 11 == 0:
        _value += 1
    _LETTER_VALUES[_letter] = _value
    _value += 1

CATEGORIES = {"U": "freight container", "J": "detachable equipment", "Z": "trailer or chassis"}
# Every character of a number's body and its value, digits included.
_VALUES = {**_LETTER_VALUES, **{str(d): d for d in range(10)}}

# re.ASCII: '\d' and [A-Z] must never match Arabic-Indic digits or other scripts.
_FULL = re.compile(r"[A-Z]{3}[A-Z][0-9]{6}[0-9]", re.ASCII)
_BODY = re.compile(r"[A-Z]{4}[0-9]{6}", re.ASCII)
_STRIP = re.compile(r"[\s\-]+")

# Characters a scanner, OCR engine or tired eye confuses, in both directions.
_CONFUSIONS = {
    "O": "0",
    "0": "O",
    "I": "1",
    "1": "I",
    "S": "5",
    "5": "S",
    "B": "8",
    "8": "B",
    "Z": "2",
    "2": "Z",
    "G": "6",
    "6": "G",
}


def normalise(text: str) -> str:
    """Upper-case and drop spaces and hyphens: 'csqu 305438-3' -> 'CSQU3054383'."""
    return _STRIP.sub("", latin_digits(text)).upper()


def check_digit(body: str) -> int:
    """Check digit of the first ten characters (owner, category, serial)."""
    if not _BODY.fullmatch(body):
        raise ValueError(f"not a container number body: {body!r}")
    total = sum(map(operator.lshift, map(_VALUES.__getitem__, body), range(10)))
    return total % 11 % 10


def is_valid(number: str) -> bool:
    n = normalise(number)
    return bool(_FULL.fullmatch(n)) and n[3] in CATEGORIES and check_digit(n[:10]) == int(n[10])


@dataclass(frozen=True)
class ContainerCheck:
    """The outcome of checking one container number, explained."""

    text: str
    number: str
    valid: bool
    reason: str
    suggestions: tuple[str, ...] = field(default=())

    @property
    def owner(self) -> str:
        return self.number[:3]


def check(text: str) -> ContainerCheck:
    """Check a container number as typed or scanned and say what is wrong in words."""
    text = latin_digits(text)  # an Urdu keyboard's digits are 0-9; other scripts are not
    if not text.isascii():
        # Before upper-casing: 'ſ'.upper() is 'S', and no scanner sends such letters.
        n = _STRIP.sub("", text)
        bad = next(ch for ch in n if not ch.isascii()) if not n.isascii() else ""
        return ContainerCheck(
            text, n, False, f"'{bad}' cannot appear in a container number: use A-Z and 0-9 only."
        )
    n = normalise(text)
    if not n:
        return ContainerCheck(text, n, False, "Enter the container number (e.g. CSQU3054383).")
    if not n.isascii() or not n.isalnum():
        bad = next(ch for ch in n if not (ch.isascii() and ch.isalnum()))
        return ContainerCheck(
            text,
            n,
            False,
            f"'{bad}' cannot appear in a container number: use A-Z and 0-9 only.",
            _suggest(n),
        )
    if len(n) == 10 and _BODY.fullmatch(n) and n[3] in CATEGORIES:
        fixed = n + str(check_digit(n))
        return ContainerCheck(
            text,
            n,
            False,
            f"{n} has 10 characters; the check digit is missing (with it: {fixed}).",
            (fixed,),
        )
    if len(n) != 11:
        return ContainerCheck(
            text, n, False, f"A container number has 11 characters; {n} has {len(n)}.", _suggest(n)
        )
    if not re.fullmatch(r"[A-Z]{4}", n[:4], re.ASCII):
        return ContainerCheck(
            text,
            n,
            False,
            "The first four characters must be letters (three for the owner, then U, J or Z).",
            _suggest(n),
        )
    if n[3] not in CATEGORIES:
        return ContainerCheck(
            text,
            n,
            False,
            f"The fourth letter is the equipment category and must be U, J or Z, not {n[3]}.",
            _suggest(n),
        )
    if not re.fullmatch(r"[0-9]{7}", n[4:], re.ASCII):
        return ContainerCheck(
            text,
            n,
            False,
            "The last seven characters must be digits (six for the serial, one check digit).",
            _suggest(n),
        )
    expected = check_digit(n[:10])
    if expected != int(n[10]):
        return ContainerCheck(
            text,
            n,
            False,
            f"Check digit is {n[10]} but should be {expected} for {n[:10]}: "
            "a character is probably mistyped.",
            _suggest(n),
        )
    return ContainerCheck(text, n, True, f"{n} is a valid container number.")


def _suggest(n: str) -> tuple[str, ...]:
    """Valid numbers one likely slip away: confusions, then swaps, then a fixed check digit."""
    seen: dict[str, None] = {}
    if len(n) == 11:
        _add_if_valid(seen, _by_position(n))
        for i, ch in enumerate(n):
            if ch in _CONFUSIONS:
                _add_if_valid(seen, n[:i] + _CONFUSIONS[ch] + n[i + 1 :])
        for i in range(10):
            _add_if_valid(seen, n[:i] + n[i + 1] + n[i] + n[i + 2 :])
        if _BODY.fullmatch(n[:10]) and n[3] in CATEGORIES:
            _add_if_valid(seen, n[:10] + str(check_digit(n[:10])))
    seen.pop(n, None)
    return tuple(seen)


def _by_position(n: str) -> str:
    """Letters where letters belong and digits where digits belong: fixes every confusion
    at once (HLXU2OO8419 -> HLXU2008419)."""
    head = "".join(ch if ch.isalpha() else _CONFUSIONS.get(ch, ch) for ch in n[:4])
    tail = "".join(ch if ch.isdigit() else _CONFUSIONS.get(ch, ch) for ch in n[4:])
    return head + tail


def _add_if_valid(seen: dict[str, None], candidate: str) -> None:
    if candidate.isascii() and is_valid(candidate):
        seen.setdefault(candidate, None)


def validate(text: str, field_name: str = "container_no") -> str:
    """Return the normalised number or raise ValidationError with the reason and suggestions."""
    if _FULL.fullmatch(text) and text[3] in CATEGORIES and check_digit(text[:10]) == int(text[10]):
        return text  # already as the desk stores it, and valid: what check() would say
    result = check(text)
    if not result.valid:
        hint = ""
        if result.suggestions:
            hint = " Did you mean " + " or ".join(result.suggestions[:3]) + "?"
        raise ValidationError(result.reason + hint, field=field_name)
    return result.number
