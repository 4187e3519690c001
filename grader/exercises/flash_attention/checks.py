"""Checks of exercises/flash_attention.py against F.scaled_dot_product_attention in float64.

The oracle is torch's own SDPA in float64 on CPU. The classic mistakes are variants of a spec-literal
blocked online softmax written out below (float64, the same block size), used only to name them. A
TorchDispatchMode watches every tensor the learner's call creates to prove that no (L, S) tensor is.
"""
from __future__ import annotations

import math

import torch
from torch.nn.attention import SDPBackend, sdpa_kernel
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs
from torch.utils._python_dispatch import TorchDispatchMode

from grader.check import Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close, \
    expect_on_device, mistakes

MISTAKE = mistakes("flash_attention")


def make_case(seed, B, H, L, S, E, Ev=None, is_causal=False, block_size=64, dtype=torch.float64, device="cpu",
              score=None):
    """Random inputs; `score="low"`/`"high"`: every score near -1000/+1000 (the softmax still well defined)."""
    g = torch.Generator().manual_seed(seed)
    r = lambda *s: torch.randn(s, generator=g, dtype=torch.float64)  # noqa: E731
    q, k, v = r(B, H, L, E), r(B, H, S, E), r(B, H, S, Ev or E)
    if score is not None:
        big = math.sqrt(1000 * math.sqrt(E) / E)  # q = big + noise, k = ±big + noise: scores near ±1000
        q, k = big + q, (-big if score == "low" else big) + k
    cast = lambda t: t.to(dtype=dtype, device=device)  # noqa: E731
    return dict(query=cast(q), key=cast(k), value=cast(v), is_causal=is_causal, block_size=block_size)


def blocked(q, k, v, is_causal, block_size, *, rescale_sum=True, rescale_acc=True, m0=float("-inf"), local=False,
            divide=True):
    """The online softmax as the docstring states it, with the switches of the classic mistakes;
    `local`: the causal mask compares the query index with the key's position inside its block."""
    L, S = q.shape[-2], k.shape[-2]
    m = q.new_full((*q.shape[:-1], 1), m0)
    l = q.new_zeros((*q.shape[:-1], 1))
    acc = q.new_zeros((*q.shape[:-1], v.shape[-1]))
    i = torch.arange(L)[:, None]
    for j0 in range(0, S, block_size):
        kb, vb = k[..., j0:j0 + block_size, :], v[..., j0:j0 + block_size, :]
        s = q @ kb.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if is_causal:
            j = torch.arange(kb.shape[-2]) + (0 if local else j0)
            s = s.masked_fill(j > i, float("-inf"))
        m_new = torch.maximum(m, s.amax(-1, keepdim=True))
        p = torch.exp(s - m_new)
        c = torch.exp(m - m_new)
        l = (l * c if rescale_sum else l) + p.sum(-1, keepdim=True)
        acc = (acc * c if rescale_acc else acc) + p @ vb
        m = m_new
    return acc / l if divide else acc


def dense(q, k, v, keep):
    """Plain attention with the boolean mask `keep` (L, S); fully masked rows give 0."""
    s = (q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])).masked_fill(~keep, float("-inf"))
    return torch.nan_to_num(s.softmax(-1)) @ v


