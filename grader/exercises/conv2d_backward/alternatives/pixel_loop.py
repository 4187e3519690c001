"""The definition, one output pixel of one sample and one output channel at a time."""
import numpy as np
from _base import conv_args

TOO_SLOW = True


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    (sH, sW), (pH, pW), x_pad = conv_args(x, stride, padding)
    N, C, H, W = x.shape
    O, _, kH, kW = weight.shape
    Ho, Wo = dout.shape[2:]
    dx_pad = np.zeros_like(x_pad)
    dweight = np.zeros_like(weight)
    for n in range(N):
        for o in range(O):
            for i in range(Ho):
                for j in range(Wo):
                    g = dout[n, o, i, j]
                    window = (slice(i * sH, i * sH + kH), slice(j * sW, j * sW + kW))
                    dweight[o] += g * x_pad[n][(slice(None), *window)]
                    dx_pad[n][(slice(None), *window)] += g * weight[o]
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy(), dweight, dout.sum(axis=(0, 2, 3))
