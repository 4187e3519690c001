"""Checks of exercises/batch_norm.py against torch.nn.functional.batch_norm in float64.

The oracle is torch's own batch_norm evaluated in float64 on CPU (outputs, updated running
statistics) and torch autograd through it (gradients). Classic mistakes are variants written
out below in float64 and only used to name what went wrong.
"""
from __future__ import annotations


import pytest
import torch
from torch.nn.functional import batch_norm as torch_batch_norm  # bound before the learner's code runs

from grader.check import (call, CheckFailure, describe, expect_close, expect_fast, expect_on_device, measure,
                         mistakes, skip_without_cuda)

MISTAKE = mistakes('batch_norm')


RTOL = {torch.float32: 1e-4, torch.float64: 1e-7}
ATOL = {torch.float32: 1e-4, torch.float64: 1e-9}


# ---------------------------------------------------------------- cases

def make_case(seed, shape, training, momentum=0.1, eps=1e-5, affine="both", running=True, scale=1.0,
              offset=0.0, dtype=torch.float64, device="cpu"):
    """Inputs for one call; running statistics start away from (0, 1) so every update shows."""
    g = torch.Generator().manual_seed(seed)
    C = shape[1]
    x = torch.randn(shape, generator=g, dtype=torch.float64) * scale + offset
    x = x + torch.randn(C, generator=g, dtype=torch.float64).view(1, C, *[1] * (len(shape) - 2))  # per-channel shift
    rm = torch.randn(C, generator=g, dtype=torch.float64) * 0.5 + offset
    rv = (torch.rand(C, generator=g, dtype=torch.float64) + 0.5) * scale ** 2
    w = torch.rand(C, generator=g, dtype=torch.float64) + 0.5
    b = torch.randn(C, generator=g, dtype=torch.float64)
    to = dict(dtype=dtype, device=device)
    return dict(x=x.to(**to), running_mean=rm.to(**to) if running else None,
                running_var=rv.to(**to) if running else None,
                weight=w.to(**to) if affine in ("both", "weight") else None,
                bias=b.to(**to) if affine == "both" else None,
                training=training, momentum=momentum, eps=eps)


def case_text(c) -> str:
    return describe(x=c["x"], running_mean=c["running_mean"], running_var=c["running_var"], weight=c["weight"],
                    bias=c["bias"], training=c["training"], momentum=c["momentum"], eps=c["eps"]) + \
        ("" if c["x"].device.type == "cpu" else f", device={c['x'].device.type!r}")


def _f64(t):
    return None if t is None else t.detach().to("cpu", torch.float64).clone()


def _channel_view(v, ndim):
    return v.view(1, -1, *[1] * (ndim - 2))


def formula(x, mean, var, weight, bias, eps, *, eps_outside=False):
    """y = (x - mean) / sqrt(var + eps) * weight + bias with mean and var broadcastable to x."""
    denom = var.sqrt() + eps if eps_outside else (var + eps).sqrt()
    y = (x - mean) / denom
    if weight is not None:
        y = y * _channel_view(weight, x.dim())
    if bias is not None:
        y = y + _channel_view(bias, x.dim())
    return y


def batch_stats(x, dims, correction=0):
    return x.mean(dims, keepdim=True), x.var(dims, correction=correction, keepdim=True)


