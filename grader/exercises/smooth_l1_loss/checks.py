"""Checks of exercises/smooth_l1_loss.py against torch.nn.functional.smooth_l1_loss in float64."""
from __future__ import annotations

import zlib

import numpy as np
import torch
import torch.nn.functional as F

from grader.check import Arg, Cases, Space, Speed, call_unchanged, describe, expect_close, mistakes
from grader.check.family.softmax import as_array

MISTAKE = mistakes("smooth_l1_loss")

torch_smooth_l1 = F.smooth_l1_loss  # bound before the learner's code runs

TOLERANCE = {"float32": (1e-5, 1e-6), "float64": (1e-10, 1e-12)}


def pieces(D: torch.Tensor, beta: float, quadratic, linear) -> torch.Tensor:
    return torch.where(D.abs() < beta, quadratic, linear).mean()


def check_case(smooth_l1_loss, pred, target, beta):
    case = describe(pred=pred, target=target, beta=beta)
    got = call_unchanged(smooth_l1_loss, pred, target, beta=beta, case=case, warnings={
        "divide by zero": MISTAKE.beta_zero, "invalid value": MISTAKE.beta_zero})
    P, T = torch.from_numpy(pred).double(), torch.from_numpy(target).double()
    D = P - T
    A = D.abs()
    b = beta if beta > 0 else float("nan")  # variants that divide by beta make no sense for beta = 0
    mistakes = {MISTAKE.beta_ignored: lambda: torch_smooth_l1(P, T, beta=1.0),
                MISTAKE.swapped: lambda: pieces(D, beta, A - 0.5 * beta, 0.5 * A * A / b),
                MISTAKE.no_division: lambda: pieces(D, beta, 0.5 * A * A, A - 0.5 * beta),
                MISTAKE.huber: lambda: F.huber_loss(P, T, delta=beta),
                MISTAKE.no_half_beta: lambda: pieces(D, beta, 0.5 * A * A / b, A),
                MISTAKE.no_abs: lambda: torch.where(D < beta, 0.5 * D * D / b, D - 0.5 * beta).mean(),
                MISTAKE.sum: lambda: torch_smooth_l1(P, T, beta=beta, reduction="sum"),
                MISTAKE.l1: lambda: F.l1_loss(P, T),
                MISTAKE.mse: lambda: F.mse_loss(P, T)}
    if beta == 1.0:
        mistakes.pop(MISTAKE.beta_ignored)
    expect_close(as_array(got), torch_smooth_l1(P, T, beta=beta), case=case, dtype=pred.dtype, mistakes=mistakes)


def given(pred, target, dtype=np.float64):
    return lambda: (np.array(pred, dtype=dtype), np.array(target, dtype=dtype))


def random(seed, shape, scale=2.0, dtype=np.float64):
    def make():
        rng = np.random.default_rng(seed)
        return (rng.standard_normal(shape) * scale).astype(dtype), (rng.standard_normal(shape) * scale).astype(dtype)
    return make


# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
NAMED_CASES = {
    "smallest: one element inside the quadratic zone": (given([0.5], [0.2]), 1.0),
    "one element in the linear zone": (given([3.0], [0.5]), 1.0),
    "both zones, beta 1": (given([0.1, 2.5, -0.4, 4.0], [0.0, 0.0, 0.0, 1.0]), 1.0),
    "negative differences": (given([-3.0, -0.5, 0.0], [0.0, 0.0, 2.0]), 1.0),
    "beta 0.5": (given([0.1, 0.7, -1.2, 0.3], [0.0, 0.0, 0.0, 0.6]), 0.5),
    "beta 3": (random(1, (3, 4), scale=2.0), 3.0),
    "beta 0 (plain L1)": (given([0.5, -2.0, 0.0, 1.0], [0.0, 0.0, 0.0, 1.0]), 0.0),
    "difference equal to beta": (given([2.0, -2.0, 1.0], [0.0, 0.0, 1.0]), 2.0),
    "2-D batch": (random(2, (4, 3)), 1.0),
    "3-D input, beta 0.25": (random(3, (2, 3, 4), scale=0.5), 0.25),
    "large values (+-1000)": (given([1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 0.5]), 1.0),
    "float32 inputs": (random(4, (5, 4), dtype=np.float32), 0.8),
}


def both_zones(seed, shape, beta, scale, dtype):
    """Targets around `scale`, differences of -3 to 3 beta: elements inside and outside the quadratic zone
    whatever beta, however small (one of each at least)."""
    def make():
        rng = np.random.default_rng(seed)
        target = rng.standard_normal(shape) * scale
        u = rng.uniform(-3, 3, size=shape)
        u.flat[0], u.flat[-1] = 0.5, -2.5
        d = u * beta if beta > 0 else rng.standard_normal(shape)
        return (target + d).astype(dtype), target.astype(dtype)
    return make


def _label(c):
    dtype = "" if c["dtype"] is np.float64 else f", {np.dtype(c['dtype'])}"
    return f"beta {c['beta']:g}, shape {c['shape']}, targets around {c['scale']:g}{dtype}"


# beta from 0 (plain L1) through its small end (below 1e-5, where one public implementation switches
# to plain L1 although torch computes the formula for every beta > 0) to beyond 1.
SPACE = Space(
    beta=Arg([0.0, 1e-6, 0.5, 1.0, 3.0],
             draw=lambda rng: 0.0 if rng.integers(5) == 0 else float(f"{10 ** rng.uniform(-7, 1):.3g}")),
    shape=Arg([(7,), (3, 4), (2, 3, 4)],
              draw=lambda rng: tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4))))),
    scale=Arg([1.0, 1000.0], draw=lambda rng: float(10 ** rng.integers(0, 4))),
    dtype=Arg([np.float64, np.float32], draw=lambda rng: [np.float32, np.float64][int(rng.integers(2))]),
    label=_label, salt=500)


def check(target, params):
    if isinstance(params, dict):  # a case of SPACE
        make, beta = both_zones(zlib.crc32(_label(params).encode()), params["shape"], params["beta"],
                                params["scale"], params["dtype"]), params["beta"]
    else:
        make, beta = params
    check_case(target.smooth_l1_loss, *make(), beta)


CASES = Cases.spanning(check, SPACE, NAMED_CASES, seeds=3)


def speed_setup(target, device):
    pred, target_ = random(0, (16384, 64), dtype=np.float32)()
    P, T = torch.from_numpy(pred), torch.from_numpy(target_)
    return (lambda: target.smooth_l1_loss(pred, target_, beta=1.0), lambda: torch_smooth_l1(P, T, beta=1.0),
            describe(pred=pred, target=target_, beta=1.0))


SPEED = Speed(speed_setup, limit=25, reference="F.smooth_l1_loss")
