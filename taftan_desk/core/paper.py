"""The documents the desk prints, the paper each goes on, and which a crossing may have."""

from taftan_desk.core.lifecycle import Status

KINDS = ("entry", "clearance", "hold", "exam")
SIZES = ("80mm", "a5", "a4")
# The usual paper for each document: the gate pass travels with the truck on a thermal roll;
# the hold notice and the examination report, with their signature blocks, are filed on A4.
DEFAULT_SIZES = {"entry": "a5", "clearance": "80mm", "hold": "a4", "exam": "a4"}

# What the command line and the records call each document (screens translate their own).
NAMES = {
    "entry": "Entry document",
    "clearance": "Clearance slip",
    "hold": "Hold notice",
    "exam": "Examination report",
}

_NEEDS_STATUS = {
    "clearance": (
        {Status.RELEASED},
        "A clearance slip is printed only after release; entry {entry} is {status}.",
    ),
    "hold": (
        {Status.HELD, Status.REFUSED},
        "A hold notice is printed only for held or refused cargo; entry {entry} is {status}.",
    ),
}


def copy_label(copy_no: int) -> str:
    """How a copy is named: the first print is the original, a reprint DUPLICATE n."""
    return "original" if copy_no == 1 else f"DUPLICATE {copy_no - 1}"


def refusal(kind: str, entry_no: str, status: Status, examined: bool) -> str | None:
    """Why a crossing in this state cannot have this document (None: it can)."""
    if kind in _NEEDS_STATUS:
        allowed, message = _NEEDS_STATUS[kind]
        if status not in allowed:
            return message.format(entry=entry_no, status=status.label.lower())
    if kind == "exam" and not examined:
        return f"Entry {entry_no} has no examination recorded: record it first (F7)."
    return None


def printable(status: Status, examined: bool) -> list[str]:
    """The documents a crossing can have now, the one its state calls for first."""
    kinds = [k for k in KINDS if refusal(k, "", status, examined) is None]
    first = {Status.RELEASED: "clearance", Status.HELD: "hold", Status.REFUSED: "hold"}
    lead = first.get(status)
    return sorted(kinds, key=lambda k: k != lead)
