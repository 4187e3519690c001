"""Correct but slow: loops over every output pixel. Passes correctness, fails the speed check."""
import numpy as np

TOO_SLOW = True


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    kH, kW = depthwise_weight.shape[2:]
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    y = np.zeros((N, C, H_out, W_out), dtype=x.dtype)
    for i in range(H_out):
        for j in range(W_out):
            window = x_pad[:, :, i * sH:i * sH + kH, j * sW:j * sW + kW]  # (N, C, kH, kW)
            y[:, :, i, j] = np.sum(window * depthwise_weight[None, :, 0], axis=(2, 3))
    out = np.einsum("oc,nchw->nohw", pointwise_weight[:, :, 0, 0], y)
    return out.astype(x.dtype)
