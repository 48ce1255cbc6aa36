"""What a document needs besides the crossing: who prints it, when, which copy, what size.

Services build a PrintContext (they allocate the record number, count copies and sign the QR
payload); the renderers only draw it.
"""

from dataclasses import dataclass
from datetime import datetime

# One list of documents and papers for the whole desk (services check requests against it).
from taftan_desk.core.paper import DEFAULT_SIZES, KINDS, SIZES

__all__ = ["DEFAULT_SIZES", "KINDS", "SIZES", "PrintContext"]


@dataclass(frozen=True)
class PrintContext:
    kind: str  # one of KINDS
    copy_no: int  # 1 = original, 2 = first duplicate ...
    record_no: str  # the printed-document record's number
    printed_at: datetime  # timezone-aware
    station_name: str
    timezone: str  # e.g. "Asia/Karachi": times are shown in it
    officer: str  # display name of the officer printing
    examiner: str | None = None
    decided_by: str | None = None  # who released / held / refused; None: the printing officer
    registered_by: str | None = None  # who registered the crossing; None: the printing officer
    qr_text: str | None = None  # the already-signed slip payload
    audit_head: str | None = None  # short hash of the audit chain head (tamper evidence)
    size: str | None = None  # one of SIZES; None: the kind's usual size
    cargo_limit_kg: int = 22_000

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"document kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.size is not None and self.size not in SIZES:
            raise ValueError(f"paper size {self.size!r} is not one of {', '.join(SIZES)}")
        if type(self.copy_no) is not int or self.copy_no < 1:
            raise ValueError(f"copy number {self.copy_no!r} must be 1 (original) or more")
        if self.printed_at.utcoffset() is None:
            raise ValueError("printed_at must be timezone-aware")
        if not self.timezone:
            raise ValueError("the station's time zone is needed to show local times")
        if self.cargo_limit_kg <= 0:
            raise ValueError("the cargo limit must be more than 0 kg")

    @property
    def paper(self) -> str:
        return self.size or DEFAULT_SIZES[self.kind]

    @property
    def duplicate_no(self) -> int:
        """0 for the original; n for the n-th reprint ("DUPLICATE n")."""
        return self.copy_no - 1
