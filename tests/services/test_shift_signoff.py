"""Signing a shift off: once, after it ended, by a supervisor, listing what is still open;
its totals and the chain's head frozen, and an anchor that `check --anchor` proves."""

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from taftan_desk.core.errors import PermissionDenied, StorageError, ValidationError
from taftan_desk.services.anchors import parse
from tests.support import Desk, kept, road_form, textiles_out_form

DAY = date(2026, 11, 27)
SHIFT_1_START = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)  # 06:00 PKT
SHIFT_1_END = SHIFT_1_START + timedelta(hours=8)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """The anchor folder: a USB stick, as a folder of its own."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _shift_one(desk: Desk, *, leave_open: bool = False) -> list[int]:
    """Two crossings in shift 1 of DAY, released (one left open if asked); then the clock
    moves past the shift's end."""
    services, officer = desk.services, desk.officer
    desk.clock.now = SHIFT_1_START + timedelta(hours=1)
    first = services.crossings.register(officer, road_form()).crossing.id
    services.crossings.release(officer, first)
    services.documents.issue(officer, first, "clearance", "80mm", kept)
    second = services.crossings.register(officer, textiles_out_form()).crossing.id
    if not leave_open:
        services.crossings.release(officer, second)
    desk.clock.now = SHIFT_1_END + timedelta(minutes=5)
    return [first, second]


def test_a_supervisor_signs_a_shift_off_and_its_anchor_proves_the_chain(
    desk: Desk, usb: Path
) -> None:
    _shift_one(desk)
    done = desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb)
    anchor_file = Path(done.anchor_path)
    assert anchor_file.parent == usb and anchor_file.name == "anchor-TFT-2026-11-27-shift1.json"
    anchor = parse(anchor_file.read_text(), str(anchor_file))
    assert (anchor.position, anchor.hash) == (done.head_event_id, done.head_hash)
    report = desk.services.health.check(anchors=[(str(anchor_file), anchor)])
    assert report.ok, report.render()
    daily = desk.services.reports.daily(desk.supervisor, DAY, 1)
    assert daily.signed_off.startswith("Signed off by sara") and daily.anchor == str(anchor_file)
    with desk.services.db.read() as session:
        from taftan_desk.db.models import ShiftSignoff

        frozen = json.loads(session.get(ShiftSignoff, 1).totals_json)
    assert frozen["crossings"] == daily.totals.crossings == 2
    assert frozen["released"] == 2 and frozen["by_direction_category"] == {
        "in/steel": 1,
        "out/textiles": 1,
    }


def test_a_shift_is_signed_off_once(desk: Desk, usb: Path) -> None:
    _shift_one(desk)
    desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb)
    with pytest.raises(ValidationError, match="already signed off"):
        desk.services.signoffs.sign_off(desk.supervisor2, DAY, 1, folder=usb)


def test_a_running_shift_cannot_be_signed_off(desk: Desk, usb: Path) -> None:
    _shift_one(desk)
    desk.clock.now = SHIFT_1_END - timedelta(minutes=1)
    with pytest.raises(ValidationError, match="has not ended"):
        desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb)
    assert not list(usb.iterdir())


def test_crossings_still_open_are_listed_before_signing(desk: Desk, usb: Path) -> None:
    _, still_open = _shift_one(desk, leave_open=True)
    entry = desk.services.crossings.detail(still_open).crossing.entry_no
    with pytest.raises(ValidationError, match=f"1 crossing.* still open: {entry} registered"):
        desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb)
    assert desk.services.signoffs.check(DAY, 1).still_open == (f"{entry} registered",)
    done = desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb, accept_open=True)
    assert entry in done.note
    assert entry in " ".join(desk.services.reports.daily(desk.supervisor, DAY, 1).notes)


def test_only_a_supervisor_signs_off(desk: Desk, usb: Path) -> None:
    _shift_one(desk)
    for actor in (desk.officer, desk.admin):
        with pytest.raises(PermissionDenied):
            desk.services.signoffs.sign_off(actor, DAY, 1, folder=usb)


def test_no_anchor_folder_is_said_in_words(desk: Desk, usb: Path) -> None:
    _shift_one(desk)
    with pytest.raises(ValidationError, match="No anchor folder is set"):
        desk.services.signoffs.sign_off(desk.supervisor, DAY, 1)
    with pytest.raises(ValidationError, match="does not exist or is not mounted"):
        desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb / "unplugged")
    desk.services.settings.update(desk.admin, {"anchor_folder": str(usb)})
    done = desk.services.signoffs.sign_off(desk.supervisor, DAY, 1)
    assert Path(done.anchor_path).parent == usb


def test_requests_still_waiting_are_listed_before_signing(desk: Desk, usb: Path) -> None:
    from taftan_desk.services.approvals import Permit

    first, _ = _shift_one(desk)
    desk.clock.now = SHIFT_1_START + timedelta(hours=2)
    held = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.crossings.hold(desk.officer, held.id, "GD not produced")
    asked = desk.services.exceptions.request(
        desk.officer,
        Permit.release(held.id, desk.officer, ["held"]),
        "Release from hold",
        "Papers at the gate",
        held.id,
    )
    desk.clock.now = SHIFT_1_END + timedelta(minutes=5)
    with pytest.raises(ValidationError, match=f"request {asked.id} .* waiting for a supervisor"):
        desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb)
    assert first  # the released crossings are not in the list
    state = desk.services.signoffs.check(DAY, 1)
    assert state.waiting == (f"request {asked.id} ({held.entry_no}) waiting for a supervisor",)


def test_a_sign_off_that_fails_leaves_no_anchor_behind(desk: Desk, usb: Path) -> None:
    _shift_one(desk)
    desk.services.signoffs.sign_off(desk.supervisor, DAY, 1, folder=usb)
    [kept] = list(usb.iterdir())
    before = kept.read_bytes()
    # A second desk that checked before the first signed: it reaches the write and fails.
    from taftan_desk.services.shift_signoff import SignoffCheck

    services = desk.services.signoffs
    real = services.check
    services.check = lambda d, n: SignoffCheck(real(d, n).period, True, (), None)  # type: ignore[method-assign]
    with pytest.raises(StorageError):  # the shift's one sign-off stands
        services.sign_off(desk.supervisor2, DAY, 1, folder=usb)
    assert list(usb.iterdir()) == [kept] and kept.read_bytes() == before
