"""Checks of exercises/batch_norm.py against torch.nn.functional.batch_norm in float64.

The oracle is torch's own batch_norm evaluated in float64 on CPU (outputs, updated running
statistics) and torch autograd through it (gradients). Classic mistakes are variants written
out below in float64 and only used to name what went wrong.
"""
from __future__ import annotations

import torch
from torch.nn.functional import batch_norm as torch_batch_norm  # bound before the learner's code runs

from grader.check import CheckFailure, OnDevice, Speed, call, call_unchanged, expect_close, expect_on_device, mistakes
from grader.check.family.normalization import (affine_ignored, case_text, expect_gradients, expect_output,
                                               expect_tensor, f64, f64_case, grad_leaves, mean_var, normalise,
                                               normalisation_cases, weight_and_bias)

MISTAKE = mistakes("batch_norm")


def make_case(seed, shape, training, momentum=0.1, eps=1e-5, affine="both", running=True, scale=1.0,
              offset=0.0, dtype=torch.float64, device="cpu"):
    """Inputs for one call; running statistics start away from (0, 1) so every update shows."""
    g = torch.Generator().manual_seed(seed)
    C = shape[1]
    x = torch.randn(shape, generator=g, dtype=torch.float64) * scale + offset
    x = x + channels(torch.randn(C, generator=g, dtype=torch.float64), x)  # per-channel shift
    rm = torch.randn(C, generator=g, dtype=torch.float64) * 0.5 + offset
    rv = (torch.rand(C, generator=g, dtype=torch.float64) + 0.5) * scale ** 2
    w, b = weight_and_bias(torch.rand(C, generator=g, dtype=torch.float64) + 0.5,
                           torch.randn(C, generator=g, dtype=torch.float64), affine)
    to = lambda t: None if t is None else t.to(dtype=dtype, device=device)  # noqa: E731
    return dict(x=to(x), running_mean=to(rm) if running else None, running_var=to(rv) if running else None,
                weight=to(w), bias=to(b), training=training, momentum=momentum, eps=eps)


def channels(v, x):
    """A (C,) vector as (1, C, 1, …), to broadcast against x (None stays None)."""
    return None if v is None else v.view(1, -1, *[1] * (x.dim() - 2))


def output_mistakes(c64):
    """Variants of the output, each computed in float64 the way the named mistake computes it."""
    x, eps, rm, rv = c64["x"], c64["eps"], c64["running_mean"], c64["running_var"]
    w, b = channels(c64["weight"], x), channels(c64["bias"], x)
    dims = (0, *range(2, x.dim()))
    mean, var = mean_var(x, dims)
    norm = lambda mean, var, eps=eps, **kw: normalise(x, mean, var, w, b, eps, **kw)  # noqa: E731
    if c64["training"]:
        wrong = [d for d in [(0,), (0, 2), (0, 3), (2, 3), (2,), tuple(range(1, x.dim())), tuple(range(x.dim()))]
                 if max(d) < x.dim() and d != dims]
        flat = x.reshape(x.shape[1], -1)  # (C, -1): the classic, channels not moved to the front before flattening
        mistakes = {MISTAKE.unbiased_normalised: lambda: norm(mean, mean_var(x, dims, correction=1)[1]),
                    MISTAKE.eps_outside: lambda: norm(mean, var, eps_outside=True),
                    MISTAKE.eps_ignored: lambda: norm(mean, var, 1e-5),
                    MISTAKE.wrong_axes: [lambda d=d: norm(*mean_var(x, d)) for d in wrong]
                    + [lambda: norm(channels(flat.mean(1), x), channels(flat.var(1, correction=0), x))]}
    else:
        mean_r, var_r = channels(rm, x), channels(rv, x)
        mistakes = {MISTAKE.eval_batch_stats: [lambda: norm(mean, var),
                                               lambda: norm(mean, mean_var(x, dims, correction=1)[1])],
                    MISTAKE.eps_outside: lambda: norm(mean_r, var_r, eps_outside=True),
                    MISTAKE.eps_ignored: lambda: norm(mean_r, var_r, 1e-5)}
    if w is not None or b is not None:
        plain = torch_batch_norm(x, f64(rm), f64(rv), None, None, c64["training"], c64["momentum"], eps)
        mistakes[MISTAKE.no_affine] = affine_ignored(plain, w)
    return mistakes


def running_mistakes(c64, which):
    """Variants of running_mean / running_var after a training step."""
    x, m, old = c64["x"], c64["momentum"], c64[which]
    dims = (0, *range(2, x.dim()))
    n = x.numel() // x.shape[1]
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


def centred(c, c64):
    """The case shifted per channel, x and running_mean alike: BatchNorm in training ignores that."""
    shift = c64["x"].mean([0, *range(2, c["x"].dim())])  # (C,)
    rm = c64["running_mean"]
    return dict(c, x=(c64["x"] - channels(shift, c64["x"])).to(c["x"]),
                running_mean=None if rm is None else (rm - shift).to(c["x"]))


