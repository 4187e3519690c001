"""Checks of exercises/causal_mask.py against the rule j <= i written out, and against SDPA's is_causal."""
from __future__ import annotations

import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, OnDevice, Speed, call, describe, expect_close, mistakes

MISTAKE = mistakes("causal_mask")


def by_rule(L, S, allowed=lambda i, j: j <= i):
    """mask[i][j] for every query i and key j, one by one."""
    return torch.tensor([[allowed(i, j) for j in range(S)] for i in range(L)], dtype=torch.bool).reshape(L, S)


def check_case(causal_mask, L, S=None, device=None):
    args = (L,) if S is None else (L, S)
    kwargs = {} if device is None else {"device": device}
    case = "causal_mask(" + ", ".join([*map(str, args), *(f"device={d!r}" for d in kwargs.values())]) + ")"
    got = call(causal_mask, *args, **kwargs)
    S_ = L if S is None else S
    if isinstance(got, torch.Tensor):
        if got.dtype != torch.bool:
            extra = " (a float mask of 0 / -inf is the additive convention; here True/False is asked)" \
                if got.dtype.is_floating_point else ""
            raise CheckFailure(f"wrong dtype: got {got.dtype}, expected torch.bool{extra}", case=case)
        wanted = torch.device(device) if device is not None else torch.device("cpu")
        if got.device.type != wanted.type:
            raise CheckFailure(f"the mask is on {got.device}, expected {wanted}: create it with device=device",
                               case=case)
    expected = by_rule(L, S_)
    mistakes = {MISTAKE.diagonal_hidden: lambda: by_rule(L, S_, lambda i, j: j < i),
                MISTAKE.transposed: lambda: by_rule(L, S_, lambda i, j: j >= i),
                MISTAKE.inverted: lambda: by_rule(L, S_, lambda i, j: j > i),
                # keys on the rows and queries on the columns: the right mask, transposed to (S, L)
                MISTAKE.shape_swapped: lambda: expected.T}
    if L != S_:
        mistakes[MISTAKE.bottom_right] = lambda: by_rule(L, S_, lambda i, j: j <= i + S_ - L)

    def shape_hint(got_shape, expected_shape):
        if got_shape == (L, L):
            return MISTAKE.s_ignored
        if got_shape == (S_, L):
            return MISTAKE.shape_swapped
        return None

    expect_close(got, expected, case=case, dtype=torch.bool, mistakes=mistakes, shape_hint=shape_hint)


NAMED_CASES = {
    "smallest: L=1": dict(L=1),
    "L=2": dict(L=2),
    "L=5": dict(L=5),
    "L=S=4 given": dict(L=4, S=4),
    "L < S (3 queries, 5 keys)": dict(L=3, S=5),
    "L > S (5 queries, 3 keys)": dict(L=5, S=3),
    "one query, 6 keys": dict(L=1, S=6),
    "6 queries, one key": dict(L=6, S=1),
    "device='cpu'": dict(L=4, S=6, device="cpu"),
    "device=torch.device('cpu')": dict(L=3, device=torch.device("cpu")),
    "large: L=S=300": dict(L=300, S=300),
}


# The CUDA variant runs each case again with the device written the way the case writes it.
ON_CUDA = {None: "cuda:0", "cpu": "cuda", torch.device("cpu"): torch.device("cuda")}


def check_named(target, params, device=None):
    if device is not None:
        params = {**params, "device": ON_CUDA[params.get("device")]}
    check_case(target.causal_mask, **params)


def gives_sdpa_is_causal(target, L, S):
    """The point of the mask: as attn_mask it must reproduce is_causal=True exactly."""
    g = torch.Generator().manual_seed(L * 10 + S)
    q, k, v = (torch.randn(2, n, 4, generator=g, dtype=torch.float64) for n in (L, S, S))
    mask = call(target.causal_mask, L, S)
    case = f"causal_mask({L}, {S}) as attn_mask, query (2, {L}, 4), key and value (2, {S}, 4)"
    if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool or tuple(mask.shape) != (L, S):
        raise CheckFailure(f"expected a bool tensor of shape ({L}, {S})", case=case)
    got = torch_sdpa(q, k, v, attn_mask=mask)
    expected = torch_sdpa(q, k, v, is_causal=True)
    expect_close(got, expected, case=case, dtype=torch.float64)


SDPA_CASES = {"L=S=4": (4, 4), "L=3, S=7": (3, 7), "L=7, S=3": (7, 3)}

CASES = [Cases(check_named, NAMED_CASES, name="matches the rule", cuda=True),
         Cases(lambda target, LS: gives_sdpa_is_causal(target, *LS), SDPA_CASES, name="gives sdpa is causal")]

# Made on `device`, on every machine: a mask that ignores device= is on the CPU.
DEVICE = OnDevice(lambda target, device: call(target.causal_mask, 4, 6, device=device), case="causal_mask(4, 6, device)",
                  advice="create the mask on `device`: torch.ones(L, S, dtype=torch.bool, device=device).tril()")


def speed_setup(target, device):
    L, S = {"cpu": (8192, 64), "cuda": (16384, 16384)}[device]
    return (lambda: target.causal_mask(L, S, device=device),
            lambda: torch.ones(L, S, dtype=torch.bool, device=device).tril(), describe(L=L, S=S, device=device))


SPEED = Speed(speed_setup, limit={"cpu": 6, "cuda": 10}, reference="torch.ones(...).tril()")
