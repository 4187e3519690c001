"""Checks of exercises/activations.py: values against torch in float64, derivatives against autograd."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from grader.checking import (CheckFailure, Mistake, call_without_warnings, describe, expect_close,
                             expect_no_banned_calls, expect_unchanged, snapshot)
from grader.learner import call
from grader.speed import expect_fast, measure

# The oracles, bound before the learner's code runs.
TORCH = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
         "gelu": lambda X: F.gelu(X, approximate="tanh")}
torch_gelu_exact = F.gelu

NOT_A_PAIR = Mistake("not a (value, derivative) pair", "each function returns two arrays: "
                     "`return value, derivative`", "the-design-value-and-derivative")
RELU_ONE_AT_ZERO = Mistake("relu'(0) = 1", "at x = 0 torch uses slope 0: the gradient passes only where x > 0 "
                           "(x > 0, not x >= 0)", "relu")
RELU_HALF_AT_ZERO = Mistake("relu'(0) = 1/2", "at x = 0 torch uses slope 0: the gradient passes only where x > 0",
                            "relu")
SIGMOID_OVERFLOW = Mistake("sigmoid overflow", "1 / (1 + exp(-x)) overflows for x = -1000 (exp(1000) = inf); "
                           "exponentiate only -|x| (and np.where computes both branches, so guard both)",
                           "sigmoid")
SIGMOID_ON_INPUT = Mistake("sigmoid derivative on the input", "sigmoid'(x) = s * (1 - s) with s = sigmoid(x), "
                           "the output — not x * (1 - x)", "sigmoid")
TANH_ON_INPUT = Mistake("tanh derivative on the input", "tanh'(x) = 1 - t**2 with t = tanh(x), the output — "
                        "not 1 - x**2", "tanh")
TANH_NOT_SQUARED = Mistake("tanh derivative not squared", "tanh'(x) = 1 - tanh(x)**2, not 1 - tanh(x)", "tanh")
TANH_OVERFLOW = Mistake("tanh from exponentials", "(exp(x) - exp(-x)) / (exp(x) + exp(-x)) is inf/inf for "
                        "x = 1000; np.tanh is stable", "tanh")
GELU_EXACT = Mistake("exact (erf) GELU instead of the tanh form", "the value is x * Phi(x) with erf; this "
                     "exercise asks for the tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))",
                     "gelu-exact-and-tanh")
GELU_EXACT_SLOPE = Mistake("derivative of the exact (erf) GELU", "Phi(x) + x phi(x) is the derivative of the erf "
                           "form; differentiate the tanh form you computed", "gelu-exact-and-tanh")
GELU_NO_CHAIN = Mistake("GELU chain rule missed", "du/dx = sqrt(2/pi) (1 + 3 * 0.044715 x^2): the factor from "
                        "the inner function u(x) is missing or incomplete", "the-gelu-derivative")
GELU_NO_PRODUCT = Mistake("GELU product rule missed", "gelu = 0.5 x (1 + tanh(u)) is a product: its derivative "
                          "has the term 0.5 x (1 - tanh(u)^2) du/dx as well as 0.5 (1 + tanh(u))",
                          "the-gelu-derivative")
GELU_OVERFLOW = Mistake("GELU overflow", "something overflowed for x = 1000 (cosh(u)**2, or exp of a large u): "
                        "write sech^2(u) as 1 - tanh(u)^2", "the-gelu-derivative")

WARNINGS = {"relu": {}, "sigmoid": {"overflow": SIGMOID_OVERFLOW, "invalid value": SIGMOID_OVERFLOW},
            "tanh": {"overflow": TANH_OVERFLOW, "invalid value": TANH_OVERFLOW},
            "gelu": {"overflow": GELU_OVERFLOW, "invalid value": GELU_OVERFLOW}}
RTOL = {np.float32: 1e-5, np.float64: 1e-10}
ATOL = {np.float32: 1e-6, np.float64: 1e-12}
C, K = math.sqrt(2 / math.pi), 0.044715


def value_mistakes(name: str, X: torch.Tensor) -> dict:
    if name == "gelu":
        return {GELU_EXACT: lambda: torch_gelu_exact(X)}
    return {}


def slope_mistakes(name: str, X: torch.Tensor) -> dict:
    if name == "relu":
        return {RELU_ONE_AT_ZERO: lambda: (X >= 0).double(),
                RELU_HALF_AT_ZERO: lambda: (X > 0).double() + 0.5 * (X == 0).double()}
    if name == "sigmoid":
        return {SIGMOID_ON_INPUT: lambda: X * (1 - X)}
    if name == "tanh":
        return {TANH_ON_INPUT: lambda: 1 - X * X, TANH_NOT_SQUARED: lambda: 1 - torch.tanh(X)}
    T = torch.tanh(C * (X + K * X**3))
    normal_pdf = torch.exp(-X * X / 2) / math.sqrt(2 * math.pi)
    return {GELU_EXACT_SLOPE: lambda: 0.5 * (1 + torch.erf(X / math.sqrt(2))) + X * normal_pdf,
            GELU_NO_CHAIN: lambda: 0.5 * (1 + T) + 0.5 * X * (1 - T * T) * C,
            GELU_NO_PRODUCT: lambda: 0.5 * (1 + T)}


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
                           mistake=NOT_A_PAIR)
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


@pytest.mark.rules
def test_uses_numpy_only(target_file, exercise):
    expect_no_banned_calls(target_file, exercise.banned, "this exercise is activations in NumPy")


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
