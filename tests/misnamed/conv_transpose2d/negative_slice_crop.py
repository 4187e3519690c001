"""A transposed convolution written as a scatter-add, cropping its padding with x[p:-p]: right for p >= 1,
an empty output at p = 0. Once told "output size of a convolution"."""
import numpy as np

EXPECTED_MISTAKE = "crop x[p:-p] empty at padding 0"


def conv_transpose2d(x, weight, stride=1, padding=0):
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    n, c, h, w = x.shape
    _, o, kh, kw = weight.shape
    full = np.zeros((n, o, (h - 1) * sh + kh, (w - 1) * sw + kw), dtype=x.dtype)
    for i in range(h):
        for j in range(w):
            # (n, c) @ (c, o*kh*kw) -> (n, o, kh, kw): pixel (i, j) paints its kernel at (i*sh, j*sw)
            patch = (x[:, :, i, j] @ weight.reshape(c, -1)).reshape(n, o, kh, kw)
            full[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] += patch
    return full[:, :, ph:-ph, pw:-pw]
