"""The tables. No validation here: services validate with core before writing."""

# No `from __future__ import annotations` in this module: it breaks sqlmodel relationships.
from datetime import date, datetime

from sqlalchemy import Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from taftan_desk.db.types import UTCDateTime


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=40, unique=True)
    full_name: str = Field(default="", max_length=120)
    role: str = Field(max_length=20)
    password_hash: str = Field(max_length=255)
    active: bool = Field(default=True)
    failed_logins: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(sa_type=UTCDateTime)
    password_changed_at: datetime = Field(sa_type=UTCDateTime)
    # Set by an administrator's reset: the next sign-in must choose a new password.
    must_change_password: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class StationSetting(SQLModel, table=True):
    __tablename__ = "station_settings"

    key: str = Field(primary_key=True, max_length=60)
    value_json: str = Field(sa_type=Text)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    updated_by: str = Field(max_length=80)


class KnownOwner(SQLModel, table=True):
    __tablename__ = "known_owners"

    code: str = Field(primary_key=True, max_length=3)
    company: str = Field(default="", max_length=120)


class EntryCounter(SQLModel, table=True):
    """Last entry number issued per year; entry numbers are never reused."""

    __tablename__ = "entry_counters"

    year: int = Field(primary_key=True)
    last_value: int = Field(default=0)


class Crossing(SQLModel, table=True):
    __tablename__ = "crossings"
    __table_args__ = (
        Index("ix_crossings_container_registered", "container_no", "registered_at"),
        Index("ix_crossings_registered_at", "registered_at"),
        Index("ix_crossings_status", "status"),
        Index("ix_crossings_shift", "shift_day", "shift_no"),
    )

    id: int | None = Field(default=None, primary_key=True)
    entry_no: str = Field(max_length=12, unique=True)
    station_code: str = Field(max_length=5)
    direction: str = Field(max_length=3)  # in / out
    mode: str = Field(max_length=4)  # road / rail
    truck_plate: str | None = Field(default=None, max_length=20)
    train_no: str | None = Field(default=None, max_length=20)
    wagon_no: str | None = Field(default=None, max_length=20)
    container_no: str = Field(max_length=11)
    size_type: str | None = Field(default=None, max_length=4)
    max_gross_kg: int | None = None
    cargo_category: str = Field(max_length=12)
    hs_code: str | None = Field(default=None, max_length=8)
    description: str = Field(default="", max_length=300)
    declared_net_kg: int | None = None
    gd_number: str | None = Field(default=None, max_length=40)
    tir_carnet: str | None = Field(default=None, max_length=20)
    tir_voucher: str | None = Field(default=None, max_length=10)
    gross_kg: int | None = None
    tare_kg: int | None = None
    net_kg: int | None = None
    weighed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    weighed_by: int | None = Field(default=None, foreign_key="users.id")
    channel: str = Field(max_length=6)
    channel_reasons_json: str = Field(default="[]", sa_type=Text)
    random_draw_bp: int = 0
    random_rate_bp: int = 0
    status: str = Field(max_length=20)
    status_note: str = Field(default="", max_length=500)
    # A hold placed and not yet lifted by a supervisor, whatever the status is now; the
    # holds themselves (who, why, which approval lifted them) are rows of crossing_holds.
    on_hold: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    registered_at: datetime = Field(sa_type=UTCDateTime)
    registered_by: int | None = Field(default=None, foreign_key="users.id")
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_by: int | None = Field(default=None, foreign_key="users.id")
    updated_at: datetime = Field(sa_type=UTCDateTime)
    version: int = Field(default=1)
    # How many corrections the registration has had (0005): the newest crossing_revisions
    # row with this number holds its seals and what it was before.
    revision: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # The shift it was registered in (0006), as the shift times were then: a night shift
    # belongs to the date it began. Crossings registered before 0006 have none.
    shift_day: date | None = None
    shift_no: int | None = None
    # The manifest row it was announced by (0009), and the fields the officer registered
    # differently from it: [{"field", "manifest", "registered"}, ...] as JSON (None if none).
    expected_id: int | None = Field(default=None, foreign_key="expected_containers.id", index=True)
    manifest_changes_json: str | None = Field(default=None, sa_type=Text)


