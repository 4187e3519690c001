"""Checks of exercises/layer_norm_backward.py against torch autograd of F.layer_norm in float64.

The classic mistakes are variants written out below, used only to name them.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, call_unchanged, describe, expect_close, mistakes, numpy_speed

MISTAKE = mistakes("layer_norm_backward")
TOLERANCE = {"float32": (1e-3, 1e-4), "float64": (1e-8, 1e-10)}


def make_case(seed, shape, eps=1e-5, scale=1.0, dtype=np.float64):
    r = np.random.default_rng(seed)
    lead = (*shape[:-1], 1)
    x = (r.standard_normal(shape) * (r.random(lead) + 0.5) * scale + r.standard_normal(lead)).astype(dtype)
    return dict(x=x, gamma=(r.random(shape[-1]) + 0.5).astype(dtype),
                dout=r.standard_normal(shape).astype(dtype), eps=eps)


def autograd(x, gamma, dout, eps):
    x, gamma = (torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, gamma))
    beta = torch.zeros_like(gamma, requires_grad=True)
    F.layer_norm(x, gamma.shape, gamma, beta, eps).backward(torch.tensor(dout, dtype=torch.float64))
    return x.grad, gamma.grad, beta.grad


def norm_backward(x, gamma, dout, eps, axis):
    """dx of (x - mean) / sqrt(var + eps) * gamma with the statistics over `axis`, by the compact formula."""
    n = x.shape[axis]
    inv = 1 / torch.sqrt(x.var(axis, correction=0, keepdim=True) + eps)
    xhat, g = (x - x.mean(axis, keepdim=True)) * inv, dout * gamma
    return inv / n * (n * g - g.sum(axis, keepdim=True) - xhat * (g * xhat).sum(axis, keepdim=True)), xhat


FIXED_EPS = (0.0, 1e-12, 1e-8, 1e-6, 1e-5)  # the eps values code writes in when it ignores the argument


def check_case(target, params):
    c = make_case(**params)
    case = describe(**c)
    got = call_unchanged(target.layer_norm_backward, c["x"], c["gamma"], c["dout"], eps=c["eps"], case=case)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure(f"expected a tuple (dx, dgamma, dbeta), got {type(got).__name__}", case=case)
    dx, dgamma, dbeta = autograd(c["x"], c["gamma"], c["dout"], c["eps"])
    x, gamma, dout = (torch.tensor(c[k], dtype=torch.float64) for k in ("x", "gamma", "dout"))
    eps, dtype = c["eps"], c["x"].dtype
    _, xhat = norm_backward(x, gamma, dout, eps, -1)
    wrong = [lambda a=a: norm_backward(x, gamma, dout, eps, a)[0] for a in range(x.dim() - 1)]
    fixed = [e for e in FIXED_EPS if e != eps]  # an eps written into the code instead of the argument
    expect_close(got[0], dx, case=case, dtype=dtype, what="dx", mistakes={
        MISTAKE.wrong_axis: wrong, MISTAKE.eps_ignored: [lambda e=e: norm_backward(x, gamma, dout, e, -1)[0] for e in fixed]})
    lead = tuple(range(x.dim() - 1))
    expect_close(got[1], dgamma, case=case, dtype=dtype, what="dgamma",
                 mistakes={MISTAKE.dgamma_axis: [lambda: (dout * xhat).sum(-1), lambda: (dout * xhat).sum(),
                                                 lambda: (dout * xhat).sum(lead[-1:])],
                           MISTAKE.wrong_axis: [lambda a=a: (dout * norm_backward(x, gamma, dout, eps, a)[1]).sum(lead)
                                                for a in lead],
                           MISTAKE.eps_ignored: [lambda e=e: (dout * norm_backward(x, gamma, dout, e, -1)[1]).sum(lead)
                                                 for e in fixed]})
    expect_close(got[2], dbeta, case=case, dtype=dtype, what="dbeta")


NAMED_CASES = {
    "smallest: (1, 2)": dict(seed=0, shape=(1, 2)),
    "(N, D)": dict(seed=1, shape=(4, 6)),
    "N = D: shapes alone do not tell the axes apart": dict(seed=2, shape=(5, 5)),
    "(B, T, D)": dict(seed=3, shape=(2, 3, 4)),
    "small variance: eps matters": dict(seed=4, shape=(3, 8), scale=0.01, eps=1e-3),
    "float32": dict(seed=5, shape=(8, 16), dtype=np.float32),
}


def random_case(seed):
    r = np.random.default_rng(900 + seed)
    shape = tuple(int(v) for v in r.integers(1, 7, int(r.integers(1, 4))))
    shape = (*shape[:-1], max(shape[-1], 2))
    return dict(seed=950 + seed, shape=shape, eps=float([1e-5, 1e-3, 1e-1][seed % 3]),
                dtype=[np.float64, np.float32][seed % 2])


CASES = Cases(check_case, NAMED_CASES, random_case, seeds=3, name="matches torch autograd")


def torch_reference(x, gamma, dout, eps=1e-5):
    x, gamma = x.detach().requires_grad_(), gamma.detach().requires_grad_()
    beta = torch.zeros_like(gamma, requires_grad=True)
    F.layer_norm(x, gamma.shape, gamma, beta, eps).backward(dout)
    return x.grad, gamma.grad, beta.grad


def speed_case():
    c = make_case(0, (1024, 256), dtype=np.float32)
    return dict(x=c["x"], gamma=c["gamma"], dout=c["dout"]), {}


SPEED = numpy_speed("layer_norm_backward", torch_reference, speed_case, limit=20,
                    reference_name="torch autograd of F.layer_norm")
