"""Shared helpers for the benchmark scripts: repeat, summarise, print one figure per line."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def measure(action: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Wall-clock milliseconds of `runs` calls, after `warmup` unmeasured ones."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bare_durable_write(target: Path, payload: bytes, *, sync_folder: bool) -> None:
    """The physical floor of saving: the bytes to a temp file, fsynced, renamed into place
    (and, with `sync_folder`, the rename made durable too), with nothing else around it."""
    temp = target.with_suffix(".tmp")
    with open(temp, "wb") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, target)
    if sync_folder:
        folder = os.open(target.parent, os.O_RDONLY)
        os.fsync(folder)
        os.close(folder)


def spread(samples: list[float]) -> str:
    ordered = sorted(samples)
    return (
        f"mediaan {statistics.median(ordered):8.1f} ms  "
        f"(min {ordered[0]:.1f}, max {ordered[-1]:.1f}, n={len(ordered)})"
    )


def line(
    label: str, samples: list[float], floor: list[float] | None = None, goal: str = ""
) -> None:
    text = f"{label:<46} {spread(samples)}"
    if floor:
        ratio = statistics.median(samples) / statistics.median(floor)
        text += f"  verhouding {ratio:.2f}"
    if goal:
        text += f"  [{goal}]"
    print(text, flush=True)
