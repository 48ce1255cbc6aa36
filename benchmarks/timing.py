"""What every benchmark here measures with: samples in ms and nearest-rank percentiles."""

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    name: str
    samples_ms: list[float]
    note: str = ""

    def pct(self, p: float) -> float:
        """Nearest-rank percentile."""
        ordered = sorted(self.samples_ms)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def timed(calls: Sequence[Callable[[], object]]) -> list[float]:
    """Run each call once; its wall time in ms."""
    samples = []
    for call in calls:
        started = time.perf_counter_ns()
        call()
        samples.append((time.perf_counter_ns() - started) / 1e6)
    return samples
