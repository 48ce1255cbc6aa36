"""`taftan-desk manifest`: manifests of pre-announced containers from the command line.

taftan-desk manifest import PR-12.xlsx [--dry-run]   exit 0 imported (or would be), 1 refused
                                                     with every row's reasons, 2 unreadable
taftan-desk manifest list [--train PR-12] [--format csv]
taftan-desk manifest withdraw 3 --reason "Train cancelled by Pakistan Railways"
"""

import argparse
import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.core.manifests import ManifestUnreadable

if TYPE_CHECKING:
    from taftan_desk.app import Runtime
    from taftan_desk.services.database import Actor

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE = 0, 1, 2
SHOWN_PROBLEMS = 200  # problems printed; the count says how many more
LIST_COLUMNS = (
    "state",
    "manifest",
    "row",
    "direction",
    "container_no",
    "cargo_category",
    "declared_net_kg",
    "truck_plate",
    "train_no",
    "wagon_no",
    "seals",
    "hs_code",
    "gd_number",
    "expected_on",
    "entry_no",
)


class ManifestUsage(DeskError):
    """Bad `manifest` command line: exit 2."""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    manifest = sub.add_parser("manifest", help="import and list manifests of expected containers")
    commands = manifest.add_subparsers(dest="manifest_command", metavar="COMMAND")
    load = commands.add_parser("import", help="import a CSV or XLSX manifest, whole or not at all")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="check every row and import nothing")
    listing = commands.add_parser("list", help="expected containers and their state")
    listing.add_argument("--train", metavar="N", help="one train's containers")
    listing.add_argument("--format", choices=("text", "csv"), default="text")
    withdraw = commands.add_parser("withdraw", help="withdraw a manifest nothing of has arrived")
    withdraw.add_argument("manifest_id", type=int, metavar="ID")
    withdraw.add_argument("--reason", required=True)


def run(runtime: "Runtime", args: argparse.Namespace, actor: "Actor") -> int:
    service = runtime.services.manifests
    if args.manifest_command == "import":
        return _import(runtime, args, actor)
    if args.manifest_command == "list":
        rows = service.iter_expected(train=args.train)
        if args.format == "csv":
            _list_csv(rows)
        else:
            _list_text(rows)
        return EXIT_OK
    if args.manifest_command == "withdraw":
        service.withdraw(actor, args.manifest_id, args.reason)
        print(f"Manifest {args.manifest_id} withdrawn: its containers are no longer expected.")
        return EXIT_OK
    raise ManifestUsage("say `manifest import FILE`, `manifest list` or `manifest withdraw ID`")


def _import(runtime: "Runtime", args: argparse.Namespace, actor: "Actor") -> int:
    path: Path = args.file
    try:
        from taftan_desk.services.manifest_import import too_big

        too_big(path.stat().st_size)
        data = path.read_bytes()
    except ManifestUnreadable as exc:
        print(f"taftan-desk: {path.name}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as exc:
        print(f"taftan-desk: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        result = runtime.services.manifests.load(actor, path.name, data, dry_run=args.dry_run)
    except ManifestUnreadable as exc:
        print(f"taftan-desk: {path.name}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except ValidationError as exc:
        if exc.problems and exc.problems[0].field == "header":
            print(f"{path.name} refused: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        raise
    for warning in result.warnings[:SHOWN_PROBLEMS]:
        print(f"warning: {warning.words()}")
    if not result.ok:
        print(
            f"{path.name} refused: {len(result.problems):,} problem(s); nothing was imported. "
            "Correct these rows and import the file again:",
            file=sys.stderr,
        )
        for problem in result.problems[:SHOWN_PROBLEMS]:
            print(f"  {problem.words()}", file=sys.stderr)
        if len(result.problems) > SHOWN_PROBLEMS:
            print(f"  … and {len(result.problems) - SHOWN_PROBLEMS:,} more", file=sys.stderr)
        return EXIT_REFUSED
    shown, more = result.trains_shown()
    trains = f" (train {', '.join(shown)}{f' and {more:,} more' if more else ''})" if shown else ""
    if args.dry_run:
        print(f"{path.name}: all {result.rows:,} rows are right{trains}; nothing imported.")
    else:
        print(
            f"Imported {path.name} as manifest {result.manifest_id}: "
            f"{result.rows:,} expected container(s){trains}."
        )
    return EXIT_OK


def _cells(row) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        row.state,
        str(row.manifest_id),
        str(row.row_no),
        row.direction,
        row.container_no,
        row.cargo_category,
        str(row.declared_net_kg),
        row.truck_plate or "",
        row.train_no or "",
        row.wagon_no or "",
        " ".join(row.seals),
        row.hs_code or "",
        row.gd_number or "",
        row.expected_on.isoformat() if row.expected_on else "",
        row.entry_no or "",
    ]


def _list_csv(rows) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.services.shift_report import csv_cell

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(LIST_COLUMNS)
    for row in rows:
        out.writerow([csv_cell(c) for c in _cells(row)])  # a formula stays text


def _list_text(rows) -> None:  # type: ignore[no-untyped-def]
    count = 0
    for row in rows:
        count += 1
        where = f"{row.train_no}/{row.wagon_no}" if row.mode == "rail" else row.truck_plate
        entry = f"  entry {row.entry_no}" if row.entry_no else ""
        print(
            f"{row.state:<9} {row.container_no}  {row.direction:<3} {where:<20} "
            f"{row.cargo_category:<10} {row.declared_net_kg:>7,} kg{entry}"
        )
    print(f"{count:,} expected container(s).")
