"""Checks of exercises/conv_transpose2d.py against torch.nn.functional.conv_transpose2d in float64."""
from __future__ import annotations

import numpy as np
import torch
from torch.nn.functional import conv_transpose2d as torch_conv_transpose2d  # bound before the learner's code runs
from torch.nn.functional import pad as torch_pad

from grader.check.family.pooling import conv_params, conv_space
from grader.check import (a_mistake_has_shape, call_unchanged, Cases, describe, expect_close, mistakes, numpy_speed,
                         pair)

MISTAKE = mistakes("conv_transpose2d")


def make_case(seed, N, C, H, W, O, kH, kW, stride=1, padding=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, C, H, W)).astype(dtype)
    w = rng.standard_normal((C, O, kH, kW)).astype(dtype)
    return x, w, stride, padding


def check_case(fn, x, w, stride, padding):
    case = describe(x=x, weight=w, stride=stride, padding=padding)
    got = call_unchanged(fn, x, w, stride=stride, padding=padding, case=case)

    X, Wt = torch.from_numpy(x).double(), torch.from_numpy(w).double()
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    ref = lambda X=X, Wt=Wt, s=(sH, sW), p=(pH, pW): torch_conv_transpose2d(X, Wt, stride=s, padding=p)  # noqa: E731
    N, C, H, W = x.shape
    _, O, kH, kW = w.shape

    mistakes = {
        MISTAKE.not_flipped: lambda: ref(Wt=Wt.flip(-2, -1)),
        MISTAKE.weight_swapped: lambda: ref(Wt=Wt.transpose(0, 1)),
        MISTAKE.channels_not_summed: lambda: ref(X=X[:, :1], Wt=Wt[:1]),
        MISTAKE.stride_ignored: lambda: ref(s=(1, 1)),
        MISTAKE.pair_as_int: lambda: ref(s=(sH, sH), p=(pH, pH)),
    }
    # Cropped as full[p:-p]: right for p >= 1, empty on an axis where p = 0 (-0 is 0).
    mistakes[MISTAKE.crop_empty_at_zero] = lambda: ref(p=(0, 0))[:, :, pH:-pH, pW:-pW]
    if pH or pW:
        Hf, Wf = (H - 1) * sH + kH, (W - 1) * sW + kW  # the full (uncropped) output
        # The full output cropped by 2p at the start or at the end: either way.
        mistakes[MISTAKE.padding_one_side] = [lambda: ref(p=(0, 0))[:, :, 2 * pH:, 2 * pW:],
                                              lambda: ref(p=(0, 0))[:, :, :Hf - 2 * pH, :Wf - 2 * pW]]
        mistakes[MISTAKE.padding_ignored] = lambda: ref(p=(0, 0))
        mistakes[MISTAKE.padding_added] = lambda: torch_pad(ref(p=(0, 0)), (pW, pW, pH, pH))
    if C == 1:
        mistakes.pop(MISTAKE.channels_not_summed)

    def shape_hint(got_shape, expected_shape):
        if a_mistake_has_shape(mistakes, got_shape):  # that mistake is tried by value instead
            return None
        if len(got_shape) != 4 or got_shape[:2] != expected_shape[:2]:
            return None
        if got_shape[2:] == (H * sH - 2 * pH + kH, W * sW - 2 * pW + kW):
            return MISTAKE.size_times_stride
        if got_shape[2:] == ((H + 2 * pH - kH) // sH + 1, (W + 2 * pW - kW) // sW + 1):
            return MISTAKE.conv_formula
        return MISTAKE.output_size

    expect_close(got, ref(), case=case, dtype=x.dtype, mistakes=mistakes, shape_hint=shape_hint)


NAMED_CASES = {
    "smallest: one pixel paints one 2x2 kernel": dict(seed=0, N=1, C=1, H=1, W=1, O=1, kH=2, kW=2),
    "stride 1: overlapping windows add up": dict(seed=1, N=1, C=1, H=3, W=3, O=1, kH=2, kW=2),
    "several input channels are summed": dict(seed=2, N=1, C=3, H=3, W=3, O=2, kH=3, kW=3),
    "C_in == C_out (a swapped weight would not crash)": dict(seed=3, N=1, C=3, H=4, W=4, O=3, kH=3, kW=3),
    "batch of 3": dict(seed=4, N=3, C=2, H=3, W=3, O=2, kH=2, kW=2),
    "U-Net up-conv: 2x2 kernel, stride 2 (windows side by side)": dict(seed=5, N=2, C=3, H=4, W=4, O=2, kH=2, kW=2,
                                                                       stride=2),
    "3x3 kernel, stride 2 (uneven overlap: checkerboard)": dict(seed=6, N=1, C=2, H=4, W=4, O=2, kH=3, kW=3,
                                                                stride=2),
    "DCGAN: 4x4 kernel, stride 2, padding 1 doubles the size": dict(seed=7, N=2, C=3, H=4, W=4, O=2, kH=4, kW=4,
                                                                    stride=2, padding=1),
    "stride larger than the kernel (zero gaps)": dict(seed=8, N=1, C=2, H=3, W=3, O=2, kH=2, kW=2, stride=3),
    "padding 1, stride 1 keeps the size": dict(seed=9, N=2, C=2, H=5, W=5, O=3, kH=3, kW=3, padding=1),
    "padding 2": dict(seed=10, N=1, C=2, H=4, W=4, O=2, kH=5, kW=5, stride=2, padding=2),
    "non-square input and kernel": dict(seed=11, N=2, C=3, H=3, W=5, O=2, kH=2, kW=3, stride=2),
    "stride and padding as (h, w) pairs": dict(seed=12, N=2, C=2, H=4, W=3, O=3, kH=3, kW=4, stride=(2, 1),
                                               padding=(1, 2)),
    "float32 input": dict(seed=13, N=2, C=4, H=5, W=5, O=3, kH=4, kW=4, stride=2, padding=1, dtype=np.float32),
}


def output_at_least_one(case):
    """The docstring's promise: the cropped output is at least 1x1."""
    (kH, kW), (sH, sW), (pH, pW) = (pair(case[k]) for k in ("kernel", "stride", "padding"))
    return (case["H"] - 1) * sH - 2 * pH + kH >= 1 and (case["W"] - 1) * sW - 2 * pW + kW >= 1


CASES = Cases.spanning(lambda target, params: check_case(target.conv_transpose2d, *make_case(**conv_params(params))),
                       conv_space(output_at_least_one, salt=400), NAMED_CASES)


def speed_case():
    x, w, stride, padding = make_case(0, N=1, C=4, H=128, W=128, O=4, kH=4, kW=4, stride=2, padding=1,
                                      dtype=np.float32)
    return dict(x=x, weight=w), dict(stride=stride, padding=padding)


SPEED = numpy_speed("conv_transpose2d", torch_conv_transpose2d, speed_case, limit=50,
                    reference_name="torch conv_transpose2d")