class SealRecord(SQLModel, table=True):
    __tablename__ = "seals"
    __table_args__ = (UniqueConstraint("crossing_id", "number", "applied_at_exam"),)

    id: int | None = Field(default=None, primary_key=True)
    crossing_id: int = Field(foreign_key="crossings.id")  # led by the unique key
    number: str = Field(max_length=15)
    seal_class: str | None = Field(default=None, max_length=1)
    seal_type: str | None = Field(default=None, max_length=10)
    state: str = Field(max_length=10)
    applied_at_exam: bool = Field(default=False)


class Inspection(SQLModel, table=True):
    __tablename__ = "inspections"

    id: int | None = Field(default=None, primary_key=True)
    crossing_id: int = Field(foreign_key="crossings.id", index=True)
    kind: str = Field(max_length=12)  # documentary / physical / scanner
    examiner: str = Field(max_length=120)
    started_at: datetime = Field(sa_type=UTCDateTime)
    ended_at: datetime = Field(sa_type=UTCDateTime)
    seal_check: str = Field(max_length=12)  # intact / discrepancy / not_checked
    reweigh_gross_kg: int | None = None
    findings: str = Field(max_length=16)  # no_discrepancy / discrepancy / prohibited
    decision: str = Field(max_length=8)  # release / hold / refer / refuse
    new_seal_no: str | None = Field(default=None, max_length=15)
    remarks: str = Field(default="", max_length=2000)
    recorded_by: int | None = Field(default=None, foreign_key="users.id")
    recorded_at: datetime = Field(sa_type=UTCDateTime)


class Approval(SQLModel, table=True):
    """A supervisor's approval of an exception (overweight release, re-route, void)."""

    __tablename__ = "approvals"
    __table_args__ = (Index("ix_approvals_grant_id", "grant_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    crossing_id: int = Field(foreign_key="crossings.id", index=True)
    kind: str = Field(max_length=30)
    supervisor_id: int = Field(foreign_key="users.id")
    requested_by: int | None = Field(default=None, foreign_key="users.id")
    reason: str = Field(max_length=500)
    approved_at: datetime = Field(sa_type=UTCDateTime)
    # The signed grant this approval consumed: a grant is used once (NULL before 0003).
    grant_id: str | None = Field(default=None, max_length=32)


class AuditEvent(SQLModel, table=True):
    """Append-only, hash-chained: each hash covers the previous hash and this event's content."""

    __tablename__ = "audit_events"
    # With id: "the newest event of this record" is a backward index scan on PostgreSQL too
    # (SQLite keeps the rowid in every index anyway).
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UTCDateTime)
    actor_id: int | None = Field(default=None, foreign_key="users.id")
    actor_name: str = Field(max_length=80)
    action: str = Field(max_length=40)
    entity: str = Field(max_length=30)
    entity_id: str = Field(max_length=40)
    data_json: str = Field(sa_type=Text)
    prev_hash: str = Field(max_length=64)
    # Not indexed: the chain already makes hashes unique, and a random-keyed index would cost
    # a page write on every change the desk makes.
    hash: str = Field(max_length=64)
    # The writing desk's Ed25519 signature over `hash`, and its key (NULL before 0003).
    key_id: str | None = Field(default=None, max_length=16)
    signature: str | None = Field(default=None, max_length=128)


class AuditHead(SQLModel, table=True):
    """The chain's head: one row, locked by every append so appends serialise on any back end."""

    __tablename__ = "audit_head"

    id: int = Field(default=1, primary_key=True)
    last_event_id: int = 0
    last_hash: str = Field(max_length=64)


class StationKey(SQLModel, table=True):
    """A desk's public signing key: slips it signs verify against it at any checkpoint.

    The private half stays in a file on the desk; the database holds only public keys."""

    __tablename__ = "station_keys"

    key_id: str = Field(primary_key=True, max_length=16)
    public_key: str = Field(max_length=64)  # raw Ed25519 public key, hex
    desk: str = Field(max_length=120)
    registered_at: datetime = Field(sa_type=UTCDateTime)
    registered_by: int | None = Field(default=None, foreign_key="users.id")


class PrintedDocument(SQLModel, table=True):
    """Every document printed, original or copy: what a gate compares a slip with."""

    __tablename__ = "printed_documents"
    __table_args__ = (UniqueConstraint("crossing_id", "kind", "copy_no"),)

    id: int | None = Field(default=None, primary_key=True)
    crossing_id: int = Field(foreign_key="crossings.id", index=True)
    kind: str = Field(max_length=12)  # entry / clearance / hold / exam
    copy_no: int  # 1 = the original, n + 1 = DUPLICATE n
    size: str = Field(max_length=8)
    printed_at: datetime = Field(sa_type=UTCDateTime)
    printed_by: int | None = Field(default=None, foreign_key="users.id")
    key_id: str = Field(foreign_key="station_keys.key_id", max_length=16)
    payload_hash: str = Field(max_length=64, index=True)


class DocumentVoid(SQLModel, table=True):
    """A printed document declared void, with the supervisor's approval."""

    __tablename__ = "document_voids"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="printed_documents.id", unique=True)
    approval_id: int = Field(foreign_key="approvals.id")
    voided_at: datetime = Field(sa_type=UTCDateTime)
    voided_by: int | None = Field(default=None, foreign_key="users.id")


