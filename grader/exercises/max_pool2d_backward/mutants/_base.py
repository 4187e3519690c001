"""Not a mutant: a correct max-pool backward with one switch per classic mistake, so each mutant differs by one."""
import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def backward(x, dout, kernel_size, stride=None, padding=0, *, ties="first", combine="add", default_stride=None,
             pad_value=-np.inf, sizes_from="dout"):
    kH, kW = _pair(kernel_size)
    sH, sW = _pair((kernel_size if default_stride is None else default_stride) if stride is None else stride)
    pH, pW = _pair(padding)
    N, C, H, W = x.shape
    if sizes_from == "dout":
        Ho, Wo = dout.shape[2:]
    else:
        Ho, Wo = (H + 2 * pH - kH) // sH + 1, (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=pad_value)
    win = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))[:, :, ::sH, ::sW][:, :, :Ho, :Wo]
    flat = win.reshape(N, C, Ho, Wo, kH * kW)
    if ties == "all":
        hit = flat == flat.max(axis=-1, keepdims=True)
    else:
        hit = np.arange(kH * kW) == flat.argmax(axis=-1)[..., None]
    # Flat index in x_pad of every window entry.
    n, c, i, j, t = np.indices(hit.shape, sparse=True)
    rows, cols = i * sH + t // kW, j * sW + t % kW
    index = ((n * C + c) * x_pad.shape[2] + rows) * x_pad.shape[3] + cols
    g = np.broadcast_to(dout[..., None], hit.shape)
    dx_pad = np.zeros(x_pad.size, dtype=x.dtype)
    if combine == "add":
        np.add.at(dx_pad, np.broadcast_to(index, hit.shape)[hit], g[hit])
    else:  # fancy assignment: one write per position survives
        dx_pad[np.broadcast_to(index, hit.shape)[hit]] = g[hit]
    dx_pad = dx_pad.reshape(x_pad.shape)
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy()
