"""Side-by-side timing: alternate the contenders, repeat, report medians and their ratio."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(contenders: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Run every contender `repeats` times, interleaved so machine noise hits all alike; medians in seconds."""
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, fn in contenders.items():
            start = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}
