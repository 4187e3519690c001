"""Checks of exercises/moe_router.py against spec-literal references written here: the routing as a sort of
each row's softmax (decreasing, ties to the lower index) in Python, and the load-balancing loss counted
token by token, in float64; autograd on the same references for the gradients.

The classic mistakes are the references with one switch turned, used only to name them.
"""
from __future__ import annotations

import torch
from torch.nn.functional import one_hot

from grader.check import (Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close,
                          expect_on_device, mistake_giving, mistakes)
from grader.check.family.sequence import on

MISTAKE = mistakes("moe_router")


def f64(t):
    return t.detach().to("cpu", torch.float64)


def ranked(row, *, ties="lower"):
    """The experts of one row of probabilities by decreasing probability, ties by the lower (or higher) index."""
    sign = 1 if ties == "lower" else -1
    return sorted(range(len(row)), key=lambda i: (-row[i], sign * i))


def spec_experts(P, k, *, ties="lower", order="decreasing"):
    """(T, k) long: each row's top k, in the spec's order or, for the mistakes, another one."""
    rows = [ranked(row, ties=ties)[:k] for row in P.tolist()]
    if order == "increasing":  # the same k experts, reversed (an argsort taken from its end)
        rows = [row[::-1] for row in rows]
    elif order == "argsort tail":  # stable ascending sort, then the last k
        rows = [sorted(range(len(row)), key=lambda i: (row[i], i))[-k:] for row in P.tolist()]
    return torch.tensor(rows, dtype=torch.long).reshape(P.shape[0], k)


def gate(P, experts, *, renormalise=True):
    """The weights of `experts`, read from P (differentiable in P), renormalised to sum to 1 per row."""
    w = P.gather(1, experts)  # (T, k)
    return w / w.sum(dim=1, keepdim=True) if renormalise else w


def router_mistakes(L, k, got_experts):
    """For the experts (compared exactly, as lists): the order and tie mistakes and the wrong axis."""
    P = L.softmax(dim=1)
    precise = {MISTAKE.order_increasing: [lambda: spec_experts(P, k, order="increasing").tolist(),
                                          lambda: spec_experts(P, k, order="argsort tail").tolist()],
               MISTAKE.softmax_over_tokens: lambda: spec_experts(L.softmax(dim=0), k).tolist()}

    def another_tie_order():
        """Catch-all: the learner's experts are a valid top k (their probabilities those of the spec's, rows
        distinct) in another order among equal probabilities; steps aside where a precise variant fits."""
        got = got_experts.tolist()
        for variants in precise.values():
            for v in variants if isinstance(variants, list) else [variants]:
                if v() == got:
                    raise ValueError("a precise variant explains it")
        right = spec_experts(P, k)
        mine = torch.tensor(got, dtype=torch.long)
        if any(len(set(row)) != k for row in got) or mine.min() < 0 or mine.max() >= P.shape[1] or \
                not torch.equal(P.gather(1, mine), P.gather(1, right)):
            raise ValueError("not a top k")
        return got

    return {**precise, MISTAKE.ties_order: [lambda: spec_experts(P, k, ties="higher").tolist(), another_tie_order]}


def expect_routing(got, T, k, dtype, device, case):
    if not (isinstance(got, tuple) and len(got) == 2 and all(isinstance(t, torch.Tensor) for t in got)):
        raise CheckFailure(f"top_k_router must return a tuple (weights, experts) of two tensors; got "
                           f"{type(got).__name__}", case=case)
    weights, experts = got
    for name, t, want in (("weights", weights, dtype), ("experts", experts, torch.long)):
        if tuple(t.shape) != (T, k):
            raise CheckFailure(f"{name} has shape {tuple(t.shape)}; expected {(T, k)}", case=case)
        if t.dtype != want:
            raise CheckFailure(f"{name} is {t.dtype}; expected {want}", case=case)
        expect_on_device(t, device, case=case)
    return weights, experts


def first_difference(got, want):
    row = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b)
    return f"row {row}: yours {got[row]}, expected {want[row]}"


def check_router(target, logits, k, device="cpu"):
    logits = logits.to(device)
    case = describe(logits=logits, k=k) + on(device)
    got = call_unchanged(target.top_k_router, logits, k, case=case)
    weights, experts = expect_routing(got, logits.shape[0], k, logits.dtype, logits.device, case)
    L = f64(logits)
    P = L.softmax(dim=1)
    right = spec_experts(P, k)
    mine = experts.cpu()
    if not torch.equal(mine, right):
        raise CheckFailure(f"experts differ ({first_difference(mine.tolist(), right.tolist())}): each row lists the k "
                           "most probable experts by decreasing probability, ties by the lower index", case=case,
                           mistake=mistake_giving(mine.tolist(), router_mistakes(L, k, mine)))
    expect_close(weights, gate(P, right), case=case, dtype=logits.dtype, what="weights",
                 mistakes={MISTAKE.renormalised_before_top_k: lambda: gate(P, right, renormalise=False)})


