"""The definition, window by window."""
import numpy as np
from _base import pool_args

TOO_SLOW = True


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    (kH, kW), (sH, sW), (pH, pW), x_pad = pool_args(x, kernel_size, stride, padding)
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    dx_pad = np.zeros_like(x_pad)
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    window = x_pad[n, c, i * sH:i * sH + kH, j * sW:j * sW + kW]
                    u, v = divmod(int(window.argmax()), kW)
                    dx_pad[n, c, i * sH + u, j * sW + v] += dout[n, c, i, j]
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy()
