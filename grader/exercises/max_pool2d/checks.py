"""Checks of exercises/max_pool2d.py against torch.nn.functional.max_pool2d in float64.

The case list, the shape diagnoses and the mistakes both pooling exercises share live here;
test_avg_pool2d.py imports them.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import (call, describe, expect_close, expect_fast, expect_unchanged, matching_mistake, measure,
                         mistakes, pair, snapshot)

MISTAKE = mistakes('max_pool2d')


RTOL = {np.float32: 1e-5, np.float64: 1e-10}
ATOL = {np.float32: 1e-5, np.float64: 1e-12}


def out_size(size, k, s, p):
    return (size + 2 * p - k) // s + 1


def ceil_out_size(size, k, s, p, starts_inside=True):
    """The output size with ceil instead of floor; PyTorch's ceil_mode=True also drops a last window that
    would start in the right padding."""
    n = -(-(size + 2 * p - k) // s) + 1
    return n - 1 if starts_inside and (n - 1) * s >= size + p else n


def make_input(seed, N, C, H, W, dtype=np.float64, negative=False):
    x = np.random.default_rng(seed).standard_normal((N, C, H, W))
    if negative:  # every value below -1: a zero from the padding would win a max
        x = -np.abs(x) - 1
    return x.astype(dtype)


def check_pool(fn, torch_fn, x, kernel_size, stride, padding, *, extra_mistakes=()):
    """Call the learner's pooling, compare with torch_fn in float64, name the classic mistakes."""
    case = describe(x=x, kernel_size=kernel_size, stride=stride, padding=padding)
    kwargs = {**({} if stride is None else {"stride": stride}), **({"padding": padding} if padding else {})}
    before = snapshot(x=x)
    got = call(fn, x, kernel_size, **kwargs)  # stride omitted when None: the default must be right
    expect_unchanged(before, {"x": x}, case=case)

    X = torch.from_numpy(x).double()
    k, s, p = pair(kernel_size), pair(kernel_size if stride is None else stride), pair(padding)
    ref = lambda k=k, s=s, p=p, **kw: torch_fn(X, k, s, p, **kw)  # noqa: E731
    expected = ref()
    N, C, H, W = x.shape
    given_pairs = any(not isinstance(a, int) for a in (kernel_size, stride, padding) if a is not None)
    squared = MISTAKE.square_only if not given_pairs else MISTAKE.pair_as_int
    mistakes = {}
    if stride is None and s != (1, 1):
        mistakes[MISTAKE.stride_one] = lambda: ref(s=(1, 1))
    if p != (0, 0):
        mistakes[MISTAKE.padding_ignored] = lambda: ref(p=(0, 0))
    mistakes[MISTAKE.rounded_up] = lambda: ref(ceil_mode=True)
    for mistake, variant in extra_mistakes:
        mistakes[mistake] = lambda variant=variant: variant(X, k, s, p)
    if (k[0], s[0], p[0]) != (k[1], s[1], p[1]):
        # Height parameters used for the width too: try each way, keep the one nearest the output.
        swaps = [dict(k=(k[0], k[0] if a else k[1]), s=(s[0], s[0] if b else s[1]), p=(p[0], p[0] if c else p[1]))
                 for a in (0, 1) for b in (0, 1) for c in (0, 1) if a or b or c]
        mistakes[squared] = lambda: nearest(got, [lambda sw=sw: ref(**sw) for sw in swaps])

    def shape_hint(got_shape, expected_shape):
        mistake = matching_mistake(got, mistakes, rtol=1e-4, atol=1e-4)  # a whole variant first: it names the cause
        if mistake is not None:
            return mistake
        if len(got_shape) != 4 or got_shape[:2] != expected_shape[:2]:
            return None
        (gH, gW), (eH, eW) = got_shape[2:], expected_shape[2:]
        if gH == eH and gW != eW and gW == out_size(H, k[0], s[0], p[0]):
            return squared
        for rule in (True, False):  # ceil with or without PyTorch's "last window starts inside" rule
            if (gH, gW) == (ceil_out_size(H, k[0], s[0], p[0], rule), ceil_out_size(W, k[1], s[1], p[1], rule)):
                return MISTAKE.rounded_up
        if abs(gH - eH) <= 1 and abs(gW - eW) <= 1:
            return MISTAKE.off_by_one
        return None

    expect_close(got, expected, case=case, dtype=x.dtype, rtol=RTOL[x.dtype.type], atol=ATOL[x.dtype.type],
                 mistakes=mistakes, shape_hint=shape_hint)


