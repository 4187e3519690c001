"""Correct: accumulate one tensordot per kernel tap (kH*kW Python iterations)."""
import numpy as np


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    O, _, kH, kW = weight.shape
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    out = np.zeros((N, O, H_out, W_out), dtype=x.dtype)
    for u in range(kH):
        for v in range(kW):
            patch = x_pad[:, :, u:u + sH * H_out:sH, v:v + sW * W_out:sW]  # (N, C, H_out, W_out)
            out += np.einsum("nchw,oc->nohw", patch, weight[:, :, u, v])
    if bias is not None:
        out += bias[None, :, None, None]
    return out