class KeyCertificate(SQLModel, table=True):
    """A station root key's signature over a desk key: the desk may write evidence and sign
    slips. The root's own row is signed by itself."""

    __tablename__ = "key_certificates"

    id: int | None = Field(default=None, primary_key=True)
    key_id: str = Field(foreign_key="station_keys.key_id", max_length=16, index=True)
    root_key_id: str = Field(foreign_key="station_keys.key_id", max_length=16)
    signature: str = Field(max_length=128)  # Ed25519 by the root, hex
    issued_at: datetime = Field(sa_type=UTCDateTime)
    issued_by: int | None = Field(default=None, foreign_key="users.id")


class CrossingHold(SQLModel, table=True):
    """A hold placed on a crossing, or lifted by a supervisor: facts, never inferred from the
    crossing's current status (a held truck re-inspected is still held until lifted)."""

    __tablename__ = "crossing_holds"

    id: int | None = Field(default=None, primary_key=True)
    crossing_id: int = Field(foreign_key="crossings.id", index=True)
    action: str = Field(max_length=8)  # placed / lifted
    at: datetime = Field(sa_type=UTCDateTime)
    by_user: int | None = Field(default=None, foreign_key="users.id")
    reason: str = Field(default="", max_length=2000)
    approval_id: int | None = Field(default=None, foreign_key="approvals.id")


