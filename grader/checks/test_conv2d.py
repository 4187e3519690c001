"""Checks of exercises/conv2d.py against torch.nn.functional.conv2d in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.nn.functional import conv2d as torch_conv2d  # bound before the learner's code runs

from grader.checking import Mistake, describe, expect_close, expect_no_banned_calls, expect_unchanged, pair, snapshot
from grader.learner import call
from grader.speed import expect_fast, measure

FLIPPED = Mistake("flipped kernel", "you computed a true convolution (kernel rotated by 180°); "
                  "PyTorch's conv2d is cross-correlation: slide the kernel as it is", "cross-correlation-not-convolution")
NO_BIAS = Mistake("bias ignored", "the output matches conv2d without the bias: add bias[o] to every pixel of "
                  "output channel o", "bias")
BIAS_AXIS = Mistake("bias on the wrong axis", "bias was broadcast along the last (width) axis; it belongs to the "
                    "channel axis: bias[None, :, None, None]", "bias")
FIRST_CHANNEL = Mistake("input channels not summed", "only the first input channel contributes; every output "
                        "pixel sums over all C_in input channels", "the-formula")
MEAN_CHANNELS = Mistake("channels averaged, not summed", "the output is the right one divided by C_in: sum over "
                        "input channels, do not average", "the-formula")
BATCH_REUSED = Mistake("one sample reused for the batch", "every sample's output equals sample 0's: index "
                       "x[n], not x[0], inside the batch loop", "the-formula")
OFF_BY_ONE = Mistake("off-by-one output size", "H_out = (H + 2*pH - kH) // sH + 1 — check the +1 and the "
                     "floor division", "output-size")
PADDING_ONCE = Mistake("padding counted once", "padding adds pH rows on top AND on the bottom: H + 2*pH", "output-size")
PADDING_TWICE = Mistake("padding counted twice", "the output is as if 2*pH zeros were added on each side", "output-size")
SQUARE_ONLY = Mistake("square-only code", "the width was computed from the height (H for W, kH for kW, "
                      "sH for sW or pH for pW); inputs and kernels may be non-square", "output-size")
PAIR_AS_INT = Mistake("pair read as one number", "stride/padding given as a pair (h, w) was used as a single "
                      "number for both axes", "stride-and-padding")
ZERO_PADDING_BREAKS = Mistake("breaks when padding is 0", "a slice like x[p:-p] is empty when p = 0 "
                              "(-0 is 0); use x[p:H+p] or np.pad", "padding")

RTOL = {np.float32: 1e-4, np.float64: 1e-7}
ATOL = {np.float32: 1e-4, np.float64: 1e-9}


def _out_size(size, k, s, p):
    return (size + 2 * p - k) // s + 1


def make_case(seed, N, C, H, W, O, kH, kW, stride=1, padding=0, bias=True, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, C, H, W)).astype(dtype)
    w = rng.standard_normal((O, C, kH, kW)).astype(dtype)
    b = rng.standard_normal(O).astype(dtype) if bias else None
    return x, w, b, stride, padding


def check_case(conv2d, x, w, b, stride, padding):
    case = describe(x=x, weight=w, bias=b, stride=stride, padding=padding)
    before = snapshot(x=x, weight=w, **({"bias": b} if b is not None else {}))
    got = call(conv2d, x, w, b, stride=stride, padding=padding)
    expect_unchanged(before, {"x": x, "weight": w, "bias": b}, case=case)

    t = lambda a: None if a is None else torch.from_numpy(a).double()  # noqa: E731
    X, Wt, B = t(x), t(w), t(b)
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    ref = lambda X=X, Wt=Wt, B=B, s=(sH, sW), p=(pH, pW): torch_conv2d(X, Wt, B, stride=s, padding=p)  # noqa: E731
    expected = ref()
    N, C, H, W = x.shape
    O, _, kH, kW = w.shape

    mistakes = {FLIPPED: lambda: ref(Wt=Wt.flip(-2, -1)),
                FIRST_CHANNEL: lambda: ref(X=X[:, :1], Wt=Wt[:, :1]),
                MEAN_CHANNELS: lambda: ref(B=None) / C + (0 if B is None else B[None, :, None, None]),
                BATCH_REUSED: lambda: ref(X=X[:1].expand_as(X)),
                PADDING_TWICE: lambda: ref(p=(2 * pH, 2 * pW)),
                PAIR_AS_INT: lambda: ref(s=(sH, sH), p=(pH, pH)),
                SQUARE_ONLY: lambda: ref(s=(sH, sH), p=(pH, pH))}
    if B is not None:
        mistakes[NO_BIAS] = lambda: ref(B=None)
        mistakes[BIAS_AXIS] = lambda: ref(B=None) + B[None, None, None, :]
    for m in (FIRST_CHANNEL, MEAN_CHANNELS, BATCH_REUSED):
        if (m is BATCH_REUSED and N == 1) or (m is not BATCH_REUSED and C == 1):
            mistakes.pop(m)  # indistinguishable from the right answer in this case

    def shape_hint(got_shape, expected_shape):
        if len(got_shape) != 4 or got_shape[:2] != expected_shape[:2]:
            return None
        gH, gW = got_shape[2:]
        eH, eW = expected_shape[2:]
        if (pH == 0 and gH <= 0) or (pW == 0 and gW <= 0):
            return ZERO_PADDING_BREAKS
        if (gH, gW) == (_out_size(H, kH, sH, pH / 2) // 1, _out_size(W, kW, sW, pW / 2) // 1) and (pH or pW):
            return PADDING_ONCE
        if (gH, gW) == (_out_size(H, kH, sH, 2 * pH), _out_size(W, kW, sW, 2 * pW)) and (pH or pW):
            return PADDING_TWICE
        squares = {(_out_size(W if a else H, kW if b_ else kH, sW if c else sH, pW if d else pH))
                   for a in (0, 1) for b_ in (0, 1) for c in (0, 1) for d in (0, 1)} - {eW}
        if gH == eH and gW in squares:
            return PAIR_AS_INT if not isinstance(stride, int) or not isinstance(padding, int) else SQUARE_ONLY
        if abs(gH - eH) <= 1 and abs(gW - eW) <= 1:
            return OFF_BY_ONE
        return None

    expect_close(got, expected, case=case, dtype=x.dtype, rtol=RTOL[x.dtype.type], atol=ATOL[x.dtype.type],
                 mistakes=mistakes, shape_hint=shape_hint)


NAMED_CASES = {
    "smallest: 1x1x3x3 input, 2x2 kernel": dict(seed=0, N=1, C=1, H=3, W=3, O=1, kH=2, kW=2, bias=False),
    "bias": dict(seed=1, N=1, C=1, H=4, W=4, O=2, kH=3, kW=3),
    "several input channels": dict(seed=2, N=1, C=3, H=5, W=5, O=2, kH=3, kW=3),
    "batch of 3": dict(seed=3, N=3, C=2, H=5, W=5, O=2, kH=3, kW=3),
    "1x1 kernel": dict(seed=4, N=2, C=3, H=4, W=5, O=4, kH=1, kW=1),
    "padding 1": dict(seed=5, N=2, C=2, H=5, W=5, O=3, kH=3, kW=3, padding=1),
    "padding 2, no bias": dict(seed=6, N=1, C=2, H=4, W=4, O=2, kH=3, kW=3, padding=2, bias=False),
    "stride 2": dict(seed=7, N=2, C=2, H=7, W=7, O=2, kH=3, kW=3, stride=2),
    "stride larger than the kernel": dict(seed=8, N=1, C=2, H=9, W=9, O=2, kH=2, kW=2, stride=3),
    "non-square input and kernel": dict(seed=9, N=2, C=3, H=7, W=5, O=4, kH=3, kW=2),
    "kernel as large as the padded input": dict(seed=10, N=2, C=2, H=4, W=5, O=3, kH=6, kW=7, padding=1),
    "stride and padding as (h, w) pairs": dict(seed=11, N=2, C=2, H=7, W=6, O=3, kH=3, kW=2,
                                               stride=(2, 1), padding=(1, 2)),
    "bias shape matches width": dict(seed=12, N=1, C=2, H=6, W=6, O=4, kH=3, kW=3),
    "float32 input": dict(seed=13, N=2, C=3, H=8, W=8, O=4, kH=3, kW=3, padding=1, dtype=np.float32),
}


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    check_case(target.conv2d, *make_case(**params))


@pytest.mark.parametrize("seed", range(4), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    rng = np.random.default_rng(100 + seed)
    kH, kW = rng.integers(1, 5, size=2)
    sH, sW = rng.integers(1, 4, size=2)
    pH, pW = rng.integers(0, 3, size=2)
    H, W = kH + rng.integers(0, 8), kW + rng.integers(0, 8)
    params = dict(seed=seed, N=int(rng.integers(1, 4)), C=int(rng.integers(1, 5)), H=int(H), W=int(W),
                  O=int(rng.integers(1, 5)), kH=int(kH), kW=int(kW), stride=(int(sH), int(sW)),
                  padding=(int(pH), int(pW)), dtype=[np.float32, np.float64][seed % 2])
    check_case(target.conv2d, *make_case(**params))


@pytest.mark.rules
def test_uses_numpy_only(target_file, exercise):
    expect_no_banned_calls(target_file, exercise.banned, "this exercise is conv2d in NumPy")


@pytest.mark.speed
def test_speed_against_torch(target):
    x, w, b, stride, padding = make_case(0, N=8, C=16, H=32, W=32, O=32, kH=3, kW=3, padding=1, dtype=np.float32)
    X, Wt, B = torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b)
    call(target.conv2d, x, w, b, stride=stride, padding=padding)  # a crash here is reported as a crash
    result = measure(lambda: target.conv2d(x, w, b, stride=stride, padding=padding),
                     lambda: torch_conv2d(X, Wt, B, stride=stride, padding=padding),
                     limit=25, reference_name="torch conv2d")
    expect_fast(result, case=describe(x=x, weight=w, bias=b, stride=stride, padding=padding))
