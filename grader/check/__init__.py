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
from .cases import NO_CUDA, describe, pair, skip_without_cuda, snapshot
from .compare import (DEFAULT_TOLERANCE, call_unchanged, call_without_warnings, expect_close, expect_on_device,
                      expect_unchanged, tolerance)
from .declare import Cases, Speed, numpy_speed
from .failure import CheckFailure, note
from .integers import FLOAT_RESULT, expect_int, expect_int_on_grid, is_integer
from .mistakes import (BANNED, IN_PLACE, a_mistake_has_shape, matching_mistake, mistake_giving, mistakes,
                       record_reproduced, reproduced_mistake)
from .rules import banned_calls, banned_names, expect_rules
from .speed import SLOW, SpeedResult, expect_fast, measure

__all__ = [
    "BANNED", "Cases", "CheckFailure", "DEFAULT_TOLERANCE", "FLOAT_RESULT", "IN_PLACE", "LearnerCrash", "Mistake", "NO_CUDA", "SLOW",
    "Speed", "SpeedResult", "a_mistake_has_shape", "banned_calls", "banned_names", "call", "call_unchanged",
    "call_without_warnings", "describe", "expect_close", "expect_fast", "expect_int", "expect_int_on_grid",
    "expect_on_device", "expect_rules", "expect_unchanged", "is_integer", "matching_mistake", "measure",
    "mistake_giving", "mistakes", "note", "numpy_speed", "pair", "record_reproduced", "reproduced_mistake", "skip_without_cuda", "snapshot", "tolerance",
]
