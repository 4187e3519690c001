"""Checks of exercises/scaled_dot_product_attention.py against F.scaled_dot_product_attention in float64."""
from __future__ import annotations

import math

import pytest
import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs

from grader.check import (call, CheckFailure, describe, expect_close, expect_fast, expect_on_device,
                         expect_unchanged, measure, mistakes, skip_without_cuda, snapshot)

MISTAKE = mistakes('scaled_dot_product_attention')


RTOL = {torch.float32: 1e-4, torch.float64: 1e-7}
ATOL = {torch.float32: 1e-5, torch.float64: 1e-9}


def make_case(seed, batch=(), L=3, S=3, E=4, Ev=None, mask=None, is_causal=False, scale=None,
              dtype=torch.float64):
    """Inputs of one case. mask: None, "bool", "bool broadcast", "float", "bool fully masked", "float fully masked"."""
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(*batch, L, E, generator=g, dtype=dtype)
    k = torch.randn(*batch, S, E, generator=g, dtype=dtype)
    v = torch.randn(*batch, S, Ev or E, generator=g, dtype=dtype)
    m = None
    if mask is not None:
        mask_batch = () if "broadcast" in mask else batch
        allowed = torch.rand(*mask_batch, L, S, generator=g) < 0.5
        rows = torch.arange(L)
        allowed[..., rows, rows % S] = True  # every row sees at least one key ...
        if S > 1:
            allowed[..., rows, (rows + 1) % S] = False  # ... and misses at least one
        if "fully masked" in mask:
            allowed[..., min(1, L - 1), :] = False
        if mask.startswith("bool"):
            m = allowed
        else:
            m = torch.randn(*mask_batch, L, S, generator=g, dtype=dtype).masked_fill(~allowed, float("-inf"))
    return dict(query=q, key=k, value=v, attn_mask=m, is_causal=is_causal, scale=scale)


def by_hand(q, k, v, *, hidden=None, bias=None, scale, softmax_dim=-1, fill=float("-inf")):
    """Attention written out, for the mistakes torch's own function cannot express."""
    scores = q @ k.transpose(-2, -1) * scale
    if bias is not None:
        scores = scores + bias
    if hidden is not None:
        scores = scores.masked_fill(hidden, fill)
    return scores.softmax(dim=softmax_dim) @ v


def fully_masked_rows(attn_mask, is_causal, L, S):
    """(..., L, 1) True where a query has no visible key, or None when there is none."""
    if attn_mask is None:
        return None
    hidden = ~attn_mask if attn_mask.dtype == torch.bool else attn_mask.isneginf()
    if is_causal:
        hidden = hidden | ~torch.ones(L, S, dtype=torch.bool).tril()
    rows = hidden.all(dim=-1, keepdim=True)
    return rows if rows.any() else None


def mistakes_for(Q, K, V, M, is_causal, scale):
    L, S, E, Ev = Q.size(-2), K.size(-2), Q.size(-1), V.size(-1)
    default = 1 / math.sqrt(E)
    used = default if scale is None else scale
    ref = lambda **kw: torch_sdpa(Q, K, V, **{"attn_mask": M, "is_causal": is_causal, "scale": scale, **kw})  # noqa: E731
    mistakes = {}
    if scale is None:
        mistakes[MISTAKE.no_scale] = lambda: ref(scale=1.0)
        mistakes[MISTAKE.scale_by_d] = lambda: ref(scale=1 / E)
        if Ev != E:
            mistakes[MISTAKE.scale_by_value_dim] = lambda: ref(scale=1 / math.sqrt(Ev))
    else:
        mistakes[MISTAKE.scale_ignored] = lambda: ref(scale=None)
    if M is not None:
        if M.dtype == torch.bool:
            mistakes[MISTAKE.mask_inverted] = lambda: ref(attn_mask=~M)
            mistakes[MISTAKE.fully_masked_mean] = lambda: by_hand(Q, K, V, hidden=~M, scale=used, fill=-1e9)
        else:
            mistakes[MISTAKE.float_mask_ignored] = lambda: ref(attn_mask=None)
    if is_causal:
        tril = lambda d: torch.ones(L, S, dtype=torch.bool).tril(diagonal=d)  # noqa: E731
        mistakes[MISTAKE.causal_ignored] = lambda: ref(is_causal=False)
        mistakes[MISTAKE.causal_diagonal] = lambda: ref(is_causal=False, attn_mask=tril(-1))
        mistakes[MISTAKE.causal_transposed] = lambda: ref(is_causal=False, attn_mask=torch.ones(L, S, dtype=torch.bool).triu())
        if L != S:
            mistakes[MISTAKE.causal_bottom_right] = lambda: ref(is_causal=False, attn_mask=tril(S - L))
    if M is None and not is_causal:
        mistakes[MISTAKE.wrong_axis] = lambda: by_hand(Q, K, V, scale=used, softmax_dim=-2)
    return mistakes


