import sqlite3
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text

from taftan_desk.core.errors import (
    AuthenticationFailed,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from taftan_desk.core.roles import Role
from taftan_desk.db.engine import make_engine
from taftan_desk.services.approvals import Permit
from taftan_desk.services.container import Services
from tests.support import PASSWORD, TEST_IDENTITY, Desk, textiles_out_form

FORM = textiles_out_form(declared_net_kg="12000")


def _tamper(desk: Desk, *statements: str) -> None:
    conn = sqlite3.connect(desk.path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _with_traffic(desk: Desk, n: int = 3) -> list[int]:
    ids = []
    for _ in range(n):
        c = desk.services.crossings.register(desk.officer, FORM).crossing
        desk.services.crossings.release(desk.officer, c.id)
        ids.append(c.id)
    return ids


def test_clean_station_passes_every_check(desk: Desk) -> None:
    _with_traffic(desk)
    report = desk.services.health.check()
    assert report.ok, report.render()
    assert "All checks passed." in report.render()


def test_an_edited_audit_event_is_detected(desk: Desk) -> None:
    _with_traffic(desk)
    _tamper(
        desk,
        "DROP TRIGGER audit_events_append_only_u",
        "UPDATE audit_events SET actor_name = 'someone' WHERE id = 5",
    )
    report = desk.services.health.check()
    assert not report.ok
    assert "Event 5" in report.render() and "altered" in report.render()


def test_a_deleted_middle_event_is_detected(desk: Desk) -> None:
    _with_traffic(desk)
    _tamper(
        desk, "DROP TRIGGER audit_events_append_only_d", "DELETE FROM audit_events WHERE id = 6"
    )
    assert "missing" in desk.services.health.check().render()


def test_a_truncated_tail_is_detected_against_the_head(desk: Desk) -> None:
    _with_traffic(desk)
    _tamper(
        desk,
        "DROP TRIGGER audit_events_append_only_d",
        "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)",
    )
    assert "removed from the end" in desk.services.health.check().render()


def test_a_record_edited_behind_the_log_is_detected(desk: Desk) -> None:
    ids = _with_traffic(desk)
    _tamper(
        desk,
        "DROP TRIGGER crossings_closed_u",
        f"UPDATE crossings SET net_kg = 9000 WHERE id = {ids[0]}",
    )
    render = desk.services.health.check().render()
    assert f"crossing {ids[0]} differs from its last audited state" in render


def test_audit_rows_share_the_transaction_of_the_change(desk: Desk) -> None:
    """A change that fails after its audit event was staged leaves neither behind."""
    with desk.services.db.read() as session:
        events_before = session.execute(text("SELECT count(*) FROM audit_events")).scalar()
    with pytest.raises(RuntimeError), desk.services.db.write(desk.officer) as unit:
        unit.audit("probe", "test", 1, {"x": 1})
        raise RuntimeError("fails after the audit was staged")
    with desk.services.db.read() as session:
        assert session.execute(text("SELECT count(*) FROM audit_events")).scalar() == events_before
    assert desk.services.health.check().ok


def test_storage_full_gives_a_clear_message_and_loses_nothing(desk: Desk) -> None:
    saved = desk.services.crossings.register(desk.officer, FORM).crossing
    engine = make_engine(str(desk.path))

    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    full = Services.build(engine, desk.clock, TEST_IDENTITY)
    long_form = replace(FORM, description="x" * 300)
    with pytest.raises(StorageError, match="Storage is full"):
        for _ in range(200):
            full.crossings.register(desk.officer, long_form)
    engine.dispose()
    assert desk.services.queries.get(saved.id).entry_no == saved.entry_no
    assert desk.services.health.check().ok


def test_login_and_lockout_survive_a_restart(desk: Desk) -> None:
    assert desk.services.accounts.authenticate("ALI ", PASSWORD).username == "ali"
    for _ in range(4):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            desk.services.accounts.authenticate("ali", "wrong password")
    with pytest.raises(AuthenticationFailed, match="Wrong"):
        desk.services.accounts.authenticate("ali", "wrong again")
    restarted = Services.build(make_engine(str(desk.path)), desk.clock, TEST_IDENTITY)
    with pytest.raises(AuthenticationFailed, match="locked"):
        restarted.accounts.authenticate("ali", PASSWORD)
    desk.clock.now += timedelta(minutes=16)
    assert restarted.accounts.authenticate("ali", PASSWORD).role is Role.OFFICER


def test_unknown_user_gets_the_same_answer(desk: Desk) -> None:
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        desk.services.accounts.authenticate("nobody", PASSWORD)


def test_account_rules(desk: Desk) -> None:
    with pytest.raises(PermissionDenied):
        desk.services.accounts.add(desk.officer, "newbie", Role.OFFICER, PASSWORD)
    with pytest.raises(ValidationError, match="already"):
        desk.services.accounts.add(desk.admin, "ali", Role.OFFICER, PASSWORD)
    with pytest.raises(ValidationError, match="at least 8"):
        desk.services.accounts.add(desk.admin, "newbie", Role.OFFICER, "short")
    with pytest.raises(ValidationError, match="user name"):
        desk.services.accounts.add(desk.admin, "9lives", Role.OFFICER, PASSWORD)
    with desk.services.db.read() as session:
        stored = session.execute(text("SELECT password_hash FROM users WHERE username='ali'"))
        assert stored.scalar().startswith("$argon2id$")


def test_initialise_is_idempotent(desk: Desk) -> None:
    seed = desk.services.settings.current().random_seed
    assert desk.services.settings.initialise(desk.admin) is False
    assert desk.services.settings.current().random_seed == seed


def _inspected_with_approval(desk: Desk) -> int:
    from taftan_desk.core.inspection import InspectionInput
    from taftan_desk.core.registration import SealInput

    form = replace(FORM, gross_kg="24400", declared_net_kg="22000", seals=(SealInput("AB123"),))
    c = desk.services.crossings.register(desk.officer, form).crossing
    desk.services.inspections.record(
        desk.officer,
        c.id,
        InspectionInput("physical", "Ali", "no_discrepancy", "release", new_seal_no="TFT77"),
    )
    approval = desk.services.accounts.approve(
        "sara", PASSWORD, "Tolerance agreed", Permit.release(c.id, desk.officer, ["weight_r1"])
    )
    desk.services.crossings.release(desk.officer, c.id, approval)
    return c.id


@pytest.mark.parametrize(
    "statements,finding",
    [
        (
            ("DROP TRIGGER inspections_append_only_d", "DELETE FROM inspections"),
            "inspection 1 was deleted",
        ),
        (
            (
                "DROP TRIGGER seals_append_only_u",
                "UPDATE seals SET state = 'intact', number = 'X1' WHERE number = 'AB123'",
            ),
            "seal 1 differs",
        ),
        (
            ("DROP TRIGGER approvals_append_only_d", "DELETE FROM approvals"),
            "approval 1 was deleted",
        ),
        (("UPDATE users SET role = 'supervisor' WHERE username = 'ali'",), "user 2 differs"),
        (
            ("UPDATE station_settings SET value_json = '60000' WHERE key = 'cargo_limit_kg'",),
            "setting cargo_limit_kg differs",
        ),
        (("DELETE FROM known_owners WHERE code = 'MSK'",), "known_owner MSK was deleted"),
    ],
)
def test_tampering_with_any_evidence_table_is_found(
    desk: Desk, statements: tuple[str, ...], finding: str
) -> None:
    _inspected_with_approval(desk)
    assert desk.services.health.check().ok
    _tamper(desk, *statements)
    render = desk.services.health.check().render()
    assert finding in render, render


def test_evidence_tables_refuse_casual_edits(desk: Desk) -> None:
    _inspected_with_approval(desk)
    conn = sqlite3.connect(desk.path)
    for statement in (
        "DELETE FROM inspections",
        "UPDATE seals SET state = 'broken'",
        "DELETE FROM approvals",
        "DELETE FROM users WHERE username = 'ali'",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(statement)
    conn.close()


def test_secrets_reach_the_log_only_as_digests(desk: Desk) -> None:
    with desk.services.db.read() as session:
        log = " ".join(session.execute(text("SELECT data_json FROM audit_events")).scalars())
        hashes = session.execute(text("SELECT password_hash FROM users")).scalars().all()
    assert "$argon2id$" not in log
    assert not any(h in log for h in hashes)
    assert "test-seed" not in log  # the random-selection seed set by the fixture
