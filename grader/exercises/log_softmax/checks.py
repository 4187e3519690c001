"""Checks of exercises/log_softmax.py against torch.log_softmax in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from grader.check import (call, call_without_warnings, describe, expect_close, expect_fast, expect_unchanged,
                         measure, mistakes, snapshot)
# The same inputs trip the same mistakes; two of those mistakes read the same for both.
from grader.exercises.softmax.checks import NAMED_CASES, random_input

MISTAKE = mistakes('log_softmax')
SOFTMAX_MISTAKE = mistakes('softmax')  # two of softmax's mistakes read the same here

torch_log_softmax = torch.log_softmax  # bound before the learner's code runs


RTOL = {np.float32: 1e-5, np.float64: 1e-10}
ATOL = {np.float32: 1e-5, np.float64: 1e-12}


def variants(X: torch.Tensor, axis: int) -> dict:
    """The outputs the classic mistakes give (float64), for `expect_close` to name them."""
    M = X.amax(dim=axis, keepdim=True)
    found = {MISTAKE.max_not_added: lambda: torch_log_softmax(X, dim=axis) + M,
             MISTAKE.no_lse: lambda: X - M,
             MISTAKE.probabilities: lambda: torch.softmax(X, dim=axis),
             SOFTMAX_MISTAKE.whole_array: lambda: X - torch.logsumexp(X.flatten(), dim=0),
             MISTAKE.no_keepdims: lambda: X - torch.logsumexp(X, dim=axis)}
    if axis % X.ndim != X.ndim - 1:
        found[SOFTMAX_MISTAKE.axis_ignored] = lambda: torch_log_softmax(X, dim=-1)
    return found


def check_case(log_softmax, x, axis=-1, warnings=None):
    case = describe(x=x, axis=axis)
    before = snapshot(x=x)
    got = call_without_warnings(log_softmax, x, axis=axis, case=case, mistakes=warnings or {
        "overflow": MISTAKE.no_max, "divide by zero": MISTAKE.log_of_softmax, "invalid value": MISTAKE.no_max})
    expect_unchanged(before, {"x": x}, case=case)
    X = torch.from_numpy(x).double()
    expect_close(got, torch_log_softmax(X, dim=axis), case=case, dtype=x.dtype, rtol=RTOL[x.dtype.type],
                 atol=ATOL[x.dtype.type], mistakes=variants(X, axis))


FAR_APART = {"overflow": MISTAKE.no_max, "divide by zero": MISTAKE.global_max, "invalid value": MISTAKE.global_max}


@pytest.mark.parametrize("make_x, axis, far_apart", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, make_x, axis, far_apart):
    check_case(target.log_softmax, make_x(), axis, FAR_APART if far_apart else None)


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    check_case(target.log_softmax, *random_input(200 + seed))


@pytest.mark.speed
def test_speed_against_torch(target):
    x = np.random.default_rng(0).standard_normal((16384, 10)).astype(np.float32) * 4
    X = torch.from_numpy(x)
    call(target.log_softmax, x, axis=-1)  # a crash here is reported as a crash
    result = measure(lambda: target.log_softmax(x, axis=-1), lambda: torch_log_softmax(X, dim=-1),
                     limit=20, reference_name="torch.log_softmax")
    expect_fast(result, case=describe(x=x, axis=-1))
