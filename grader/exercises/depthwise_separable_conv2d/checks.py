"""Checks of exercises/depthwise_separable_conv2d.py against torch: F.conv2d(groups=C), then a 1x1 F.conv2d, in float64."""
from __future__ import annotations

import numpy as np
import torch
from torch.nn.functional import conv2d as torch_conv2d  # bound before the learner's code runs

from grader.check.family.pooling import conv_params, conv_space, fits_padded
from grader.check import (a_mistake_has_shape, call_unchanged, Cases, describe, expect_close, mistakes, numpy_speed,
                         pair)

MISTAKE = mistakes("depthwise_separable_conv2d")


def make_case(seed, N, C, H, W, O, kH, kW, stride=1, padding=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, C, H, W)).astype(dtype)
    dw = rng.standard_normal((C, 1, kH, kW)).astype(dtype)
    pw = rng.standard_normal((O, C, 1, 1)).astype(dtype)
    return x, dw, pw, stride, padding


def torch_reference(X, DW, PW, stride, padding):
    y = torch_conv2d(X, DW, stride=stride, padding=padding, groups=X.shape[1])  # depthwise
    return torch_conv2d(y, PW)  # pointwise


def check_case(fn, x, dw, pw, stride, padding):
    case = describe(x=x, depthwise_weight=dw, pointwise_weight=pw, stride=stride, padding=padding)
    got = call_unchanged(fn, x, dw, pw, stride=stride, padding=padding, case=case)

    X, DW, PW = (torch.from_numpy(a).double() for a in (x, dw, pw))
    s, p = pair(stride), pair(padding)
    C = X.shape[1]
    ref = lambda X=X, DW=DW, PW=PW, s=s, p=p: torch_reference(X, DW, PW, s, p)  # noqa: E731
    depthwise = lambda **kw: torch_conv2d(X, kw.get("DW", DW), stride=kw.get("s", s), padding=p, groups=C)  # noqa: E731
    mistakes = {
        MISTAKE.mixes_channels: lambda: torch_conv2d(torch_conv2d(X, DW.expand(C, C, *DW.shape[2:]), stride=s, padding=p), PW),
        MISTAKE.same_kernel: lambda: ref(DW=DW[:1].expand_as(DW)),
        MISTAKE.pointwise_transposed: lambda: ref(PW=PW.transpose(0, 1)),
        MISTAKE.steps_swapped: lambda: torch_conv2d(torch_conv2d(X, PW), DW, stride=s, padding=p, groups=C),
        MISTAKE.no_pointwise: lambda: depthwise(),
        MISTAKE.flipped: lambda: ref(DW=DW.flip(-2, -1)),
        MISTAKE.stride_twice: lambda: torch_conv2d(depthwise(), PW, stride=s),
        MISTAKE.padding_twice: lambda: torch_conv2d(depthwise(), PW, padding=p),
        MISTAKE.pair_as_int: lambda: ref(s=(s[0], s[0]), p=(p[0], p[0])),
    }
    if s != (1, 1):
        mistakes[MISTAKE.stride_ignored] = lambda: ref(s=(1, 1))

    def shape_hint(got_shape, expected_shape):
        if a_mistake_has_shape(mistakes, got_shape):  # that mistake is tried by value instead
            return None
        if len(got_shape) == 4 and got_shape[:2] == expected_shape[:2] and \
                all(abs(g - e) <= 2 for g, e in zip(got_shape[2:], expected_shape[2:])):
            return MISTAKE.off_by_one
        return None

    expect_close(got, ref(), case=case, dtype=x.dtype, mistakes=mistakes, shape_hint=shape_hint)


NAMED_CASES = {
    "smallest: one channel, 2x2 kernel on 3x3": dict(seed=0, N=1, C=1, H=3, W=3, O=1, kH=2, kW=2),
    "several channels, each its own kernel": dict(seed=1, N=1, C=3, H=5, W=5, O=3, kH=3, kW=3),
    "batch of 3": dict(seed=2, N=3, C=2, H=5, W=5, O=2, kH=3, kW=3),
    "more output channels than input channels (expand)": dict(seed=3, N=2, C=3, H=6, W=6, O=8, kH=3, kW=3),
    "fewer output channels (project)": dict(seed=4, N=2, C=6, H=5, W=5, O=2, kH=3, kW=3),
    "one output channel": dict(seed=5, N=2, C=4, H=5, W=5, O=1, kH=3, kW=3),
    "1x1 depthwise kernel (a per-channel scale)": dict(seed=6, N=2, C=3, H=4, W=5, O=4, kH=1, kW=1),
    "padding 1 (MobileNet's 'same' 3x3)": dict(seed=7, N=2, C=3, H=6, W=6, O=4, kH=3, kW=3, padding=1),
    "stride 2 (MobileNet's downsampling block)": dict(seed=8, N=2, C=3, H=7, W=7, O=4, kH=3, kW=3, stride=2,
                                                      padding=1),
    "stride larger than the kernel": dict(seed=9, N=1, C=2, H=9, W=9, O=3, kH=2, kW=2, stride=3),
    "non-square input and kernel": dict(seed=10, N=2, C=3, H=7, W=5, O=2, kH=3, kW=2),
    "stride and padding as (h, w) pairs": dict(seed=11, N=2, C=3, H=7, W=6, O=4, kH=3, kW=2, stride=(2, 1),
                                               padding=(1, 0)),
    "kernel as large as the padded input": dict(seed=12, N=2, C=2, H=3, W=4, O=3, kH=5, kW=6, padding=1),
    "float32 input": dict(seed=13, N=2, C=4, H=8, W=8, O=6, kH=3, kW=3, padding=1, dtype=np.float32),
}


CASES = Cases.spanning(
    lambda target, params: check_case(target.depthwise_separable_conv2d, *make_case(**conv_params(params))),
    conv_space(fits_padded, salt=300), NAMED_CASES)


def speed_case():
    x, dw, pw, stride, padding = make_case(0, N=1, C=4, H=128, W=128, O=8, kH=3, kW=3, padding=1, dtype=np.float32)
    return dict(x=x, depthwise_weight=dw, pointwise_weight=pw), dict(stride=stride, padding=padding)


SPEED = numpy_speed("depthwise_separable_conv2d", torch_reference, speed_case, limit=15,
                    reference_name="torch conv2d(groups=C) + 1x1 conv2d")
