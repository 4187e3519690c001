"""Correct: zero-dilate the input, pad by k-1-p, then cross-correlate with the flipped, channel-swapped kernel."""
import numpy as np


def conv_transpose2d(x, weight, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    _, O, kH, kW = weight.shape
    xd = np.zeros((N, C, (H - 1) * sH + 1, (W - 1) * sW + 1), dtype=x.dtype)
    xd[:, :, ::sH, ::sW] = x  # s-1 zeros between neighbours
    # k-1-p may be negative when p > k-1: pad what is positive, crop what is negative.
    eH, eW = kH - 1 - pH, kW - 1 - pW
    xd = np.pad(xd, ((0, 0), (0, 0), (max(eH, 0),) * 2, (max(eW, 0),) * 2))
    xd = xd[:, :, max(-eH, 0):xd.shape[2] - max(-eH, 0), max(-eW, 0):xd.shape[3] - max(-eW, 0)]
    w_conv = weight.transpose(1, 0, 2, 3)[:, :, ::-1, ::-1]  # (O, C, kH, kW), rotated by 180 degrees
    win = np.lib.stride_tricks.sliding_window_view(xd, (kH, kW), axis=(2, 3))
    out = np.tensordot(win, w_conv, axes=([1, 4, 5], [1, 2, 3]))  # (N, H_out, W_out, O)
    return np.ascontiguousarray(out.transpose(0, 3, 1, 2)).astype(x.dtype)
