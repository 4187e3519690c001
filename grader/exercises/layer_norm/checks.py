"""Checks of exercises/layer_norm.py against torch.nn.functional.layer_norm in float64.

The oracle is torch's own layer_norm in float64 on CPU, and torch autograd through it for the
gradients. Classic mistakes are variants written out below in float64, used only to name them.
"""
from __future__ import annotations


import pytest
import torch
from torch.nn.functional import layer_norm as torch_layer_norm  # bound before the learner's code runs

from grader.check import (call, CheckFailure, describe, expect_close, expect_fast, expect_on_device, measure,
                         mistakes, skip_without_cuda)

MISTAKE = mistakes('layer_norm')


RTOL = {torch.float32: 1e-4, torch.float64: 1e-7}
ATOL = {torch.float32: 1e-4, torch.float64: 1e-9}
# Functions that compute a layer norm for you (batch/group/instance norm can be bent into one).


def _f64(t):
    return None if t is None else t.detach().to("cpu", torch.float64).clone()


def _tuple(shape):
    return (shape,) if isinstance(shape, int) else tuple(shape)


def make_case(seed, shape, normalized_shape, affine="both", eps=1e-5, scale=1.0, offset=0.0,
              dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    ns = _tuple(normalized_shape)
    x = torch.randn(shape, generator=g, dtype=torch.float64) * scale
    # Each sample gets its own spread and shift, so per-sample and per-batch statistics differ.
    lead = shape[:len(shape) - len(ns)]
    x = x * (torch.rand(*lead, *[1] * len(ns), generator=g, dtype=torch.float64) + 0.5) \
        + torch.randn(*lead, *[1] * len(ns), generator=g, dtype=torch.float64) + offset
    w = torch.rand(ns, generator=g, dtype=torch.float64) + 0.5
    b = torch.randn(ns, generator=g, dtype=torch.float64)
    to = dict(dtype=dtype, device=device)
    return dict(x=x.to(**to), normalized_shape=normalized_shape,
                weight=w.to(**to) if affine in ("both", "weight") else None,
                bias=b.to(**to) if affine == "both" else None, eps=eps)


def case_text(c) -> str:
    return describe(x=c["x"], normalized_shape=c["normalized_shape"], weight=c["weight"], bias=c["bias"],
                    eps=c["eps"]) + ("" if c["x"].device.type == "cpu" else f", device={c['x'].device.type!r}")


def formula(x, dims, weight, bias, eps, *, correction=0, eps_outside=False, detach=False):
    mean = x.mean(dims, keepdim=True)
    var = x.var(dims, correction=correction, keepdim=True)
    if detach:
        mean, var = mean.detach(), var.detach()
    y = (x - mean) / (var.sqrt() + eps if eps_outside else (var + eps).sqrt())
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y


def output_mistakes(c64):
    x, w, b, eps = c64["x"], c64["weight"], c64["bias"], c64["eps"]
    k = len(_tuple(c64["normalized_shape"]))
    dims = tuple(range(x.dim() - k, x.dim()))
    mistakes = {
        MISTAKE.unbiased: lambda: formula(x, dims, w, b, eps, correction=1),
        MISTAKE.eps_outside: lambda: formula(x, dims, w, b, eps, eps_outside=True),
        MISTAKE.eps_ignored: lambda: formula(x, dims, w, b, 1e-5),
    }
    if k > 1:
        mistakes[MISTAKE.last_axis_only] = lambda: formula(x, (x.dim() - 1,), w, b, eps)
    wrong = [(0,), tuple(range(x.dim())), tuple(range(x.dim() - 1))]
    mistakes[MISTAKE.wrong_axes] = [lambda d=d: formula(x, d, w, b, eps) for d in wrong if d and d != dims]
    if w is not None or b is not None:
        plain = formula(x, dims, None, None, eps)
        mistakes[MISTAKE.no_affine] = [lambda: plain, lambda: plain * w if w is not None else plain]
    return mistakes


def _close(got, expected, *, case, dtype, mistakes=None, what=None):
    expect_close(got, expected, case=case, dtype=dtype, rtol=RTOL[dtype], atol=ATOL[dtype], framework="torch",
                 mistakes=mistakes, what=what)


def check_case(layer_norm, c, *, shifted_retry=True):
    case = case_text(c)
    c64 = {k: _f64(v) if isinstance(v, torch.Tensor) else v for k, v in c.items()}
    expected = torch_layer_norm(c64["x"], _tuple(c["normalized_shape"]), c64["weight"], c64["bias"], c["eps"])
    before = {k: c[k].clone() for k in ("x", "weight", "bias") if c[k] is not None}
    got = call(layer_norm, c["x"], c["normalized_shape"], c["weight"], c["bias"], eps=c["eps"])
    for name, original in before.items():
        if not torch.equal(original, c[name]):
            raise CheckFailure(f"your function modified its input `{name}` in place", case=case, mistake=MISTAKE.in_place)
    expect_on_device(got, c["x"].device, case=case)
    try:
        _close(got, expected, case=case, dtype=c["x"].dtype, mistakes=output_mistakes(c64))
    except CheckFailure as failure:
        if failure.mistake is None and shifted_retry and c["x"].dtype == torch.float32 and c64["x"].mean().abs() > 50:
            dims = tuple(range(-len(_tuple(c["normalized_shape"])), 0))
            centred = (c64["x"] - c64["x"].mean(dims, keepdim=True)).to(c["x"])
            try:  # LayerNorm ignores a per-sample shift: right on centred data means a cancellation problem
                check_case(layer_norm, dict(c, x=centred), shifted_retry=False)
            except CheckFailure:
                raise failure from None
            failure.mistake = MISTAKE.cancellation
        raise
    return got


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
}


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    check_case(target.layer_norm, make_case(**params))