def expect_no_nan_rows(got, expected, mistakes, fully_masked, case, rtol, atol):
    """NaN never passes, but NaN exactly on the fully masked rows is a classic mistake we can name."""
    if not isinstance(got, torch.Tensor) or got.shape != expected.shape or not got.dtype.is_floating_point:
        return
    got64 = got.detach().to("cpu", torch.float64)
    nan = torch.isnan(got64)
    if not nan.any():
        return
    if fully_masked is not None:
        nan_variant = expected.masked_fill(fully_masked, float("nan"))
        if torch.allclose(got64, nan_variant, rtol=rtol, atol=atol, equal_nan=True):
            raise CheckFailure(f"your output is NaN on the fully masked rows "
                               f"({int(fully_masked.sum())} of them) where torch returns zeros", case=case,
                               mistake=MISTAKE.fully_masked_nan)
    for mistake, variant in mistakes.items():  # e.g. a causal mask hiding the diagonal leaves row 0 with no key
        try:
            candidate = variant().to(torch.float64)
        except Exception:  # noqa: BLE001 - a variant that does not apply to this case
            continue
        rows = torch.isnan(candidate) | (candidate == 0).all(dim=-1, keepdim=True)
        if torch.allclose(got64, candidate.masked_fill(rows & nan.any(dim=-1, keepdim=True), float("nan")),
                          rtol=rtol, atol=atol, equal_nan=True):
            raise CheckFailure("your output contains NaN rows where torch's is finite", case=case, mistake=mistake)


def check_case(sdpa, inputs, device="cpu"):
    inputs = {k: (v.to(device) if isinstance(v, torch.Tensor) else v) for k, v in inputs.items()}
    q, k, v, m = inputs["query"], inputs["key"], inputs["value"], inputs["attn_mask"]
    case = describe(**inputs) + ("" if device == "cpu" else f", on {device}")
    tensors = {n: t for n, t in inputs.items() if isinstance(t, torch.Tensor)}
    before = snapshot(**tensors)
    got = call(sdpa, q, k, v, attn_mask=m, is_causal=inputs["is_causal"], scale=inputs["scale"])
    expect_unchanged(before, tensors, case=case)
    expect_on_device(got, q.device, case=case, advice="create new tensors (masks) with device=query.device")

    to64 = lambda t: None if t is None else (t.cpu() if t.dtype == torch.bool else t.cpu().double())  # noqa: E731
    Q, K, V, M = to64(q), to64(k), to64(v), to64(m)
    is_causal, scale = inputs["is_causal"], inputs["scale"]
    expected = torch_sdpa(Q, K, V, attn_mask=M, is_causal=is_causal, scale=scale)
    mistakes = mistakes_for(Q, K, V, M, is_causal, scale)
    rtol, atol = RTOL[q.dtype], ATOL[q.dtype]
    expect_no_nan_rows(got, expected, mistakes, fully_masked_rows(M, is_causal, Q.size(-2), K.size(-2)),
                       case, rtol, atol)
    expect_close(got, expected, case=case, dtype=q.dtype, rtol=rtol, atol=atol, framework="torch",
                 mistakes=mistakes)


