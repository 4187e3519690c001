"""Checks of exercises/triton_matmul.py against a @ b in float64.

The oracle is torch's matmul of the inputs in float64 on the CPU. Missing masks are seen directly:
the interpreter's out-of-bounds guard (grader.check.family.kernels) stops a load or store past a
tensor's end. A float16 accumulator is named when the output is closer to a float16 accumulation
than to the truth; strides assumed row-major when a @ b read as row-major reproduces it.
"""
from __future__ import annotations

import torch

from grader.check import (Cases, CheckFailure, KernelLaunch, call_unchanged, describe, expect_close, expect_on_device,
                          kernel_speed, mistakes)

MISTAKE = mistakes("triton_matmul")
LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.k_mask)  # a store outside C is told apart in check_case
torch_matmul = torch.matmul  # bound before the learner's code runs


def make_case(seed, m, n, k, dtype=torch.float32, a_t=False, b_t=False, sliced=False, positive=False,
              device=None):
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    g = torch.Generator().manual_seed(seed)
    to = lambda t: t.to(dtype=dtype, device=device)  # noqa: E731
    draw = (lambda *s: to(torch.rand(s, generator=g))) if positive else (lambda *s: to(torch.randn(s, generator=g)))
    a = draw(k, m).t() if a_t else draw(m, k)      # a_t: a (M, K) view of a (K, M) tensor, strides (1, M)
    b = draw(n, k).t() if b_t else draw(k, n)
    if sliced:  # the first columns of wider tensors: row strides K + 5 and N + 3
        a = torch.cat([a, draw(m, 5)], 1)[:, :k]
        b = torch.cat([b, draw(k, 3)], 1)[:, :n]
    return dict(a=a, b=b)


def case_text(c):
    a, b = c["a"], c["b"]
    layout = lambda t: "" if t.is_contiguous() else (" transposed" if t.t().is_contiguous() else " sliced")  # noqa: E731
    return describe(a=a, b=b) + "".join(f", {n}{layout(t)}" for n, t in (("a", a), ("b", b)) if layout(t))


def row_major(t):
    """What a kernel that assumes contiguous rows reads from t's storage."""
    return torch.as_strided(t, t.shape, (t.shape[1], 1), t.storage_offset())


def half_accumulator(got, a64, b64, expected):
    """got read as a float16 accumulator: the K loop's partial sums rounded to float16 after each tile.
    It explains got when got is much closer to such an accumulation than to the exact product."""
    if not isinstance(got, torch.Tensor) or got.shape != expected.shape or got.dtype != torch.float16:
        raise ValueError("not a float16 output")
    got64 = got.detach().to("cpu", torch.float64)
    for block in (16, 32, 64, 128, 256):
        acc = torch.zeros_like(expected, dtype=torch.float16)
        for k0 in range(0, a64.shape[1], block):
            part = (a64[:, k0:k0 + block] @ b64[k0:k0 + block]).to(torch.float32).to(torch.float16)
            acc = (acc.to(torch.float32) + part.to(torch.float32)).to(torch.float16)
        sim = acc.to(torch.float64)
        if (got64 - sim).norm() < 0.3 * (expected - sim).norm():
            return got64
    raise ValueError("not a float16 accumulation")


def check_case(target, params, device=None):
    c = make_case(**params, device=device)
    case = case_text(c)
    a64, b64 = (c[k].detach().to("cpu", torch.float64) for k in ("a", "b"))
    expected = a64 @ b64
    try:
        got = call_unchanged(target.matmul, c["a"], c["b"], case=case)
    except CheckFailure as failure:  # the interpreter's guard: the first access outside says which mask
        first = failure.message.split("\n  ", 2)[1] if "\n  " in failure.message else ""
        if failure.mistake == MISTAKE.k_mask and " stores " in first:
            failure.mistake = MISTAKE.store_mask
        raise
    expect_on_device(got, c["a"].device, case=case)
    k = a64.shape[1]
    # float32: products and sums in float32 (no TF32); the error grows like sqrt(K) times the entries.
    atol = {torch.float32: 1e-5, torch.float16: 1e-3}[c["a"].dtype] * max(1.0, k ** 0.5)
    strided = [lambda: row_major(c["a"]).double() @ b64, lambda: a64 @ row_major(c["b"]).double(),
               lambda: row_major(c["a"]).double() @ row_major(c["b"]).double()]
    expect_close(got, expected, case=case, dtype=c["a"].dtype, atol=atol, mistakes={
        MISTAKE.assumes_contiguous: strided,
        MISTAKE.accumulator_dtype: lambda: half_accumulator(got, a64, b64, expected)})


NAMED_CASES = {
    "smallest: (1, 1) @ (1, 1)": dict(seed=0, m=1, n=1, k=1),
    "square, 64": dict(seed=1, m=64, n=64, k=64),
    "ragged M, N and K: (37, 53) @ (53, 45)": dict(seed=2, m=37, n=45, k=53),
    "K smaller than a block: (40, 7) @ (7, 50)": dict(seed=3, m=40, n=50, k=7),
    "several K tiles, the last ragged: (20, 150) @ (150, 30)": dict(seed=4, m=20, n=30, k=150),
    "tall and thin: (130, 16) @ (16, 3)": dict(seed=5, m=130, n=3, k=16),
    "b transposed: b = bt.t()": dict(seed=6, m=48, n=56, k=40, b_t=True),
    "a transposed: a = at.t()": dict(seed=7, m=33, n=40, k=24, a_t=True),
    "both sliced from wider tensors": dict(seed=8, m=24, n=20, k=36, sliced=True),
    "float16, ragged": dict(seed=9, m=50, n=70, k=90, dtype=torch.float16),
    "float16, K = 2048: the accumulator must be float32": dict(seed=10, m=32, n=48, k=2048,
                                                              dtype=torch.float16, positive=True),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    return dict(seed=seed, m=r(1, 130), n=r(1, 130), k=r(1, 200), a_t=bool(r(0, 2)), b_t=bool(r(0, 2)),
                dtype=[torch.float32, torch.float16][seed % 2])


CASES = Cases(check_case, NAMED_CASES, random_case)

SPEED_SHAPE = (4096, 4096)


def speed_setup(target, device):
    n = SPEED_SHAPE[0]
    c = make_case(0, n, n, n, dtype=torch.float16, device=device)
    return (lambda: target.matmul(c["a"], c["b"]), lambda: torch_matmul(c["a"], c["b"]), case_text(c))


# Not yet measured on a GPU: Triton's matmul tutorial reaches about cuBLAS's speed in float16 with
# tuned tiles; 8x leaves room for untuned tiles, and a kernel without tl.dot (or one element per
# program) is far slower than that.
SPEED = kernel_speed(speed_setup, limit=8, reference="torch.matmul")
