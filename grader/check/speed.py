"""Speed checks: the learner's function against the torch reference, in the same process.

Protocol (see DESIGN.md): the same inputs, warm-up, then rounds that time learner and
reference back to back (A B A B …), each round's ratio = learner / reference, verdict on the
median ratio against a per-exercise limit chosen with a wide margin. Thread pools are pinned to
one thread by the runner (environment variables set before numpy/torch import) and here.
A time budget stops hopeless cases early: a Python loop 400× slower than torch is judged on a
few rounds rather than run for a minute.
"""
from __future__ import annotations

import contextlib
import statistics
import time
from dataclasses import dataclass
from typing import Callable

import torch

from ..catalog import Mistake
from .failure import CheckFailure, note


@dataclass(frozen=True)
class SpeedResult:
    learner_s: float  # median seconds per call
    reference_s: float
    ratio: float  # median of the per-round ratios
    limit: float
    rounds: int
    reference: str
    device: str
    at_least: bool = False  # the learner was stopped: learner_s and ratio are lower bounds

    @property
    def passed(self) -> bool:
        return self.ratio <= self.limit

    def line(self) -> str:
        if self.at_least:
            return (f"yours over {_fmt(self.learner_s)} (stopped there), {self.reference} {_fmt(self.reference_s)} "
                    f"per call on {self.device}: over {self.ratio:.0f}× (limit {self.limit:g}×)")
        return (
            f"yours {_fmt(self.learner_s)}, {self.reference} {_fmt(self.reference_s)} per call on {self.device}: "
            f"{self.ratio:.1f}× (limit {self.limit:g}×, median of {self.rounds} rounds)"
        )


def _fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def _cpu_timer(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def _cuda_timer(fn: Callable[[], object], number: int) -> float:
    # CUDA events time the GPU work itself; the flush evicts L2 so small kernels are not flattered.
    flush = torch.empty(64 * 2**20, dtype=torch.int8, device="cuda")
    times = []
    for _ in range(number):
        flush.zero_()
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end) / 1e3)
    return statistics.median(times)


def measure(
    learner: Callable[[], object],
    reference: Callable[[], object],
    *,
    limit: float,
    reference_name: str,
    device: str = "cpu",
    rounds: int = 11,
    budget_s: float = 4.0,
    first_call: bool = False,
) -> SpeedResult:
    """Median ratio learner/reference over interleaved rounds.

    With `first_call`, the learner's first call goes through `grader.learner.call` (a crash is
    reported as a crash, not as a time) and is time-boxed on the CPU: a Python loop hundreds of
    times slower than torch is stopped once it is hopeless, and judged on that lower bound.
    """
    torch.set_num_threads(1)
    timer = _cuda_timer if device == "cuda" else _cpu_timer
    # Warm-up, and calibration: repeat the reference so one timing lasts at least ~2 ms.
    reference()
    ref_once = max(timer(reference, 1), 1e-7)
    # A first call 5x over the limit (and over 0.5 s, far beyond any warm-up) cannot end in a pass.
    deadline_s = max(0.5, 5 * limit * ref_once)
    learner_once = None
    if first_call:
        learner_once = _timed_first_call(learner, None if device == "cuda" else deadline_s)
        if learner_once is None:  # stopped at the deadline
            bound = deadline_s
            return SpeedResult(bound, ref_once, bound / ref_once, limit, 1, reference_name, device, at_least=True)
        if learner_once < 0.05:
            learner_once = None  # too short to tell a warm-up from the speed: time it again
    if learner_once is None:
        learner_once = timer(learner, 1)
    if learner_once / ref_once > 20 * limit:
        # Hopeless (a Python loop hundreds of times slower): no noise can bring this under the
        # limit, so the warm-up call is the verdict rather than a minute of further rounds.
        return SpeedResult(learner_once, ref_once, learner_once / ref_once, limit, 1, reference_name, device)
    number = max(1, min(1000, int(2e-3 / ref_once)))
    started = time.perf_counter()
    ratios, learner_times, reference_times = [], [], []
    for i in range(rounds):
        t_learner = timer(learner, number)
        t_reference = timer(reference, number)
        learner_times.append(t_learner)
        reference_times.append(t_reference)
        ratios.append(t_learner / max(t_reference, 1e-9))
        elapsed = time.perf_counter() - started
        # Stop early once the verdict cannot change: far over the limit after 3 rounds, or out of time.
        if i >= 2 and (elapsed > budget_s or statistics.median(ratios) > 5 * limit):
            break
    return SpeedResult(
        learner_s=statistics.median(learner_times),
        reference_s=statistics.median(reference_times),
        ratio=statistics.median(ratios),
        limit=limit,
        rounds=len(ratios),
        reference=reference_name,
        device=device,
    )


def _timed_first_call(learner: Callable[[], object], deadline_s: float | None) -> float | None:
    """Seconds the learner's first call took; None if it was stopped after `deadline_s`."""
    from ..learner import Deadline, call, deadline

    started = time.perf_counter()
    try:
        with deadline(deadline_s) if deadline_s else contextlib.nullcontext():
            call(learner)
    except Deadline:
        return None
    return time.perf_counter() - started


SLOW = Mistake(
    "too slow",
    "correct, but much slower than a vectorised implementation — Python loops over elements "
    "or output positions are the usual cause",
    "making-it-fast",
)


def expect_fast(result: SpeedResult, *, case: str) -> None:
    note(speed=result.line(), speed_ratio=round(result.ratio, 2), speed_limit=result.limit)
    if not result.passed:
        raise CheckFailure(
            f"correct, but too slow: {result.line()}", case=case, mistake=SLOW
        )
