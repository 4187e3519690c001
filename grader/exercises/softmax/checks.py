"""Checks of exercises/softmax.py against torch.softmax in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from grader.check import (call, call_without_warnings, describe, expect_close, expect_fast, expect_unchanged,
                         measure, mistakes, snapshot)

MISTAKE = mistakes('softmax')

torch_softmax = torch.softmax  # bound before the learner's code runs


RTOL = {np.float32: 1e-5, np.float64: 1e-10}
ATOL = {np.float32: 1e-7, np.float64: 1e-14}


def variants(X: torch.Tensor, axis: int) -> dict:
    """The outputs the classic mistakes give (float64), for `expect_close` to name them."""
    E = torch.exp(X - X.amax(dim=axis, keepdim=True))
    found = {MISTAKE.whole_array: lambda: torch.exp(X - X.max()) / torch.exp(X - X.max()).sum(),
             MISTAKE.no_keepdims: lambda: E / E.sum(dim=axis)}
    if axis % X.ndim != X.ndim - 1:
        found[MISTAKE.axis_ignored] = lambda: torch_softmax(X, dim=-1)
    return found


def check_case(softmax, x, axis=-1, warnings=None):
    case = describe(x=x, axis=axis)
    before = snapshot(x=x)
    got = call_without_warnings(softmax, x, axis=axis, case=case,
                                mistakes=warnings or {"overflow": MISTAKE.no_max, "invalid value": MISTAKE.no_max})
    expect_unchanged(before, {"x": x}, case=case)
    X = torch.from_numpy(x).double()
    expect_close(got, torch_softmax(X, dim=axis), case=case, dtype=x.dtype, rtol=RTOL[x.dtype.type],
                 atol=ATOL[x.dtype.type], mistakes=variants(X, axis))


def logits(*rows, dtype=np.float64):
    return lambda: np.array(rows, dtype=dtype)


def normal(seed, shape, scale=1.0, dtype=np.float64):
    return lambda: (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)


# Shared with log_softmax: the same inputs trip the same mistakes. Inputs are built afresh for every check: a
# function that modifies its input must not spoil the next check. The flag marks rows whose maxima are ~2000
# apart, where one max for the whole array underflows a whole row: there, warnings mean that mistake.
NAMED_CASES = {
    "smallest: one row of 3": (logits([1.0, 2.0, 3.0]), -1, False),
    "1-D input": (lambda: np.array([0.5, -1.0, 2.0, 0.0]), -1, False),
    "all logits equal": (logits([3.0, 3.0, 3.0, 3.0], [-2.0, -2.0, -2.0, -2.0]), -1, False),
    "one class": (logits([4.0], [-7.0]), -1, False),
    "axis=0": (normal(1, (4, 3)), 0, False),
    "square input (keepdims matters)": (normal(2, (4, 4)), -1, False),
    "axis=1 of a 3-D input": (normal(3, (2, 5, 3)), 1, False),
    "axis=-2": (normal(4, (3, 4, 2)), -2, False),
    "logits of +-1000": (logits([1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 999.0]), -1, False),
    "rows far apart (+1000 and -1000)": (logits([1000.0, 999.0, 998.0], [-1000.0, -1001.0, -1003.0]), -1,
                                         True),
    "float32 input": (normal(5, (3, 6), scale=5.0, dtype=np.float32), -1, False),
    "float32 logits of +-1000": (logits([1000.0, -1000.0, 0.0], [88.0, 89.0, 90.0], dtype=np.float32), -1, False),
}


def random_input(seed):
    """Logits of random shape and scale (1 to 100), float32 or float64, and a random axis."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    axis = int(rng.integers(-len(shape), len(shape)))
    x = (rng.standard_normal(shape) * 10 ** rng.uniform(0, 2)).astype([np.float32, np.float64][seed % 2])
    return x, axis


FAR_APART = {"overflow": MISTAKE.no_max, "invalid value": MISTAKE.global_max, "divide by zero": MISTAKE.global_max}


@pytest.mark.parametrize("make_x, axis, far_apart", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, make_x, axis, far_apart):
    check_case(target.softmax, make_x(), axis, FAR_APART if far_apart else None)


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    check_case(target.softmax, *random_input(100 + seed))


@pytest.mark.speed
def test_speed_against_torch(target):
    x = np.random.default_rng(0).standard_normal((16384, 10)).astype(np.float32) * 4
    X = torch.from_numpy(x)
    call(target.softmax, x, axis=-1)  # a crash here is reported as a crash
    result = measure(lambda: target.softmax(x, axis=-1), lambda: torch_softmax(X, dim=-1),
                     limit=20, reference_name="torch.softmax")
    expect_fast(result, case=describe(x=x, axis=-1))


