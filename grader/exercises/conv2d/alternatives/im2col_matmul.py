"""Correct: explicit im2col with a loop over kernel taps, then one matrix product."""
import numpy as np


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    O, _, kH, kW = weight.shape
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    cols = np.empty((N, C, kH, kW, H_out, W_out), dtype=x.dtype)
    for u in range(kH):
        for v in range(kW):
            cols[:, :, u, v] = x_pad[:, :, u:u + sH * H_out:sH, v:v + sW * W_out:sW]
    cols = cols.reshape(N, C * kH * kW, H_out * W_out)  # (N, C*kH*kW, L)
    out = weight.reshape(O, -1) @ cols  # (N, O, L)
    out = out.reshape(N, O, H_out, W_out)
    if bias is not None:
        out += bias.reshape(1, O, 1, 1)
    return out