def check_gradients(layer_norm, c):
    """Gradients of sum(out * g) with respect to x, weight and bias, against torch autograd."""
    case = case_text(c)
    leaves = {k: c[k].detach().clone().requires_grad_(True) for k in ("x", "weight", "bias") if c[k] is not None}
    out = call(layer_norm, leaves["x"], c["normalized_shape"], leaves.get("weight"), leaves.get("bias"),
               eps=c["eps"])
    if not isinstance(out, torch.Tensor):
        raise CheckFailure(f"expected a torch.Tensor, your function returned {type(out).__name__}", case=case)
    if out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: autograd cannot compute any gradient through it",
                           case=case, mistake=MISTAKE.outside_autograd)
    g = torch.randn(out.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64).to(out)
    # A scalar loss: autograd.grad with grad_outputs imports sympy (~1.5 s) in recent torch.
    got = call(lambda: torch.autograd.grad((out * g).sum(), list(leaves.values()), allow_unused=True))

    g64 = _f64(g)
    ns = _tuple(c["normalized_shape"])
    dims = tuple(range(-len(ns), 0))

    def grads(fn):
        ref_leaves = {k: _f64(v).requires_grad_(True) for k, v in leaves.items()}
        y = fn(ref_leaves["x"], ref_leaves.get("weight"), ref_leaves.get("bias"))
        return dict(zip(ref_leaves, torch.autograd.grad((y * g64).sum(), list(ref_leaves.values()))))

    expected = grads(lambda x, w, b: torch_layer_norm(x, ns, w, b, c["eps"]))
    for (name, leaf), grad in zip(leaves.items(), got):
        if grad is None:
            raise CheckFailure(f"no gradient reaches `{name}`: it is not connected to your output",
                               case=case, mistake=MISTAKE.outside_autograd)
        mistakes = {MISTAKE.stats_detached: lambda name=name: grads(
            lambda x, w, b: formula(x, dims, w, b, c["eps"], detach=True))[name]}
        _close(grad, expected[name], case=case, dtype=leaf.dtype, mistakes=mistakes,
               what=f"the gradient of `{name}`")


GRAD_CASES = {
    "(N, D)": dict(seed=20, shape=(4, 6), normalized_shape=6),
    "(N, T, D), normalized_shape=(T, D)": dict(seed=21, shape=(2, 3, 4), normalized_shape=(3, 4)),
    "no weight, no bias": dict(seed=22, shape=(3, 5), normalized_shape=5, affine="none"),
}


@pytest.mark.parametrize("params", GRAD_CASES.values(), ids=GRAD_CASES.keys())
def test_gradients_match_autograd(target, params):
    check_gradients(target.layer_norm, make_case(**params))


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    shape = tuple(r(1, 6) for _ in range(r(1, 5)))
    k = r(1, len(shape) + 1)
    ns = shape[len(shape) - k:]
    return make_case(seed, shape, ns if k > 1 or r(0, 2) else ns[0], affine=["both", "none", "weight"][r(0, 3)],
                     dtype=[torch.float64, torch.float32][seed % 2], device=device)


def test_random_cases(target, device):
    for seed in range(4):
        check_case(target.layer_norm, random_case(seed, device))
    check_gradients(target.layer_norm, make_case(30, (3, 4, 5), (4, 5), device=device))


def _speed(target, shape, device, limit):
    c = make_case(0, shape, shape[-1], dtype=torch.float32, device=device)
    args = (c["x"], c["normalized_shape"], c["weight"], c["bias"])
    call(target.layer_norm, *args)  # a crash here is reported as a crash
    result = measure(lambda: target.layer_norm(*args),
                     lambda: torch_layer_norm(c["x"], (shape[-1],), c["weight"], c["bias"]),
                     limit=limit, reference_name="torch layer_norm", device=device)
    expect_fast(result, case=case_text(c))


@pytest.mark.speed
def test_speed_against_torch(target):
    _speed(target, (16384, 16), "cpu", limit=100)


@pytest.mark.speed
def test_speed_against_torch_on_cuda(target):
    skip_without_cuda()
    _speed(target, (8192, 1024), "cuda", limit=20)