def separated_logits(seed, T, E, dtype=torch.float64, scale=1.0):
    """Logits whose values in a row are at least scale / 2 apart: no near-tie for float32 rounding to flip."""
    g = torch.Generator().manual_seed(seed)
    ranks = torch.stack([torch.randperm(E, generator=g) for _ in range(T)]).to(torch.float64) if T else \
        torch.zeros(0, E, dtype=torch.float64)
    return ((ranks + 0.5 * torch.rand(T, E, generator=g, dtype=torch.float64) - E / 2) * scale).to(dtype)


def tied_logits(seed, T, E, levels, dtype=torch.float64):
    """Integer logits in 0..levels-1: many exact ties in every row."""
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, levels, (T, E), generator=g).to(dtype)


def router_case(seed, T, E, k, ties=0, dtype=torch.float64, scale=1.0):
    return (tied_logits(seed, T, E, ties, dtype) if ties else separated_logits(seed, T, E, dtype, scale)), k


ROUTER_CASES = {
    "smallest: T=1, E=2, k=1": dict(seed=0, T=1, E=2, k=1),
    "T=4, E=4, k=2": dict(seed=1, T=4, E=4, k=2),
    "Mixtral: E=8, k=2": dict(seed=2, T=6, E=8, k=2),
    "k=1: every weight is 1": dict(seed=3, T=5, E=6, k=1),
    "k=E: every expert, sorted": dict(seed=4, T=3, E=5, k=5),
    "k=3 of 16 experts, large logits": dict(seed=5, T=8, E=16, k=3, scale=4.0),
    "ties: integer logits 0..2": dict(seed=6, T=8, E=6, k=3, ties=3),
    "ties: all logits equal": dict(seed=7, T=3, E=5, k=2, ties=1),
    "float32, ties": dict(seed=8, T=10, E=8, k=2, ties=2, dtype=torch.float32),
    "float32": dict(seed=9, T=12, E=8, k=2, dtype=torch.float32),
}


def random_router(seed):
    g = torch.Generator().manual_seed(900 + seed)
    ri = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    E = ri(1, 12)
    return dict(seed=100 + seed, T=ri(1, 10), E=E, k=ri(1, E), ties=[0, 0, 3][seed % 3],
                dtype=[torch.float64, torch.float32][seed % 2])


def spec_loss(P, experts, E, *, top1=False, mean=True, per_choice=False, scale=True):
    """E * sum_i f_i P_i, f counted token by token over all k choices (or the first), divided by T (or T k)."""
    T, k = experts.shape
    counts = [0] * E
    for row in experts.tolist():
        for i in row[:1] if top1 else row:
            counts[i] += 1
    f = torch.tensor(counts, dtype=torch.float64) / (T * (k if per_choice else 1))
    Pi = P.mean(dim=0) if mean else P.sum(dim=0)
    return (E if scale else 1) * (f * Pi).sum()


def loss_mistakes(P, experts, E):
    ref = lambda **kw: lambda: spec_loss(P, experts, E, **kw)  # noqa: E731
    return {MISTAKE.top1_only: ref(top1=True), MISTAKE.p_not_averaged: ref(mean=False),
            MISTAKE.f_over_tk: ref(per_choice=True), MISTAKE.num_experts_missing: ref(scale=False)}


def check_loss(target, probs, experts, E, device="cpu"):
    probs, experts = probs.to(device), experts.to(device)
    case = describe(router_probs=probs, experts=experts, num_experts=E) + on(device)
    got = call_unchanged(target.load_balancing_loss, probs, experts, E, case=case)
    if not isinstance(got, torch.Tensor) or got.dim() != 0:
        shape = f"a tensor of shape {tuple(got.shape)}" if isinstance(got, torch.Tensor) else type(got).__name__
        raise CheckFailure(f"load_balancing_loss must return a 0-dim tensor; got {shape}", case=case)
    expect_on_device(got, probs.device, case=case)
    P, X = f64(probs), experts.cpu()
    expect_close(got, spec_loss(P, X, E), case=case, dtype=probs.dtype, what="the loss",
                 mistakes=loss_mistakes(P, X, E))


def loss_case(seed, T, E, k, kind="top-k", dtype=torch.float64):
    """router_probs (softmax of random logits) and experts: their top k, or `kind` "random" (any k distinct
    experts per row), "balanced" (uniform probs, experts cycling so that each is chosen equally often) or
    "collapsed" (every token to the experts 0..k-1)."""
    g = torch.Generator().manual_seed(seed)
    if kind == "balanced":
        P = torch.full((T, E), 1 / E, dtype=torch.float64)
        X = (torch.arange(T).view(T, 1) * k + torch.arange(k).view(1, k)) % E
    else:
        P = (torch.randn(T, E, generator=g, dtype=torch.float64) * 1.5).softmax(dim=1)
        X = {"top-k": lambda: spec_experts(P, k),
             "random": lambda: torch.stack([torch.randperm(E, generator=g)[:k] for _ in range(T)]),
             "collapsed": lambda: torch.arange(k).expand(T, k).clone()}[kind]()
    return P.to(dtype), X, E


