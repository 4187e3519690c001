"""Checks of exercises/activations.py: values against torch in float64, derivatives against autograd."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from grader.check import (call, call_without_warnings, CheckFailure, describe, expect_close, expect_fast,
                         expect_unchanged, measure, mistakes, snapshot)

MISTAKE = mistakes('activations')

# The oracles, bound before the learner's code runs.
TORCH = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
         "gelu": lambda X: F.gelu(X, approximate="tanh")}
torch_gelu_exact = F.gelu


WARNINGS = {"relu": {}, "sigmoid": {"overflow": MISTAKE.sigmoid_overflow, "invalid value": MISTAKE.sigmoid_overflow},
            "tanh": {"overflow": MISTAKE.tanh_overflow, "invalid value": MISTAKE.tanh_overflow},
            "gelu": {"overflow": MISTAKE.gelu_overflow, "invalid value": MISTAKE.gelu_overflow}}
RTOL = {np.float32: 1e-5, np.float64: 1e-10}
ATOL = {np.float32: 1e-6, np.float64: 1e-12}
C, K = math.sqrt(2 / math.pi), 0.044715


def value_mistakes(name: str, X: torch.Tensor) -> dict:
    if name == "gelu":
        return {MISTAKE.gelu_exact: lambda: torch_gelu_exact(X)}
    return {}


def slope_mistakes(name: str, X: torch.Tensor) -> dict:
    if name == "relu":
        return {MISTAKE.relu_one_at_zero: lambda: (X >= 0).double(),
                MISTAKE.relu_half_at_zero: lambda: (X > 0).double() + 0.5 * (X == 0).double()}
    if name == "sigmoid":
        return {MISTAKE.sigmoid_on_input: lambda: X * (1 - X)}
    if name == "tanh":
        return {MISTAKE.tanh_on_input: lambda: 1 - X * X, MISTAKE.tanh_not_squared: lambda: 1 - torch.tanh(X)}
    T = torch.tanh(C * (X + K * X**3))
    normal_pdf = torch.exp(-X * X / 2) / math.sqrt(2 * math.pi)
    return {MISTAKE.gelu_exact_slope: lambda: 0.5 * (1 + torch.erf(X / math.sqrt(2))) + X * normal_pdf,
            MISTAKE.gelu_no_chain: lambda: 0.5 * (1 + T) + 0.5 * X * (1 - T * T) * C,
            MISTAKE.gelu_no_product: lambda: 0.5 * (1 + T)}


def oracle(name: str, x: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    """torch's value in float64, and its derivative by autograd."""
    X = torch.from_numpy(x).double().requires_grad_(True)
    Y = TORCH[name](X)
    (slope,) = torch.autograd.grad(Y, X, torch.ones_like(Y))
    return Y.detach(), slope


def check_case(module, name, x):
    case = f"{name}: " + describe(x=x)
    before = snapshot(x=x)
    got = call_without_warnings(getattr(module, name), x, case=case, mistakes=WARNINGS[name])
    expect_unchanged(before, {"x": x}, case=case)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        kind = f"a {type(got).__name__}" + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else "")
        raise CheckFailure(f"{name} must return a pair (value, derivative); it returned {kind}", case=case,
                           mistake=MISTAKE.not_a_pair)
    value, slope = got
    X = torch.from_numpy(x).double()
    expected_value, expected_slope = oracle(name, x)
    tolerance = dict(dtype=x.dtype, rtol=RTOL[x.dtype.type], atol=ATOL[x.dtype.type])
    expect_close(value, expected_value, case=case + " — the value", mistakes=value_mistakes(name, X), **tolerance)
    expect_close(slope, expected_slope, case=case + " — the derivative", mistakes=slope_mistakes(name, X),
                 **tolerance)


NAMES = ("relu", "sigmoid", "tanh", "gelu")
# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
INPUTS = {
    "a few values around 0": lambda: np.array([-2.0, -0.5, 0.0, 0.5, 2.0]),
    "2-D array": lambda: np.random.default_rng(1).standard_normal((4, 5)) * 3,
    "large inputs (+-1000)": lambda: np.array([-1000.0, -60.0, -20.0, 20.0, 60.0, 1000.0]),
    "float32 input": lambda: (np.random.default_rng(2).standard_normal((3, 4)) * 4).astype(np.float32),
}
CASES = [(name, make) for make in INPUTS.values() for name in NAMES]
IDS = [f"{name}: {label}" for label in INPUTS for name in NAMES]


@pytest.mark.parametrize("name, make", CASES, ids=IDS)
def test_matches_torch(target, name, make):
    check_case(target, name, make())


@pytest.mark.parametrize("name", NAMES)
def test_random_case(target, name):
    rng = np.random.default_rng(600 + NAMES.index(name))
    shape = tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    x = (rng.standard_normal(shape) * 5).astype([np.float32, np.float64][NAMES.index(name) % 2])
    check_case(target, name, x)


@pytest.mark.speed
def test_speed_against_torch(target):
    x = (np.random.default_rng(0).standard_normal(2**16) * 3).astype(np.float32)
    X = torch.from_numpy(x).requires_grad_(True)
    for name in NAMES:
        call(getattr(target, name), x)  # a crash here is reported as a crash

    def learner():
        for name in NAMES:
            getattr(target, name)(x)

    def reference():
        for f in TORCH.values():
            Y = f(X)
            torch.autograd.grad(Y, X, torch.ones_like(Y))

    result = measure(learner, reference, limit=20, reference_name="torch forward + autograd")
    expect_fast(result, case="relu, sigmoid, tanh and gelu on " + describe(x=x))
