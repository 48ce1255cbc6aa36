"""`taftan-desk slip`: print a document to PDF, verify a slip's code, list the signing keys.

taftan-desk slip 2600000123 --kind clearance --out gate-pass.pdf [--size 80mm]
taftan-desk slip verify 'TD1*TFT*...'            (against this station's database)
taftan-desk slip verify 'TD1*TFT*...' --keys station-keys.txt   (offline checkpoint)
taftan-desk slip keys > station-keys.txt
"""

import argparse
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from taftan_desk.core import paper
from taftan_desk.core.errors import DeskError, StorageError
from taftan_desk.paths import NotAFile, check_writable, refuse_unless_file, write_atomically
from taftan_desk.services.printed_documents import Delivery
from taftan_desk.services.views import IssuedDocument

if TYPE_CHECKING:  # cryptography loads only when a slip is verified, not at every start
    from taftan_desk.app import Runtime
    from taftan_desk.core.slip_payload import SlipClaim

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class SlipUsage(DeskError):
    """Bad `slip` command line: exit 2."""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    slip = sub.add_parser(
        "slip",
        help="print a document to PDF, or `slip verify TEXT`, or `slip keys`",
        description=__doc__.splitlines()[0],
    )
    slip.add_argument("target", metavar="ENTRY_NO|verify|keys")
    slip.add_argument("text", nargs="?", help="with verify: the text read from the slip's QR")
    slip.add_argument("--kind", choices=paper.KINDS, default="entry")
    slip.add_argument("--out", type=Path, help="the PDF file to write")
    slip.add_argument("--size", choices=paper.SIZES, help="paper (default: the kind's usual)")
    slip.add_argument("--keys", type=Path, help="with verify: a key list from `slip keys`")
    slip.add_argument(
        "--reason", default="", help="why a document printed before is printed again (required)"
    )


def wants_database(args: argparse.Namespace) -> bool:
    """An offline checkpoint verifies with a key list and no station database."""
    return not (args.target == "verify" and args.keys is not None)


def run_offline(args: argparse.Namespace) -> int:
    from taftan_desk.core import slip_payload

    text = slip_payload.normalise(_verify_text(args))
    verdict = slip_payload.verify(text, read_keys(args.keys))
    _say(verdict.genuine, verdict.reason)
    if verdict.claim is not None and verdict.genuine:
        print(_describe(verdict.claim))
        print(
            "Checked offline: the signature only. Whether this copy was voided or replaced "
            "by a newer one is known only to the station (slip verify without --keys)."
        )
    return EXIT_OK if verdict.genuine else EXIT_FAIL


def run(runtime: "Runtime", args: argparse.Namespace, actor_of) -> int:  # type: ignore[no-untyped-def]
    documents = runtime.services.documents
    if args.target == "keys":
        for key in documents.station_keys():
            registered = f"{key.registered_at:%Y-%m-%d}"
            print(f"{key.key_id} {key.public_key}  # {key.desk}, registered {registered}")
        return EXIT_OK
    if args.target == "verify":
        check = documents.check(_verify_text(args))
        _say(check.accepted, check.summary.removeprefix("NOT VALID: "))
        if check.verdict.claim is not None and check.verdict.genuine:
            print(_describe(check.verdict.claim))
        return EXIT_OK if check.accepted else EXIT_FAIL
    return _print(runtime, args, actor_of())


def _print(runtime: "Runtime", args: argparse.Namespace, actor) -> int:  # type: ignore[no-untyped-def]
    _check_destination(args)  # before issuing: a print is counted, a DUPLICATE follows it
    view = runtime.services.queries.by_entry_no(args.target)
    size = args.size or paper.DEFAULT_SIZES[args.kind]
    from taftan_desk.documents import render_issued

    def write(issued: IssuedDocument) -> Delivery:
        # Inside the recording transaction: a file that cannot be written leaves no record.
        buffer = io.BytesIO()
        render_issued(issued, buffer)
        try:
            write_atomically(args.out, buffer.getvalue())
        except OSError as exc:
            raise StorageError(
                f"Nothing was printed or recorded: writing {args.out} failed ({exc.strerror})."
            ) from exc
        return Delivery(str(args.out))

    issued = runtime.services.documents.issue(
        actor, view.id, args.kind, size, write, reason=args.reason
    )
    copy = paper.copy_label(issued.record.copy_no)
    print(
        f"{paper.NAMES[args.kind]} for entry {view.entry_no} ({copy}, record "
        f"{issued.record.id:06d}, {size}) written to {args.out}"
    )
    return EXIT_OK


