"""Speed checks: the learner's function against the torch reference, in the same process.

Protocol (see CONTRIBUTING.md): the same inputs, warm-up, then rounds that time learner and
reference back to back (A B A B …), each round's ratio = learner / reference, verdict on the
median ratio against a per-exercise limit chosen with a wide margin. Thread pools are pinned to
one thread by the runner (environment variables set before numpy/torch import) and here, and on
the CPU the time is this process's CPU time, so a busy machine does not flip a verdict.
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
    learner_s: float  # seconds per call
    reference_s: float
    ratio: float  # learner_s / reference_s, of the round with the median ratio
    limit: float
    rounds: int
    reference: str
    device: str
    at_least: bool = False  # the learner was stopped: learner_s and ratio are lower bounds

    @property
    def passed(self) -> bool:
        return self.ratio <= self.limit

    def line(self) -> str:
        where = "of CPU time per call" if self.device == "cpu" else f"of GPU time per call on {self.device}"
        if self.at_least:
            return (f"yours over {_fmt(self.learner_s)} (stopped there), {self.reference} {_fmt(self.reference_s)} "
                    f"{where}: over {self.ratio:.0f}× (limit {self.limit:g}×)")
        # The times are those of the median round, so yours / reference is the ratio shown.
        rounds = "one timed call" if self.rounds == 1 else f"median of {self.rounds} interleaved rounds"
        return (
            f"yours {_fmt(self.learner_s)}, {self.reference} {_fmt(self.reference_s)} {where}: "
            f"{self.ratio:.1f}× (limit {self.limit:g}×, {rounds})"
        )


def _fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def _cpu_timer(fn: Callable[[], object], number: int) -> float:
    # CPU time, not wall time: other processes' load preempts this one, which stretches wall time
    # (longer calls more than shorter ones) but not the work done. One thread per pool, so this is
    # the work of the call itself.
    start = time.process_time()
    for _ in range(number):
        fn()
    return (time.process_time() - start) / number


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
    rounds_: list[tuple[float, float]] = []  # (learner, reference) seconds per call, per round
    for i in range(rounds):
        rounds_.append((timer(learner, number), max(timer(reference, number), 1e-9)))
        elapsed = time.perf_counter() - started
        # Stop early once the verdict cannot change: far over the limit after 3 rounds, or out of time.
        if i >= 2 and (elapsed > budget_s or _ratio(_median_round(rounds_)) > 5 * limit):
            break
    learner_s, reference_s = _median_round(rounds_)
    return SpeedResult(learner_s, reference_s, learner_s / reference_s, limit, len(rounds_), reference_name, device)


def _ratio(round_: tuple[float, float]) -> float:
    return round_[0] / round_[1]


def _median_round(rounds: list[tuple[float, float]]) -> tuple[float, float]:
    """The round whose ratio is the median (the upper one of an even count): one real pair of times,
    so the figures shown divide to the ratio judged."""
    ordered = sorted(rounds, key=_ratio)
    return ordered[len(ordered) // 2]


def _timed_first_call(learner: Callable[[], object], deadline_s: float | None) -> float | None:
    """Seconds the learner's first call took (CPU seconds when time-boxed on the CPU, wall seconds
    otherwise); None if it was stopped after `deadline_s` CPU seconds."""
    from ..learner import Deadline, call, deadline

    clock = time.process_time if deadline_s else time.perf_counter
    started = clock()
    try:
        with deadline(deadline_s, cpu=True) if deadline_s else contextlib.nullcontext():
            call(learner)
    except Deadline:
        return None
    return clock() - started


SLOW = Mistake(
    "too slow",
    "correct, but slower than the limit allows: timed against torch on the same input, in the same "
    "process, one thread each. Usual causes: Python-level loops (over elements, positions or the batch), "
    "arrays grown or copied inside a loop, or work repeated that could be done once",
    "making-it-fast",
)


def expect_fast(result: SpeedResult, *, case: str) -> None:
    note(speed=result.line(), speed_ratio=round(result.ratio, 2), speed_limit=result.limit)
    if not result.passed:
        raise CheckFailure(
            f"correct, but too slow: {result.line()}", case=case, mistake=SLOW
        )
