"""A tap loop that assigns its slice instead of adding to it: the last tap written wins."""
import numpy as np

EXPECTED_MISTAKE = "gradient overwritten, not accumulated"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    kH, kW = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    stride = kernel_size if stride is None else stride
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=-np.inf)
    win = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))[:, :, ::sH, ::sW][:, :, :Ho, :Wo]
    first = win.reshape(N, C, Ho, Wo, kH * kW).argmax(axis=-1)
    dx_pad = np.zeros_like(x_pad)
    for t in range(kH * kW):
        u, v = divmod(t, kW)
        part = dx_pad[:, :, u:u + sH * (Ho - 1) + 1:sH, v:v + sW * (Wo - 1) + 1:sW]
        part[first == t] = dout[first == t]
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy()