def output_mistakes(c64):
    """Variants of the output, each computed in float64 the way the named mistake computes it."""
    x, w, b, eps = c64["x"], c64["weight"], c64["bias"], c64["eps"]
    N, C = x.shape[:2]
    dims = (0, *range(2, x.dim()))
    mean, var = batch_stats(x, dims)
    rm, rv = c64["running_mean"], c64["running_var"]
    if c64["training"]:
        mistakes = {
            MISTAKE.unbiased_normalised: lambda: formula(x, mean, batch_stats(x, dims, correction=1)[1], w, b, eps),
            MISTAKE.eps_outside: lambda: formula(x, mean, var, w, b, eps, eps_outside=True),
            MISTAKE.eps_ignored: lambda: formula(x, mean, var, w, b, 1e-5),
        }
        wrong = [d for d in [(0,), (0, 2), (0, 3), (2, 3), (2,), tuple(range(1, x.dim())), tuple(range(x.dim()))]
                 if max(d) < x.dim() and d != dims]
        mistakes[MISTAKE.wrong_axes] = [lambda d=d: formula(x, *batch_stats(x, d), w, b, eps) for d in wrong]
        flat = x.reshape(C, -1)  # the classic: channels not moved to the front before flattening
        mistakes[MISTAKE.wrong_axes].append(lambda: formula(x, _channel_view(flat.mean(1), x.dim()),
                                                    _channel_view(flat.var(1, correction=0), x.dim()), w, b, eps))
    else:
        mean_r, var_r = _channel_view(rm, x.dim()), _channel_view(rv, x.dim())
        mistakes = {
            MISTAKE.eval_batch_stats: [lambda: formula(x, mean, var, w, b, eps),
                               lambda: formula(x, mean, batch_stats(x, dims, correction=1)[1], w, b, eps)],
            MISTAKE.eps_outside: lambda: formula(x, mean_r, var_r, w, b, eps, eps_outside=True),
            MISTAKE.eps_ignored: lambda: formula(x, mean_r, var_r, w, b, 1e-5),
        }
    if w is not None or b is not None:
        plain = torch_batch_norm(x, rm.clone() if rm is not None else None, rv.clone() if rv is not None else None,
                                 None, None, c64["training"], c64["momentum"], eps)
        with_w = plain * _channel_view(w, x.dim()) if w is not None else plain
        mistakes[MISTAKE.no_affine] = [lambda: plain, lambda: with_w]
    return mistakes


def running_mistakes(c64, which):
    """Variants of running_mean / running_var after a training step."""
    x, m = c64["x"], c64["momentum"]
    dims = (0, *range(2, x.dim()))
    n = x.numel() // x.shape[1]
    old = c64[which]
    if which == "running_mean":
        batch = x.mean(dims)
        return {MISTAKE.not_updated: lambda: old, MISTAKE.momentum_flipped: lambda: m * old + (1 - m) * batch,
                MISTAKE.replaced: lambda: batch}
    biased = x.var(dims, correction=0)
    unbiased = biased * n / (n - 1)
    mistakes = {MISTAKE.not_updated: lambda: old,
                MISTAKE.momentum_flipped: [lambda: m * old + (1 - m) * unbiased, lambda: m * old + (1 - m) * biased],
                MISTAKE.biased_stored: lambda: (1 - m) * old + m * biased,
                MISTAKE.replaced: [lambda: unbiased, lambda: biased]}
    if x.shape[0] > 1 and x.dim() > 2:
        N = x.shape[0]
        mistakes[MISTAKE.wrong_count] = lambda: (1 - m) * old + m * biased * N / (N - 1)
    return mistakes


def _close(got, expected, *, case, dtype, mistakes=None, what=None):
    expect_close(got, expected, case=case, dtype=dtype, rtol=RTOL[dtype], atol=ATOL[dtype], framework="torch",
                 mistakes=mistakes, what=what)


def expect_inputs_unchanged(before, c, case):
    for name, original in before.items():
        if not torch.equal(original, c[name]):
            raise CheckFailure(f"your function modified its input `{name}` in place", case=case, mistake=MISTAKE.in_place)


def check_case(batch_norm, c, *, shifted_retry=True):
    """One call: output, running statistics and hygiene against torch in float64."""
    case = case_text(c)
    c64 = {k: _f64(v) if isinstance(v, torch.Tensor) else v for k, v in c.items()}
    rm_ref, rv_ref = _f64(c["running_mean"]), _f64(c["running_var"])
    expected = torch_batch_norm(c64["x"], rm_ref, rv_ref, c64["weight"], c64["bias"], c["training"],
                                c["momentum"], c["eps"])
    before = {k: c[k].clone() for k in ("x", "weight", "bias") if c[k] is not None}
    running_before = {k: _f64(c[k]) for k in ("running_mean", "running_var") if c[k] is not None}

    got = call(batch_norm, c["x"], c["running_mean"], c["running_var"], c["weight"], c["bias"],
               training=c["training"], momentum=c["momentum"], eps=c["eps"])
    expect_inputs_unchanged(before, c, case)
    expect_on_device(got, c["x"].device, case=case)
    try:
        _close(got, expected, case=case, dtype=c["x"].dtype, mistakes=output_mistakes(c64))
    except CheckFailure as failure:
        if failure.mistake is None and shifted_retry and c["x"].dtype == torch.float32 and c64["x"].mean().abs() > 50:
            # BatchNorm ignores a per-channel shift (of x and running_mean alike) in training.
            shift = c64["x"].mean([0, *range(2, c["x"].dim())])  # (C,)
            centred = dict(c, x=(c64["x"] - _channel_view(shift, c["x"].dim())).to(c["x"]),
                           running_mean=None if c["running_mean"] is None
                           else (c64["running_mean"] - shift).to(c["x"]))
            try:
                check_case(batch_norm, centred, shifted_retry=False)
            except CheckFailure:
                raise failure from None
            failure.mistake = MISTAKE.cancellation
        raise

    for name, ref in (("running_mean", rm_ref), ("running_var", rv_ref)):
        if c[name] is None:
            continue
        what = f"{name} after the call"
        expect_on_device(c[name], c["x"].device, case=case, what=what)
        if c["training"]:
            _close(c[name], ref, case=case, dtype=c["x"].dtype, mistakes=running_mistakes(c64, name), what=what)
        elif not torch.equal(_f64(c[name]), running_before[name]):
            raise CheckFailure(f"{what} changed, but training=False", case=case, mistake=MISTAKE.updated_in_eval)
    return got