def output_mistakes(q, k, v, is_causal, block_size):
    run = lambda **kw: blocked(q, k, v, is_causal, block_size, **kw)  # noqa: E731
    m = {MISTAKE.sum_not_rescaled: lambda: run(rescale_sum=False),
         MISTAKE.acc_not_rescaled: lambda: run(rescale_acc=False),
         MISTAKE.max_init_zero: lambda: run(m0=0.0),
         MISTAKE.no_final_division: lambda: run(divide=False)}
    if is_causal:
        L, S = q.shape[-2], k.shape[-2]
        i, j = torch.arange(L)[:, None], torch.arange(S)
        m[MISTAKE.causal_block_local] = [lambda: run(local=True),
                                         lambda: dense(q, k, v, j // block_size * block_size <= i),  # skips blocks only
                                         lambda: dense(q, k, v, torch.ones(L, S, dtype=torch.bool))]  # no mask
    return m


def f64(t):
    return t.detach().to("cpu", torch.float64)


def check_case(target, c):
    case = describe(**c)
    got = call_unchanged(target.flash_attention, c["query"], c["key"], c["value"], case=case,
                         is_causal=c["is_causal"], block_size=c["block_size"])
    if not isinstance(got, torch.Tensor):
        raise CheckFailure(f"expected a torch.Tensor, your function returned {type(got).__name__}", case=case)
    expect_on_device(got, c["query"].device, case=case)
    q, k, v = f64(c["query"]), f64(c["key"]), f64(c["value"])
    expected = torch_sdpa(q, k, v, is_causal=c["is_causal"])
    expect_close(got, expected, case=case, dtype=c["query"].dtype,
                 mistakes=output_mistakes(q, k, v, c["is_causal"], c["block_size"]))


NAMED_CASES = {
    "smallest: L=S=1, block_size 1": dict(seed=0, B=1, H=1, L=1, S=1, E=2, block_size=1),
    "L=S=8, block_size 4 (divides S)": dict(seed=1, B=2, H=2, L=8, S=8, E=4, block_size=4),
    "L=S=10, block_size 3 (does not divide S)": dict(seed=2, B=1, H=2, L=10, S=10, E=4, block_size=3),
    "L=5 < S=11, block_size 4": dict(seed=3, B=1, H=3, L=5, S=11, E=4, block_size=4),
    "L=11 > S=5, block_size 2": dict(seed=4, B=1, H=2, L=11, S=5, E=4, block_size=2),
    "block_size 64 > S=7": dict(seed=5, B=2, H=1, L=6, S=7, E=4),
    "block_size 1": dict(seed=6, B=1, H=2, L=6, S=6, E=4, block_size=1),
    "value head size 6 != E=4": dict(seed=7, B=1, H=2, L=5, S=9, E=4, Ev=6, block_size=4),
    "causal, L=S=10, block_size 4": dict(seed=8, B=2, H=2, L=10, S=10, E=4, is_causal=True, block_size=4),
    "causal, L=4 < S=10 (top-left), block_size 3": dict(seed=9, B=1, H=2, L=4, S=10, E=4, is_causal=True,
                                                        block_size=3),
    "causal, L=10 > S=4 (top-left), block_size 3": dict(seed=10, B=1, H=2, L=10, S=4, E=4, is_causal=True,
                                                        block_size=3),
    "causal, block_size 1": dict(seed=11, B=1, H=1, L=7, S=7, E=4, is_causal=True, block_size=1),
    "every score near -1000": dict(seed=12, B=1, H=2, L=6, S=9, E=4, block_size=4, score="low"),
    "every score near +1000": dict(seed=13, B=1, H=2, L=6, S=9, E=4, block_size=4, score="high"),
    "float32, causal, L=S=64, block_size 16": dict(seed=14, B=2, H=4, L=64, S=64, E=16, is_causal=True,
                                                   block_size=16, dtype=torch.float32),
}


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    return make_case(seed, r(1, 3), r(1, 4), r(1, 40), r(1, 40), r(1, 9), is_causal=bool(r(0, 2)),
                     block_size=r(1, 17), dtype=[torch.float64, torch.float32][seed % 2], device=device)


def check_random(target, seeds, device="cpu"):
    for seed in seeds:
        check_case(target, random_case(seed, device))


class Allocations(TorchDispatchMode):
    """Records the largest storage (in elements) of every tensor an operation returns."""

    def __init__(self):
        super().__init__()
        self.largest = (0, "", ())

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        for t in out if isinstance(out, (tuple, list)) else (out,):
            if isinstance(t, torch.Tensor):
                size = t.untyped_storage().nbytes() // t.element_size()  # a view counts its base's storage
                if size > self.largest[0]:
                    self.largest = (size, func.overloadpacket.__name__, tuple(t.shape))
        return out


with Allocations():  # the first use imports torch._dynamo, which rebinds torch.manual_seed: now, not in the learner's call
    torch.zeros(1) + 1

MEMORY_CASES = {"L=S=256, block_size 32": dict(seed=30, B=1, H=2, L=256, S=256, E=16, block_size=32)}


def check_memory(target, params):
    """No tensor of L*S elements or more per (batch, head), causal or not."""
    for is_causal in (False, True):
        c = make_case(**params, is_causal=is_causal)
        case = describe(**c)
        B, H, L = c["query"].shape[:3]
        S = c["key"].shape[-2]
        watch = Allocations()
        with watch:
            call(target.flash_attention, c["query"], c["key"], c["value"], is_causal=is_causal,
                 block_size=c["block_size"])
        size, op, shape = watch.largest
        if size >= L * S:
            raise CheckFailure(f"your call created a tensor of {size:,} elements (shape {shape}, by torch's {op}), "
                               f"at least L*S = {L * S:,}: per (batch, head) that is the whole (L, S) score matrix "
                               f"(or mask), which flash attention never builds; the largest tensor it needs here is "
                               f"one block's scores, {B * H * L * c['block_size']:,} elements", case=case,
                               mistake=MISTAKE.full_matrix)


CASES = [Cases(lambda target, p: check_case(target, make_case(**p)), NAMED_CASES),
         Cases(check_memory, MEMORY_CASES, name="no (L, S) tensor is ever allocated"),
         Cases(check_random, {"cpu": range(4)}, cuda=True, name="random cases")]

DEVICE = OnDevice(lambda target, device: call(
    target.flash_attention, *list(make_case(44, 1, 2, 7, 5, 4, is_causal=True, block_size=2, dtype=torch.float32,
                                            device=device).values())[:3], is_causal=True, block_size=2),
    case="query (1, 2, 7, 4), key/value (1, 2, 5, 4) float32, is_causal=True, block_size=2")


def speed_setup(target, device):
    (B, H, T, E), block = {"cpu": ((1, 4, 512, 64), 64), "cuda": ((4, 16, 2048, 64), 128)}[device]
    c = make_case(0, B, H, T, T, E, is_causal=True, block_size=block, dtype=torch.float32, device=device)
    q, k, v = c["query"], c["key"], c["value"]

    def math_sdpa():
        with sdpa_kernel(SDPBackend.MATH):
            return torch_sdpa(q, k, v, is_causal=True)

    return lambda: target.flash_attention(q, k, v, is_causal=True, block_size=block), math_sdpa, describe(**c)


SPEED = Speed(speed_setup, limit={"cpu": 5, "cuda": 10}, reference="torch SDPA (math backend)")
