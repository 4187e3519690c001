"""Checks of exercises/sinusoidal_positional_encoding.py against the formula evaluated in float64, term by term."""
from __future__ import annotations

import math

import torch

from grader.check import Cases, CheckFailure, Speed, call, describe, expect_close, matching_mistake, mistakes

MISTAKE = mistakes("sinusoidal_positional_encoding")
TOLERANCE = {"float32": (1e-5, 2e-4)}  # a float32 table: angles of up to ~1000 rad carry ~1e-4 of rounding


def by_formula(seq_len, dim, *, swap=False, concat=False, exponent="2i", multiply=False, first=0):
    """PE[pos, j] term by term in float64 with math.sin / math.cos; the switches give the classic mistakes."""
    half = (dim + 1) // 2  # the number of sin features
    table = []
    for pos in range(first, first + seq_len):
        row = []
        for j in range(dim):
            if concat:
                i, use_sin = (j, True) if j < half else (j - half, False)
            else:
                i, use_sin = j // 2, j % 2 == 0
            power = {"2i": 2 * i, "j": j, "i": i}[exponent] / dim
            angle = pos * 10000.0 ** power if multiply else pos / 10000.0 ** power
            row.append(math.sin(angle) if use_sin != swap else math.cos(angle))
        table.append(row)
    return torch.tensor(table, dtype=torch.float64).reshape(seq_len, dim)


def check_case(pe_fn, seq_len, dim):
    case = f"seq_len={seq_len}, dim={dim}"
    got = call(pe_fn, seq_len, dim)
    if isinstance(got, torch.Tensor) and got.dtype != torch.float32:
        raise CheckFailure(f"wrong dtype: got {got.dtype}, expected torch.float32 (torch's default dtype); "
                           f"cast at the end with .float() if you computed in float64", case=case)
    if isinstance(got, torch.Tensor) and got.device.type != "cpu":
        raise CheckFailure(f"the encoding must be on the CPU; yours is on {got.device}", case=case)
    expected = by_formula(seq_len, dim)
    mistakes = {MISTAKE.swapped: lambda: by_formula(seq_len, dim, swap=True),
                MISTAKE.concatenated: lambda: by_formula(seq_len, dim, concat=True),
                MISTAKE.exponent_per_feature: lambda: by_formula(seq_len, dim, exponent="j"),
                MISTAKE.exponent_no_two: lambda: by_formula(seq_len, dim, exponent="i"),
                MISTAKE.multiplied: lambda: by_formula(seq_len, dim, multiply=True),
                MISTAKE.from_one: lambda: by_formula(seq_len, dim, first=1)}

    def shape_hint(got_shape, expected_shape):
        return MISTAKE.transposed if got_shape == expected_shape[::-1] else None

    expect_close(got, expected, case=case, dtype=torch.float32, mistakes=mistakes, shape_hint=shape_hint)


NAMED_CASES = {
    "smallest: seq_len=1, dim=2": (1, 2),
    "seq_len=4, dim=2": (4, 2),
    "seq_len=5, dim=4": (5, 4),
    "seq_len=3, dim=8": (3, 8),
    "odd dim 5": (6, 5),
    "dim=1": (4, 1),
    "one position, dim=16": (1, 16),
    "typical: seq_len=128, dim=64": (128, 64),
    "long: seq_len=1000, dim=32": (1000, 32),
    "wide: seq_len=20, dim=512": (20, 512),
}


def random_shape(seed):
    g = torch.Generator().manual_seed(700 + seed)
    return tuple(int(v) for v in torch.randint(1, 200, (2,), generator=g))  # (seq_len, dim)


CASES = Cases(lambda target, shape: check_case(target.sinusoidal_positional_encoding, *shape), NAMED_CASES,
              random_shape, seeds=3, name="matches the formula")


def test_properties(target):
    """What makes the encoding useful, checked directly: bounded, distinct rows, one circle per feature pair."""
    seq_len, dim = 256, 64
    case = describe(seq_len=seq_len, dim=dim)
    pe = call(target.sinusoidal_positional_encoding, seq_len, dim)
    if not isinstance(pe, torch.Tensor) or tuple(pe.shape) != (seq_len, dim):
        raise CheckFailure(f"expected a tensor of shape ({seq_len}, {dim})", case=case)
    pe = pe.double()
    if not torch.isfinite(pe).all() or pe.abs().max() > 1 + 1e-6:
        raise CheckFailure(f"values must be finite and within [-1, 1] (sines and cosines); "
                           f"the largest magnitude is {pe.abs().max().item():.4g}", case=case)
    radius = pe[:, 0::2] ** 2 + pe[:, 1::2] ** 2  # sin^2 + cos^2 of the same angle
    if not torch.allclose(radius, torch.ones_like(radius), atol=1e-3):
        # Several layouts break this property (a frequency per feature, sines then cosines): name the one
        # whose table the output is, if any.
        named = matching_mistake(pe, {MISTAKE.exponent_per_feature: lambda: by_formula(seq_len, dim, exponent="j"),
                                      MISTAKE.concatenated: lambda: by_formula(seq_len, dim, concat=True)},
                                 rtol=TOLERANCE["float32"][0], atol=TOLERANCE["float32"][1])
        raise CheckFailure("features 2i and 2i+1 must be the sin and cos of the SAME angle "
                           "(sin^2 + cos^2 = 1 fails)", case=case, mistake=named)
    gaps = torch.cdist(pe, pe) + torch.eye(seq_len, dtype=pe.dtype) * 1e9
    if gaps.min() < 1e-3:
        i, j = divmod(int(gaps.argmin()), seq_len)
        raise CheckFailure(f"positions {i} and {j} get the same encoding: every position needs its own", case=case)


def textbook(seq_len, dim):
    """The vectorised float32 version most people write: the speed reference."""
    pos = torch.arange(seq_len, dtype=torch.float32)[:, None]
    inv_freq = torch.exp(torch.arange(0, dim, 2, dtype=torch.float32) * (-math.log(10000.0) / dim))
    pe = torch.empty(seq_len, dim)
    pe[:, 0::2] = torch.sin(pos * inv_freq)
    pe[:, 1::2] = torch.cos(pos * inv_freq[: dim // 2])
    return pe


def speed_setup(target, device):
    seq_len, dim = 8192, 128
    return (lambda: target.sinusoidal_positional_encoding(seq_len, dim), lambda: textbook(seq_len, dim),
            describe(seq_len=seq_len, dim=dim))


SPEED = Speed(speed_setup, limit=15, reference="vectorised torch (float32)")
