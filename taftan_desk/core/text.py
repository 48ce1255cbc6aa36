"""Free text a person types (names, descriptions, remarks): one set of rules for every field.

Text is trimmed, kept within its database column (PostgreSQL refuses a longer value, SQLite
silently keeps a million characters), and refused when it holds characters that hide or
disguise what is written: control characters, and the bidirectional overrides and isolates
that make a name display differently from what is stored ("Trojan Source").
"""

import unicodedata

from taftan_desk.core.errors import ValidationError

# Column lengths of the name fields (tests check them against taftan_desk/db/models.py).
PERSON_NAME_LENGTH = 120  # users.full_name, inspections.examiner
COMPANY_NAME_LENGTH = 120  # known_owners.company
STATION_NAME_LENGTH = 200  # a station setting, stored as JSON text

# Zero-width joiner and non-joiner: Urdu, Persian and Indic words need them to shape right.
_JOINERS = frozenset("\u200c\u200d")
# Embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_LINE_BREAKS = frozenset("\n\t")


def clean(
    text: str,
    field: str,
    label: str,
    max_length: int,
    *,
    required: bool = False,
    multiline: bool = False,
    any_script: bool = False,
) -> str:
    """The text as it will be stored, or ValidationError naming the field in `label`'s words
    ("the full name"). One line collapses runs of spaces; multiline keeps line breaks.
    `any_script` keeps text the documents cannot print yet (a manifest's Urdu description,
    shown on screen only)."""
    if multiline:
        value = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    else:
        value = " ".join(text.split())
    if not value:
        if required:
            raise ValidationError(f"Enter {label}.", field=field)
        return ""
    if value.isascii() and value.isprintable():  # the common case, without a scan per letter
        return _within(value, max_length, field, label)
    bad = next((ch for ch in value if _disguises(ch, multiline)), None)
    if bad is not None:
        raise ValidationError(
            f"{_capital(label)} contains {describe(bad)}, which can hide or disguise text: "
            "retype it without that character.",
            field=field,
        )
    unprintable = None if any_script else next((ch for ch in value if not printable(ch)), None)
    if unprintable is not None:
        raise ValidationError(
            f"{_capital(label)} contains '{unprintable}', which the printed documents cannot "
            "show yet (they print Latin letters only, and would show a black box): type it "
            "in English letters.",
            field=field,
        )
    return _within(value, max_length, field, label)


def _within(value: str, max_length: int, field: str, label: str) -> str:
    if len(value) > max_length:
        raise ValidationError(
            f"{_capital(label)} is longer than {max_length:,} characters "
            f"({len(value):,}): shorten it.",
            field=field,
        )
    return value


# Arabic-Indic (U+0660-0669) and Extended Arabic-Indic (U+06F0-06F9: Urdu and Persian)
# digits, as an Urdu or Arabic keyboard types them, are the digits 0-9; the Arabic thousands
# separator is a comma. Other scripts' digits stay refused where numbers are read.
_LATIN_DIGITS = {
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
    0x066C: ",",
}


def latin_digits(text: str) -> str:
    """'۲۲,۰۰۰' -> '22,000': numbers typed on an Urdu keyboard read as the desk stores them."""
    return text.translate(_LATIN_DIGITS)


REASON_LENGTH = 500  # crossings.status_note, approvals.reason
MIN_REASON_LENGTH = 5


def clean_reason(text: str, field: str, missing: str) -> str:
    """A written reason (a hold, a refusal, a supervisor's approval): the same rules as any
    text a person types, and a few words at least (`missing` says so in the field's terms)."""
    value = clean(text, field, "the reason", REASON_LENGTH)
    if len(value) < MIN_REASON_LENGTH:
        raise ValidationError(missing, field=field)
    return value


def disguising_character(text: str) -> str | None:
    """The first character `clean` would refuse in one line of text, if any."""
    return next((ch for ch in text if _disguises(ch, False)), None)


def _disguises(ch: str, multiline: bool) -> bool:
    if ch in BIDI_CONTROLS:
        return True
    category = unicodedata.category(ch)
    if category == "Cc":
        return not (multiline and ch in _LINE_BREAKS)
    if category == "Cf":  # format characters: invisible marks, bidi marks, tags, BOM
        return ch not in _JOINERS
    # Undecodable bytes (surrogates) and line or paragraph separators inside one line.
    return category == "Cs" or (category in ("Zl", "Zp") and not multiline)


def printable(ch: str) -> bool:
    """The documents' fonts have a glyph for it: the standard PDF fonts' WinAnsi set (Latin
    letters with their accents, digits, punctuation). Whatever the desk accepts, it prints;
    Urdu and Persian script wait for documents with Arabic-script fonts and shaping."""
    if ch in _JOINERS or ch in _LINE_BREAKS:
        return ch in _LINE_BREAKS  # a joiner only serves Arabic-script words
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def printable_text(text: str) -> bool:
    """Every character of `text` is `printable` (ASCII always is)."""
    return text.isascii() or all(map(printable, text))


def describe(ch: str) -> str:
    """A character a person cannot see, named so they can find it: 'U+202E RIGHT-TO-LEFT
    OVERRIDE', or 'control character U+0007'."""
    code = f"U+{ord(ch):04X}"
    category = unicodedata.category(ch)
    if category == "Cs":
        return f"an undecodable byte ({code})"
    name = unicodedata.name(ch, "")
    if category == "Cc" or not name:
        return f"the invisible control character {code}"
    return f"the invisible character {code} {name}"


def shown(text: str, limit: int = 40) -> str:
    """Text typed by a person, quoted back in a message without flooding it."""
    head = "".join("?" if _disguises(ch, False) else ch for ch in text.strip()[: limit + 1])
    return head if len(head) <= limit else f"{head[: limit - 1]}…"


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]
