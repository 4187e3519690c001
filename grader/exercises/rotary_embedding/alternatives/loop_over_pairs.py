"""Correct but slow: one Python iteration per token and pair."""
import math

import torch

TOO_SLOW = True


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    T, D = x.shape[-2:]
    out = x.clone()
    for t in range(T):
        p = float(positions[t])
        for i in range(D // 2):
            ia, ib = (2 * i, 2 * i + 1) if interleaved else (i, i + D // 2)
            c, s = math.cos(p * base ** (-2 * i / D)), math.sin(p * base ** (-2 * i / D))
            a, b = x[..., t, ia], x[..., t, ib]
            out[..., t, ia] = a * c - b * s
            out[..., t, ib] = b * c + a * s
    return out
