"""Checks of exercises/kv_cache_attention.py: a sequence fed in pieces with the cache against one causal forward.

The oracle is one full causal forward in float64 with the learner's qkv and proj weights, through
torch's own F.scaled_dot_product_attention(is_causal=True) on the whole sequence (no cache, so its
top-left mask is the right one). The learner's module gets the sequence in pieces (one call, token by
token, uneven chunks, or after a cache the checks built in the documented format), passing along the
cache it returns; its outputs, concatenated, must equal the oracle's rows, and each returned cache the
oracle's keys and values so far. A forward hook on `qkv` counts the rows it sees. The classic mistakes
are simulations of the whole chunked run, written out below, used only to name them.
"""
from __future__ import annotations

import torch
from torch import nn
from torch.nn.functional import linear
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs

from grader.check import CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close, mistakes
from grader.check.declare import Cases
from grader.check.family.sequence import on

MISTAKE = mistakes("kv_cache_attention")
TOLERANCE = {"float32": (1e-4, 1e-5)}


def build(cls, d, heads, *, seed, dtype=torch.float64, device="cpu"):
    """The learner's module with known weights, after checking it has the layers the spec names."""
    case = f"CachedCausalSelfAttention({d}, n_heads={heads})"
    module = call(cls, d, heads)
    if not isinstance(module, nn.Module):
        raise CheckFailure(f"{case} is a {type(module).__name__}, not an nn.Module", case=case)
    for name, shape in (("qkv", (3 * d, d)), ("proj", (d, d))):
        layer = getattr(module, name, None)
        if not isinstance(layer, nn.Linear) or tuple(layer.weight.shape) != shape or layer.bias is None:
            raise CheckFailure(f"self.{name} must be nn.Linear({shape[1]}, {shape[0]}) with a bias; found {layer!r}",
                               case=case)
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in (module.qkv.weight, module.qkv.bias, module.proj.weight, module.proj.bias):
            p.copy_(torch.randn(p.shape, generator=g) * d ** -0.5 * 2)
    return call(module.to, device=device, dtype=dtype)


def weights64(module):
    return tuple(p.detach().cpu().double() for p in (module.qkv.weight, module.qkv.bias, module.proj.weight,
                                                      module.proj.bias))


