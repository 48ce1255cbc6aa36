"""Attacks that forge the state the desk acts on, rather than the log: a hold lifted by an
inserted row, a crossing edited and covered by an appended event, an account promoted or
given a known password by SQL, an approval carried over to a new finding, a certificate
row that no root signed, a wiped station, a rewritten head anchored. Each must fail."""

import dataclasses
import sqlite3

import pytest

from taftan_desk.core.errors import PermissionDenied, StorageError, ValidationError
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.lifecycle import Status
from taftan_desk.db import guards
from taftan_desk.db.engine import make_engine
from taftan_desk.db.models import Crossing
from taftan_desk.services import audit, keys
from taftan_desk.services.approvals import Permit
from taftan_desk.services.container import Services
from taftan_desk.services.desk_key import DeskIdentity
from tests.services.test_attacks_keys_anchors import _append_event
from tests.support import PASSWORD, WEIGHED_ROAD, Desk, fixed_key, kept, road_form, run_sql


def _held(desk: Desk) -> int:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    desk.services.crossings.hold(desk.officer, c.id, "Papers missing")
    return c.id


def _inspect(desk: Desk, crossing_id: int, decision: str, **given: str) -> Status:
    form = InspectionInput(
        given.get("kind", "documentary"), "Ali Khan", given.get("findings", "no_discrepancy"),
        decision, remarks=given.get("remarks", "checked"),
    )  # fmt: skip
    return desk.services.inspections.record(desk.officer, crossing_id, form).status


def test_a_hold_row_inserted_behind_the_desk_lifts_nothing(desk: Desk) -> None:
    crossing_id = _held(desk)
    desk.services.crossings.send_to_inspection(desk.officer, crossing_id, "Re-examine it")
    _inspect(desk, crossing_id, "release")
    run_sql(
        desk.path,
        "INSERT INTO crossing_holds (crossing_id, action, at, by_user, reason, approval_id) "
        f"VALUES ({crossing_id}, 'lifted', '2026-11-27 09:00:00', NULL, 'x', NULL)",
    )
    with pytest.raises(PermissionDenied, match="on hold"):
        desk.services.crossings.release(desk.officer, crossing_id)


def test_an_edit_covered_by_an_appended_event_is_refused_before_a_gate_pass(desk: Desk) -> None:
    """Mark a held truck released and append an (unsigned) event saying so: the desk must
    not print, and so sign, a gate pass for it."""
    crossing_id = _held(desk)
    run_sql(desk.path, f"UPDATE crossings SET status = 'released' WHERE id = {crossing_id}")
    with desk.services.db.read() as session:
        after = audit.row_snapshot(session.get(Crossing, crossing_id))
    conn = sqlite3.connect(desk.path)
    _append_event(conn, "crossing_released", "crossing", str(crossing_id), {"after": after})
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not as the desk last recorded it"):
        desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)


def test_an_approval_does_not_cover_a_hold_found_after_it(desk: Desk) -> None:
    over = road_form(declared_net_kg="23000", gross_kg="28300", tare_kg="2300")
    c = desk.services.crossings.register(desk.officer, over).crossing
    shown = [b.code for b in desk.services.crossings.blockers(c.id) if b.overridable]
    grant = desk.services.accounts.approve(
        "sara", PASSWORD, "Within tolerance agreed", Permit.release(c.id, desk.officer, shown)
    )
    found = _inspect(desk, c.id, "hold", kind="physical", findings="prohibited",
                     remarks="Narcotics found in the load")  # fmt: skip
    assert found is Status.HELD
    desk.services.crossings.send_to_inspection(desk.officer, c.id, "Second examination")
    _inspect(desk, c.id, "release", kind="physical")
    with pytest.raises(PermissionDenied, match="changed since the supervisor approved"):
        desk.services.crossings.release(desk.officer, c.id, grant)


@pytest.mark.parametrize(
    "statement",
    ["UPDATE users SET role = 'supervisor' WHERE username = 'admin'",
     "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'ali')"
     " WHERE username = 'sara'"],
)  # fmt: skip
def test_an_account_changed_by_sql_signs_nobody_in(desk: Desk, statement: str) -> None:
    """Promoted by SQL, or given a password the attacker knows: no sign-in, no approval."""
    name = "admin" if "role" in statement else "sara"
    run_sql(desk.path, statement)
    with pytest.raises(StorageError, match=f"account {name} is not as the desk last recorded"):
        desk.services.accounts.authenticate(name, PASSWORD)


def test_a_grant_from_an_account_changed_by_sql_is_refused(desk: Desk) -> None:
    crossing_id = _held(desk)
    grant = desk.services.accounts.approve(
        "sara", PASSWORD, "Papers produced at the desk",
        Permit.release(crossing_id, desk.officer, ["held"]),
    )  # fmt: skip
    run_sql(desk.path, "UPDATE users SET full_name = 'Someone Else' WHERE username = 'sara'")
    with pytest.raises(PermissionDenied, match="changed outside the desk"):
        desk.services.crossings.release(desk.officer, crossing_id, grant)


