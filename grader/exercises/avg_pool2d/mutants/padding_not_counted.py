"""Divides each window by its number of real pixels (count_include_pad=False), not by kH * kW."""
import numpy as np
from _base import pair

EXPECTED_MISTAKE = "padding not counted in the average"


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW), (pH, pW) = pair(kernel_size), pair(padding)
    sH, sW = pair(kernel_size if stride is None else stride)
    N, C, H, W = x.shape
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    ones = np.pad(np.ones((H, W)), ((pH, pH), (pW, pW)))  # 1 on real pixels
    total = np.zeros((N, C, H_out, W_out))
    count = np.zeros((H_out, W_out))
    for u in range(kH):
        for v in range(kW):
            total += x_pad[:, :, u:u + sH * (H_out - 1) + 1:sH, v:v + sW * (W_out - 1) + 1:sW]
            count += ones[u:u + sH * (H_out - 1) + 1:sH, v:v + sW * (W_out - 1) + 1:sW]
    return (total / count).astype(x.dtype)
