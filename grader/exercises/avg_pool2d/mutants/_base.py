"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def pool(x, kH, kW, sH, sW, pH, pW, H_out, W_out, fill=0.0):
    """Correct avg pooling once the sizes are known (fill: the padding value)."""
    N, C = x.shape[:2]
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=fill)
    out = np.zeros((N, C, H_out, W_out), dtype=x.dtype)
    for u in range(kH):
        for v in range(kW):
            tap = x_pad[:, :, u:u + sH * (H_out - 1) + 1:sH, v:v + sW * (W_out - 1) + 1:sW]
            out += tap
    return (out / (kH * kW)).astype(x.dtype)
