"""Attacks by someone who can write the database but holds no desk's private key (or, for
the anchors, an insider who holds one): forged keys, forged or re-chained events, a cut
tail. Each must be caught by `check`, and no forged gate pass may verify."""

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from taftan_desk.core import slip_payload
from taftan_desk.services import audit, keys
from taftan_desk.services.anchors import Anchor, parse
from taftan_desk.services.desk_key import DeskKey
from tests.support import TEST_DESK_KEY, WEIGHED_ROAD, Desk, fixed_key

ROGUE = fixed_key("rogue desk")
ROGUE_ROOT = fixed_key("rogue root")
AT = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def _connect(desk: Desk) -> sqlite3.Connection:
    conn = sqlite3.connect(desk.path)
    for table in ("audit_events", "station_keys", "key_certificates"):
        for suffix in ("u", "d"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_append_only_{suffix}")
    return conn


def _append_event(
    conn: sqlite3.Connection, action: str, entity: str, entity_id: str, data: dict,
    signer: DeskKey | None = None,
) -> int:  # fmt: skip
    """An event appended the way the desk does, chain and head included: the code is
    public, so anyone who can write the file can compute this."""
    last_id, prev = conn.execute("SELECT last_event_id, last_hash FROM audit_head").fetchone()
    event_id, data_json = last_id + 1, audit.canonical(data)
    digest = audit.event_hash(prev, event_id, AT, None, "cli:x@y", action, entity, entity_id,
                              data_json)  # fmt: skip
    key_id = signer.key_id if signer else None
    signature = signer.sign(audit.signed_text(digest)) if signer else None
    conn.execute(
        "INSERT INTO audit_events (id, at, actor_id, actor_name, action, entity, entity_id, "
        "data_json, prev_hash, hash, key_id, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (event_id, AT.replace(tzinfo=None).isoformat(" "), None, "cli:x@y", action, entity,
         entity_id, data_json, prev, digest, key_id, signature),
    )  # fmt: skip
    conn.execute("UPDATE audit_head SET last_event_id = ?, last_hash = ?", (event_id, digest))
    return event_id


def _add_rogue_key(conn: sqlite3.Connection, key: DeskKey, *, certify_with: DeskKey | None):
    row = {"key_id": key.key_id, "public_key": key.public.hex(), "desk": "rogue",
           "registered_at": AT, "registered_by": None}  # fmt: skip
    conn.execute(
        "INSERT INTO station_keys VALUES (?,?,?,?,?)",
        (key.key_id, key.public.hex(), "rogue", AT.replace(tzinfo=None).isoformat(" "), None),
    )
    also = [audit.also("station_key", key.key_id, row)]
    if certify_with is not None:
        message = keys.certificate_message(
            certify_with.key_id, key.key_id, key.public.hex(), "rogue", AT
        )
        cert = {"id": 1000 + len(key.key_id), "key_id": key.key_id,
                "root_key_id": certify_with.key_id, "signature": certify_with.sign(message),
                "issued_at": AT, "issued_by": None}  # fmt: skip
        cert["id"] = conn.execute(
            "INSERT INTO key_certificates (key_id, root_key_id, signature, issued_at, issued_by)"
            " VALUES (?,?,?,?,?)",
            (key.key_id, certify_with.key_id, cert["signature"],
             AT.replace(tzinfo=None).isoformat(" "), None),
        ).lastrowid  # fmt: skip
        also.append(audit.also("key_certificate", cert["id"], cert))
    _append_event(conn, "station_key_registered", "station_key", key.key_id, {"also": also})


def _held_gate_pass(desk: Desk, signer: DeskKey) -> str:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    desk.services.crossings.hold(desk.officer, c.id, "Papers missing")
    claim = slip_payload.SlipClaim("TFT", c.entry_no, c.container_no, "clearance", 1, 21_000,
                                   "released", AT, signer.key_id)  # fmt: skip
    return slip_payload.sign(claim, signer.private)


def _failures(desk: Desk, anchors: list[tuple[str, Anchor]] | None = None) -> dict[str, str]:
    report = desk.services.health.check(anchors or [])
    return {line.name: line.detail for line in report.lines if not line.ok}


def test_a_rogue_key_written_into_the_database_signs_nothing_that_verifies(desk: Desk) -> None:
    forged = _held_gate_pass(desk, ROGUE)
    conn = _connect(desk)
    _add_rogue_key(conn, ROGUE, certify_with=None)
    conn.commit()
    conn.close()
    check = desk.services.documents.check(forged)
    assert not check.verdict.genuine and "unknown station key" in check.summary
    assert ROGUE.key_id not in [k.key_id for k in desk.services.documents.station_keys()]
    failures = _failures(desk)
    assert f"key {ROGUE.key_id} (rogue) has no valid certificate" in failures["station keys"]
    assert "is not signed by any desk" in failures["audit chain"]