NAMED_CASES = {
    "smallest: (2, 1), training": dict(seed=0, shape=(2, 1), training=True),
    "(N, C), training": dict(seed=1, shape=(8, 3), training=True),
    "(N, C), eval: running statistics": dict(seed=2, shape=(8, 3), training=False),
    "(N, C, L), training": dict(seed=3, shape=(4, 3, 5), training=True),
    "(N, C, L), eval": dict(seed=4, shape=(4, 3, 5), training=False),
    "(N, C, H, W), training": dict(seed=5, shape=(4, 3, 5, 6), training=True),
    "(N, C, H, W), eval": dict(seed=6, shape=(3, 4, 3, 5), training=False),
    "momentum 0.3": dict(seed=7, shape=(6, 4), training=True, momentum=0.3),
    "batch of 1: (1, C, H, W), training": dict(seed=8, shape=(1, 3, 4, 4), training=True, momentum=0.2),
    "no weight, no bias": dict(seed=9, shape=(5, 3, 4), training=True, affine="none"),
    "weight only (bias None)": dict(seed=10, shape=(5, 3, 2, 2), training=True, affine="weight"),
    "small variance: eps matters": dict(seed=11, shape=(6, 3, 3, 3), training=True, scale=0.02, eps=1e-3),
    "small variance, eval": dict(seed=12, shape=(6, 3), training=False, scale=0.02, eps=1e-3),
    "training without running statistics (None)": dict(seed=13, shape=(4, 3, 3, 3), training=True,
                                                       running=False),
    "float32 input": dict(seed=14, shape=(8, 4, 5, 5), training=True, dtype=torch.float32),
    "float32, large mean (300)": dict(seed=15, shape=(16, 2, 4, 4), training=True, offset=300.0,
                                      dtype=torch.float32),
}


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    check_case(target.batch_norm, make_case(**params))


# ---------------------------------------------------------------- gradients

