"""Average pooling written for int kernel_size, stride and padding only: right on ints, a TypeError on
any pair. Once named "off-by-one output size" (from the few pair cases that do not crash); the crashes
on pairs, where the same call with ints runs, are the evidence of square-only code."""
import numpy as np

EXPECTED_MISTAKE = "square-only code"


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    k = kernel_size
    s = k if stride is None else stride
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho, wo = (h + 2 * padding - k) // s + 1, (w + 2 * padding - k) // s + 1
    out = np.zeros((n, c, ho, wo), dtype=x.dtype)
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = xp[:, :, i * s:i * s + k, j * s:j * s + k].mean(axis=(2, 3))
    return out