def test_a_rogue_root_certifying_a_rogue_key_is_not_trusted(desk: Desk) -> None:
    forged = _held_gate_pass(desk, ROGUE)
    conn = _connect(desk)
    _add_rogue_key(conn, ROGUE_ROOT, certify_with=ROGUE_ROOT)
    _add_rogue_key(conn, ROGUE, certify_with=ROGUE_ROOT)
    conn.commit()
    conn.close()
    assert not desk.services.documents.check(forged).verdict.genuine
    assert ROGUE.key_id not in [k.key_id for k in desk.services.documents.station_keys()]
    failures = _failures(desk)
    assert (
        f"root key {ROGUE_ROOT.key_id} in the database is not one this desk trusts"
        in (failures["station keys"])
    )


def test_an_event_signed_by_a_rogue_key_is_caught(desk: Desk) -> None:
    conn = _connect(desk)
    _append_event(conn, "crossing_released", "crossing", "1", {}, signer=ROGUE)
    conn.commit()
    conn.close()
    assert (
        f"signed with key '{ROGUE.key_id}', which the station root never certified"
        in (_failures(desk)["audit chain"])
    )


def test_an_appended_unsigned_event_is_caught(desk: Desk) -> None:
    desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    conn = _connect(desk)
    event_id = _append_event(conn, "crossing_released", "crossing", "1", {})
    conn.commit()
    conn.close()
    assert (
        f"Event {event_id} (crossing_released) is not signed by any desk"
        in (_failures(desk)["audit chain"])
    )


def test_a_rechained_history_is_caught_without_a_desk_key(desk: Desk) -> None:
    """Edit an old event and recompute every hash after it: the chain is whole again, but
    the desks' signatures no longer match."""
    for _ in range(3):
        desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    conn = _connect(desk)
    _rechain(conn, start=5, signer=None)
    conn.commit()
    conn.close()
    assert "Event 5 (" in (failure := _failures(desk)["audit chain"])
    assert "does not carry its desk's signature" in failure
    assert "altered" not in failure and "does not follow" not in failure


def _rechain(conn: sqlite3.Connection, start: int, signer: DeskKey | None) -> None:
    rows = conn.execute(
        "SELECT id, at, actor_id, actor_name, action, entity, entity_id, data_json, key_id, "
        "signature FROM audit_events WHERE id >= ? ORDER BY id", (start - 1,)
    ).fetchall()  # fmt: skip
    prev = conn.execute("SELECT hash FROM audit_events WHERE id = ?", (start - 1,)).fetchone()[0]
    for row in rows[1:]:
        event_id, at, actor_id, actor, action, entity, entity_id, data_json, key_id, sig = row
        if event_id == start:
            actor = "someone else"
        instant = datetime.fromisoformat(at).replace(tzinfo=UTC)
        digest = audit.event_hash(prev, event_id, instant, actor_id, actor, action, entity,
                                  entity_id, data_json)  # fmt: skip
        if signer is not None:
            key_id, sig = signer.key_id, signer.sign(audit.signed_text(digest))
        conn.execute(
            "UPDATE audit_events SET actor_name = ?, prev_hash = ?, hash = ?, key_id = ?, "
            "signature = ? WHERE id = ?", (actor, prev, digest, key_id, sig, event_id),
        )  # fmt: skip
        prev = digest
    conn.execute("UPDATE audit_head SET last_hash = ?", (prev,))


def _anchor(desk: Desk, tmp_path: Path) -> list[tuple[str, Anchor]]:
    anchor = desk.services.anchors.take()
    path = tmp_path / "anchor.json"
    path.write_text(anchor.to_json())
    return [(str(path), parse(path.read_text(), str(path)))]


