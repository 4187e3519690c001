"""Not a hostile file: a correct conv2d the hostile files reuse when only their side effects are on trial."""
import numpy as np


def correct_conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW) = (stride, stride) if isinstance(stride, int) else stride
    (pH, pW) = (padding, padding) if isinstance(padding, int) else padding
    O, C, kH, kW = weight.shape
    H_out = (x.shape[2] + 2 * pH - kH) // sH + 1
    W_out = (x.shape[3] + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    win = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))
    win = win[:, :, ::sH, ::sW][:, :, :H_out, :W_out]  # (N, C, H_out, W_out, kH, kW)
    out = np.tensordot(win, weight, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return np.ascontiguousarray(out, dtype=x.dtype)