LOSS_CASES = {
    "smallest: T=1, E=2, k=1": dict(seed=0, T=1, E=2, k=1),
    "Switch: k=1, T=8, E=4": dict(seed=1, T=8, E=4, k=1),
    "Mixtral: k=2, T=16, E=8": dict(seed=2, T=16, E=8, k=2),
    "balanced routing, k=2: loss = k": dict(seed=3, T=8, E=4, k=2, kind="balanced"),
    "balanced routing, k=1: loss = 1": dict(seed=4, T=6, E=3, k=1, kind="balanced"),
    "collapsed: every token to experts 0 and 1": dict(seed=5, T=10, E=6, k=2, kind="collapsed"),
    "experts not from the probabilities' top k": dict(seed=6, T=12, E=8, k=3, kind="random"),
    "an expert nobody chose, k=3": dict(seed=7, T=3, E=10, k=3),
    "float32": dict(seed=8, T=20, E=8, k=2, dtype=torch.float32),
}


def random_loss(seed):
    g = torch.Generator().manual_seed(950 + seed)
    ri = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    E = ri(1, 12)
    return dict(seed=200 + seed, T=ri(1, 16), E=E, k=ri(1, E), kind=["top-k", "random"][seed % 2],
                dtype=[torch.float64, torch.float32][seed % 2])


def check_router_gradient(target, params):
    logits, k = router_case(**params)
    case = describe(logits=logits, k=k)
    leaf = logits.clone().requires_grad_(True)
    got = call(target.top_k_router, leaf, k)
    weights, _ = expect_routing(got, logits.shape[0], k, logits.dtype, logits.device, case)
    if weights.grad_fn is None:
        raise CheckFailure("weights has no grad_fn: autograd cannot compute the gradient of the logits", case=case)
    g = torch.randn(weights.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    (grad,) = call(lambda: torch.autograd.grad((weights * g).sum(), leaf))
    L = f64(logits).requires_grad_(True)
    P = L.softmax(dim=1)
    (want,) = torch.autograd.grad((gate(P, spec_experts(P.detach(), k)) * g).sum(), L)
    expect_close(grad, want, case=case, dtype=logits.dtype, what="the gradient of `logits` through weights")


def check_loss_gradient(target, params):
    probs, experts, E = loss_case(**params)
    case = describe(router_probs=probs, experts=experts, num_experts=E)
    leaf = probs.clone().requires_grad_(True)
    got = call(target.load_balancing_loss, leaf, experts, E)
    if not isinstance(got, torch.Tensor) or got.grad_fn is None:
        raise CheckFailure("the loss has no grad_fn: autograd cannot compute the gradient of router_probs", case=case)
    (grad,) = call(lambda: torch.autograd.grad(got, leaf))
    P = f64(probs).requires_grad_(True)
    (want,) = torch.autograd.grad(spec_loss(P, experts, E), P)
    expect_close(grad, want, case=case, dtype=probs.dtype, what="the gradient of `router_probs`",
                 mistakes={m: lambda v=v: torch.autograd.grad(v(), P)[0]
                           for m, v in loss_mistakes(P, experts, E).items()})


CASES = [Cases(lambda target, p, device="cpu": check_router(target, *router_case(**p), device=device), ROUTER_CASES,
               random_router, seeds=4, cuda=True, name="routing matches the reference",
               random_name="random routing case"),
         Cases(lambda target, p, device="cpu": check_loss(target, *loss_case(**p), device=device), LOSS_CASES,
               random_loss, seeds=4, cuda=True, name="loss matches the reference", random_name="random loss case"),
         Cases(check_router_gradient, {"T=5, E=6, k=2": dict(seed=30, T=5, E=6, k=2)},
               name="routing gradients match autograd"),
         Cases(check_loss_gradient, {"T=6, E=5, k=2": dict(seed=31, T=6, E=5, k=2)},
               name="loss gradients match autograd")]


def on_device(target, device):
    logits = separated_logits(44, 6, 8, torch.float32).to(device)
    weights, experts = call(target.top_k_router, logits, 2)
    return weights, experts, call(target.load_balancing_loss, logits.softmax(-1), experts, 8)


DEVICE = OnDevice(on_device, case="logits (6, 8) float32, k=2, then load_balancing_loss(logits.softmax(-1), experts, 8)")


def speed_setup(target, device):
    T, E, k = {"cpu": (4096, 64, 2), "cuda": (65536, 64, 2)}[device]
    logits = torch.randn(T, E, generator=torch.Generator().manual_seed(0)).to(device)
    probs = logits.softmax(dim=-1)

    def yours():
        _, experts = target.top_k_router(logits, k)
        return target.load_balancing_loss(probs, experts, E)

    def torchs():
        w, experts = logits.softmax(dim=-1).topk(k, dim=-1)
        w = w / w.sum(dim=-1, keepdim=True)
        f = one_hot(experts, E).sum(dim=1).to(probs.dtype).mean(dim=0)
        return w, E * (f * probs.mean(dim=0)).sum()

    return yours, torchs, describe(logits=logits, k=k) + f", then load_balancing_loss, on {device}"


SPEED = Speed(speed_setup, limit={"cpu": 6, "cuda": 6}, reference="torch softmax, topk and one_hot")
