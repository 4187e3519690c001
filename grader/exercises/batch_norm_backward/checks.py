"""Checks of exercises/batch_norm_backward.py against torch autograd in float64 (and central differences).

The oracle: F.batch_norm(training=True) in torch float64 with autograd; one case is also checked
against central differences of a spec-literal NumPy forward. The classic mistakes are variants
written out below, used only to name them.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, call_unchanged, describe, expect_close, mistakes, numpy_speed

MISTAKE = mistakes("batch_norm_backward")
TOLERANCE = {"float32": (1e-3, 1e-4), "float64": (1e-8, 1e-10)}


def make_case(seed, N, D, eps=1e-5, scale=1.0, dtype=np.float64):
    r = np.random.default_rng(seed)
    x = (r.standard_normal((N, D)) * (r.random(D) + 0.5) * scale + r.standard_normal(D)).astype(dtype)
    return dict(x=x, gamma=(r.random(D) + 0.5).astype(dtype), dout=r.standard_normal((N, D)).astype(dtype), eps=eps)


def autograd(x, gamma, dout, eps, correction=0):
    """(dx, dgamma, dbeta) of gamma * (x - mu) / sqrt(var + eps) + beta by torch autograd in float64."""
    x, gamma = (torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, gamma))
    beta = torch.zeros_like(gamma, requires_grad=True)
    if correction == 0:
        out = F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)
    else:
        out = gamma * (x - x.mean(0)) / torch.sqrt(x.var(0, correction=correction) + eps) + beta
    out.backward(torch.tensor(dout, dtype=torch.float64))
    return x.grad, gamma.grad, beta.grad


def forward_np(x, gamma, eps):
    return gamma * (x - x.mean(0)) / np.sqrt(x.var(0) + eps)


def central_differences(x, gamma, dout, eps, h=1e-6):
    """dL/dx for L = sum(out * dout), entry by entry, from the spec-literal forward in float64."""
    dx = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        dx[idx] = ((forward_np(xp, gamma, eps) - forward_np(xm, gamma, eps)) * dout).sum() / (2 * h)
    return torch.from_numpy(dx)


def dx_variants(x, gamma, dout, eps):
    x, gamma, dout = (torch.tensor(a, dtype=torch.float64) for a in (x, gamma, dout))
    N = x.shape[0]
    inv = 1 / torch.sqrt(x.var(0, correction=0) + eps)
    xhat, g = (x - x.mean(0)) * inv, dout * gamma
    return [lambda: inv / N * (N * g - xhat * (g * xhat).sum(0)),  # the mean's path dropped
            lambda: inv / N * (N * g - g.sum(0)),  # the variance's path dropped
            lambda: inv * g]  # both dropped: the statistics as constants


def check_case(target, params):
    c = make_case(**params)
    case = describe(**c)
    got = call_unchanged(target.batch_norm_backward, c["x"], c["gamma"], c["dout"], eps=c["eps"], case=case)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure(f"expected a tuple (dx, dgamma, dbeta), got {type(got).__name__}", case=case)
    dx, dgamma, dbeta = autograd(c["x"], c["gamma"], c["dout"], c["eps"])
    args, dtype = (c["x"], c["gamma"], c["dout"], c["eps"]), c["x"].dtype
    unbiased = autograd(*args, correction=1)
    expect_close(got[0], dx, case=case, dtype=dtype, what="dx",
                 mistakes={MISTAKE.paths_dropped: dx_variants(*args),
                           MISTAKE.unbiased: [lambda: unbiased[0], lambda: unbiased_compact(*args)]})
    expect_close(got[1], dgamma, case=case, dtype=dtype, what="dgamma",
                 mistakes={MISTAKE.unbiased: lambda: unbiased[1]})
    expect_close(got[2], dbeta, case=case, dtype=dtype, what="dbeta")


def unbiased_compact(x, gamma, dout, eps):
    """The compact dx formula with the N - 1 variance inside inv and xhat."""
    x, gamma, dout = (torch.tensor(a, dtype=torch.float64) for a in (x, gamma, dout))
    N = x.shape[0]
    inv = 1 / torch.sqrt(x.var(0, correction=1) + eps)
    xhat, g = (x - x.mean(0)) * inv, dout * gamma
    return inv / N * (N * g - g.sum(0) - xhat * (g * xhat).sum(0))


def check_central_differences(target, params):
    """dx against central differences of the forward: an oracle independent of torch."""
    c = make_case(**params)
    case = describe(**c)
    got = call_unchanged(target.batch_norm_backward, c["x"], c["gamma"], c["dout"], eps=c["eps"], case=case)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure(f"expected a tuple (dx, dgamma, dbeta), got {type(got).__name__}", case=case)
    expect_close(got[0], central_differences(c["x"], c["gamma"], c["dout"], c["eps"]), case=case,
                 dtype=c["x"].dtype, rtol=1e-5, atol=1e-7, what="dx (central differences)",
                 mistakes={MISTAKE.paths_dropped: dx_variants(c["x"], c["gamma"], c["dout"], c["eps"])})


NAMED_CASES = {
    "smallest: N=2, D=1": dict(seed=0, N=2, D=1),
    "N=4, D=3": dict(seed=1, N=4, D=3),
    "N < D": dict(seed=2, N=3, D=8),
    "small variance: eps matters": dict(seed=3, N=5, D=4, scale=0.01, eps=1e-3),
    "eps 0.5": dict(seed=4, N=6, D=2, eps=0.5),
    "float32": dict(seed=5, N=16, D=8, dtype=np.float32),
}


def random_case(seed):
    r = np.random.default_rng(700 + seed)
    return dict(seed=800 + seed, N=int(r.integers(2, 12)), D=int(r.integers(1, 9)),
                eps=float([1e-5, 1e-3, 1e-1][seed % 3]), dtype=[np.float64, np.float32][seed % 2])


CASES = [Cases(check_case, NAMED_CASES, random_case, seeds=3, name="matches torch autograd"),
         Cases(check_central_differences, {"N=5, D=3, float64": dict(seed=9, N=5, D=3)},
                  name="matches central differences")]


def torch_reference(x, gamma, dout, eps=1e-5):
    x, gamma = x.detach().requires_grad_(), gamma.detach().requires_grad_()
    beta = torch.zeros_like(gamma, requires_grad=True)
    F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps).backward(dout)
    return x.grad, gamma.grad, beta.grad


def speed_case():
    c = make_case(0, 1024, 256, dtype=np.float32)
    return dict(x=c["x"], gamma=c["gamma"], dout=c["dout"]), {}


SPEED = numpy_speed("batch_norm_backward", torch_reference, speed_case, limit=20,
                    reference_name="torch autograd of F.batch_norm (training)")
