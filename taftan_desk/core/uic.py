"""UIC 12-digit wagon numbers (Luhn check), and free-text wagon numbers for Pakistan."""

import re
from dataclasses import dataclass

from taftan_desk.core.text import latin_digits

# Corridor railways; Pakistan has no UIC code, so its wagon numbers are free text.
CORRIDOR_COUNTRIES = {"96": "Iran", "67": "Turkmenistan", "27": "Kazakhstan", "20": "Russia"}

_SEPARATORS = re.compile(r"[\s\-]+")
_TWELVE = re.compile(r"[0-9]{12}", re.ASCII)


def normalise(text: str) -> str:
    return _SEPARATORS.sub("", latin_digits(text)).upper()


# A digit doubled, then its digits summed (Luhn): 7 -> 14 -> 5.
_DOUBLED = tuple(2 * d // 10 + 2 * d % 10 for d in range(10))


def check_digit(first_eleven: str) -> int:
    doubled = sum(map(_DOUBLED.__getitem__, map(int, first_eleven[0::2])))
    total = doubled + sum(map(int, first_eleven[1::2]))
    return (10 - total % 10) % 10


def looks_like_uic(text: str) -> bool:
    return bool(_TWELVE.fullmatch(normalise(text)))


@dataclass(frozen=True)
class WagonCheck:
    number: str
    is_uic: bool
    valid: bool
    reason: str


def check(text: str) -> WagonCheck:
    """Validate a UIC number when the text is one; any other wagon number is accepted as typed."""
    n = normalise(text)
    if not _TWELVE.fullmatch(n):  # looks_like_uic(n): n is already normalised
        return WagonCheck(text.strip(), False, True, "Not a UIC number; recorded as written.")
    expected = check_digit(n[:11])
    country = CORRIDOR_COUNTRIES.get(n[2:4])
    where = f" ({country})" if country else ""
    if expected != int(n[11]):
        return WagonCheck(
            n,
            True,
            False,
            f"UIC wagon number {n}{where}: check digit is {n[11]} but should be "
            f"{expected}. Check the number on the wagon.",
        )
    return WagonCheck(n, True, True, f"Valid UIC wagon number{where}.")