def check_case(target, c):
    """One call: output, running statistics and hygiene against torch in float64."""
    case, c64 = case_text(**c), f64_case(c)
    rm_ref, rv_ref = f64(c["running_mean"]), f64(c["running_var"])
    expected = torch_batch_norm(c64["x"], rm_ref, rv_ref, c64["weight"], c64["bias"], c["training"],
                                c["momentum"], c["eps"])
    got = call_unchanged(target.batch_norm, c["x"], c["running_mean"], c["running_var"], c["weight"], c["bias"],
                         training=c["training"], momentum=c["momentum"], eps=c["eps"], case=case,
                         may_change=(1, 2))  # only the running statistics are updated in place
    expect_output(got, expected, c["x"], case=case, mistakes=output_mistakes(c64),
                  recheck=lambda: check_case(target, centred(c, c64)), cancellation=MISTAKE.cancellation)
    for name, ref in (("running_mean", rm_ref), ("running_var", rv_ref)):
        if c[name] is None:
            continue
        what = f"{name} after the call"
        expect_on_device(c[name], c["x"].device, case=case, what=what)
        if c["training"]:
            expect_close(c[name], ref, case=case, dtype=c["x"].dtype, mistakes=running_mistakes(c64, name), what=what)
        elif not torch.equal(f64(c[name]), c64[name]):
            raise CheckFailure(f"{what} changed, but training=False", case=case, mistake=MISTAKE.updated_in_eval)


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
    # The ends of momentum's range: 0 keeps the running statistics, 1 replaces them by the batch's.
    "momentum 0: running statistics unchanged": dict(seed=16, shape=(6, 3, 2), training=True, momentum=0.0),
    "momentum 1: running statistics = the batch's": dict(seed=17, shape=(6, 3, 2), training=True, momentum=1.0),
    "eps 0.5, large beside the variance": dict(seed=18, shape=(6, 3), training=True, scale=0.3, eps=0.5),
    "eps 0.5, eval": dict(seed=19, shape=(6, 3), training=False, scale=0.3, eps=0.5),
}


def check_gradients(target, c):
    """Gradients of sum(out * g) with respect to x, weight and bias, against torch autograd."""
    case, leaves = case_text(**c), grad_leaves(c)
    c = dict(c, **leaves)
    out = call(target.batch_norm, c["x"], c["running_mean"], c["running_var"], c["weight"], c["bias"],
               training=c["training"], momentum=c["momentum"], eps=c["eps"])
    expect_tensor(out, case=case)
    for name in ("running_mean", "running_var"):
        if c[name] is not None and (c[name].requires_grad or c[name].grad_fn is not None):
            raise CheckFailure(f"after the call, {name} requires grad", case=case, mistake=MISTAKE.running_in_graph)
    rm, rv, training, eps = f64(c["running_mean"]), f64(c["running_var"]), c["training"], c["eps"]

    def reference(x, weight=None, bias=None):
        return torch_batch_norm(x, rm, rv, weight, bias, training, c["momentum"], eps)

    def detached(x, weight=None, bias=None):  # the batch statistics as constants
        mean, var = mean_var(x.detach(), (0, *range(2, x.dim())))
        return normalise(x, mean, var, channels(weight, x), channels(bias, x), eps)

    expect_gradients(out, leaves, reference, case=case, outside_autograd=MISTAKE.outside_autograd,
                     mistakes={MISTAKE.stats_detached: detached} if training else {})


GRAD_CASES = {
    "(N, C), training": dict(seed=20, shape=(6, 3), training=True),
    "(N, C, H, W), training": dict(seed=21, shape=(3, 4, 3, 3), training=True, momentum=0.2),
    "(N, C, L), eval": dict(seed=22, shape=(4, 3, 5), training=False),
    "no weight, no bias, training": dict(seed=23, shape=(4, 2, 3), training=True, affine="none"),
}


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    ndim = 2 + seed % 3
    shape = (r(2, 6), r(1, 5), *[r(1, 5) for _ in range(ndim - 2)])
    training = bool(r(0, 4))
    u = lambda: float(torch.rand((), generator=g))  # noqa: E731
    # Every documented argument drawn: momentum in [0, 1], eps from 1e-8 to 1e-1 (log scale), running
    # statistics or None (training only), the input's scale and offset.
    return make_case(seed, shape, training=training, momentum=round(u(), 3), eps=float(f"{10 ** (-8 + 7 * u()):.2g}"),
                     affine=["both", "none", "weight"][r(0, 3)], running=not training or bool(r(0, 3)),
                     scale=[1.0, 0.05, 20.0][r(0, 3)], offset=[0.0, 3.0][r(0, 2)],
                     dtype=[torch.float64, torch.float32][seed % 2], device=device)


CASES = normalisation_cases(check_case, check_gradients, make_case, NAMED_CASES, GRAD_CASES, random_case,
                            gradient_case=dict(seed=30, shape=(4, 3, 2, 3), training=True))

# Training without weight and bias, running statistics updated: a default weight made on the CPU shows
# on every machine.
DEVICE = OnDevice(lambda target, device: call(target.batch_norm, *make_case(44, (4, 3, 5), training=True, affine="none",
                                                                          dtype=torch.float32, device=device).values()),
                  case="x (4, 3, 5) float32, running_mean (3,), running_var (3,), weight=None, bias=None, training=True")


def speed_setup(target, device):
    shape = {"cpu": (16, 1024, 4, 4), "cuda": (64, 256, 28, 28)}[device]
    c = make_case(0, shape, training=True, dtype=torch.float32, device=device)
    rm, rv = c["running_mean"].clone(), c["running_var"].clone()
    args = (c["x"], c["running_mean"], c["running_var"], c["weight"], c["bias"])
    return (lambda: target.batch_norm(*args, training=True),
            lambda: torch_batch_norm(c["x"], rm, rv, c["weight"], c["bias"], True), case_text(**c))


SPEED = Speed(speed_setup, limit={"cpu": 25, "cuda": 20},
              reference={"cpu": "torch batch_norm", "cuda": "torch batch_norm (cuDNN)"})
