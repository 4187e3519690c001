"""Checks of exercises/conv2d_backward.py against torch autograd of F.conv2d in float64.

The oracle: F.conv2d(x, weight, bias) in float64 with requires_grad, and .backward(dout).
The classic mistakes are variants written out below (the transposed convolution with one step
changed), used only to name them.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, describe, expect_close, mistakes, numpy_speed, pair
from grader.check.family.pooling import call_given_pairs, conv_params, conv_space, fits_padded, out_size

MISTAKE = mistakes("conv2d_backward")


def make_case(seed, N, C, H, W, O, kH, kW, stride=1, padding=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    x = rng.standard_normal((N, C, H, W)).astype(dtype)
    w = rng.standard_normal((O, C, kH, kW)).astype(dtype)
    dout = rng.standard_normal((N, O, out_size(H, kH, sH, pH), out_size(W, kW, sW, pW))).astype(dtype)
    return x, w, dout, stride, padding


def autograd(x, w, dout, s, p):
    """(dx, dweight, dbias) of F.conv2d(x, w, b) by torch autograd in float64."""
    X, Wt = (torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, w))
    B = torch.zeros(w.shape[0], dtype=torch.float64, requires_grad=True)
    F.conv2d(X, Wt, B, stride=s, padding=p).backward(torch.tensor(dout, dtype=torch.float64))
    return X.grad, Wt.grad, B.grad


def dx_transposed_conv(G, Wt, H, W, s, p, *, flip=True, dilate=True, crop=True):
    """dx written out: dout dilated by the stride, padded by k - 1 (and the rows no window reached),
    correlated with the kernel flipped and its channels swapped, then the padding cropped. Each switch
    off is one classic mistake."""
    (sH, sW), (pH, pW) = s, p
    N, O, Ho, Wo = G.shape
    kH, kW = Wt.shape[2:]
    if dilate:
        g = G.new_zeros(N, O, (Ho - 1) * sH + 1, (Wo - 1) * sW + 1)
        g[:, :, ::sH, ::sW] = G
    else:  # dout's entries at positions i, j instead of i*sH, j*sW
        g = G
    Hp, Wp = H + 2 * pH, W + 2 * pW
    g = F.pad(g, (kW - 1, Wp - g.shape[3], kH - 1, Hp - g.shape[2]))  # (N, O, Hp + kH - 1, Wp + kW - 1)
    dx_pad = F.conv2d(g, (Wt.flip(-2, -1) if flip else Wt).transpose(0, 1))  # (N, C, Hp, Wp)
    return dx_pad[:, :, pH:pH + H, pW:pW + W] if crop else dx_pad


def dw_windows(X, G, kH, kW, s, p, *, strided=True):
    """dweight from the windows of x_pad: at the strided positions, or (a mistake) at every position."""
    (sH, sW), (pH, pW) = s, p
    Ho, Wo = G.shape[2:]
    win = F.pad(X, (pW, pW, pH, pH)).unfold(2, kH, 1).unfold(3, kW, 1)  # (N, C, H', W', kH, kW)
    win = (win[:, :, ::sH, ::sW] if strided else win)[:, :, :Ho, :Wo]  # (N, C, Ho, Wo, kH, kW)
    return torch.einsum("nohw,nchwuv->ocuv", G, win)


def check_case(target, params):
    x, w, dout, stride, padding = make_case(**params)
    case = describe(x=x, weight=w, dout=dout, stride=stride, padding=padding)
    got = call_given_pairs(target.conv2d_backward, x, w, dout, stride=stride, padding=padding, case=case,
                           pair_mistake=MISTAKE.square_only)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure(f"expected a tuple (dx, dweight, dbias), got {type(got).__name__}", case=case)
    s, p = pair(stride), pair(padding)
    dx, dw, db = autograd(x, w, dout, s, p)
    X, Wt, G = (torch.tensor(a, dtype=torch.float64) for a in (x, w, dout))
    (N, C, H, W), (kH, kW), dtype = x.shape, w.shape[2:], x.dtype
    by_hand = lambda **kw: dx_transposed_conv(G, Wt, H, W, s, p, **kw)  # noqa: E731
    dx_mistakes = {MISTAKE.not_flipped: lambda: by_hand(flip=False),
                   MISTAKE.not_cropped: [lambda: by_hand(crop=False), lambda: by_hand(crop=False)[:, :, :H, :W]]}
    if s != (1, 1):
        dx_mistakes[MISTAKE.strided_positions] = lambda: by_hand(dilate=False)
    expect_close(got[0], dx, case=case, dtype=dtype, what="dx", mistakes=dx_mistakes)
    dw_mistakes = {MISTAKE.strided_positions: lambda: dw_windows(X, G, kH, kW, s, p, strided=False)} if s != (1, 1) else {}
    expect_close(got[1], dw, case=case, dtype=dtype, what="dweight", mistakes=dw_mistakes)
    expect_close(got[2], db, case=case, dtype=dtype, what="dbias",
                 mistakes={MISTAKE.dbias_not_summed: [lambda: G.mean((0, 2, 3)), lambda: G.sum((2, 3)),
                                                      lambda: G[0].sum((1, 2)), lambda: G.sum(0),
                                                      lambda: G.sum((0, 2)), lambda: G.sum((0, 3)),
                                                      lambda: G.sum()]})


NAMED_CASES = {
    "smallest: 1x1x3x3 input, 2x2 kernel": dict(seed=0, N=1, C=1, H=3, W=3, O=1, kH=2, kW=2),
    "several input and output channels": dict(seed=1, N=2, C=3, H=5, W=5, O=4, kH=3, kW=3),
    "padding 1: crop it off dx": dict(seed=2, N=2, C=2, H=5, W=5, O=3, kH=3, kW=3, padding=1),
    "stride 2": dict(seed=3, N=2, C=2, H=7, W=7, O=2, kH=3, kW=3, stride=2),
    "stride larger than the kernel: pixels no window reads": dict(seed=4, N=1, C=2, H=8, W=8, O=2, kH=2, kW=2,
                                                                   stride=3),
    "last row and column no window reaches": dict(seed=5, N=2, C=2, H=6, W=6, O=2, kH=3, kW=3, stride=2),
    "non-square input and kernel": dict(seed=6, N=2, C=3, H=7, W=5, O=2, kH=3, kW=2),
    "stride and padding as (h, w) pairs": dict(seed=7, N=2, C=2, H=7, W=6, O=3, kH=3, kW=2,
                                               stride=(2, 1), padding=(1, 2)),
    "kernel as large as the padded input": dict(seed=8, N=2, C=2, H=4, W=5, O=3, kH=6, kW=7, padding=1),
    "1x1 kernel, stride 2": dict(seed=9, N=2, C=3, H=5, W=6, O=2, kH=1, kW=1, stride=2),
    "float32": dict(seed=10, N=2, C=3, H=8, W=8, O=4, kH=3, kW=3, stride=2, padding=1, dtype=np.float32),
}

SPACE = conv_space(fits_padded, salt=700)

CASES = Cases.spanning(lambda target, params: check_case(target, conv_params(params)), SPACE, NAMED_CASES,
                       name="matches torch autograd")


def torch_reference(x, weight, dout, stride=1, padding=0):
    x, weight = x.detach().requires_grad_(), weight.detach().requires_grad_()
    bias = torch.zeros(weight.shape[0], dtype=weight.dtype, requires_grad=True)
    F.conv2d(x, weight, bias, stride=stride, padding=padding).backward(dout)
    return x.grad, weight.grad, bias.grad


def speed_case():
    x, w, dout, stride, padding = make_case(0, N=8, C=16, H=32, W=32, O=32, kH=3, kW=3, padding=1, dtype=np.float32)
    return dict(x=x, weight=w, dout=dout), dict(stride=stride, padding=padding)


SPEED = numpy_speed("conv2d_backward", torch_reference, speed_case, limit=40,
                    reference_name="torch autograd of conv2d")
