"""Checks of exercises/max_pool2d_backward.py against torch autograd of F.max_pool2d in float64.

The oracle: F.max_pool2d(x, kernel_size, stride, padding) in float64 with requires_grad, and
.backward(dout). On CPU torch routes each window's gradient to its FIRST maximum in row-major order
(a strict `>` scan), which the docstring states; inputs made of small integers have many ties, so
that the tie rule and accumulation over overlapping windows are both tested. The classic mistakes
are variants written out below (a window-by-window router with one rule changed), used only to
name them.
"""
from __future__ import annotations

import zlib

import numpy as np
import torch
import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import (Arg, Cases, LearnerCrash, Space, call, describe, expect_close, mistakes,
                          numpy_speed, pair)
from grader.check.family.pooling import POOL_SPACE, POOL_TOLERANCE, call_given_pairs, out_size

MISTAKE = mistakes("max_pool2d_backward")
TOLERANCE = POOL_TOLERANCE


def make_case(seed, N, C, H, W, kernel_size, stride=None, padding=0, values="integers", dtype=np.float64):
    """x of small integers (ties in most windows), of normal draws, all below -1 (a zero from the
    padding would win every border window) or constant, and dout of the output's shape."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, C, H, W))
    if values == "integers":
        x = rng.integers(-2, 3, (N, C, H, W)).astype(np.float64)
    elif values == "negative":
        x = -np.abs(x) - 1
    elif values == "constant":
        x = np.ones_like(x)
    (kH, kW), (sH, sW), (pH, pW) = pair(kernel_size), pair(kernel_size if stride is None else stride), pair(padding)
    dout = rng.standard_normal((N, C, out_size(H, kH, sH, pH), out_size(W, kW, sW, pW)))
    return x.astype(dtype), dout.astype(dtype), kernel_size, stride, padding


def autograd(x, dout, k, s, p, *, crop_to=None):
    """dx of F.max_pool2d by torch autograd in float64; crop_to (H_out, W_out) keeps only the first
    outputs (the stride-1 mistake: windows of stride 1, as many as dout has)."""
    X = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out = F.max_pool2d(X, k, s, p)
    if crop_to is not None:
        out = out[:, :, :crop_to[0], :crop_to[1]]
    out.backward(torch.tensor(dout, dtype=torch.float64))
    return X.grad


def routed(x, dout, k, s, p, *, ties="first", combine="add", pad_value=-np.inf):
    """dx written out window by window, in row-major order of the outputs: each window sends its
    dout to its first maximum (ties="first"), to every tied maximum ("all") or splits it between
    them ("split"); where windows share a position their gradients add up (combine="add"), or the
    first / last window written wins ("first", "last")."""
    (kH, kW), (sH, sW), (pH, pW) = k, s, p
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    x_pad = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=pad_value)
    dx_pad = np.zeros_like(x_pad)
    written = np.zeros(x_pad.shape, dtype=bool)
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    window = x_pad[n, c, i * sH:i * sH + kH, j * sW:j * sW + kW]
                    hits = np.argwhere(window == window.max())  # row-major order
                    hits = hits[:1] if ties == "first" else hits
                    g = dout[n, c, i, j] / (len(hits) if ties == "split" else 1)
                    for u, v in hits:
                        a, b = i * sH + u, j * sW + v
                        if combine == "add":
                            dx_pad[n, c, a, b] += g
                        elif combine == "last" or not written[n, c, a, b]:
                            dx_pad[n, c, a, b] = g
                        written[n, c, a, b] = True
    return torch.from_numpy(dx_pad[:, :, pH:pH + H, pW:pW + W].copy())


def check_case(target, params):
    x, dout, kernel_size, stride, padding = make_case(**params)
    case = describe(x=x, dout=dout, kernel_size=kernel_size, stride=stride, padding=padding)
    kwargs = {**({} if stride is None else {"stride": stride}), **({"padding": padding} if padding else {})}
    # stride omitted when None: the default must be right
    fn = target.max_pool2d_backward
    k, s, p = pair(kernel_size), pair(kernel_size if stride is None else stride), pair(padding)
    expected = autograd(x, dout, k, s, p)
    try:
        got = call_given_pairs(fn, x, dout, kernel_size, case=case, pair_mistake=MISTAKE.square_only, **kwargs)
    except LearnerCrash as crash:
        # Crashes with the default stride, right with stride=kernel_size given: stride None read as 1.
        if crash.mistake is None and stride is None and s != (1, 1) and _right_with_stride_given(fn, x, dout, kernel_size, padding, expected):
            crash.mistake = MISTAKE.stride_one
        raise
    wrong = {MISTAKE.all_ties: [lambda: routed(x, dout, k, s, p, ties="all"),
                                lambda: routed(x, dout, k, s, p, ties="split")],
             MISTAKE.overwrite: [lambda: routed(x, dout, k, s, p, combine="last"),
                                 lambda: routed(x, dout, k, s, p, combine="first")]}
    if stride is None and s != (1, 1):
        wrong[MISTAKE.stride_one] = lambda: autograd(x, dout, k, (1, 1), p, crop_to=dout.shape[2:])
    if p != (0, 0):
        wrong[MISTAKE.zero_padded] = lambda: routed(x, dout, k, s, p, pad_value=0.0)
    expect_close(got, expected, case=case, dtype=x.dtype, mistakes=wrong)


def _right_with_stride_given(fn, x, dout, kernel_size, padding, expected):
    try:
        again = call(fn, x.copy(), dout.copy(), kernel_size, stride=kernel_size, padding=padding)
    except Exception:  # noqa: BLE001 - any failure of the second call: no evidence
        return False
    return isinstance(again, np.ndarray) and again.shape == tuple(expected.shape) and \
        np.allclose(again, expected.numpy(), rtol=1e-4, atol=1e-4)


NAMED_CASES = {
    "smallest: 1x1x2x2 input, 2x2 kernel": dict(seed=0, N=1, C=1, H=2, W=2, kernel_size=2, values="normal"),
    "stride defaults to kernel_size": dict(seed=1, N=1, C=2, H=6, W=6, kernel_size=2, values="normal"),
    "ties: the first maximum in row-major order": dict(seed=2, N=2, C=2, H=6, W=6, kernel_size=3),
    "overlapping windows accumulate (stride 1)": dict(seed=3, N=1, C=2, H=5, W=5, kernel_size=3, stride=1,
                                                     values="normal"),
    "overlapping windows with ties": dict(seed=4, N=2, C=2, H=6, W=7, kernel_size=3, stride=1),
    "padding 1 (3x3, stride 2, as in ResNet)": dict(seed=5, N=2, C=2, H=7, W=7, kernel_size=3, stride=2, padding=1),
    "all-negative input with padding": dict(seed=6, N=2, C=2, H=6, W=6, kernel_size=3, stride=2, padding=1,
                                            values="negative"),
    "stride larger than the kernel": dict(seed=7, N=1, C=2, H=9, W=9, kernel_size=2, stride=3, values="normal"),
    "rows no window reaches get zero gradient": dict(seed=8, N=1, C=1, H=5, W=7, kernel_size=2),
    "kernel = input size (global pooling)": dict(seed=9, N=2, C=3, H=5, W=7, kernel_size=(5, 7)),
    "non-square input and kernel": dict(seed=10, N=2, C=3, H=6, W=9, kernel_size=(2, 3), values="normal"),
    "kernel, stride and padding as pairs": dict(seed=11, N=2, C=2, H=7, W=6, kernel_size=(3, 2), stride=(2, 1),
                                                padding=(1, 0)),
    "constant input: every window a tie": dict(seed=12, N=1, C=1, H=4, W=4, kernel_size=2, stride=1,
                                               values="constant"),
    "float32": dict(seed=13, N=2, C=3, H=8, W=8, kernel_size=3, stride=2, padding=1, dtype=np.float32),
}


def _label(case):
    stride = "stride default" if case["stride"] is None else f"stride {case['stride']}"
    dtype = "" if case["dtype"] is np.float64 else f", {np.dtype(case['dtype'])}"
    return (f"kernel {case['kernel_size']}, {stride}, padding {case['padding']}, "
            f"{case['N']}x{case['C']}x{case['H']}x{case['W']} {case['values']} input{dtype}")


# max_pool2d's space of arguments, with integer inputs (ties) among the values.
SPACE = Space(**{k: a for k, a in POOL_SPACE.args.items() if k != "negative"},
              values=Arg(["integers", "normal"],
                         draw=lambda rng: ["integers", "normal", "negative"][int(rng.integers(3))]),
              valid=POOL_SPACE.valid, label=_label, salt=803)


def check(target, params):
    if "seed" not in params:  # a case of SPACE: its seed from its label, the same on every run
        params = dict(seed=zlib.crc32(_label(params).encode()), **params)
    check_case(target, params)


CASES = Cases.spanning(check, SPACE, NAMED_CASES, name="matches torch autograd")


def torch_reference(x, dout, kernel_size, stride=None, padding=0):
    x = x.detach().requires_grad_()
    F.max_pool2d(x, kernel_size, stride, padding).backward(dout)
    return x.grad


def speed_case():  # kernel 3, stride 2, padding 1: 256 x 256 outputs
    x, dout, kernel_size, stride, padding = make_case(0, 1, 1, 512, 512, 3, 2, 1, values="normal", dtype=np.float32)
    return dict(x=x, dout=dout, kernel_size=kernel_size), dict(stride=stride, padding=padding)


SPEED = numpy_speed("max_pool2d_backward", torch_reference, speed_case, limit=12,
                    reference_name="torch autograd of max_pool2d")
