"""Checks of exercises/attention_backward.py against torch autograd of F.scaled_dot_product_attention
in float64.

The oracle: F.scaled_dot_product_attention(q, k, v, scale=scale) in float64 with requires_grad, and
.backward(dout). The classic mistakes are variants written out below (the backward by hand with one
step changed), used only to name them.
"""
from __future__ import annotations

import math

import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs

from grader.check import (Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close,
                          expect_on_device, mistakes)
from grader.check.family.sequence import as64, on, to

MISTAKE = mistakes("attention_backward")
TOLERANCE = {"float32": (1e-4, 1e-5)}


def make_case(seed, batch=(), L=3, S=3, E=4, Ev=None, scale=None, gain=1.0, dtype=torch.float64):
    """q, k, v and dout of one case; `gain` scales q and k (large scores: a softmax that must be stable)."""
    g = torch.Generator().manual_seed(seed)
    r = lambda *shape, s=1.0: (torch.randn(*shape, generator=g, dtype=torch.float64) * s).to(dtype)  # noqa: E731
    return dict(q=r(*batch, L, E, s=gain), k=r(*batch, S, E, s=gain), v=r(*batch, S, Ev or E),
                dout=r(*batch, L, Ev or E), scale=scale)


def autograd(q, k, v, dout, scale):
    """(dq, dk, dv) of torch's SDPA by autograd in float64."""
    q, k, v = (t.detach().clone().requires_grad_() for t in (q, k, v))
    torch_sdpa(q, k, v, scale=scale).backward(dout)
    return q.grad, k.grad, v.grad


def by_hand(Q, K, V, dO, s, *, row_term="keys", scaled=True):
    """The backward written out: P, dV, dP, dS and the two scaled products. row_term: "keys" (right:
    rowsum(P * dP) over the keys), "none" (dS = P * dP) or "queries" (summed over the wrong axis)."""
    P = torch.softmax(Q @ K.transpose(-2, -1) * s, dim=-1)  # (..., L, S)
    dP = dO @ V.transpose(-2, -1)  # (..., L, S)
    dS = {"keys": P * (dP - (P * dP).sum(-1, keepdim=True)), "none": P * dP,
          "queries": P * (dP - (P * dP).sum(-2, keepdim=True))}[row_term]
    f = s if scaled else 1.0
    return dict(P=P, dS=dS, dq=dS @ K * f, dk=dS.transpose(-2, -1) @ Q * f, dv=P.transpose(-2, -1) @ dO)


def check_case(fn, inputs, device="cpu"):
    inputs = to(inputs, device)
    q, k, v, dout, scale = inputs.values()
    case = describe(**inputs) + on(device)
    got = call_unchanged(fn, q, k, v, dout, scale=scale, case=case)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure(f"expected a tuple (dq, dk, dv), got {type(got).__name__}", case=case)
    for name, t in zip(("dq", "dk", "dv"), got):
        expect_on_device(t, q.device, case=case, what=name)
    Q, K, V, dO = (as64(t) for t in (q, k, v, dout))
    s = 1 / math.sqrt(Q.size(-1)) if scale is None else scale
    dq, dk, dv = autograd(Q, K, V, dO, scale)
    hand = lambda **kw: by_hand(Q, K, V, dO, s, **kw)  # noqa: E731
    right = hand()
    L, S = Q.size(-2), K.size(-2)
    row_term = [lambda: hand(row_term="none")]
    if L == S:  # the wrong axis's sum has another shape otherwise
        row_term.append(lambda: hand(row_term="queries"))
    wrong = {"dq": {MISTAKE.row_term: [lambda f=f: f()["dq"] for f in row_term]},
             "dk": {MISTAKE.row_term: [lambda f=f: f()["dk"] for f in row_term]},
             "dv": {}}
    if s != 1.0:
        wrong["dq"][MISTAKE.scale_forgotten] = lambda: hand(scaled=False)["dq"]
        wrong["dk"][MISTAKE.scale_forgotten] = lambda: hand(scaled=False)["dk"]
    if L == S:  # the untransposed products only have the right shape then
        wrong["dq"][MISTAKE.transposed] = lambda: right["dS"].transpose(-2, -1) @ K * s
        wrong["dk"][MISTAKE.transposed] = lambda: right["dS"] @ Q * s
        wrong["dv"][MISTAKE.transposed] = lambda: right["P"] @ dO
    for name, t, expected in zip(("dq", "dk", "dv"), got, (dq, dk, dv)):
        expect_close(t, expected, case=case, dtype=q.dtype, what=name, mistakes=wrong[name])