def _check_destination(args: argparse.Namespace) -> None:
    if args.out is None:
        raise SlipUsage("say where to write the PDF: --out FILE.pdf")
    check_out_file(args.out, f"{args.target}-{args.kind}.pdf")


def check_out_file(out: Path, example_name: str) -> None:
    """Before anything is recorded: `--out` must name a file that can be written."""
    if not out.parent.is_dir():
        raise SlipUsage(f"the folder {out.parent} does not exist")
    try:
        check_writable(out)
    except NotAFile as exc:
        example = out / example_name if out.is_dir() else example_name
        kind = example_name.rsplit(".", 1)[-1].upper()
        raise SlipUsage(f"--out {exc.strerror}: name a {kind} file, e.g. {example}") from exc
    except OSError as exc:
        raise SlipUsage(
            f"cannot write {out} ({exc.strerror}): choose a file in a folder you can write to"
        ) from exc


def _say(genuine: bool, reason: str) -> None:
    print(("GENUINE: " if genuine else "NOT VALID: ") + reason.removeprefix("genuine: "))


def _verify_text(args: argparse.Namespace) -> str:
    if args.text is None:
        raise SlipUsage("say which code to check: slip verify 'TD1*...'")
    return args.text if args.text != "-" else sys.stdin.read()  # normalised once, later


def read_keys(path: Path) -> dict[str, bytes]:
    """`slip keys` output: one `KEYID HEX  # comment` a line."""
    from taftan_desk.core import slip_payload

    keys: dict[str, bytes] = {}
    for number, line in enumerate(_key_lines(path), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        try:
            key_id, public = fields
            keys[key_id] = bytes.fromhex(public)
            if len(keys[key_id]) != 32 or slip_payload.key_id_of(keys[key_id]) != key_id:
                raise ValueError("the key id does not belong to that key")
        except ValueError:
            shown = line.strip() if len(line.strip()) <= 60 else line.strip()[:59] + "…"
            raise SlipUsage(f"{path} line {number} is not `KEYID HEX`: {shown!r}") from None
    return keys


MAX_KEY_LIST_BYTES = 1_000_000  # a station's key list is a few lines per desk


def _key_lines(path: Path) -> list[str]:
    remedy = "give the file written by `taftan-desk slip keys`"
    return read_small_text(path, "the key list", remedy, MAX_KEY_LIST_BYTES).splitlines()


def read_small_text(path: Path, what: str, remedy: str, limit: int) -> str:
    """A small UTF-8 file given on the command line, or SlipUsage in words (a pipe or a
    device could be read for ever; a huge file is not what was asked for)."""
    try:
        refuse_unless_file(path)
        if path.stat().st_size > limit:
            raise SlipUsage(f"{what} {path} is far too large: {remedy}")
        return path.read_text(encoding="utf-8")
    except NotAFile as exc:
        raise SlipUsage(f"{what} {exc.strerror}: {remedy}") from exc
    except UnicodeDecodeError as exc:
        raise SlipUsage(
            f"{what} {path} is not text (byte {exc.start + 1:,} is not UTF-8): {remedy}"
        ) from exc
    except OSError as exc:
        raise SlipUsage(f"cannot read {what} {path}: {exc.strerror}") from exc


def _describe(claim: "SlipClaim") -> str:
    net = "not weighed" if claim.net_kg is None else f"{claim.net_kg:,} kg net"
    copy = paper.copy_label(claim.copy_no)
    return (
        f"{paper.NAMES[claim.kind]} {claim.station_code} {claim.entry_no}, container "
        f"{claim.container_no}, {net}, {claim.decision.replace('_', ' ')}, {copy}, "
        f"issued {claim.issued_at:%Y-%m-%d %H:%M:%S} UTC, key {claim.key_id}"
    )
