"""ISO 6346 size/type codes as versioned data.

The table is a subset of the codes seen on the corridor. ISO 6346:2022 reworked the tank
codes, so the table carries its edition; an unknown code is a warning, never a block.
"""

import re
from dataclasses import dataclass

TABLE_VERSION = "ISO 6346:2022 subset, 2026-11"


@dataclass(frozen=True)
class SizeType:
    code: str
    length_ft: int
    description: str
    typical_tare_kg: int | None


_ROWS = (
    ("22G1", 20, "20 ft general purpose", 2300),
    ("22G0", 20, "20 ft general purpose, opening at one or both ends", 2300),
    ("25G1", 20, "20 ft high cube general purpose", 2400),
    ("22R1", 20, "20 ft reefer", 3000),
    ("22U1", 20, "20 ft open top", 2300),
    ("22P1", 20, "20 ft flat rack", 2700),
    ("22T1", 20, "20 ft tank", 3600),
    ("42G1", 40, "40 ft general purpose", 3750),
    ("42G0", 40, "40 ft general purpose, opening at one or both ends", 3750),
    ("45G1", 40, "40 ft high cube general purpose", 3940),
    ("42R1", 40, "40 ft reefer", 4800),
    ("45R1", 40, "40 ft high cube reefer", 4800),
    ("42U1", 40, "40 ft open top", 3850),
    ("42P1", 40, "40 ft flat rack", 5000),
    ("L5G1", 45, "45 ft high cube general purpose", 4800),
)

SIZE_TYPES: dict[str, SizeType] = {row[0]: SizeType(*row) for row in _ROWS}

_FORMAT = re.compile(r"[0-9A-Z]{4}", re.ASCII)


def normalise(text: str) -> str:
    return text.strip().upper()


def is_well_formed(code: str) -> bool:
    return bool(_FORMAT.fullmatch(code))


def lookup(code: str) -> SizeType | None:
    return SIZE_TYPES.get(normalise(code))
