"""`taftan-desk desk enrol` and `taftan-desk audit anchor`: the keys and anchors that make
the records verifiable by people who do not trust the database.

taftan-desk desk enrol --root-key /media/usb/station-root-key
taftan-desk audit anchor --out /media/usb/anchor-2026-11-29.json
taftan-desk check --anchor /media/usb/anchor-*.json
"""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from taftan_desk import cli_slips
from taftan_desk.core.errors import DeskError
from taftan_desk.paths import write_atomically

if TYPE_CHECKING:
    from taftan_desk.app import Runtime
    from taftan_desk.services.anchors import Anchor

EXIT_OK = 0


class AuditUsage(DeskError):
    """Bad `desk` or `audit` command line: exit 2."""


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    desk = sub.add_parser("desk", help="this desk's key: `desk enrol --root-key FILE`")
    desk_sub = desk.add_subparsers(dest="desk_command", metavar="ACTION")
    enrol = desk_sub.add_parser(
        "enrol", help="certify this desk's key with the station root key (another desk)"
    )
    enrol.add_argument("--root-key", type=Path, required=True, metavar="FILE")
    desk_sub.add_parser("show", help="this desk's key and the station keys it trusts")

    audit = sub.add_parser("audit", help="`audit anchor --out FILE`: the chain head, signed")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    anchor = audit_sub.add_parser("anchor", help="write the audit chain's head to a file")
    anchor.add_argument("--out", type=Path, required=True, metavar="FILE")


def run_desk(runtime: "Runtime", args: argparse.Namespace, actor) -> int:  # type: ignore[no-untyped-def]
    keys = runtime.services.keys
    if args.desk_command == "enrol":
        from taftan_desk.services import desk_key

        key_id = keys.enrol(actor, desk_key.read_private(args.root_key))
        print(f"This desk's key {key_id} is enrolled in the station.")
        return EXIT_OK
    if args.desk_command == "show":
        report = keys.report()
        print(f"This desk's key: {keys.identity.key.key_id}")
        print(f"Station root key(s) trusted here: {', '.join(report.roots) or 'none'}")
        print(f"Certified desk keys: {', '.join(sorted(report.trusted)) or 'none'}")
        for problem in report.problems:
            print(f"Problem: {problem}")
        return EXIT_OK if not report.problems else 1
    raise AuditUsage("say `desk enrol --root-key FILE` or `desk show`")


def run_audit(runtime: "Runtime", args: argparse.Namespace) -> int:
    if args.audit_command != "anchor":
        raise AuditUsage("say `audit anchor --out FILE`")
    cli_slips.check_out_file(args.out, "anchor.json")
    anchor = runtime.services.anchors.take()
    write_atomically(args.out, (anchor.to_json() + "\n").encode("ascii"))
    print(
        f"Anchored event {anchor.position} of station {anchor.station} "
        f"({anchor.hash[:16]}…), signed by desk key {anchor.key_id}, in {args.out}"
    )
    return EXIT_OK


def read_anchors(paths: list[Path]) -> list[tuple[str, "Anchor"]]:
    from taftan_desk.services.anchors import parse

    remedy = "give a file written by `taftan-desk audit anchor`"
    return [
        (
            str(path),
            parse(cli_slips.read_small_text(path, "the anchor file", remedy, 65_536), str(path)),
        )
        for path in paths
    ]
