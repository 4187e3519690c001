"""A loop over the kH*kW kernel taps: each tap is one strided slice of x_pad, for dweight and dx alike."""
import numpy as np
from _base import conv_args


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    (sH, sW), (pH, pW), x_pad = conv_args(x, stride, padding)
    H, W = x.shape[2:]
    kH, kW = weight.shape[2:]
    Ho, Wo = dout.shape[2:]
    dx_pad = np.zeros_like(x_pad)
    dweight = np.empty_like(weight)
    for u in range(kH):
        for v in range(kW):
            rows, cols = slice(u, u + sH * (Ho - 1) + 1, sH), slice(v, v + sW * (Wo - 1) + 1, sW)
            dweight[:, :, u, v] = np.einsum("noij,ncij->oc", dout, x_pad[:, :, rows, cols])
            dx_pad[:, :, rows, cols] += np.einsum("noij,oc->ncij", dout, weight[:, :, u, v])
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy(), dweight, dout.sum(axis=(0, 2, 3))
