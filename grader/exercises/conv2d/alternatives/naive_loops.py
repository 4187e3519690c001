"""Correct but slow: loops over every output pixel. Passes correctness, fails the speed check."""
import numpy as np

TOO_SLOW = True


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    O, _, kH, kW = weight.shape
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    out = np.zeros((N, O, H_out, W_out), dtype=x.dtype)
    for n in range(N):
        for o in range(O):
            for i in range(H_out):
                for j in range(W_out):
                    window = x_pad[n, :, i * sH:i * sH + kH, j * sW:j * sW + kW]
                    out[n, o, i, j] = np.sum(window * weight[o])
            if bias is not None:
                out[n, o] += bias[o]
    return out