class PrintJob(SQLModel, table=True):
    """What became of a printed copy (0004): `sent` where it went (a print queue with the
    spooler's job number, or a file), written in the transaction that recorded the copy and
    only once the spooler or the disk took it; `cancelled` when that job was cancelled in the
    queue before it ever started printing, as the spooler confirmed. A cancelled copy is void
    without a supervisor: no paper of it exists."""

    __tablename__ = "print_jobs"
    __table_args__ = (UniqueConstraint("document_id", "event"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="printed_documents.id", index=True)
    event: str = Field(max_length=12)  # sent / cancelled
    destination: str = Field(max_length=300)  # a queue name, or a file's path
    job_id: int | None = None  # the spooler's job number (QUEUE-ID); None for a file
    at: datetime = Field(sa_type=UTCDateTime)
    by_user: int | None = Field(default=None, foreign_key="users.id")


class CrossingRevision(SQLModel, table=True):
    """A correction of a crossing's registration (0005), with what it was before and after.

    An open crossing is corrected by its officer with a reason; a closed one only by an
    amendment a supervisor approved (`approval_id`), which the closed-crossing guard checks
    for before it lets the row change. The registration's seals from then on are the ones
    in the newest revision's `after_json` (seal rows are evidence and never change)."""

    __tablename__ = "crossing_revisions"
    __table_args__ = (
        UniqueConstraint("crossing_id", "revision_no"),
        # One approval, one amendment (0008): the closed-crossing guard relies on it.
        Index("ix_crossing_revisions_approval_id", "approval_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    crossing_id: int = Field(foreign_key="crossings.id")  # led by the unique key
    revision_no: int  # 1 = the first correction
    closed: bool = Field(default=False)  # an amendment of a released or refused crossing
    reason: str = Field(max_length=2000)
    before_json: str = Field(sa_type=Text)  # the whole row and its seals before
    after_json: str = Field(sa_type=Text)
    at: datetime = Field(sa_type=UTCDateTime)
    by_user: int | None = Field(default=None, foreign_key="users.id")
    approval_id: int | None = Field(default=None, foreign_key="approvals.id")


class ShiftSignoff(SQLModel, table=True):
    """A shift signed off by its supervisor (0006): its totals and the audit chain's head
    frozen as they were, and where the anchor file was written. Once per shift."""

    __tablename__ = "shift_signoffs"
    __table_args__ = (UniqueConstraint("shift_day", "shift_no"),)

    id: int | None = Field(default=None, primary_key=True)
    shift_day: date
    shift_no: int
    signed_by: int | None = Field(default=None, foreign_key="users.id")
    signed_at: datetime = Field(sa_type=UTCDateTime)
    totals_json: str = Field(sa_type=Text)
    head_event_id: int
    head_hash: str = Field(max_length=64)
    anchor_path: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=2000)  # what was still open, in words


class ExceptionRequest(SQLModel, table=True):
    """An officer's request for a supervisor's approval, answered at any desk of the station
    (0007): exactly one action on one record for that officer (the approval's Permit), with
    what the supervisor is shown and the officer's reason."""

    __tablename__ = "exception_requests"

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(max_length=12)  # release / void / amend
    target: str = Field(max_length=40)  # crossing:12 / document:5
    officer_id: int | None = Field(default=None, foreign_key="users.id")
    overrides: str = Field(default="", max_length=500)  # the Permit's, comma-separated
    crossing_id: int | None = Field(default=None, foreign_key="crossings.id", index=True)
    what: str = Field(max_length=2000)  # what the supervisor is asked to approve, in words
    reason: str = Field(max_length=2000)  # why the officer asks
    requested_at: datetime = Field(sa_type=UTCDateTime)


class ExceptionDecision(SQLModel, table=True):
    """A supervisor's answer to an exception request (0007): approved or refused, with the
    reason; one per request. An approval is used once, by the officer who asked."""

    __tablename__ = "exception_decisions"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="exception_requests.id", unique=True)
    approved: bool
    supervisor_id: int | None = Field(default=None, foreign_key="users.id")
    reason: str = Field(max_length=2000)
    decided_at: datetime = Field(sa_type=UTCDateTime)


class Manifest(SQLModel, table=True):
    """An imported manifest of pre-announced containers (0009): which file, who imported it
    and a digest of its rows (the rows are not audited one by one; `check` recomputes it)."""

    __tablename__ = "manifests"

    id: int | None = Field(default=None, primary_key=True)
    source_name: str = Field(max_length=200)  # the file's name, without its folder
    file_sha256: str = Field(max_length=64)
    row_count: int
    rows_digest: str = Field(max_length=64)
    imported_at: datetime = Field(sa_type=UTCDateTime)
    imported_by: int | None = Field(default=None, foreign_key="users.id")


class ExpectedContainer(SQLModel, table=True):
    """One container a manifest announces (0009), checked by the registration's rules and in
    their canonical form. It has arrived when a crossing names it (crossings.expected_id)."""

    __tablename__ = "expected_containers"
    __table_args__ = (
        UniqueConstraint("manifest_id", "row_no"),
        Index("ix_expected_containers_train", "train_no", "wagon_no"),
        Index("ix_expected_containers_expected_on", "expected_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    manifest_id: int = Field(foreign_key="manifests.id")  # led by the unique key
    row_no: int  # the file's row (the header is row 1)
    direction: str = Field(max_length=3)
    mode: str = Field(max_length=4)
    container_no: str = Field(max_length=11, index=True)
    cargo_category: str = Field(max_length=12)
    declared_net_kg: int
    truck_plate: str | None = Field(default=None, max_length=20)
    train_no: str | None = Field(default=None, max_length=20)
    wagon_no: str | None = Field(default=None, max_length=20)
    size_type: str | None = Field(default=None, max_length=4)
    seals: str = Field(default="", max_length=200)  # space-separated
    hs_code: str | None = Field(default=None, max_length=8)
    description: str = Field(default="", max_length=300)  # any script: it is not printed
    gd_number: str | None = Field(default=None, max_length=40)
    tir_carnet: str | None = Field(default=None, max_length=20)
    consignee: str = Field(default="", max_length=120)
    expected_on: date | None = None


class ManifestWithdrawal(SQLModel, table=True):
    """A manifest withdrawn before any of its containers arrived (0009), with the reason."""

    __tablename__ = "manifest_withdrawals"

    id: int | None = Field(default=None, primary_key=True)
    manifest_id: int = Field(foreign_key="manifests.id", unique=True)
    reason: str = Field(max_length=500)
    withdrawn_at: datetime = Field(sa_type=UTCDateTime)
    withdrawn_by: int | None = Field(default=None, foreign_key="users.id")


class WeighingCounter(SQLModel, table=True):
    """Last weighbridge ticket issued per year (0010); tickets are never reused."""

    __tablename__ = "weighing_counters"

    year: int = Field(primary_key=True)
    last_value: int = Field(default=0)


class Weighing(SQLModel, table=True):
    """One weighing at the weighbridge (0010), append-only, with where each figure came
    from. `loaded`: a crossing's container on its vehicle (its gross is the reading less the
    vehicle's tare); `empty`: the vehicle alone, its tare remembered for the next time (the
    newest per vehicle counts)."""

    __tablename__ = "weighings"
    __table_args__ = (
        Index("ix_weighings_vehicle", "vehicle_kind", "vehicle_no", "id"),
        Index("ix_weighings_weighed_at", "weighed_at"),  # a shift's weighings (0011)
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_no: str = Field(max_length=10, unique=True)
    purpose: str = Field(max_length=6)  # loaded | empty
    crossing_id: int | None = Field(default=None, foreign_key="crossings.id", index=True)
    vehicle_kind: str | None = Field(default=None, max_length=5)  # truck | wagon
    vehicle_no: str | None = Field(default=None, max_length=20)  # plate or wagon number
    bridge_kg: int | None = None  # the weighbridge's reading (None: a container gross typed)
    bridge_source: str | None = Field(default=None, max_length=10)  # scale | typed
    vehicle_tare_kg: int | None = None
    tare_source: str | None = Field(default=None, max_length=10)  # remembered | typed
    vehicle_tare_id: int | None = Field(default=None, foreign_key="weighings.id")
    container_gross_kg: int | None = None
    container_tare_kg: int | None = None
    net_kg: int | None = None
    reason: str = Field(default="", max_length=500)  # why a figure was typed
    scale_id: str = Field(default="", max_length=40)
    protocol: str = Field(default="", max_length=10)
    interval_kg: int | None = None
    frames: str = Field(default="", sa_type=Text)  # the stable window's frames, as text
    weighed_at: datetime = Field(sa_type=UTCDateTime)
    weighed_by: int | None = Field(default=None, foreign_key="users.id")
