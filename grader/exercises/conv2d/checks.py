"""Checks of exercises/conv2d.py against torch.nn.functional.conv2d in float64."""
from __future__ import annotations

import numpy as np
import torch
from torch.nn.functional import conv2d as torch_conv2d  # bound before the learner's code runs
from torch.nn.functional import pad as torch_pad

from grader.check import Arg, Cases, describe, expect_close, mistakes, numpy_speed, pair
from grader.check.family.pooling import call_given_pairs, conv_params, conv_space, fits_padded, out_size

MISTAKE = mistakes("conv2d")


def make_case(seed, N, C, H, W, O, kH, kW, stride=1, padding=0, bias=True, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, C, H, W)).astype(dtype)
    w = rng.standard_normal((O, C, kH, kW)).astype(dtype)
    b = rng.standard_normal(O).astype(dtype) if bias else None
    return x, w, b, stride, padding


def check_case(conv2d, x, w, b, stride, padding):
    case = describe(x=x, weight=w, bias=b, stride=stride, padding=padding)
    got = call_given_pairs(conv2d, x, w, b, stride=stride, padding=padding, case=case, pair_mistake=MISTAKE.square_only)

    t = lambda a: None if a is None else torch.from_numpy(a).double()  # noqa: E731
    X, Wt, B = t(x), t(w), t(b)
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    ref = lambda X=X, Wt=Wt, B=B, s=(sH, sW), p=(pH, pW): torch_conv2d(X, Wt, B, stride=s, padding=p)  # noqa: E731
    expected = ref()
    N, C, H, W = x.shape
    O, _, kH, kW = w.shape

    mistakes = {MISTAKE.flipped: lambda: ref(Wt=Wt.flip(-2, -1)),
                MISTAKE.first_channel: lambda: ref(X=X[:, :1], Wt=Wt[:, :1]),
                MISTAKE.mean_channels: lambda: ref(B=None) / C + (0 if B is None else B[None, :, None, None]),
                MISTAKE.batch_reused: lambda: ref(X=X[:1].expand_as(X)),
                MISTAKE.padding_twice: lambda: ref(p=(2 * pH, 2 * pW)),
                MISTAKE.pair_as_int: lambda: ref(s=(sH, sH), p=(pH, pH)),
                MISTAKE.square_only: lambda: ref(s=(sH, sH), p=(pH, pH)),
                MISTAKE.padding_ignored: lambda: ref(p=(0, 0)),  # after pair_as_int: the same when pH = 0
                # p zeros on one side only (top-left or bottom-right): H + p instead of H + 2p.
                MISTAKE.padding_once: [lambda: ref(X=torch_pad(X, (pW, 0, pH, 0)), p=(0, 0)),
                                       lambda: ref(X=torch_pad(X, (0, pW, 0, pH)), p=(0, 0))]}
    if (sH, sW) != (1, 1):
        mistakes[MISTAKE.stride_ignored] = lambda: ref(s=(1, 1))
    if B is not None:
        mistakes[MISTAKE.no_bias] = lambda: ref(B=None)
        mistakes[MISTAKE.bias_axis] = lambda: ref(B=None) + B[None, None, None, :]

    def shape_hint(got_shape, expected_shape):
        if len(got_shape) != 4 or got_shape[:2] != expected_shape[:2]:
            return None
        gH, gW = got_shape[2:]
        eH, eW = expected_shape[2:]
        if (pH == 0 and gH <= 0) or (pW == 0 and gW <= 0):
            return MISTAKE.zero_padding_breaks
        if (gH, gW) == (out_size(H, kH, sH, pH / 2) // 1, out_size(W, kW, sW, pW / 2) // 1) and (pH or pW):
            return MISTAKE.padding_once
        if (gH, gW) == (out_size(H, kH, sH, 2 * pH), out_size(W, kW, sW, 2 * pW)) and (pH or pW):
            return MISTAKE.padding_twice
        # The width computed from height terms: from the input's height H, that is square-only code whatever
        # the arguments; from the height's stride or padding only, a pair read as one number when pairs came.
        from_h = {out_size(H, kW if b_ else kH, sW if c else sH, pW if d else pH)
                  for b_ in (0, 1) for c in (0, 1) for d in (0, 1)} - {eW} if H != W else set()
        squares = {(out_size(W if a else H, kW if b_ else kH, sW if c else sH, pW if d else pH))
                   for a in (0, 1) for b_ in (0, 1) for c in (0, 1) for d in (0, 1)} - {eW}
        if gH == eH and gW in from_h:
            return MISTAKE.square_only
        if gH == eH and gW in squares:
            return MISTAKE.pair_as_int if not isinstance(stride, int) or not isinstance(padding, int) else MISTAKE.square_only
        if abs(gH - eH) <= 1 and abs(gW - eW) <= 1:
            return MISTAKE.off_by_one
        return None

    expect_close(got, expected, case=case, dtype=x.dtype, mistakes=mistakes, shape_hint=shape_hint)


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


SPACE = conv_space(fits_padded, salt=100, bias=Arg([True, False], draw=lambda rng: bool(rng.integers(2))))

CASES = Cases.spanning(lambda target, params: check_case(target.conv2d, *make_case(**conv_params(params))),
                       SPACE, NAMED_CASES)


def speed_case():
    x, w, b, stride, padding = make_case(0, N=8, C=16, H=32, W=32, O=32, kH=3, kW=3, padding=1, dtype=np.float32)
    return dict(x=x, weight=w, bias=b), dict(stride=stride, padding=padding)


SPEED = numpy_speed("conv2d", torch_conv2d, speed_case, limit=80, reference_name="torch conv2d")
