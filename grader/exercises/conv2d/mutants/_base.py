"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def windows(x_pad, kH, kW, sH, sW, H_out, W_out):
    w = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))
    return w[:, :, ::sH, ::sW][:, :, :H_out, :W_out]


def correlate(x_pad, weight, sH, sW, H_out, W_out):
    O, C, kH, kW = weight.shape
    win = windows(x_pad, kH, kW, sH, sW, H_out, W_out)
    return np.tensordot(win, weight, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2)


def conv(x, weight, bias, sH, sW, pH, pW):
    """Correct conv2d once the stride and padding are resolved (the pair mistakes differ only in those)."""
    H_out = (x.shape[2] + 2 * pH - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] + 2 * pW - weight.shape[3]) // sW + 1
    out = correlate(np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW))), weight, sH, sW, H_out, W_out)
    return (out if bias is None else out + bias[None, :, None, None]).astype(x.dtype)
