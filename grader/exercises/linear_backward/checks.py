"""Checks of exercises/linear_backward.py against torch autograd in float64.

The oracle: out = x @ W + b built in torch float64 with requires_grad, and out.backward(dout).
The classic mistakes are variants written out below, used only to name them.
"""
from __future__ import annotations

import numpy as np
import torch

from grader.check import Cases, CheckFailure, call_unchanged, describe, expect_close, mistakes, numpy_speed

MISTAKE = mistakes("linear_backward")
TOLERANCE = {"float32": (1e-4, 1e-5), "float64": (1e-10, 1e-12)}


def make_case(seed, N, D_in, D_out, dtype=np.float64):
    r = np.random.default_rng(seed)
    return dict(x=r.standard_normal((N, D_in)).astype(dtype), W=r.standard_normal((D_in, D_out)).astype(dtype),
                b=r.standard_normal(D_out).astype(dtype), dout=r.standard_normal((N, D_out)).astype(dtype))


def autograd(x, W, b, dout):
    """(dx, dW, db) from torch autograd in float64."""
    x, W, b = (torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, W, b))
    (x @ W + b).backward(torch.tensor(dout, dtype=torch.float64))
    return x.grad, W.grad, b.grad


def check_case(target, params):
    c = make_case(**params)
    case = describe(**c)
    got = call_unchanged(target.linear_backward, c["x"], c["W"], c["b"], c["dout"], case=case)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure(f"expected a tuple (dx, dW, db), got {type(got).__name__}", case=case)
    x, W, dout = (torch.tensor(c[k], dtype=torch.float64) for k in ("x", "W", "dout"))
    dx, dW, db = autograd(c["x"], c["W"], c["b"], c["dout"])
    dtype = c["x"].dtype
    expect_close(got[0], dx, case=case, dtype=dtype, what="dx",
                 mistakes={MISTAKE.transposed: [lambda: dout @ W, lambda: (dout @ W.T).T, lambda: W @ dout.T]})
    expect_close(got[1], dW, case=case, dtype=dtype, what="dW",
                 mistakes={MISTAKE.transposed: [lambda: dout.T @ x, lambda: x @ dout.T, lambda: (x.T @ dout).T]})
    expect_close(got[2], db, case=case, dtype=dtype, what="db",
                 mistakes={MISTAKE.db_not_summed: [lambda: dout.mean(0), lambda: dout[0], lambda: dout,
                                                   lambda: dout.sum(1), lambda: dout.sum()]})


NAMED_CASES = {
    "smallest: N=1, D_in=1, D_out=1": dict(seed=0, N=1, D_in=1, D_out=1),
    "batch of one": dict(seed=1, N=1, D_in=3, D_out=4),
    "square W (D_in = D_out)": dict(seed=2, N=5, D_in=4, D_out=4),
    "N = D_in = D_out": dict(seed=3, N=3, D_in=3, D_out=3),
    "D_in > D_out": dict(seed=4, N=6, D_in=7, D_out=2),
    "float32": dict(seed=5, N=8, D_in=5, D_out=6, dtype=np.float32),
}


def random_case(seed):
    r = np.random.default_rng(500 + seed)
    N, D_in, D_out = (int(v) for v in r.integers(1, 9, 3))
    return dict(seed=600 + seed, N=N, D_in=D_in, D_out=D_out, dtype=[np.float64, np.float32][seed % 2])


CASES = Cases(check_case, NAMED_CASES, random_case, seeds=3, name="matches torch autograd")


def torch_reference(x, W, b, dout):
    x, W, b = (t.detach().requires_grad_() for t in (x, W, b))
    (x @ W + b).backward(dout)
    return x.grad, W.grad, b.grad


SPEED = numpy_speed("linear_backward", torch_reference,
                    lambda: (make_case(0, 256, 256, 256, dtype=np.float32), {}),
                    limit=10, reference_name="torch autograd of x @ W + b")
