"""Checks of exercises/triton_softmax.py: a row softmax from the learner's Triton kernel.

The oracle is torch.softmax in float64. Inputs are views of larger buffers filled with NaN, most of
them with a row stride wider than N (x[:, :N] of a wider buffer), so a kernel that reads past its row,
past the tensor or with N as the row stride shows it; in the interpreter every access is checked
against the tensors (grader.check.kernels), which names a missing mask from the access itself.
"""
from __future__ import annotations

import torch

from grader.check import (Cases, KernelLaunch, call_unchanged, describe, expect_close, in_padded_buffer, kernel_speed,
                          mistakes, read_with_row_stride_n)

MISTAKE = mistakes("triton_softmax")
LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.no_mask)


def device_of(device):
    return device or ("cuda" if torch.cuda.is_available() else "cpu")


def make_case(seed, shape, scale=1.0, row_pad=0, device=None):
    g = torch.Generator().manual_seed(seed)
    values = torch.randn(shape, generator=g, dtype=torch.float64) * scale
    return in_padded_buffer(values.to(dtype=torch.float32, device=device_of(device)), row_pad=row_pad)


def padded_with_zeros(x64, block):
    """softmax over the row padded to `block` lanes with 0 (other=0), its first N lanes."""
    M, N = x64.shape
    padded = torch.cat([x64, x64.new_zeros(M, block - N)], dim=1)
    return torch.softmax(padded, -1)[:, :N]


def output_mistakes(x, row_pad):
    x64 = x.double().cpu()
    M, N = x.shape
    block = 1 << (N - 1).bit_length()
    m = {MISTAKE.no_max: lambda: (lambda e: e / e.sum(-1, keepdim=True))(torch.exp(x.float().cpu())).double()}
    if block > N:
        m[MISTAKE.pad_zero] = [lambda b=b: padded_with_zeros(x64, b) for b in (block, 2 * block)]
    if row_pad:
        m[MISTAKE.row_stride] = lambda: torch.softmax(read_with_row_stride_n(x, row_pad), -1)
    return m


def check_case(target, c, device=None):
    x = make_case(**c, device=device)
    case = describe(x=x) + (f", row stride {x.stride(0)}" if c.get("row_pad") else "")
    got = call_unchanged(target.softmax, x, case=case)
    expected = torch.softmax(x.double().cpu(), -1)
    expect_close(got.cpu() if isinstance(got, torch.Tensor) else got, expected, case=case, dtype=x.dtype,
                 mistakes=output_mistakes(x, c.get("row_pad", 0)))


NAMED_CASES = {
    "one column: (3, 1)": dict(seed=0, shape=(3, 1)),
    "(4, 8): a power-of-two width": dict(seed=1, shape=(4, 8)),
    "(5, 13): padded lanes": dict(seed=2, shape=(5, 13)),
    "logits of +-1000: (6, 50)": dict(seed=3, shape=(6, 50), scale=1000.0),
    "logits of +-1000, width 781": dict(seed=4, shape=(4, 781), scale=1000.0, row_pad=5),
    "a view: (6, 1000), row stride 1037": dict(seed=5, shape=(6, 1000), row_pad=37),
    "just past a power of two: (3, 1025)": dict(seed=6, shape=(3, 1025), row_pad=3),
    "the widest row: (2, 4096)": dict(seed=7, shape=(2, 4096), row_pad=16),
    "many rows: (64, 33)": dict(seed=8, shape=(64, 33), scale=5.0, row_pad=7),
    "equal logits: (3, 20)": dict(seed=9, shape=(3, 20), scale=0.0),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    return dict(seed=100 + seed, shape=(r(1, 17), r(2, 3000)), scale=[1.0, 30.0, 1000.0][r(0, 3)], row_pad=r(0, 40))


CASES = Cases(lambda target, c, device=None: check_case(target, c, device), NAMED_CASES, random_case, seeds=4)


def speed_setup(target, device):
    x = torch.randn(4096, 4096, generator=torch.Generator().manual_seed(0)).to(device)
    return lambda: target.softmax(x), lambda: torch.softmax(x, -1), describe(x=x)


# Not yet measured on a GPU (none here): Triton's tutorial 02 (fused softmax, M = 4096 rows) reports its
# kernel at or above torch.softmax's bandwidth and the unfused torch version (5 passes over memory)
# about 2-4x slower. A one-pass kernel passes 2x; a kernel that loads one element per program, or
# reads the row several times from memory, does not. To be set from a GPU run.
SPEED = kernel_speed(speed_setup, limit=2, reference="torch.softmax")
