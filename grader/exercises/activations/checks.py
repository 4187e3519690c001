"""Checks of exercises/activations.py: values against torch in float64, derivatives against autograd."""
from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F

from grader.check import Cases, CheckFailure, Speed, call_unchanged, describe, expect_close, mistakes

MISTAKE = mistakes("activations")

# The oracles, bound before the learner's code runs.
TORCH = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
         "gelu": lambda X: F.gelu(X, approximate="tanh")}
torch_gelu_exact = F.gelu


WARNINGS = {"relu": {}, "sigmoid": {"overflow": MISTAKE.sigmoid_overflow, "invalid value": MISTAKE.sigmoid_overflow},
            "tanh": {"overflow": MISTAKE.tanh_overflow, "invalid value": MISTAKE.tanh_overflow},
            "gelu": {"overflow": MISTAKE.gelu_overflow, "invalid value": MISTAKE.gelu_overflow}}
TOLERANCE = {"float32": (1e-5, 1e-6), "float64": (1e-10, 1e-12)}
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
    got = call_unchanged(getattr(module, name), x, case=case, warnings=WARNINGS[name])
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        kind = f"a {type(got).__name__}" + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else "")
        raise CheckFailure(f"{name} must return a pair (value, derivative); it returned {kind}", case=case,
                           mistake=MISTAKE.not_a_pair)
    value, slope = got
    X = torch.from_numpy(x).double()
    expected_value, expected_slope = oracle(name, x)
    expect_close(value, expected_value, case=case + " — the value", dtype=x.dtype, mistakes=value_mistakes(name, X))
    expect_close(slope, expected_slope, case=case + " — the derivative", dtype=x.dtype,
                 mistakes=slope_mistakes(name, X))


NAMES = ("relu", "sigmoid", "tanh", "gelu")
# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
INPUTS = {
    "a few values around 0": lambda: np.array([-2.0, -0.5, 0.0, 0.5, 2.0]),
    "2-D array": lambda: np.random.default_rng(1).standard_normal((4, 5)) * 3,
    "large inputs (+-1000)": lambda: np.array([-1000.0, -60.0, -20.0, 20.0, 60.0, 1000.0]),
    "float32 input": lambda: (np.random.default_rng(2).standard_normal((3, 4)) * 4).astype(np.float32),
}


def random_input(name):
    rng = np.random.default_rng(600 + NAMES.index(name))
    shape = tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    return (rng.standard_normal(shape) * 5).astype([np.float32, np.float64][NAMES.index(name) % 2])


# Every input through each of the four functions; one random case per function, named after it.
CASES = [Cases(lambda target, params: check_case(target, params[0], params[1]()),
               {f"{name}: {label}": (name, make) for label, make in INPUTS.items() for name in NAMES}),
         Cases(lambda target, name: check_case(target, name, random_input(name)), {name: name for name in NAMES},
               name="random case")]


def speed_setup(target, device):
    x = (np.random.default_rng(0).standard_normal(2**16) * 3).astype(np.float32)
    X = torch.from_numpy(x).requires_grad_(True)

    def learner():
        for name in NAMES:
            getattr(target, name)(x)

    def reference():
        for f in TORCH.values():
            Y = f(X)
            torch.autograd.grad(Y, X, torch.ones_like(Y))

    return learner, reference, "relu, sigmoid, tanh and gelu on " + describe(x=x)


SPEED = Speed(speed_setup, limit=25, reference="torch forward + autograd")
