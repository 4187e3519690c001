"""The check-writing API: everything a check module imports comes from here.

A check module (grader/exercises/<name>/checks.py) computes the oracle (torch in float64, autograd,
or a brute-force spec), calls the learner through `call` or `call_unchanged`, and hands both to
`expect_close` (or `expect_int`, or its own comparison raising `CheckFailure`) with the variants of
its classic mistakes, so that the report can name the one the learner made. The standard checks
(rules, named and random cases, the CUDA variant, speed) come from declarations: see `declare`.

    from grader.check import Cases, Speed, call_unchanged, describe, expect_close, mistakes
"""
from ..catalog import Mistake
from ..learner import LearnerCrash, call
from .cases import NO_CUDA, Arg, Space, describe, pair, skip_without_cuda, snapshot, unequal
from .compare import (DEFAULT_TOLERANCE, call_unchanged, call_without_warnings, expect_close, expect_on_device,
                      expect_unchanged, tolerance)
from .declare import Cases, OnDevice, Speed, numpy_speed
from .device import expect_new_tensors_on_device
from .failure import CheckFailure, note
from .kernels import KernelLaunch, in_padded_buffer, kernel_speed, launched_programs, read_with_row_stride_n
from .integers import FLOAT_RESULT, expect_int, expect_int_on_grid, is_integer
from .mistakes import (BANNED, BANNED_LIBRARY, IN_PLACE, a_mistake_has_shape, matching_mistake, mistake_giving, mistakes,
                       record_reproduced, reproduced_mistake)
from .rules import Finding, expect_rules, rule_findings
from .speed import SLOW, SpeedResult, expect_fast, measure

__all__ = [
    "Arg", "BANNED", "BANNED_LIBRARY", "Cases", "CheckFailure", "DEFAULT_TOLERANCE", "FLOAT_RESULT", "IN_PLACE", "KernelLaunch", "LearnerCrash",
    "Mistake", "NO_CUDA", "OnDevice", "SLOW", "Space", "Speed", "SpeedResult", "Finding", "a_mistake_has_shape", "call",
    "call_unchanged", "call_without_warnings", "describe", "expect_close", "expect_fast", "expect_int",
    "expect_int_on_grid", "expect_new_tensors_on_device", "expect_on_device", "expect_rules", "expect_unchanged",
    "in_padded_buffer", "is_integer", "kernel_speed", "launched_programs", "matching_mistake", "measure", "mistake_giving", "mistakes", "note", "numpy_speed", "pair",
    "record_reproduced", "read_with_row_stride_n", "reproduced_mistake", "rule_findings", "skip_without_cuda", "snapshot", "tolerance", "unequal",
]