def nearest(got, variants):
    """Of several ways to make one mistake, the output nearest the learner's (same shape first)."""
    candidates = []
    for variant in variants:
        try:
            candidates.append(variant())
        except Exception:  # noqa: BLE001 - torch refuses this variant's arguments (e.g. padding > kernel / 2)
            pass
    g = np.asarray(got, dtype=np.float64)
    same = [c for c in candidates if tuple(c.shape) == g.shape]
    if not same:
        return candidates[0] if candidates else torch.empty(0)
    return min(same, key=lambda c: float(np.nan_to_num(np.abs(c.numpy() - g), nan=1e30).max(initial=0.0)))


# (seed, N, C, H, W, kernel_size, stride, padding, extra)
NAMED_CASES = {
    "smallest: 1x1x2x2 input, 2x2 kernel": (0, 1, 1, 2, 2, 2, None, 0, {}),
    "stride defaults to kernel_size": (1, 1, 1, 6, 6, 2, None, 0, {}),
    "overlapping windows (stride 1)": (2, 1, 2, 5, 5, 3, 1, 0, {}),
    "stride larger than the kernel": (3, 1, 2, 9, 9, 2, 3, 0, {}),
    "padding 1 (3x3, stride 2, as in ResNet)": (4, 2, 2, 7, 7, 3, 2, 1, {}),
    "all-negative input with padding": (5, 2, 2, 6, 6, 3, 2, 1, {"negative": True}),
    "kernel = input size (global pooling)": (6, 2, 3, 5, 7, (5, 7), None, 0, {}),
    "kernel = padded input size": (7, 1, 2, 4, 4, 6, None, 1, {}),
    "non-square input and kernel": (8, 2, 3, 6, 9, (2, 3), None, 0, {}),
    "kernel, stride and padding as pairs": (9, 2, 2, 7, 6, (3, 2), (2, 1), (1, 0), {}),
    "batch of 1": (10, 1, 3, 6, 6, 2, None, 0, {}),
    "rows no window reaches are dropped": (11, 1, 1, 5, 7, 2, None, 0, {}),
    "1x1 kernel, stride 2 (subsampling)": (12, 2, 2, 5, 6, 1, 2, 0, {}),
    "float32 input": (13, 2, 3, 8, 8, 3, 2, 1, {"dtype": np.float32}),
}


def random_params(seed):
    rng = np.random.default_rng(500 + seed)
    kH, kW = (int(v) for v in rng.integers(1, 5, size=2))
    pH, pW = int(rng.integers(0, kH // 2 + 1)), int(rng.integers(0, kW // 2 + 1))
    stride = None if seed % 2 == 0 else (int(rng.integers(1, 4)), int(rng.integers(1, 4)))
    H, W = kH + int(rng.integers(0, 8)), kW + int(rng.integers(0, 8))
    extra = {"dtype": [np.float64, np.float32][seed % 2], "negative": seed == 3}
    return (seed, int(rng.integers(1, 4)), int(rng.integers(1, 4)), H, W, (kH, kW), stride, (pH, pW), extra)


def run_case(fn, torch_fn, params, extra_mistakes=()):
    seed, N, C, H, W, kernel_size, stride, padding, extra = params
    x = make_input(seed, N, C, H, W, **extra)
    check_pool(fn, torch_fn, x, kernel_size, stride, padding, extra_mistakes=extra_mistakes)


def zero_padded_max(X, k, s, p):
    return F.max_pool2d(F.pad(X, (p[1], p[1], p[0], p[0])), k, s, 0)


MAX_MISTAKES = [(MISTAKE.zero_padded_max, zero_padded_max)]


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    run_case(target.max_pool2d, F.max_pool2d, params, MAX_MISTAKES)


@pytest.mark.parametrize("seed", range(4), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    run_case(target.max_pool2d, F.max_pool2d, random_params(seed), MAX_MISTAKES)


SPEED_SHAPE = (1, 1, 512, 512)  # kernel 3, stride 2, padding 1: 256 x 256 outputs


def speed_check(fn, torch_fn, name, limit):
    """Measured (loaded 2-core machine): max: tap loop 0.3x, sliding_window_view 4-7x, a loop over output
    pixels 100-140x torch; avg: tap loop 0.8x, sliding_window_view 5-9x, prefix sums 8-15x, pixel loop 500x+."""
    x = make_input(0, *SPEED_SHAPE, dtype=np.float32)
    X = torch.from_numpy(x)
    call(fn, x, 3, stride=2, padding=1)  # a crash here is reported as a crash
    result = measure(lambda: fn(x, 3, stride=2, padding=1), lambda: torch_fn(X, 3, 2, 1),
                     limit=limit, reference_name=name)
    expect_fast(result, case=describe(x=x, kernel_size=3, stride=2, padding=1))


@pytest.mark.speed
def test_speed_against_torch(target):
    speed_check(target.max_pool2d, F.max_pool2d, "torch max_pool2d", limit=25)
