"""Not a mutant: a correct conv2d backward with one switch per classic mistake, so each mutant differs by one."""
import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def backward(x, weight, dout, stride=1, padding=0, *, flip=True, crop=True, dilate=True, dbias_axes=(0, 2, 3),
             dbias_mean=False):
    N, C, H, W = x.shape
    O, _, kH, kW = weight.shape
    Ho, Wo = dout.shape[2:]
    (sH, sW), (pH, pW) = _pair(stride), _pair(padding)
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    win = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))
    step_h, step_w = (sH, sW) if dilate else (1, 1)
    win = win[:, :, ::step_h, ::step_w][:, :, :Ho, :Wo]
    dweight = np.tensordot(dout, win, axes=([0, 2, 3], [0, 2, 3]))
    kernel = weight[:, :, ::-1, ::-1] if flip else weight
    dx_pad = np.zeros_like(x_pad)
    # Scatter tap by tap: output pixel (i, j) reached x_pad[i*sH + u, j*sW + v] through tap (u, v).
    for u in range(kH):
        for v in range(kW):
            rows = slice(u, u + step_h * (Ho - 1) + 1, step_h)
            cols = slice(v, v + step_w * (Wo - 1) + 1, step_w)
            dx_pad[:, :, rows, cols] += np.einsum("noij,oc->ncij", dout, kernel[:, :, kH - 1 - u, kW - 1 - v])
    dx = dx_pad[:, :, pH:pH + H, pW:pW + W] if crop else dx_pad
    dbias = dout.mean(axis=dbias_axes) if dbias_mean else dout.sum(axis=dbias_axes)
    return dx, dweight.astype(x.dtype), dbias