def test_a_certificate_row_no_root_signed_does_not_enrol_a_desk(desk: Desk) -> None:
    rogue = fixed_key("rogue enrolment")
    run_sql(
        desk.path,
        "INSERT INTO station_keys VALUES "
        f"('{rogue.key_id}', '{rogue.public.hex()}', 'rogue', '2026-11-27 09:00:00', NULL)",
        "INSERT INTO key_certificates (key_id, root_key_id, signature, issued_at, issued_by) "
        f"VALUES ('{rogue.key_id}', '{rogue.key_id}', '00', '2026-11-27 09:00:00', NULL)",
    )
    engine = make_engine(str(desk.path))
    stranger = Services.build(engine, desk.clock, DeskIdentity.in_memory(rogue))
    stranger.db.identity.trust.pin(next(iter(desk.services.keys.report().roots.values())), "x")
    with pytest.raises(keys.NotEnrolled):
        stranger.crossings.register(desk.officer, WEIGHED_ROAD)
    engine.dispose()


def test_a_wiped_station_fails_check(desk: Desk) -> None:
    desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    conn = sqlite3.connect(desk.path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("audit_events", "seals", "crossings", "key_certificates", "station_keys",
                  "users", "station_settings", "known_owners", "entry_counters"):  # fmt: skip
        conn.execute(f"DELETE FROM {table}")
    conn.execute(f"UPDATE audit_head SET last_event_id = 0, last_hash = '{audit.GENESIS}'")
    for sql in guards.sqlite_triggers().values():
        conn.execute(sql)
    conn.commit()
    conn.close()
    report = desk.services.health.check()
    assert not report.ok
    assert "the database holds no station root" in report.render()


def test_a_rewritten_head_is_not_anchored(desk: Desk) -> None:
    desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    run_sql(desk.path, "UPDATE audit_head SET last_hash = '" + "f" * 64 + "'")
    with pytest.raises(StorageError, match="head row does not name the newest event"):
        desk.services.anchors.take()


def test_only_a_gate_pass_is_honoured_at_the_gate(desk: Desk) -> None:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    entry = desk.services.documents.issue(desk.officer, c.id, "entry", "a5", kept)
    desk.services.crossings.hold(desk.officer, c.id, "Prohibited goods")
    hold = desk.services.documents.issue(desk.officer, c.id, "hold", "a4", kept)
    for paper in (entry, hold):
        check = desk.services.documents.check(paper.qr_text or "")
        assert check.verdict.genuine and not check.accepted
        assert "not a gate pass" in check.summary


def test_a_malformed_entry_number_is_reported_not_a_crash(desk: Desk) -> None:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    run_sql(desk.path, f"UPDATE crossings SET entry_no = 'ab12345678' WHERE id = {c.id}")
    rendered = desk.services.health.check().render()
    assert "1 crossing(s) hold an entry number that is not ten digits ('ab12345678')" in rendered


@pytest.mark.parametrize("reason", ["Papers \u202emissing", "Papers missing\x07", "Papers\x1b[2J"])
def test_reasons_refuse_characters_that_disguise_text(desk: Desk, reason: str) -> None:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    with pytest.raises(ValidationError, match="can hide or disguise text"):
        desk.services.crossings.hold(desk.officer, c.id, reason)
    with pytest.raises(ValidationError, match="can hide or disguise text"):
        desk.services.accounts.approve(
            "sara", PASSWORD, reason, Permit.release(c.id, desk.officer, ["held"])
        )


def test_a_forged_newest_event_is_not_anchored(desk: Desk) -> None:
    """The head row and the newest event agree, but that event was appended behind the
    desk (unsigned): an anchor would vouch for it."""
    crossing_id = _held(desk)
    conn = sqlite3.connect(desk.path)
    _append_event(conn, "crossing_released", "crossing", str(crossing_id), {})
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="is not as a certified desk wrote it"):
        desk.services.anchors.take()


def test_the_blockers_a_grant_overrides_are_under_its_signature(desk: Desk) -> None:
    crossing_id = _held(desk)
    grant = desk.services.accounts.approve(
        "sara", PASSWORD, "Papers produced at the desk",
        Permit.release(crossing_id, desk.officer, ["weight_r1"]),
    )  # fmt: skip
    stretched = dataclasses.replace(
        grant, permit=dataclasses.replace(grant.permit, overrides=("held",))
    )
    with pytest.raises(PermissionDenied, match="not signed at this desk"):
        desk.services.crossings.release(desk.officer, crossing_id, stretched)
