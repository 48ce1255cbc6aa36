"""`taftan-desk scale`: a simulated weighbridge indicator, and reading one.

taftan-desk scale simulate --protocol st-gs --weight 24620 [--noise 20] [--settle-ms 2000]
    opens a pseudo-terminal, prints its path, and streams frames (motion first, then stable)
    until interrupted (or for --seconds)
taftan-desk scale read --port /dev/ttyUSB0 --protocol xk3190 [--timeout 10]
    prints the first stable reading in kg (exit 0), or why none came in time (exit 1)

Neither touches the station database.
"""

import argparse
import sys
import threading

from taftan_desk.core import scale

EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("scale", help="simulate a weighbridge indicator, or read one")
    commands = group.add_subparsers(dest="scale_command", metavar="COMMAND")
    simulate = commands.add_parser("simulate", help="a simulated indicator on a pseudo-terminal")
    simulate.add_argument("--protocol", required=True, choices=tuple(scale.PROTOCOLS))
    simulate.add_argument("--weight", type=int, required=True, metavar="KG")
    simulate.add_argument("--noise", type=int, default=0, metavar="KG", help="display flicker")
    simulate.add_argument("--settle-ms", type=int, default=2_000, metavar="N")
    simulate.add_argument("--rate", type=float, default=5.0, metavar="HZ")
    simulate.add_argument("--seconds", type=float, metavar="N", help="stop after N seconds")
    read = commands.add_parser("read", help="the first stable reading of an indicator")
    read.add_argument("--port", required=True, metavar="PATH")
    read.add_argument("--protocol", required=True, choices=tuple(scale.PROTOCOLS))
    read.add_argument("--timeout", type=float, default=10.0, metavar="S")
    read.add_argument("--baud", type=int, default=9_600)


def run(args: argparse.Namespace) -> int:
    if args.scale_command == "simulate":
        return _simulate(args)
    if args.scale_command == "read":
        return _read(args)
    print("taftan-desk: error: say `scale simulate …` or `scale read …`", file=sys.stderr)
    return EXIT_USAGE


def _simulate(args: argparse.Namespace) -> int:
    from taftan_desk.devices.scale_port import Simulator

    if args.weight < 0 or args.noise < 0 or args.settle_ms < 0 or args.rate <= 0:
        print("taftan-desk: error: weight, noise and settle time are 0 or more", file=sys.stderr)
        return EXIT_USAGE
    simulator = Simulator(
        args.protocol,
        args.weight,
        noise_kg=args.noise,
        settle_ms=args.settle_ms,
        rate_hz=args.rate,
    )
    print(simulator.port, flush=True)
    stop = threading.Event()
    try:
        simulator.run(stop, args.seconds)
    except KeyboardInterrupt:
        stop.set()
    finally:
        simulator.close()
    return EXIT_OK


def _read(args: argparse.Namespace) -> int:
    from taftan_desk.devices.scale_port import first_stable

    outcome = first_stable(args.port, args.protocol, args.timeout, baud=args.baud)
    verdict = outcome.verdict
    if verdict.state is scale.State.STABLE:
        print(f"{verdict.weight_kg} kg")
        return EXIT_OK
    why = verdict.state.value
    if verdict.fault is not None:
        why = verdict.fault.value
    elif verdict.weight_kg is not None:
        why += f" at {verdict.weight_kg:,} kg"
    if outcome.port_problem:
        why += f" ({outcome.port_problem})"
    print(f"taftan-desk: no stable reading within {args.timeout:g} s: {why}", file=sys.stderr)
    return EXIT_NONE
