"""Checks of exercises/rms_norm.py against torch.nn.functional.rms_norm in float64.

The oracle is torch's own rms_norm in float64 on CPU, and torch autograd through it for the
gradients. Classic mistakes are variants written out below in float64, used only to name them.
"""
from __future__ import annotations

import torch
from torch.nn.functional import rms_norm as torch_rms_norm  # bound before the learner's code runs

from grader.check import OnDevice, Speed, call, call_unchanged, expect_close, expect_on_device, mistakes
from grader.check.family.normalization import (case_text, expect_gradients, expect_tensor,
                                               f64_case, normalisation_cases)

MISTAKE = mistakes("rms_norm")


def grad_leaves(c: dict) -> dict:
    """Fresh copies of x and weight (when not None) that require grad."""
    return {k: c[k].detach().clone().requires_grad_(True) for k in ("x", "weight") if c[k] is not None}


def make_case(seed, shape, weight=True, eps=1e-6, scale=1.0, offset=0.0, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(shape, generator=g, dtype=torch.float64) * scale
    # Each row its own spread and a shift: the mean of squares and the variance then differ.
    lead = (*shape[:-1], 1)
    x = x * (torch.rand(lead, generator=g, dtype=torch.float64) + 0.5) \
        + torch.randn(lead, generator=g, dtype=torch.float64) * 0.5 + offset
    w = torch.rand(shape[-1], generator=g, dtype=torch.float64) + 0.5 if weight else None
    to = lambda t: None if t is None else t.to(dtype=dtype, device=device)  # noqa: E731
    return dict(x=to(x), weight=to(w), eps=eps)


def spec(x, weight, eps, *, centre=False, eps_outside=False, detach=False):
    """The formula, with the switches that make each classic mistake."""
    s = x - x.mean(-1, keepdim=True) if centre else x
    ms = s.pow(2).mean(-1, keepdim=True)
    if detach:
        ms = ms.detach()
    y = x / (ms.sqrt() + eps) if eps_outside else x / torch.sqrt(ms + eps)
    return y if weight is None else y * weight


def output_mistakes(c64):
    x, w, eps = c64["x"], c64["weight"], c64["eps"]
    m = {MISTAKE.variance: [lambda: spec(x, w, eps, centre=True), lambda: spec(x - x.mean(-1, keepdim=True), w, eps)],
         MISTAKE.eps_outside: lambda: spec(x, w, eps, eps_outside=True),
         MISTAKE.eps_ignored: [lambda e=e: spec(x, w, e) for e in (1e-6, 1e-5, 1e-8, 0.0) if e != eps]}
    if w is not None:
        m[MISTAKE.no_weight] = lambda: spec(x, None, eps)
    return m


def check_case(target, c):
    case, c64 = case_text(**c), f64_case(c)
    expected = torch_rms_norm(c64["x"], (c64["x"].shape[-1],), c64["weight"], c["eps"])
    got = call_unchanged(target.rms_norm, c["x"], c["weight"], eps=c["eps"], case=case)
    expect_on_device(got, c["x"].device, case=case)
    expect_close(got, expected, case=case, dtype=c["x"].dtype, mistakes=output_mistakes(c64))


NAMED_CASES = {
    "smallest: (1, 2)": dict(seed=0, shape=(1, 2)),
    "(N, D)": dict(seed=1, shape=(4, 6)),
    "(B, T, D)": dict(seed=2, shape=(2, 3, 8)),
    "(B, H, T, D)": dict(seed=3, shape=(2, 2, 3, 4)),
    "1-D input: one row": dict(seed=4, shape=(9,)),
    "no weight": dict(seed=5, shape=(3, 5), weight=False),
    "small values: eps matters": dict(seed=6, shape=(4, 6), scale=0.01, eps=1e-3),
    "all-zero rows": dict(seed=7, shape=(3, 4), scale=0.0),
    "float32 input": dict(seed=8, shape=(4, 3, 16), dtype=torch.float32),
    "eps 0.5": dict(seed=9, shape=(4, 6), scale=0.3, eps=0.5),
    "rows with a large mean (float32)": dict(seed=10, shape=(8, 32), offset=5.0, dtype=torch.float32),
}


def check_gradients(target, c):
    """Gradients of sum(out * g) with respect to x and weight, against torch autograd."""
    case, leaves = case_text(**c), grad_leaves(c)
    out = call(target.rms_norm, leaves["x"], leaves.get("weight"), eps=c["eps"])
    expect_tensor(out, case=case)
    eps = c["eps"]

    def reference(x, weight=None):
        return torch_rms_norm(x, (x.shape[-1],), weight, eps)

    def detached(x, weight=None):
        return spec(x, weight, eps, detach=True)

    expect_gradients(out, leaves, reference, case=case, outside_autograd=MISTAKE.outside_autograd,
                     mistakes={MISTAKE.stats_detached: detached})


GRAD_CASES = {
    "(N, D)": dict(seed=20, shape=(4, 6)),
    "(B, T, D)": dict(seed=21, shape=(2, 3, 4)),
    "no weight": dict(seed=22, shape=(3, 5), weight=False),
}


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    shape = tuple(r(1, 6) for _ in range(r(1, 4))) + (r(2, 9),)
    u = float(torch.rand((), generator=g))
    return make_case(seed, shape, weight=bool(r(0, 2)), eps=float(f"{10 ** (-8 + 7 * u):.2g}"),
                     scale=[1.0, 0.05, 20.0][r(0, 3)], dtype=[torch.float64, torch.float32][seed % 2], device=device)


CASES = normalisation_cases(check_case, check_gradients, make_case, NAMED_CASES, GRAD_CASES, random_case,
                            gradient_case=dict(seed=30, shape=(3, 4, 5)))

DEVICE = OnDevice(lambda target, device: call(target.rms_norm, *make_case(44, (4, 6), weight=False,
                                                                        dtype=torch.float32, device=device).values()),
                  case="x (4, 6) float32, weight=None")


def speed_setup(target, device):
    shape = {"cpu": (16384, 16), "cuda": (8192, 1024)}[device]
    c = make_case(0, shape, dtype=torch.float32, device=device)
    return (lambda: target.rms_norm(c["x"], c["weight"], c["eps"]),
            lambda: torch_rms_norm(c["x"], (shape[-1],), c["weight"], c["eps"]), case_text(**c))


SPEED = Speed(speed_setup, limit={"cpu": 60, "cuda": 20}, reference="torch rms_norm")