def check_gradients(batch_norm, c):
    """Gradients of sum(out * g) with respect to x, weight and bias, against torch autograd."""
    case = case_text(c)
    leaves = {k: c[k].detach().clone().requires_grad_(True) for k in ("x", "weight", "bias") if c[k] is not None}
    c = dict(c, **leaves)
    out = call(batch_norm, c["x"], c["running_mean"], c["running_var"], c["weight"], c["bias"],
               training=c["training"], momentum=c["momentum"], eps=c["eps"])
    if not isinstance(out, torch.Tensor):
        raise CheckFailure(f"expected a torch.Tensor, your function returned {type(out).__name__}", case=case)
    for name in ("running_mean", "running_var"):
        if c[name] is not None and (c[name].requires_grad or c[name].grad_fn is not None):
            raise CheckFailure(f"after the call, {name} requires grad", case=case, mistake=MISTAKE.running_in_graph)
    if out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: autograd cannot compute any gradient through it",
                           case=case, mistake=MISTAKE.outside_autograd)
    g = torch.randn(out.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64).to(out)
    # A scalar loss: autograd.grad with grad_outputs imports sympy (~1.5 s) in recent torch.
    got = call(lambda: torch.autograd.grad((out * g).sum(), list(leaves.values()), allow_unused=True))

    ref_leaves = {k: _f64(v).requires_grad_(True) for k, v in leaves.items()}
    c64 = {k: _f64(v) if isinstance(v, torch.Tensor) else v for k, v in c.items()}
    c64.update(ref_leaves)
    ref_out = torch_batch_norm(c64["x"], c64["running_mean"], c64["running_var"], c64["weight"], c64["bias"],
                               c["training"], c["momentum"], c["eps"])
    g64 = _f64(g)
    expected = torch.autograd.grad((ref_out * g64).sum(), list(ref_leaves.values()))

    def detached_stats_grad(name):
        leaves_d = {k: _f64(v).requires_grad_(True) for k, v in leaves.items()}
        x = leaves_d["x"]
        dims = (0, *range(2, x.dim()))
        mean, var = batch_stats(x.detach(), dims)
        y = formula(x, mean, var, leaves_d.get("weight"), leaves_d.get("bias"), c["eps"])
        return torch.autograd.grad((y * g64).sum(), [leaves_d[name]])[0]

    for (name, leaf), grad, ref in zip(leaves.items(), got, expected):
        if grad is None:
            raise CheckFailure(f"no gradient reaches `{name}`: it is not connected to your output",
                               case=case, mistake=MISTAKE.outside_autograd)
        mistakes = {MISTAKE.stats_detached: lambda name=name: detached_stats_grad(name)} if c["training"] else {}
        _close(grad, ref, case=case, dtype=leaf.dtype, mistakes=mistakes, what=f"the gradient of `{name}`")


GRAD_CASES = {
    "(N, C), training": dict(seed=20, shape=(6, 3), training=True),
    "(N, C, H, W), training": dict(seed=21, shape=(3, 4, 3, 3), training=True, momentum=0.2),
    "(N, C, L), eval": dict(seed=22, shape=(4, 3, 5), training=False),
    "no weight, no bias, training": dict(seed=23, shape=(4, 2, 3), training=True, affine="none"),
}


@pytest.mark.parametrize("params", GRAD_CASES.values(), ids=GRAD_CASES.keys())
def test_gradients_match_autograd(target, params):
    check_gradients(target.batch_norm, make_case(**params))


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    ndim = 2 + seed % 3
    shape = (r(2, 6), r(1, 5), *[r(1, 5) for _ in range(ndim - 2)])
    return make_case(seed, shape, training=bool(r(0, 4)), momentum=[0.1, 0.05, 0.25, 0.8][r(0, 4)],
                     affine=["both", "none", "weight"][r(0, 3)], dtype=[torch.float64, torch.float32][seed % 2],
                     device=device)


def test_random_cases(target, device):
    for seed in range(4):
        check_case(target.batch_norm, random_case(seed, device))
    check_gradients(target.batch_norm, make_case(30, (4, 3, 2, 3), training=True, device=device))


# ---------------------------------------------------------------- rules and speed



def _speed_inputs(shape, device):
    c = make_case(0, shape, training=True, dtype=torch.float32, device=device)
    ref_running = (c["running_mean"].clone(), c["running_var"].clone())
    return c, ref_running


@pytest.mark.speed
def test_speed_against_torch(target):
    c, (rm, rv) = _speed_inputs((16, 1024, 4, 4), "cpu")
    args = (c["x"], c["running_mean"], c["running_var"], c["weight"], c["bias"])
    call(target.batch_norm, *args, training=True)  # a crash here is reported as a crash
    result = measure(lambda: target.batch_norm(*args, training=True),
                     lambda: torch_batch_norm(c["x"], rm, rv, c["weight"], c["bias"], True),
                     limit=30, reference_name="torch batch_norm")
    expect_fast(result, case=case_text(c))


@pytest.mark.speed
def test_speed_against_torch_on_cuda(target):
    skip_without_cuda()
    c, (rm, rv) = _speed_inputs((64, 256, 28, 28), "cuda")
    args = (c["x"], c["running_mean"], c["running_var"], c["weight"], c["bias"])
    call(target.batch_norm, *args, training=True)
    result = measure(lambda: target.batch_norm(*args, training=True),
                     lambda: torch_batch_norm(c["x"], rm, rv, c["weight"], c["bias"], True),
                     limit=20, reference_name="torch batch_norm (cuDNN)", device="cuda")
    expect_fast(result, case=case_text(c))
