"""Checks of exercises/triton_layer_norm.py against torch.nn.functional.layer_norm in float64.

The oracle is torch's own layer_norm in float64 on the CPU. Classic mistakes are variants written out
below in float64, used only to name them; the one-pass variance is named from the learner's output
(a per-row scale that only rounding noise in E[x²] − E[x]² explains, on rows with a large mean).
"""
from __future__ import annotations

import torch
from torch.nn.functional import layer_norm as torch_layer_norm  # bound before the learner's code runs

from grader.check import (Cases, KernelLaunch, call_unchanged, describe, expect_close, expect_on_device, kernel_speed,
                          mistakes)

MISTAKE = mistakes("triton_layer_norm")
LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.no_mask)
WIDEST = 16384  # the widest row the docstring promises (one block per row)


def make_case(seed, shape, scale=1.0, offset=0.0, eps=1e-5, dtype=torch.float32, sliced=False, device=None):
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    g = torch.Generator().manual_seed(seed)
    n = shape[-1]
    x = torch.randn(shape, generator=g, dtype=torch.float64) * scale
    lead = (*shape[:-1], 1)  # each row its own spread and shift: the padded-lane mistakes then show
    x = x * (torch.rand(lead, generator=g, dtype=torch.float64) + 0.5) \
        + (torch.randn(lead, generator=g, dtype=torch.float64) * 0.5 + 1.0) * scale + offset
    w = torch.rand(n, generator=g, dtype=torch.float64) + 0.5
    b = torch.randn(n, generator=g, dtype=torch.float64) * 0.5
    to = lambda t: t.to(dtype=dtype, device=device)  # noqa: E731
    x = to(x)
    if sliced:  # the first n columns of a wider tensor: the row stride is not n
        wide = torch.zeros((*shape[:-1], n + 3), dtype=dtype, device=device)
        wide[..., :n] = x
        x = wide[..., :n]
    return dict(x=x, weight=to(w), bias=to(b), eps=eps)


def case_text(c):
    return describe(x=c["x"], weight=c["weight"], bias=c["bias"], eps=c["eps"]) + \
        ("" if c["x"].is_contiguous() else ", x a column slice (row stride != N)")


def affine(x, mean, var, w, b, eps, eps_outside=False):
    scale = 1 / (var.sqrt() + eps) if eps_outside else torch.rsqrt(var + eps)
    return (x - mean) * scale * w + b


def padded(x, w, b, eps):
    """The padded-lane mistakes: BLOCK_N = next power of two of N, the lanes past N loaded as 0."""
    n = x.shape[-1]
    block = 1 << (n - 1).bit_length()
    pad = block - n
    if pad == 0:
        return []
    s = x.sum(-1, keepdim=True)
    mean, mean_b = s / n, s / block

    def sq(m):  # the sum of (x - m)² over the row and over the padded lanes (0 - m)²
        return ((x - m) ** 2).sum(-1, keepdim=True), pad * m ** 2

    return [lambda: affine(x, mean, sum(sq(mean)) / n, w, b, eps),        # mean right, padded (−mean)² counted
            lambda: affine(x, mean_b, sum(sq(mean_b)) / block, w, b, eps),  # everything over BLOCK_N
            lambda: affine(x, mean_b, sq(mean_b)[0] / n, w, b, eps),        # mean over BLOCK_N only
            lambda: affine(x, mean, sq(mean)[0] / block, w, b, eps),        # variance over BLOCK_N only
            lambda: affine(x, mean, sum(sq(mean)) / block, w, b, eps)]


def one_pass(got, x, w, b, eps, dtype):
    """The learner's output read as (x − mean) · r · w + b with a per-row r: a one-pass variance is the
    only mistake whose r wanders from row to row within the rounding noise of E[x²] − E[x]²."""
    if dtype == torch.float64 or not isinstance(got, torch.Tensor) or got.shape != x.shape:
        raise ValueError("not a case where one pass loses precision")
    n = x.shape[-1]
    mean = x.mean(-1, keepdim=True)
    xc = x - mean
    var = (xc ** 2).mean(-1, keepdim=True)
    z = (got.detach().to("cpu", torch.float64) - b) / w
    r = (z * xc).sum(-1, keepdim=True) / (xc ** 2).sum(-1, keepdim=True)
    implied = 1 / r ** 2 - eps
    noise = 64 * n * 2.0 ** -24 * (x ** 2).mean(-1, keepdim=True)  # what float32 E[x²] − E[x]² can be off by
    ok = torch.isfinite(implied)
    if n < 2 or not bool(((implied - var).abs() <= noise)[ok].all()) or bool((noise < var / 10).all()):
        raise ValueError("not the rounding noise of a one-pass variance")
    ratio = (implied / var)[ok]
    if ratio.numel() > 1 and float(ratio.max() - ratio.min()) < 1e-3 * float(ratio.abs().max()):
        raise ValueError("one scale for every row: a formula mistake, not rounding")
    out = xc * r * w + b
    return torch.where(torch.isfinite(r), out, torch.nan)  # a row whose E[x²] − E[x]² went negative: NaN