NAMED_CASES = {
    "smallest: L=S=3, E=4, no batch dims": dict(seed=0),
    "one batch dim": dict(seed=1, batch=(2,), L=4, S=4, E=8),
    "batch and heads (2, 3)": dict(seed=2, batch=(2, 3), L=4, S=4, E=8),
    "L != S (2 queries, 5 keys)": dict(seed=3, batch=(2,), L=2, S=5, E=4),
    "value dim != query dim": dict(seed=4, batch=(2,), L=3, S=4, E=4, Ev=6),
    "custom scale 0.3": dict(seed=5, batch=(2,), L=3, S=4, E=4, scale=0.3),
    "scale 1.0 given": dict(seed=6, batch=(2,), L=3, S=4, E=9, scale=1.0),
    "boolean mask": dict(seed=7, batch=(2, 2), L=4, S=5, E=4, mask="bool"),
    "boolean mask broadcast over the batch": dict(seed=8, batch=(2, 3), L=4, S=4, E=4, mask="bool broadcast"),
    "float mask with -inf": dict(seed=9, batch=(2,), L=4, S=5, E=4, mask="float"),
    "causal, L = S": dict(seed=10, batch=(2,), L=5, S=5, E=4, is_causal=True),
    "causal, L < S (top-left aligned)": dict(seed=11, batch=(2,), L=3, S=6, E=4, is_causal=True),
    "causal, L > S (top-left aligned)": dict(seed=12, batch=(2,), L=6, S=3, E=4, is_causal=True),
    "fully masked row, boolean mask": dict(seed=13, batch=(2,), L=4, S=5, E=4, mask="bool fully masked"),
    "fully masked row, float mask": dict(seed=14, batch=(2,), L=4, S=5, E=4, mask="float fully masked"),
    "float32 inputs": dict(seed=15, batch=(2, 4), L=8, S=6, E=16, Ev=8, mask="bool", dtype=torch.float32),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    batch = tuple(r(1, 3) for _ in range(r(0, 3)))
    masks = [None, "bool", "float", "bool broadcast"]
    causal = seed % 4 == 3
    return dict(seed=seed, batch=batch, L=r(1, 7), S=r(1, 7), E=r(1, 9), Ev=r(1, 9),
                mask=None if causal else masks[seed % 4], is_causal=causal,
                scale=[None, None, 0.5][seed % 3], dtype=[torch.float64, torch.float32][seed % 2])


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    check_case(target.scaled_dot_product_attention, make_case(**params))


@pytest.mark.parametrize("seed", range(4), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    check_case(target.scaled_dot_product_attention, make_case(**random_case(seed)))


@pytest.mark.cuda
def test_matches_torch_on_cuda(target):
    skip_without_cuda()
    for params in [*NAMED_CASES.values(), *(random_case(s) for s in range(4))]:
        check_case(target.scaled_dot_product_attention, make_case(**params), device="cuda")


SPEED = {"cpu": dict(shape=(4, 4, 256, 32), dtype=torch.float32, limit=6),
         "cuda": dict(shape=(16, 16, 1024, 64), dtype=torch.float16, limit=12)}


@pytest.mark.speed
@pytest.mark.parametrize("device", ["cpu", pytest.param("cuda", marks=pytest.mark.cuda)])
def test_speed_against_torch(target, device):
    skip_without_cuda(device)
    setup = SPEED[device]
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(*setup["shape"], generator=g).to(device, setup["dtype"]) for _ in range(3))
    fn = target.scaled_dot_product_attention
    call(fn, q, k, v)  # a crash here is reported as a crash
    reference = "torch SDPA (fused)" if device == "cuda" else "torch SDPA"
    result = measure(lambda: fn(q, k, v), lambda: torch_sdpa(q, k, v), limit=setup["limit"],
                     reference_name=reference, device=device)
    expect_fast(result, case=describe(query=q, key=k, value=v) + f", on {device}")
