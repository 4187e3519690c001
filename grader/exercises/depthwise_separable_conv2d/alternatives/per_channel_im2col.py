"""Correct: im2col per channel (a batched matmul over channels), then a tensordot for the pointwise step."""
import numpy as np


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    kH, kW = depthwise_weight.shape[2:]
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    cols = np.empty((C, kH * kW, N * H_out * W_out), dtype=x.dtype)
    for u in range(kH):
        for v in range(kW):
            patch = x_pad[:, :, u:u + sH * H_out:sH, v:v + sW * W_out:sW][:, :, :H_out, :W_out]
            cols[:, u * kW + v] = patch.transpose(1, 0, 2, 3).reshape(C, -1)
    y = np.matmul(depthwise_weight.reshape(C, 1, kH * kW), cols)  # (C, 1, N*H_out*W_out)
    y = y.reshape(C, N, H_out, W_out)
    out = np.tensordot(pointwise_weight[:, :, 0, 0], y, axes=([1], [0]))  # (O, N, H_out, W_out)
    return np.ascontiguousarray(out.transpose(1, 0, 2, 3)).astype(x.dtype)
