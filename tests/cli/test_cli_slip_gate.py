"""The gate's question, asked of a scanned gate pass: honour it or not. Exit 0 only for a
genuine code, printed here, not void and the newest copy; every other case exits 1 and
says why, however the scanner framed the text."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from taftan_desk.core import slip_payload
from taftan_desk.services.approvals import Permit
from tests.cli.test_cli import run, trust_test_stations
from tests.support import PASSWORD, WEIGHED_ROAD, Desk, kept

FRAMINGS = ["{}", "{}\r", "{}\n", "{}\r\n", "\n{}\r\n", "{}\t", " {} "]


@pytest.fixture
def home(tmp_path_factory: pytest.TempPathFactory, desk: Desk) -> Path:
    """A checkpoint's command line that trusts the test station's root."""
    folder = tmp_path_factory.mktemp("home")
    trust_test_stations(folder)
    return folder


def _released(desk: Desk, hours_ago: float = 0) -> int:
    """Released `hours_ago` before now: the command line checks a gate pass at the real time."""
    desk.clock.now = datetime.now(UTC) - timedelta(hours=hours_ago)
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    desk.services.crossings.release(desk.officer, c.id)
    return c.id


def _void(desk: Desk, record_id: int) -> None:
    approval = desk.services.accounts.approve(
        "sara", PASSWORD, "Printer jammed, slip torn", Permit.void(record_id, desk.officer)
    )
    desk.services.documents.void(desk.officer, record_id, approval)


@pytest.mark.parametrize("framing", FRAMINGS)
def test_a_void_gate_pass_is_refused_however_it_is_framed(
    desk: Desk, home: Path, framing: str
) -> None:
    slip = desk.services.documents.issue(desk.officer, _released(desk), "clearance", "80mm", kept)
    _void(desk, slip.record.id)
    scanned = framing.format(slip.qr_text)
    check = desk.services.documents.check(scanned)
    assert check.record is not None and not check.accepted
    assert check.summary.startswith("VOID since")
    result = run(home, "slip", "verify", scanned, db=desk.path)
    assert result.returncode == 1, result.stdout
    assert result.stdout.startswith("NOT VALID: VOID since"), result.stdout


@pytest.mark.parametrize("framing", FRAMINGS[:4])
def test_only_the_newest_copy_is_honoured(desk: Desk, home: Path, framing: str) -> None:
    crossing_id = _released(desk)
    original = desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    duplicate = desk.services.documents.issue(
        desk.officer, crossing_id, "clearance", "80mm", kept, reason="The first copy jammed"
    )
    old = run(home, "slip", "verify", framing.format(original.qr_text), db=desk.path)
    assert old.returncode == 1
    assert old.stdout.startswith("NOT VALID: REPLACED: this is the original, but DUPLICATE 1")
    new = run(home, "slip", "verify", framing.format(duplicate.qr_text), db=desk.path)
    assert new.returncode == 0, new.stdout
    assert new.stdout.startswith("GENUINE:") and "DUPLICATE 1, 2 cop(ies)" in new.stdout


def test_a_signed_code_this_station_never_printed_is_refused(desk: Desk, home: Path) -> None:
    """Signed with the desk's real key, but no print record: e.g. made from a copy of the
    key outside the desk, or a record removed behind the desk's back."""
    crossing_id = _released(desk)
    slip = desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    claim = slip_payload.SlipClaim(
        station_code="TFT",
        entry_no=slip.crossing.entry_no,
        container_no=slip.crossing.container_no,
        kind="clearance",
        copy_no=1,
        net_kg=21_000,
        decision="released",
        issued_at=slip.record.printed_at.replace(second=(slip.record.printed_at.second + 1) % 60),
        key_id=desk.services.documents.key.key_id,
    )
    unrecorded = slip_payload.sign(claim, desk.services.documents.key.private)
    check = desk.services.documents.check(unrecorded + "\r\n")
    assert check.verdict.genuine and check.record is None and not check.accepted
    result = run(home, "slip", "verify", unrecorded + "\n", db=desk.path)
    assert result.returncode == 1
    assert "this station has no record of printing it" in result.stdout


def test_the_newest_unvoided_copy_verifies_with_scanner_framing(desk: Desk, home: Path) -> None:
    slip = desk.services.documents.issue(desk.officer, _released(desk), "clearance", "80mm", kept)
    result = run(home, "slip", "verify", slip.qr_text + "\r\n", db=desk.path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("GENUINE:") and "original, 1 cop(ies)" in result.stdout


def test_normalise_strips_only_the_scanners_framing() -> None:
    assert slip_payload.normalise("\r\nTD1*X\t\r\n") == "TD1*X"
    assert slip_payload.normalise("TD1* X") == "TD1* X"
    # verify itself is strict: framing must be removed before, once, by the caller
    assert not slip_payload.verify("TD1*X\r\n", {}).genuine


def test_a_gate_pass_past_its_validity_is_refused_at_the_gate(desk: Desk, home: Path) -> None:
    fresh = desk.services.documents.issue(desk.officer, _released(desk), "clearance", "80mm", kept)
    stale = desk.services.documents.issue(
        desk.officer, _released(desk, hours_ago=25), "clearance", "80mm", kept
    )
    assert run(home, "--db", str(desk.path), "slip", "verify", fresh.qr_text).returncode == 0
    late = run(home, "--db", str(desk.path), "slip", "verify", stale.qr_text)
    assert late.returncode == 1 and "EXPIRED" in late.stdout + late.stderr


def test_a_gate_pass_printed_before_an_amendment_is_refused_and_the_new_one_honoured(
    desk: Desk, home: Path
) -> None:
    from dataclasses import replace

    crossing_id = _released(desk)
    before = desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    fixed = replace(WEIGHED_ROAD, truck_plate="QAB-1")
    proposal = desk.services.corrections.propose(crossing_id, fixed)
    approval = desk.services.accounts.approve(
        "sara",
        PASSWORD,
        "Plate on the GD",
        Permit.amend(crossing_id, desk.officer, proposal.digest),
    )
    desk.clock.now += timedelta(minutes=1)
    desk.services.corrections.correct(desk.officer, crossing_id, fixed, "Plate misread", approval)
    stale = run(home, "--db", str(desk.path), "slip", "verify", before.qr_text)
    assert stale.returncode == 1 and "AMENDED" in stale.stdout, stale.stdout
    desk.clock.now += timedelta(minutes=1)
    after = desk.services.documents.issue(
        desk.officer, crossing_id, "clearance", "80mm", kept, reason="Amended: plate corrected"
    )
    assert run(home, "--db", str(desk.path), "slip", "verify", after.qr_text).returncode == 0
