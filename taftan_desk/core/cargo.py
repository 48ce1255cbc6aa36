"""Cargo categories, HS code validation and the dangerous-goods hint."""

import enum
import re
from dataclasses import dataclass

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.text import latin_digits


class CargoCategory(enum.StrEnum):
    OIL = "oil"
    GAS = "gas"
    STEEL = "steel"
    INDUSTRIAL = "industrial"
    TEXTILES = "textiles"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CargoCategory.OIL: "Oil",
    CargoCategory.GAS: "Gas",
    CargoCategory.STEEL: "Steel",
    CargoCategory.INDUSTRIAL: "Industrial goods",
    CargoCategory.TEXTILES: "Textiles",
    CargoCategory.OTHER: "Other",
}

# Which HS prefixes (heading or chapter) belong to each category.
_CATEGORY_PREFIXES: dict[CargoCategory, tuple[str, ...]] = {
    CargoCategory.OIL: ("2709", "2710"),
    CargoCategory.GAS: ("2711",),
    CargoCategory.STEEL: ("72", "73"),
    CargoCategory.INDUSTRIAL: ("84", "85"),
    CargoCategory.TEXTILES: tuple(str(ch) for ch in range(50, 64)),
}

_CHAPTER_NAMES = {
    "27": "mineral fuels and oils",
    "72": "iron and steel",
    "73": "articles of iron or steel",
    "84": "machinery",
    "85": "electrical equipment",
}
for _ch in range(50, 64):
    _CHAPTER_NAMES[str(_ch)] = "textiles"

_HS = re.compile(r"[0-9]{6}(?:[0-9]{2})?", re.ASCII)
_SEPARATORS = re.compile(r"[\s.\-]+")


def normalise_hs(text: str) -> str:
    """'2711.12 00' -> '27111200'."""
    return _SEPARATORS.sub("", latin_digits(text))


def validate_hs(text: str, field_name: str = "hs_code") -> str:
    """6 ASCII digits (HS) or 8 (with the Pakistan Customs Tariff suffix), a real chapter.
    Chapters 98 and 99 are kept for national use, so they are accepted."""
    code = normalise_hs(text)
    if not code:
        raise ValidationError("Enter the HS code (6 or 8 digits, e.g. 271112).", field=field_name)
    if not _HS.fullmatch(code):
        raise ValidationError(
            f"HS code '{text.strip()}' must be 6 or 8 digits 0-9 (e.g. 271112 or 72083900).",
            field=field_name,
        )
    chapter = int(code[:2])
    if chapter < 1 or chapter == 77:
        raise ValidationError(
            f"HS chapter {code[:2]} does not exist (chapters run 01 to 99, 77 is unused).",
            field=field_name,
        )
    return code


def category_for_hs(code: str) -> CargoCategory | None:
    for category, prefixes in _CATEGORY_PREFIXES.items():
        if code.startswith(prefixes):
            return category
    return None


def hs_category_warning(code: str, category: CargoCategory) -> str | None:
    """A warning when the HS chapter contradicts the chosen category, else None."""
    implied = category_for_hs(code)
    if category is CargoCategory.OTHER:
        if implied is None:
            return None
        return (
            f"HS {code[:4]} is {implied.label.lower()} cargo but the category is Other: "
            f"choose {implied.label} or check the code."
        )
    if implied is category:
        return None
    name = _CHAPTER_NAMES.get(code[:2], f"chapter {code[:2]}")
    return (
        f"HS {code[:4]} ({name}) does not fit the category {category.label}: "
        "check the code or the category."
    )


@dataclass(frozen=True)
class DangerousGoodsHint:
    adr_class: str
    text: str


def dangerous_goods_hint(category: CargoCategory, hs_code: str | None) -> DangerousGoodsHint | None:
    """Oil and gas travel as dangerous goods; point the officer at the ADR papers.

    Only UN numbers confirmed against the ADR list are named (UN1202 gas oil, UN1972 LNG);
    the others must be read off the transport document.
    """
    hs = hs_code or ""
    if category is CargoCategory.GAS or hs.startswith("2711"):
        if hs.startswith("271111"):
            return DangerousGoodsHint(
                "2.1",
                "Dangerous goods class 2.1 (LNG, UN1972): check the "
                "ADR papers, placards and the driver's ADR certificate.",
            )
        return DangerousGoodsHint(
            "2.1",
            "Dangerous goods class 2.1 (flammable gas): check the UN "
            "number on the ADR papers, placards and driver's certificate.",
        )
    if category is CargoCategory.OIL or hs.startswith(("2709", "2710")):
        return DangerousGoodsHint(
            "3",
            "Dangerous goods class 3 (flammable liquid, e.g. UN1202 gas "
            "oil): check the UN number on the ADR papers and placards.",
        )
    return None
