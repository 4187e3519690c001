"""The definition, window by window."""
import numpy as np

TOO_SLOW = True


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    kH, kW = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    stride = kernel_size if stride is None else stride
    sH, sW = (stride, stride) if isinstance(stride, int) else tuple(stride)
    pH, pW = (padding, padding) if isinstance(padding, int) else tuple(padding)
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=-np.inf)
    dx_pad = np.zeros_like(x_pad)
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    window = x_pad[n, c, i * sH:i * sH + kH, j * sW:j * sW + kW]
                    u, v = divmod(int(window.argmax()), kW)
                    dx_pad[n, c, i * sH + u, j * sW + v] += dout[n, c, i, j]
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy()
