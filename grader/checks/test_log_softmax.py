"""Checks of exercises/log_softmax.py against torch.log_softmax in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from grader.checking import (Mistake, call_without_warnings, describe, expect_close, expect_no_banned_calls,
                             expect_unchanged, snapshot)
# The same inputs trip the same mistakes; two of those mistakes read the same for both.
from grader.checks.test_softmax import AXIS_IGNORED, NAMED_CASES, WHOLE_ARRAY, random_input
from grader.learner import call
from grader.speed import expect_fast, measure

torch_log_softmax = torch.log_softmax  # bound before the learner's code runs

LOG_OF_SOFTMAX = Mistake("log of the softmax", "np.log(softmax(x)) takes the log of probabilities that underflowed "
                         "to 0 (log 0 = -inf); compute x - logsumexp(x) instead", "log-sum-exp")
NO_MAX = Mistake("max not subtracted", "exp(1000) overflows to inf: take the max out of the log-sum-exp, "
                 "LSE(x) = m + log(sum(exp(x - m)))", "log-sum-exp")
GLOBAL_MAX = Mistake("max of the whole array subtracted", "one max for the whole array leaves a slice whose "
                     "exps all underflow to 0, and log(0) = -inf; take the max along `axis` with keepdims=True",
                     "log-sum-exp")
MAX_NOT_ADDED = Mistake("max not added back", "the output is off by the max of each slice: LSE(x) = m + "
                        "log(sum(exp(x - m))) — subtract the whole LSE, m included", "log-sum-exp")
NO_LSE = Mistake("log-sum-exp missing", "you returned x - max(x): subtract log(sum(exp(x - m))) too", "log-sum-exp")
PROBABILITIES = Mistake("returned probabilities", "the output is softmax(x); log_softmax is its logarithm "
                        "(all values <= 0)", "log-sum-exp")
NO_KEEPDIMS = Mistake("sum without keepdims", "the log-sum-exp lost its axis, so it broadcast against the wrong "
                      "axis; use keepdims=True", "the-axis")

RTOL = {np.float32: 1e-5, np.float64: 1e-10}
ATOL = {np.float32: 1e-5, np.float64: 1e-12}


def variants(X: torch.Tensor, axis: int) -> dict:
    """The outputs the classic mistakes give (float64), for `expect_close` to name them."""
    M = X.amax(dim=axis, keepdim=True)
    found = {MAX_NOT_ADDED: lambda: torch_log_softmax(X, dim=axis) + M,
             NO_LSE: lambda: X - M,
             PROBABILITIES: lambda: torch.softmax(X, dim=axis),
             WHOLE_ARRAY: lambda: X - torch.logsumexp(X.flatten(), dim=0),
             NO_KEEPDIMS: lambda: X - torch.logsumexp(X, dim=axis)}
    if axis % X.ndim != X.ndim - 1:
        found[AXIS_IGNORED] = lambda: torch_log_softmax(X, dim=-1)
    return found


def check_case(log_softmax, x, axis=-1, warnings=None):
    case = describe(x=x, axis=axis)
    before = snapshot(x=x)
    got = call_without_warnings(log_softmax, x, axis=axis, case=case, mistakes=warnings or {
        "overflow": NO_MAX, "divide by zero": LOG_OF_SOFTMAX, "invalid value": NO_MAX})
    expect_unchanged(before, {"x": x}, case=case)
    X = torch.from_numpy(x).double()
    expect_close(got, torch_log_softmax(X, dim=axis), case=case, dtype=x.dtype, rtol=RTOL[x.dtype.type],
                 atol=ATOL[x.dtype.type], mistakes=variants(X, axis))


FAR_APART = {"overflow": NO_MAX, "divide by zero": GLOBAL_MAX, "invalid value": GLOBAL_MAX}


@pytest.mark.parametrize("make_x, axis, far_apart", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, make_x, axis, far_apart):
    check_case(target.log_softmax, make_x(), axis, FAR_APART if far_apart else None)


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    check_case(target.log_softmax, *random_input(200 + seed))


@pytest.mark.rules
def test_uses_numpy_only(target_file, exercise):
    expect_no_banned_calls(target_file, exercise.banned, "this exercise is log-softmax in NumPy")


@pytest.mark.speed
def test_speed_against_torch(target):
    x = np.random.default_rng(0).standard_normal((16384, 10)).astype(np.float32) * 4
    X = torch.from_numpy(x)
    call(target.log_softmax, x, axis=-1)  # a crash here is reported as a crash
    result = measure(lambda: target.log_softmax(x, axis=-1), lambda: torch_log_softmax(X, dim=-1),
                     limit=20, reference_name="torch.log_softmax")
    expect_fast(result, case=describe(x=x, axis=-1))
