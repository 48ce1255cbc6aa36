"""Signing a shift off: its supervisor freezes the shift's totals and the audit chain's head
in a sign-off record, and writes an anchor file (see `audit anchor`) to the station's anchor
folder, so that the shift's records can later be proven unchanged with `check --anchor`.

A shift is signed off once, after it has ended. Crossings still open are listed first and
signed off only when the supervisor says so (they carry over to the next shift).
"""

import dataclasses
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.roles import Permission
from taftan_desk.db.models import Crossing, ExceptionDecision, ExceptionRequest, ShiftSignoff
from taftan_desk.paths import check_writable, write_atomically
from taftan_desk.services import audit
from taftan_desk.services.anchors import AnchorService
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Actor, Database
from taftan_desk.services.report_views import Period, Signoff, Totals
from taftan_desk.services.settings_service import load as load_settings
from taftan_desk.services.shift_report import ReportService, in_period, period_of, signed

_C = Crossing.__table__  # type: ignore[attr-defined]
_CLOSED = [s.value for s in Status if s.is_closed]
SHOWN_OPEN = 12  # crossings still open named in a refusal; the report lists them all


@dataclass(frozen=True)
class SignoffCheck:
    """What the supervisor sees before signing: is it over, is it signed, what is open."""

    period: Period
    ended: bool
    still_open: tuple[str, ...]  # "2600000012 awaiting inspection", ...
    signed: Signoff | None
    waiting: tuple[str, ...] = ()  # exception requests of its crossings not yet answered

    @property
    def open_items(self) -> tuple[str, ...]:
        """What the supervisor must see before signing: crossings and requests still open."""
        return self.still_open + self.waiting


class SignoffService:
    def __init__(self, db: Database, reports: ReportService, anchors: AnchorService) -> None:
        self.db, self.reports, self.anchors = db, reports, anchors

    def check(self, day: date, shift_no: int) -> SignoffCheck:
        with self.db.read() as session:
            conn = session.connection()
            settings = load_settings(conn)
            period = period_of(settings, day, shift_no)
            still_open = tuple(
                f"{entry} {status.replace('_', ' ')}"
                for entry, status in conn.execute(
                    sa.select(_C.c.entry_no, _C.c.status)
                    .where(in_period(period))
                    .where(_C.c.status.not_in(_CLOSED))
                    .order_by(_C.c.registered_at)
                )
            )
            answered = sa.select(ExceptionDecision.request_id)
            waiting = tuple(
                f"request {number} ({entry}) waiting for a supervisor"
                for number, entry in conn.execute(
                    sa.select(ExceptionRequest.id, _C.c.entry_no)
                    .join(_C, _C.c.id == ExceptionRequest.crossing_id)
                    .where(in_period(period))
                    .where(ExceptionRequest.id.not_in(answered))  # type: ignore[union-attr]
                    .order_by(ExceptionRequest.id)
                )
            )
            return SignoffCheck(
                period,
                self.db.clock() >= period.end,
                still_open,
                signed(session, period),
                waiting,
            )

    def sign_off(
        self,
        actor: Actor,
        day: date,
        shift_no: int,
        *,
        accept_open: bool = False,
        folder: Path | None = None,
    ) -> Signoff:
        """Freeze the shift: its totals and the chain's head, with an anchor file written to
        `folder` (by default the station's anchor folder). ValidationError, in words, when
        the shift has not ended, is already signed, has crossings still open that were not
        accepted, or has nowhere to write the anchor."""
        actor.require(Permission.SIGN_OFF_SHIFTS)
        state = self.check(day, shift_no)
        period = state.period
        if state.signed is not None:
            raise ValidationError(
                f"Shift {period.label} is already signed off: {state.signed.words}.",
                field="shift",
            )
        if not state.ended:
            raise ValidationError(
                f"Shift {period.label} has not ended: sign it off after {period.end:%H:%M}.",
                field="shift",
            )
        open_items = state.open_items
        if open_items and not accept_open:
            shown = ", ".join(open_items[:SHOWN_OPEN])
            more = len(open_items) - SHOWN_OPEN
            raise ValidationError(
                f"{len(open_items)} crossing(s) or request(s) of shift {period.label} are still "
                f"open: {shown}{f' and {more} more' if more > 0 else ''}. Check them, then sign "
                "off accepting that they carry over to the next shift.",
                field="still_open",
            )
        target = self._anchor_file(folder, period)
        report = self.reports.daily(actor, day, shift_no)
        anchor = self.anchors.take()
        # Written beside its place first and put there only once the sign-off is committed:
        # a sign-off that fails (another supervisor signed at the same moment) leaves no
        # anchor behind, and never replaces the one that stands.
        pending = target.with_name(target.name + ".pending")
        write_atomically(pending, (anchor.to_json() + "\n").encode("ascii"))
        note = (
            f"{len(open_items)} crossing(s) or request(s) still open at sign-off: "
            + ", ".join(open_items)
            if open_items
            else ""
        )
        try:
            row = self._record(actor, day, shift_no, report, anchor, target, note)
        except BaseException:
            pending.unlink(missing_ok=True)
            raise
        os.replace(pending, target)
        return Signoff(
            period, actor.username, row.signed_at, anchor.position, anchor.hash, str(target), note
        )

    def _record(self, actor, day, shift_no, report, anchor, target, note) -> ShiftSignoff:  # type: ignore[no-untyped-def]
        with self.db.write(actor) as unit:
            row = ShiftSignoff(
                shift_day=day,
                shift_no=shift_no,
                signed_by=actor.user_id,
                signed_at=unit.now,
                totals_json=audit.canonical(totals_json(report.totals)),
                head_event_id=anchor.position,
                head_hash=anchor.hash,
                anchor_path=str(target)[:500],
                note=note[:2000],
            )
            unit.session.add(row)
            unit.session.flush()
            unit.audit(
                "shift_signed_off",
                "shift",
                f"{day.isoformat()}/{shift_no}",
                {"also": [audit.also("shift_signoff", row.id, row_snapshot(row))]},
            )
            return row

    def _anchor_file(self, folder: Path | None, period: Period) -> Path:
        with self.db.read() as session:
            settings = load_settings(session)
        chosen = folder or (Path(settings.anchor_folder) if settings.anchor_folder else None)
        if chosen is None:
            raise ValidationError(
                "No anchor folder is set: choose a folder (a USB stick or a share), or have "
                "the administrator set the station's anchor_folder.",
                field="anchor_folder",
            )
        if not chosen.is_dir():
            raise ValidationError(
                f"The anchor folder {chosen} does not exist or is not mounted: plug in the "
                "USB stick or choose another folder.",
                field="anchor_folder",
            )
        name = f"anchor-{settings.station_code}-{period.day.isoformat()}-shift{period.shift_no}"
        target = chosen / f"{name}.json"
        try:
            check_writable(target)
        except OSError as exc:
            raise ValidationError(
                f"The anchor cannot be written to {chosen} ({exc.strerror}): choose a folder "
                "this desk can write to.",
                field="anchor_folder",
            ) from exc
        return target


def totals_json(totals: Totals) -> dict[str, object]:
    values = dataclasses.asdict(totals)
    values["by_direction_category"] = {
        f"{d}/{c}": n for (d, c), n in totals.by_direction_category.items()
    }
    return json.loads(audit.canonical(values))