def heads_of(X, W, b, heads):
    """q, k, v of X, each (B, heads, T, hd), in nanoGPT's [q | k | v] layout."""
    B, T, C = X.shape
    return (t.view(B, T, heads, C // heads).transpose(1, 2) for t in linear(X, W, b).split(C, dim=-1))


def oracle(X, Wqkv, bqkv, Wp, bp, heads):
    """One causal forward over the whole sequence: out (B, T, C), and every key and value (B, heads, T, hd)."""
    B, T, C = X.shape
    q, k, v = heads_of(X, Wqkv, bqkv, heads)
    y = torch_sdpa(q, k, v, is_causal=True).transpose(1, 2).reshape(B, T, C)  # (B, T, C)
    return linear(y, Wp, bp), k, v


def simulate(X, Wqkv, bqkv, Wp, bp, heads, chunks, cache, *, mask="bottom-right", new_first=False,
             use_cache=True, update=True):
    """The chunked run as a module with one classic mistake would do it: outputs and the caches it returns."""
    outs, caches, t = [], [], 0
    for n in chunks:
        q, k, v = heads_of(X[:, t:t + n], Wqkv, bqkv, heads)  # (B, heads, n, hd) each
        t += n
        given = cache
        if cache is not None:
            pk, pv = cache
            k, v = ((k, pk), (v, pv)) if new_first else ((pk, k), (pv, v))
            k, v = torch.cat(k, dim=2), torch.cat(v, dim=2)  # (B, heads, T, hd)
        kk, vv = (k, v) if use_cache else (k[:, :, -n:], v[:, :, -n:]) if not new_first else (k[:, :, :n], v[:, :, :n])
        S = kk.shape[2]
        keep = {"bottom-right": lambda: torch.ones(n, S, dtype=torch.bool).tril(S - n),
                "top-left": lambda: torch.ones(n, S, dtype=torch.bool).tril(),
                "top-left when T_new > 1": lambda: torch.ones(n, S, dtype=torch.bool).tril(0 if n > 1 else S),
                "none": lambda: torch.ones(n, S, dtype=torch.bool)}[mask]()
        y = torch_sdpa(q, kk, vv, attn_mask=keep)  # (B, heads, n, hd)
        outs.append(linear(y.transpose(1, 2).reshape(y.shape[0], n, -1), Wp, bp))
        cache = (k, v) if update else given
        caches.append(cache)
    return torch.cat(outs, dim=1), caches


def variants(X, weights, heads, chunks, cache):
    """Each classic mistake's simulation: its (outputs, caches)."""
    run = lambda **kw: simulate(X, *weights, heads, chunks, cache, **kw)  # noqa: E731
    return {MISTAKE.mask_top_left: [lambda: run(mask="top-left"), lambda: run(mask="top-left when T_new > 1")],
            MISTAKE.mask_missing: lambda: run(mask="none"),
            MISTAKE.new_before_old: lambda: run(new_first=True),
            MISTAKE.cache_not_updated: lambda: run(update=False),
            MISTAKE.chunk_only: lambda: run(use_cache=False)}


def make_case(seed, B=2, d=8, heads=2, chunks=(4,), past=0, dtype=torch.float64):
    """x of past + sum(chunks) tokens; the first `past` of them are given as a cache the checks build."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, past + sum(chunks), d, generator=g, dtype=torch.float64).to(dtype)
    return dict(seed=seed, d=d, heads=heads, chunks=list(chunks), past=past), x


def case_text(p, x, device="cpu"):
    plan = "one call" if len(p["chunks"]) == 1 else "chunks " + ", ".join(map(str, p["chunks"]))
    start = f"after a cache of {p['past']} tokens the checks built" if p["past"] else "from cache=None"
    return (f"CachedCausalSelfAttention({p['d']}, n_heads={p['heads']}), x ({x.shape[0]}, {x.shape[1] - p['past']}, "
            f"{p['d']}) {str(x.dtype).replace('torch.', '')} fed as {plan}, {start}" + on(device))


def forward_call(module, x, cache, case):
    """One learner call, its inputs watched for in-place changes; the result checked to be (out, (k, v))."""
    def forward(x, k_past=None, v_past=None):  # call_unchanged names the inputs from this signature
        return module(x) if k_past is None else module(x, (k_past, v_past))

    with torch.no_grad():
        result = call_unchanged(forward, x, *(cache or ()), case=case)
    if not (isinstance(result, (tuple, list)) and len(result) == 2 and isinstance(result[0], torch.Tensor)):
        raise CheckFailure(f"forward returned {type(result).__name__}; expected a tuple (out, cache)", case=case)
    out, new = result
    if new is None or not (isinstance(new, (tuple, list)) and len(new) == 2
                           and all(isinstance(t, torch.Tensor) for t in new)):
        raise CheckFailure(f"the returned cache is {type(new).__name__}; expected a tuple (k, v) of two tensors "
                           "(B, n_heads, T_past + T_new, head_dim)", case=case,
                           mistake=MISTAKE.cache_not_updated if new is None or new is cache else None)
    return out, tuple(new)


def feed(target, p, x, device="cpu"):
    """The learner's run: the module, its outputs per chunk, the caches it returned, and the oracle."""
    case = case_text(p, x, device)
    module = build(target.CachedCausalSelfAttention, p["d"], p["heads"], seed=p["seed"], dtype=x.dtype, device=device)
    weights, X = weights64(module), x.double()
    expected, K, V = oracle(X, *weights, p["heads"])
    past = p["past"]
    start = None if not past else (K[:, :, :past].to(device, x.dtype), V[:, :, :past].to(device, x.dtype))
    cache, outs, caches, t = start, [], [], past
    for n in p["chunks"]:
        out, cache = forward_call(module, x[:, t:t + n].to(device), cache, case)
        t += n
        outs.append(out)
        caches.append(cache)
    return case, module, dict(outs=outs, caches=caches, expected=expected[:, past:], K=K, V=V, X=X[:, past:],
                              weights=weights, start=None if not past else (K[:, :, :past], V[:, :, :past]))


def check_outputs(target, p, x, device="cpu"):
    case, module, r = feed(target, p, x, device)
    for i, (n, o) in enumerate(zip(p["chunks"], r["outs"])):
        if tuple(o.shape) != (x.shape[0], n, p["d"]):
            raise CheckFailure(f"call {i + 1} returned out of shape {tuple(o.shape)}; expected (B, T_new, d_model) = "
                               f"{(x.shape[0], n, p['d'])}", case=case)
    got = torch.cat([o.detach().cpu() for o in r["outs"]], dim=1)
    sims = variants(r["X"], r["weights"], p["heads"], p["chunks"], r["start"])
    expect_close(got, r["expected"], case=case, dtype=x.dtype, what="the outputs of all the calls, concatenated",
                 mistakes={m: [lambda f=f: f()[0] for f in (v if isinstance(v, list) else [v])]
                           for m, v in sims.items()})


def check_caches(target, p, x, device="cpu"):
    case, module, r = feed(target, p, x, device)
    sims = variants(r["X"], r["weights"], p["heads"], p["chunks"], r["start"])
    t = p["past"]
    for i, (n, (k, v)) in enumerate(zip(p["chunks"], r["caches"])):
        t += n
        got = torch.stack((k.detach().cpu(), v.detach().cpu())) if k.shape == v.shape else k.detach().cpu()
        expected = torch.stack((r["K"][:, :, :t], r["V"][:, :, :t]))  # (2, B, heads, t, hd)
        expect_close(got, expected, case=case, dtype=x.dtype,
                     what=f"torch.stack(cache) after call {i + 1} (T_past + T_new = {t})",
                     mistakes={m: lambda f=sims[m]: torch.stack(f()[1][i])  # raises where that cache is None
                               for m in (MISTAKE.new_before_old, MISTAKE.cache_not_updated)})


NAMED_CASES = {
    "one call, whole sequence": dict(seed=0, B=1, d=4, heads=2, chunks=(5,)),
    "token by token": dict(seed=1, B=2, d=8, heads=2, chunks=(1, 1, 1, 1, 1, 1)),
    "uneven chunks 3, 1, 2, 4": dict(seed=2, B=2, d=8, heads=2, chunks=(3, 1, 2, 4)),
    "prefill 5, then 3 single tokens": dict(seed=3, B=1, d=12, heads=3, chunks=(5, 1, 1, 1)),
    "chunks 2, 5: a chunk longer than the cache": dict(seed=4, B=2, d=8, heads=4, chunks=(2, 5)),
    "one head, chunks 2, 2, 3": dict(seed=5, B=3, d=6, heads=1, chunks=(2, 2, 3)),
    "a cache of 4 the checks built, then chunks 3, 1": dict(seed=6, B=2, d=8, heads=2, chunks=(3, 1), past=4),
    "a cache of 6 the checks built, then one token": dict(seed=7, B=2, d=8, heads=2, chunks=(1,), past=6),
    "float32, chunks 4, 1, 3": dict(seed=8, B=2, d=16, heads=4, chunks=(4, 1, 3), dtype=torch.float32),
}

CACHE_CASES = {k: NAMED_CASES[k] for k in ("token by token", "uneven chunks 3, 1, 2, 4",
                                            "a cache of 4 the checks built, then chunks 3, 1")}


def random_params(seed):
    g = torch.Generator().manual_seed(500 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (), generator=g))  # noqa: E731
    heads = r(1, 4)
    return dict(seed=100 + seed, B=r(1, 3), d=heads * r(1, 4), heads=heads, chunks=tuple(r(1, 4) for _ in range(r(1, 4))),
                past=[0, r(1, 5)][seed % 2], dtype=[torch.float64, torch.float32][seed % 2])


CASES = [Cases(lambda target, p, device="cpu": check_outputs(target, *make_case(**p), device=device),
               NAMED_CASES, random_params, seeds=4, cuda=True, name="pieces match one causal forward"),
         Cases(lambda target, p: check_caches(target, *make_case(**p)), CACHE_CASES, name="the returned cache")]


def test_qkv_sees_only_the_new_tokens(target):
    p, x = make_case(30, B=2, d=8, heads=2, chunks=(3, 1, 2, 1))
    case = case_text(p, x) + "; a forward hook on self.qkv counts its input rows"
    module = build(target.CachedCausalSelfAttention, 8, 2, seed=30)
    rows = []
    hook = module.qkv.register_forward_hook(lambda mod, inputs, out: rows.append(inputs[0].numel() // inputs[0].shape[-1]))
    try:
        cache, t = None, 0
        for i, n in enumerate(p["chunks"]):
            rows.clear()
            _, cache = forward_call(module, x[:, t:t + n], cache, case)
            t += n
            if sum(rows) != 2 * n:
                raise CheckFailure(f"call {i + 1} gave {2 * n} new rows (B=2, T_new={n}) and "
                                   f"self.qkv saw {sum(rows)} rows in {len(rows)} call(s); it must see only the new "
                                   "tokens", case=case, mistake=MISTAKE.qkv_whole_history if sum(rows) > 2 * n else None)
    finally:
        hook.remove()


def on_device(target, device):
    p, x = make_case(42, B=2, d=8, heads=2, chunks=(3, 2), dtype=torch.float32)
    module = build(target.CachedCausalSelfAttention, 8, 2, seed=42, dtype=torch.float32, device=device)
    with torch.no_grad():
        out, cache = call(module, x[:, :3].to(device))
        return out, call(module, x[:, 3:].to(device), cache)


DEVICE = OnDevice(on_device, case="CachedCausalSelfAttention(8, n_heads=2), x (2, 5, 8) float32 fed as chunks 3, 2")


def speed_setup(target, device):
    B, Tn, Tp, d, heads = {"cpu": (4, 32, 480, 256, 8), "cuda": (8, 32, 4064, 2048, 16)}[device]
    module = build(target.CachedCausalSelfAttention, d, heads, seed=0, dtype=torch.float32, device=device)
    g = torch.Generator().manual_seed(1)
    x = torch.randn(B, Tn, d, generator=g).to(device)
    cache = tuple(torch.randn(B, heads, Tp, d // heads, generator=g).to(device) for _ in range(2))
    Wqkv, bqkv, Wp, bp = (p.detach() for p in (module.qkv.weight, module.qkv.bias, module.proj.weight, module.proj.bias))

    def yours():
        with torch.no_grad():
            return module(x, cache)

    def torchs():
        q, k, v = (t.view(B, Tn, heads, d // heads).transpose(1, 2) for t in linear(x, Wqkv, bqkv).split(d, dim=-1))
        k, v = torch.cat((cache[0], k), dim=2), torch.cat((cache[1], v), dim=2)  # (B, heads, Tp + Tn, hd)
        keep = torch.ones(Tn, Tp + Tn, dtype=torch.bool, device=x.device).tril(Tp)
        return linear(torch_sdpa(q, k, v, attn_mask=keep).transpose(1, 2).reshape(B, Tn, d), Wp, bp)

    return yours, torchs, (f"CachedCausalSelfAttention({d}, n_heads={heads}), x ({B}, {Tn}, {d}) float32, a cache "
                           f"of {Tp} tokens, no gradients" + on(device))


SPEED = Speed(speed_setup, limit={"cpu": 5, "cuda": 5}, reference="the same steps with F.scaled_dot_product_attention")
