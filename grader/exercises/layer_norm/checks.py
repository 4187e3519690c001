"""Checks of exercises/layer_norm.py against torch.nn.functional.layer_norm in float64.

The oracle is torch's own layer_norm in float64 on CPU, and torch autograd through it for the
gradients. Classic mistakes are variants written out below in float64, used only to name them.
"""
from __future__ import annotations

import torch
from torch.nn.functional import layer_norm as torch_layer_norm  # bound before the learner's code runs

from grader.check import OnDevice, Speed, call, call_unchanged, mistakes
from grader.check.family.normalization import (affine_ignored, case_text, expect_gradients, expect_output,
                                               expect_tensor, f64_case, grad_leaves, mean_var, normalise,
                                               normalisation_cases, weight_and_bias)

MISTAKE = mistakes("layer_norm")


def trailing(normalized_shape):
    """normalized_shape as a tuple, and the axes it normalises: the last len(normalized_shape)."""
    ns = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    return ns, tuple(range(-len(ns), 0))


def make_case(seed, shape, normalized_shape, affine="both", eps=1e-5, scale=1.0, offset=0.0,
              dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    ns, _ = trailing(normalized_shape)
    x = torch.randn(shape, generator=g, dtype=torch.float64) * scale
    # Each sample gets its own spread and shift, so per-sample and per-batch statistics differ.
    lead = (*shape[:len(shape) - len(ns)], *[1] * len(ns))  # (leading axes, 1, …)
    x = x * (torch.rand(lead, generator=g, dtype=torch.float64) + 0.5) \
        + torch.randn(lead, generator=g, dtype=torch.float64) + offset
    w, b = weight_and_bias(torch.rand(ns, generator=g, dtype=torch.float64) + 0.5,
                           torch.randn(ns, generator=g, dtype=torch.float64), affine)
    to = lambda t: None if t is None else t.to(dtype=dtype, device=device)  # noqa: E731
    return dict(x=to(x), normalized_shape=normalized_shape, weight=to(w), bias=to(b), eps=eps)


def output_mistakes(c64):
    x, w, b, eps = c64["x"], c64["weight"], c64["bias"], c64["eps"]
    ns, dims = trailing(c64["normalized_shape"])
    dims = tuple(x.dim() + d for d in dims)  # as positive axes, to compare with the wrong ones

    def norm(dims, correction=0, eps=eps, **kw):
        return normalise(x, *mean_var(x, dims, correction), w, b, eps, **kw)

    mistakes = {MISTAKE.unbiased: lambda: norm(dims, correction=1),
                MISTAKE.eps_outside: lambda: norm(dims, eps_outside=True),
                MISTAKE.eps_ignored: lambda: norm(dims, eps=1e-5)}
    if len(ns) > 1:
        mistakes[MISTAKE.last_axis_only] = lambda: norm((x.dim() - 1,))
    wrong = [(0,), tuple(range(x.dim())), tuple(range(x.dim() - 1))]
    mistakes[MISTAKE.wrong_axes] = [lambda d=d: norm(d) for d in wrong if d and d != dims]
    if w is not None or b is not None:
        plain = normalise(x, *mean_var(x, dims), None, None, eps)
        mistakes[MISTAKE.no_affine] = affine_ignored(plain, w)
    return mistakes


def check_case(target, c):
    case, c64 = case_text(**c), f64_case(c)
    ns, dims = trailing(c["normalized_shape"])
    expected = torch_layer_norm(c64["x"], ns, c64["weight"], c64["bias"], c["eps"])
    got = call_unchanged(target.layer_norm, c["x"], c["normalized_shape"], c["weight"], c["bias"], eps=c["eps"],
                         case=case)
    # LayerNorm ignores a per-sample shift: right on centred data means a cancellation problem
    centred = dict(c, x=(c64["x"] - c64["x"].mean(dims, keepdim=True)).to(c["x"]))
    expect_output(got, expected, c["x"], case=case, mistakes=output_mistakes(c64),
                  recheck=lambda: check_case(target, centred), cancellation=MISTAKE.cancellation)


NAMED_CASES = {
    "smallest: (1, 2), normalized_shape=2": dict(seed=0, shape=(1, 2), normalized_shape=2),
    "(N, D), int normalized_shape": dict(seed=1, shape=(4, 6), normalized_shape=6),
    "(N, T, D), normalized_shape=(D,)": dict(seed=2, shape=(2, 3, 8), normalized_shape=(8,)),
    "(N, T, D), normalized_shape=(T, D): two axes": dict(seed=3, shape=(3, 4, 5), normalized_shape=(4, 5)),
    "(N, C, H, W), normalized_shape=(C, H, W)": dict(seed=4, shape=(2, 3, 4, 4), normalized_shape=(3, 4, 4)),
    "normalized_shape as a list": dict(seed=5, shape=(3, 2, 6), normalized_shape=[2, 6]),
    "normalized_shape as a torch.Size": dict(seed=6, shape=(4, 7), normalized_shape=torch.Size([7])),
    "1-D input: one sample": dict(seed=7, shape=(9,), normalized_shape=9),
    "no weight, no bias": dict(seed=8, shape=(3, 5), normalized_shape=5, affine="none"),
    "weight only (bias None)": dict(seed=9, shape=(3, 2, 5), normalized_shape=(5,), affine="weight"),
    "small variance: eps matters": dict(seed=10, shape=(4, 6), normalized_shape=6, scale=0.02, eps=1e-3),
    "constant rows: variance 0": dict(seed=11, shape=(3, 4), normalized_shape=4, scale=0.0),
    "float32 input": dict(seed=12, shape=(4, 3, 16), normalized_shape=16, dtype=torch.float32),
    "float32, large mean (300)": dict(seed=13, shape=(8, 64), normalized_shape=64, offset=300.0,
                                      dtype=torch.float32),
    "eps 0.5, large beside the variance": dict(seed=14, shape=(4, 6), normalized_shape=6, scale=0.3, eps=0.5),
}


def check_gradients(target, c):
    """Gradients of sum(out * g) with respect to x, weight and bias, against torch autograd."""
    case, leaves = case_text(**c), grad_leaves(c)
    out = call(target.layer_norm, leaves["x"], c["normalized_shape"], leaves.get("weight"), leaves.get("bias"),
               eps=c["eps"])
    expect_tensor(out, case=case)
    (ns, dims), eps = trailing(c["normalized_shape"]), c["eps"]

    def reference(x, weight=None, bias=None):
        return torch_layer_norm(x, ns, weight, bias, eps)

    def detached(x, weight=None, bias=None):  # the statistics as constants
        return normalise(x, *mean_var(x.detach(), dims), weight, bias, eps)

    expect_gradients(out, leaves, reference, case=case, outside_autograd=MISTAKE.outside_autograd,
                     mistakes={MISTAKE.stats_detached: detached})


GRAD_CASES = {
    "(N, D)": dict(seed=20, shape=(4, 6), normalized_shape=6),
    "(N, T, D), normalized_shape=(T, D)": dict(seed=21, shape=(2, 3, 4), normalized_shape=(3, 4)),
    "no weight, no bias": dict(seed=22, shape=(3, 5), normalized_shape=5, affine="none"),
}


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    shape = tuple(r(1, 6) for _ in range(r(1, 5)))
    k = r(1, len(shape) + 1)
    ns = shape[len(shape) - k:]
    u = float(torch.rand((), generator=g))
    # Every documented argument drawn: eps from 1e-8 to 1e-1 (log scale), the input's scale and offset.
    return make_case(seed, shape, ns if k > 1 or r(0, 2) else ns[0], affine=["both", "none", "weight"][r(0, 3)],
                     eps=float(f"{10 ** (-8 + 7 * u):.2g}"), scale=[1.0, 0.05, 20.0][r(0, 3)],
                     offset=[0.0, 3.0][r(0, 2)], dtype=[torch.float64, torch.float32][seed % 2], device=device)


CASES = normalisation_cases(check_case, check_gradients, make_case, NAMED_CASES, GRAD_CASES, random_case,
                            gradient_case=dict(seed=30, shape=(3, 4, 5), normalized_shape=(4, 5)))

# Without weight and bias: a default weight made on the CPU shows on every machine.
DEVICE = OnDevice(lambda target, device: call(target.layer_norm, *make_case(44, (4, 6), 6, affine="none",
                                                                          dtype=torch.float32, device=device).values()),
                  case="x (4, 6) float32, normalized_shape=6, weight=None, bias=None")


def speed_setup(target, device):
    shape = {"cpu": (16384, 16), "cuda": (8192, 1024)}[device]
    c = make_case(0, shape, shape[-1], dtype=torch.float32, device=device)
    args = (c["x"], c["normalized_shape"], c["weight"], c["bias"])
    return (lambda: target.layer_norm(*args),
            lambda: torch_layer_norm(c["x"], (shape[-1],), c["weight"], c["bias"]), case_text(**c))


SPEED = Speed(speed_setup, limit={"cpu": 60, "cuda": 20}, reference="torch layer_norm")