NAMED_CASES = {
    "smallest: L=S=3, E=4, no batch dims": dict(seed=0),
    "one batch dim": dict(seed=1, batch=(2,), L=4, S=4, E=8),
    "batch and heads (2, 3)": dict(seed=2, batch=(2, 3), L=4, S=4, E=8),
    "L != S (2 queries, 5 keys)": dict(seed=3, batch=(2,), L=2, S=5, E=4),
    "L > S (6 queries, 3 keys)": dict(seed=4, batch=(2,), L=6, S=3, E=4),
    "value dim != query dim": dict(seed=5, batch=(2,), L=3, S=4, E=4, Ev=6),
    "custom scale 0.3": dict(seed=6, batch=(2,), L=4, S=4, E=4, scale=0.3),
    "scale 1.0 given": dict(seed=7, batch=(2,), L=3, S=4, E=9, scale=1.0),
    "one key: the softmax is constant, dq = dk = 0": dict(seed=8, batch=(2,), L=3, S=1, E=4),
    "large scores: a stable softmax": dict(seed=9, batch=(2,), L=4, S=5, E=8, gain=6.0, dtype=torch.float32),
    "float32 inputs": dict(seed=10, batch=(2, 4), L=8, S=6, E=16, Ev=8, dtype=torch.float32),
}


def random_case(seed):
    g = torch.Generator().manual_seed(2000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    batch = tuple(r(1, 3) for _ in range(r(0, 3)))
    L = r(1, 7)
    return dict(seed=seed, batch=batch, L=L, S=L if seed % 2 else r(1, 7), E=r(1, 9), Ev=r(1, 9),
                scale=None if seed % 2 == 0 else round(0.05 + 2 * float(torch.rand((), generator=g)), 3),
                dtype=[torch.float64, torch.float32][seed % 2])


CASES = Cases(lambda target, params, device="cpu": check_case(target.attention_backward, make_case(**params), device),
              NAMED_CASES, random_case, seeds=4, cuda=True, name="matches torch autograd")


def on_device(target, device):
    return call(target.attention_backward, **to(make_case(40, batch=(2,), L=3, S=5, dtype=torch.float32), device))


DEVICE = OnDevice(on_device, case="q (2, 3, 4), k (2, 5, 4), v (2, 5, 4), dout (2, 3, 4) float32",
                  advice="create new tensors on the inputs' device: device=q.device, or torch.*_like")


def speed_setup(target, device):
    # One head of 512 queries on the CPU: a loop over query rows pays its overhead 512 times.
    shape, dtype = {"cpu": ((1, 1, 512, 16), torch.float32), "cuda": ((16, 16, 1024, 64), torch.float16)}[device]
    g = torch.Generator().manual_seed(0)
    q, k, v, dout = (torch.randn(*shape, generator=g).to(device, dtype) for _ in range(4))

    def reference():
        a, b, c = (t.detach().requires_grad_() for t in (q, k, v))
        torch_sdpa(a, b, c).backward(dout)
        return a.grad, b.grad, c.grad

    return (lambda: target.attention_backward(q, k, v, dout), reference,
            describe(q=q, k=k, v=v, dout=dout) + f", on {device}")


SPEED = Speed(speed_setup, limit={"cpu": 12, "cuda": 20},
              reference={"cpu": "torch autograd of SDPA", "cuda": "torch autograd of SDPA (fused)"})
