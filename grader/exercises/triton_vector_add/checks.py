"""Checks of exercises/triton_vector_add.py: x + y, exactly, from the learner's Triton kernel.

The oracle is the float64 sum rounded once to the inputs' dtype (what one IEEE addition gives).
The inputs are views into larger buffers filled with NaN, and in the interpreter every load and store
is checked against the tensors the launch was given (grader.check.kernels): a last block without a
mask is named from the access itself, a grid too small or offsets without the program id from the
output (a correct prefix, then elements never written).
"""
from __future__ import annotations

import torch

from grader.check import (Cases, KernelLaunch, call_unchanged, describe, expect_close, in_padded_buffer, kernel_speed,
                          launched_programs, mistakes)

MISTAKE = mistakes("triton_vector_add")
LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.no_mask)
TOLERANCE = {"float32": (0.0, 0.0), "float16": (0.0, 0.0)}  # one rounding, as torch's own x + y
BLOCKS = [2**k for k in range(4, 15)]  # the block sizes a learner may choose, 16 to 16384


def device_of(device):
    return device or ("cuda" if torch.cuda.is_available() else "cpu")


def make_case(seed, n, dtype=torch.float32, device=None):
    g = torch.Generator().manual_seed(seed)
    values = [(torch.randn(n, generator=g, dtype=torch.float64) * 4).to(dtype=dtype, device=device_of(device))
              for _ in range(2)]
    return [in_padded_buffer(v) for v in values]  # views with NaN neighbours


def unwritten_after(expected, got, k):
    """The output with elements k onwards never written: the learner's own values there (a variant built
    from the learner's output), only where k is a block edge the mistake would leave and nothing after it
    is right."""
    tail_right = (got[k:] == expected[k:]).any() if k < len(expected) else True
    if k >= len(expected) or tail_right or not torch.equal(got[:k], expected[:k]):
        raise ValueError("not this mistake here")
    return torch.cat([expected[:k], got[k:]])


def output_mistakes(expected, got, programs):
    """The variants; `programs`, how many programs the learner's grid had, tells a grid of one program (too
    small) from many programs that each wrote the first block (the same output)."""
    n = len(expected)
    g = got.detach().to(device="cpu", dtype=torch.float64)
    first_block_only = [lambda b=b: unwritten_after(expected, g, b) for b in BLOCKS if b < n]
    return {
        MISTAKE.grid_too_small: [lambda b=b: unwritten_after(expected, g, n // b * b) for b in BLOCKS if n % b]
        + (first_block_only if programs == 1 else []),
        MISTAKE.pid_ignored: first_block_only if programs != 1 else [],
    }


def check_case(target, c, device=None):
    x, y = make_case(**c, device=device)
    case = describe(x=x, y=y)
    got = call_unchanged(target.vector_add, x, y, case=case)
    programs = launched_programs()
    expected = (x.double() + y.double()).to(x.dtype).double().cpu()  # one rounding to x's dtype
    mistakes = output_mistakes(expected, got, programs) if isinstance(got, torch.Tensor) and got.shape == x.shape else {}
    expect_close(got.cpu() if isinstance(got, torch.Tensor) else got, expected, case=case, dtype=x.dtype,
                 mistakes=mistakes)


NAMED_CASES = {
    "one element": dict(seed=0, n=1),
    "shorter than a block: n=37": dict(seed=1, n=37),
    "n=1000, not a power of two": dict(seed=2, n=1000),
    "one past a block edge: n=1025": dict(seed=3, n=1025),
    "several blocks and a tail: n=4099": dict(seed=4, n=4099),
    "exactly 2 blocks of 1024: n=2048": dict(seed=5, n=2048),
    "float16: n=3001": dict(seed=6, n=3001, dtype=torch.float16),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    n = int(torch.randint(2, 6000, (), generator=g))
    return dict(seed=100 + seed, n=n, dtype=[torch.float32, torch.float16][seed % 2])


CASES = Cases(lambda target, c, device=None: check_case(target, c, device), NAMED_CASES, random_case, seeds=4)


def speed_setup(target, device):
    n = 2**24  # 16777216: 64 MiB per float32 tensor, far past any cache
    g = torch.Generator().manual_seed(0)
    x, y = (torch.randn(n, generator=g).to(device) for _ in range(2))
    return lambda: target.vector_add(x, y), lambda: torch.add(x, y), describe(x=x, y=y)


# Not yet measured on a GPU (none here): Triton's tutorial 01 reports its vector add at torch's own
# bandwidth (ratio ~1.0) for sizes past 2**20, and one element per program costs a launch slot per
# 12 bytes (over 10x). The limit 2x lies between; to be set from a GPU run of the solution and of a
# one-element-per-program kernel.
SPEED = kernel_speed(speed_setup, limit=2, reference="torch x + y")
