"""Timing: repeated, interleaved samples, summarised by their median and spread.

Every figure of a comparison is taken in the same run: the contenders are
sampled in turn within each repetition (the order rotating from one
repetition to the next), so a slower moment of the machine touches them all.
A sample times ``number`` calls (enough to last ``min_time``) and keeps the
time per call; the garbage collector runs before each sample, not during.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Summary:
    """Samples of one measure (seconds, or any unit) and their median and spread."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median sample."""
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        """The smallest sample."""
        return min(self.samples)

    @property
    def high(self) -> float:
        """The largest sample."""
        return max(self.samples)

    @property
    def spread(self) -> float:
        """Half the range around the median, relative to it (0.05 is ±5%)."""
        return (self.high - self.low) / 2 / self.median if self.median else 0.0

    def as_dict(self) -> dict[str, object]:
        """The summary for results.json."""
        return {
            "median": self.median,
            "min": self.low,
            "max": self.high,
            "spread": self.spread,
            "samples": list(self.samples),
        }


def time_calls(run: Callable[[], object], setup: Callable[[], None] | None, number: int) -> float:
    """Seconds per call of ``run`` over ``number`` calls, ``setup`` before each (untimed)."""
    gc.collect()
    total = 0.0
    for _ in range(number):
        if setup is not None:
            setup()
        start = time.perf_counter()
        run()
        total += time.perf_counter() - start
    return total / number


def calls_for(run: Callable[[], object], setup: Callable[[], None] | None, min_time: float) -> int:
    """How many calls make a sample last ``min_time`` seconds, from one untimed warm-up call."""
    if setup is not None:
        setup()
    start = time.perf_counter()
    run()
    once = time.perf_counter() - start
    if once >= min_time:
        return 1
    return max(1, min(1000, int(min_time / max(once, 1e-9)) + 1))


def interleaved(
    runs: Mapping[str, tuple[Callable[[], object], Callable[[], None] | None]],
    repetitions: int,
    min_time: float,
    *,
    warm_up: bool = True,
) -> dict[str, Summary]:
    """Time every named ``(run, setup)`` ``repetitions`` times, in turn, rotating the order.

    ``warm_up``: one untimed call of each first, which also sets how many calls
    make a sample last ``min_time``; without it a sample is one call (whole
    invocations that last seconds, where a warm-up would cost as much as a
    repetition and the median of the repetitions absorbs a cold first one).
    """
    names = list(runs)
    numbers = {name: calls_for(*runs[name], min_time) if warm_up else 1 for name in names}
    samples: dict[str, list[float]] = {name: [] for name in names}
    for repetition in range(repetitions):
        shift = repetition % len(names)
        for name in names[shift:] + names[:shift]:
            run, setup = runs[name]
            samples[name].append(time_calls(run, setup, numbers[name]))
    return {name: Summary(tuple(values)) for name, values in samples.items()}


def paired_ratio(numerator: Summary, denominator: Summary) -> Summary:
    """The ratio of two measures taken in the same repetitions, one per repetition."""
    return Summary(
        tuple(n / d for n, d in zip(numerator.samples, denominator.samples, strict=True))
    )


def median_of(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)