def test_a_cut_tail_with_a_rewritten_head_is_caught_by_an_anchor(
    desk: Desk, tmp_path: Path
) -> None:
    for _ in range(3):
        desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    anchors = _anchor(desk, tmp_path)
    assert not _failures(desk, anchors)
    position = anchors[0][1].position
    conn = _connect(desk)
    conn.execute("DELETE FROM audit_events WHERE id > ?", (position - 2,))
    last = conn.execute("SELECT hash FROM audit_events WHERE id = ?", (position - 2,)).fetchone()
    conn.execute("UPDATE audit_head SET last_event_id = ?, last_hash = ?", (position - 2, last[0]))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TRIGGER crossings_no_delete")
    conn.execute("DELETE FROM seals WHERE crossing_id = (SELECT max(id) FROM crossings)")
    conn.execute("DELETE FROM crossings WHERE id = (SELECT max(id) FROM crossings)")
    conn.commit()
    conn.close()
    failures = _failures(desk, anchors)
    assert "audit chain" not in failures  # the cut log is consistent in itself
    assert f"the log ends at event {position - 2}, but on" in failures["anchors"]
    assert "events were removed from the end" in failures["anchors"]


def test_history_rechained_by_an_insider_with_a_desk_key_is_caught_by_an_anchor(
    desk: Desk, tmp_path: Path
) -> None:
    for _ in range(3):
        desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    anchors = _anchor(desk, tmp_path)
    conn = _connect(desk)
    _rechain(conn, start=5, signer=TEST_DESK_KEY)
    conn.commit()
    conn.close()
    failures = _failures(desk, anchors)
    assert "audit chain" not in failures  # re-signed with a real desk key: only the anchor sees
    assert f"event {anchors[0][1].position} is not the event anchored on" in failures["anchors"]


def test_an_edited_or_foreign_anchor_is_not_evidence(desk: Desk, tmp_path: Path) -> None:
    anchors = _anchor(desk, tmp_path)
    source, anchor = anchors[0]
    data = json.loads(Path(source).read_text())
    data["position"] += 5
    edited = parse(json.dumps(data), "edited.json")
    assert (
        "is not signed by a certified desk" in _failures(desk, [("edited.json", edited)])["anchors"]
    )
    with pytest.raises(Exception, match="not an anchor file"):
        parse("{}", "empty.json")


def test_an_event_rehashed_on_its_own_breaks_the_link_to_the_next(desk: Desk) -> None:
    """An insider with a desk key edits one event and re-signs it: its own hash and
    signature are right again, but the next event still points at the old hash."""
    for _ in range(2):
        desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    conn = _connect(desk)
    row = conn.execute(
        "SELECT prev_hash, at, actor_id, action, entity, entity_id, data_json "
        "FROM audit_events WHERE id = 5"
    ).fetchone()
    prev, at, actor_id, action, entity, entity_id, data_json = row
    instant = datetime.fromisoformat(at).replace(tzinfo=UTC)
    digest = audit.event_hash(prev, 5, instant, actor_id, "someone else", action, entity,
                              entity_id, data_json)  # fmt: skip
    conn.execute(
        "UPDATE audit_events SET actor_name = 'someone else', hash = ?, signature = ? WHERE id = 5",
        (digest, TEST_DESK_KEY.sign(audit.signed_text(digest))),
    )
    conn.commit()
    conn.close()
    failure = _failures(desk)["audit chain"]
    assert "Event 6 does not follow event 5" in failure
    assert "Event 5" not in failure.replace("follow event 5", "")


def test_a_broken_reference_fails_the_storage_check(desk: Desk) -> None:
    conn = sqlite3.connect(desk.path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO crossing_holds (crossing_id, action, at, reason) "
        "VALUES (424242, 'lifted', '2026-11-27 10:00:00', 'x')"
    )
    conn.commit()
    conn.close()
    assert "broken reference in crossing_holds" in _failures(desk)["storage"]


def test_a_certificate_that_names_the_real_root_but_was_not_signed_by_it_is_refused(
    desk: Desk,
) -> None:
    """The rogue key claims the station's own root; the attacker cannot make the root's
    signature, so signs the certificate with their own key instead."""
    real_root = next(iter(desk.services.keys.report().roots))
    forged = _held_gate_pass(desk, ROGUE)
    conn = _connect(desk)
    _add_rogue_key(conn, ROGUE, certify_with=None)
    message = keys.certificate_message(real_root, ROGUE.key_id, ROGUE.public.hex(), "rogue", AT)
    conn.execute(
        "INSERT INTO key_certificates (key_id, root_key_id, signature, issued_at, issued_by) "
        "VALUES (?, ?, ?, ?, NULL)",
        (ROGUE.key_id, real_root, ROGUE.sign(message), AT.replace(tzinfo=None).isoformat(" ")),
    )
    conn.commit()
    conn.close()
    assert not desk.services.documents.check(forged).verdict.genuine
    assert ROGUE.key_id not in desk.services.keys.report().trusted
    assert f"key {ROGUE.key_id} (rogue) has no valid certificate" in _failures(desk)["station keys"]