def variants(got, c64, dtype):
    x, w, b, eps = c64["x"], c64["weight"], c64["bias"], c64["eps"]
    n = x.shape[-1]
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    m = {MISTAKE.eps_outside: lambda: affine(x, mean, var, w, b, eps, eps_outside=True),
         MISTAKE.padded_lanes: padded(x, w, b, eps),
         MISTAKE.one_pass: lambda: one_pass(got, x, w, b, eps, dtype),
         MISTAKE.no_affine: [lambda: affine(x, mean, var, 1, 0, eps), lambda: affine(x, mean, var, w, 0, eps),
                             lambda: affine(x, mean, var, 1, b, eps)]}
    if n > 1:
        m[MISTAKE.unbiased] = lambda: affine(x, mean, var * n / (n - 1), w, b, eps)
    else:
        m[MISTAKE.unbiased] = lambda: torch.full_like(x, torch.nan)  # 0 / 0
    return m


def check_case(target, params, device=None):
    c = make_case(**params, device=device)
    case = case_text(c)
    c64 = {k: v.detach().to("cpu", torch.float64) if isinstance(v, torch.Tensor) else v for k, v in c.items()}
    n = c["x"].shape[-1]
    expected = torch_layer_norm(c64["x"], (n,), c64["weight"], c64["bias"], c["eps"])
    got = call_unchanged(target.layer_norm, c["x"], c["weight"], c["bias"], eps=c["eps"], case=case)
    expect_on_device(got, c["x"].device, case=case)
    # float32 keeps about 7 digits of x itself: with a mean of 1000, x − mean is known to ~1e-4.
    atol = 2e-3 if params.get("offset", 0) >= 100 and c["x"].dtype != torch.float64 else None
    expect_close(got, expected, case=case, dtype=c["x"].dtype, atol=atol, mistakes=variants(got, c64, c["x"].dtype))


NAMED_CASES = {
    "smallest: one row of N = 1": dict(seed=0, shape=(1, 1)),
    "(M, N), N a power of two": dict(seed=1, shape=(4, 16)),
    "N = 5: three padded lanes": dict(seed=2, shape=(6, 5)),
    "(B, T, N)": dict(seed=3, shape=(2, 3, 20)),
    "1-D x: one row": dict(seed=4, shape=(7,)),
    "small variance: eps matters": dict(seed=5, shape=(5, 12), scale=0.01, eps=1e-3),
    "eps 0.1": dict(seed=6, shape=(3, 33), scale=0.3, eps=0.1),
    "rows with a large mean: 1000 + noise (float32)": dict(seed=7, shape=(16, 256), offset=1000.0),
    "float16 x": dict(seed=8, shape=(4, 3, 40), dtype=torch.float16),
    "x a column slice of a wider tensor": dict(seed=10, shape=(5, 48), sliced=True),
    f"the widest rows: N = {WIDEST}": dict(seed=11, shape=(2, WIDEST)),
    "N = 1000, many rows": dict(seed=12, shape=(64, 1000)),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    shape = tuple(r(1, 5) for _ in range(r(0, 3))) + (r(2, 300),)
    return dict(seed=seed, shape=shape, scale=[1.0, 0.1, 10.0][r(0, 3)], eps=[1e-5, 1e-6, 1e-3][r(0, 3)],
                dtype=[torch.float32, torch.float16][seed % 2], sliced=bool(r(0, 2)) and len(shape) > 1)


CASES = Cases(check_case, NAMED_CASES, random_case)

SPEED_SHAPE = (8192, 4096)


def speed_setup(target, device):
    c = make_case(0, SPEED_SHAPE, dtype=torch.float16, device=device)
    n = SPEED_SHAPE[-1]
    return (lambda: target.layer_norm(c["x"], c["weight"], c["bias"], c["eps"]),
            lambda: torch_layer_norm(c["x"], (n,), c["weight"], c["bias"], c["eps"]), case_text(c))


# Not yet measured on a GPU: set from the Triton layer-norm tutorial, where the fused kernel is about as
# fast as torch's (memory-bound both); 4x leaves room for a plain kernel, and one element per program is
# far slower than that.
SPEED = kernel_speed(speed_setup, limit=4, reference="torch layer_norm")
