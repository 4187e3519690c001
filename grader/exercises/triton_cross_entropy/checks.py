"""Checks of exercises/triton_cross_entropy.py: the mean cross-entropy from the learner's row kernel.

The oracle is F.cross_entropy in float64. Vocabularies run from 2 to GPT-2's 50257 (many blocks, the
last one ragged); logits are views of larger NaN-filled buffers, some with a row stride wider than V,
and the targets too. The variants of the classic mistakes are computed for every block size a learner
may choose (16 to 65536): the padded lanes of the last block counted, one block only, the running sum
not rescaled; in the interpreter an access outside the tensors names the missing mask itself.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from grader.check import (Cases, KernelLaunch, call_unchanged, describe, expect_close, in_padded_buffer, kernel_speed,
                          mistakes, read_with_row_stride_n)

MISTAKE = mistakes("triton_cross_entropy")
LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.no_mask, writes_result=False)  # the wrapper takes the mean in torch
BLOCKS = [2**k for k in range(4, 17)]


def device_of(device):
    return device or ("cuda" if torch.cuda.is_available() else "cpu")


def make_case(seed, shape, scale=3.0, row_pad=0, edges=False, device=None):
    g = torch.Generator().manual_seed(seed)
    N, V = shape
    logits = torch.randn(shape, generator=g, dtype=torch.float64) * scale
    target = torch.randint(0, V, (N,), generator=g)
    if edges:  # the first and the last class
        target[::2], target[1::2] = 0, V - 1
    dev = device_of(device)
    return (in_padded_buffer(logits.to(dtype=torch.float32, device=dev), row_pad=row_pad),
            in_padded_buffer(target.to(dev), fill=-1))


def lse_blocks(x, block, *, pad=False, single=False, rescale=True):
    """logsumexp of each row as a block-by-block kernel computes it, with the switches of the mistakes."""
    N, V = x.shape
    if single:
        return torch.logsumexp(x[:, :block], -1)
    if pad:
        x = torch.cat([x, x.new_zeros(N, -V % block)], 1)
    if rescale:
        return torch.logsumexp(x, -1)
    m = torch.full((N,), float("-inf"), dtype=x.dtype)
    s = torch.zeros(N, dtype=x.dtype)
    for start in range(0, x.shape[1], block):
        m_new = torch.maximum(m, x[:, start:start + block].max(-1).values)
        s = s + torch.exp(x[:, start:start + block] - m_new[:, None]).sum(-1)  # the old sum not rescaled
        m = m_new
    return m + torch.log(s)


def mean_of(lse, x, t):
    return (lse - x.gather(1, t[:, None])[:, 0]).mean()


def output_mistakes(logits, target, row_pad):
    x, t = logits.double().cpu(), target.cpu()
    N, V = x.shape
    ragged = [b for b in BLOCKS if V % b]
    narrower = [b for b in BLOCKS if b < V]
    total = F.cross_entropy(x, t, reduction="sum")
    naive32 = lambda: (torch.log(torch.exp(logits.float().cpu()).sum(-1)).double()  # noqa: E731
                       - x.gather(1, t[:, None])[:, 0]).mean()
    return {
        MISTAKE.pad_counted: [lambda b=b: mean_of(lse_blocks(x, b, pad=True), x, t) for b in ragged],
        MISTAKE.wrong_count: [lambda: total, lambda: total / V, lambda: total / (N * V)],
        MISTAKE.no_max: naive32,
        MISTAKE.single_block: [lambda b=b: mean_of(lse_blocks(x, b, single=True), x, t) for b in narrower],
        MISTAKE.not_rescaled: [lambda b=b: mean_of(lse_blocks(x, b, rescale=False), x, t) for b in narrower],
        **({MISTAKE.row_stride: lambda: F.cross_entropy(read_with_row_stride_n(logits, row_pad), t)} if row_pad else {}),
    }


def check_case(target_module, c, device=None):
    logits, target = make_case(**c, device=device)
    case = describe(logits=logits, target=target) + (f", row stride {logits.stride(0)}" if c.get("row_pad") else "")
    got = call_unchanged(target_module.cross_entropy, logits, target, case=case)
    expected = F.cross_entropy(logits.double().cpu(), target.cpu())
    expect_close(got.cpu() if isinstance(got, torch.Tensor) else got, expected, case=case, dtype=logits.dtype,
                 mistakes=output_mistakes(logits, target, c.get("row_pad", 0)))


NAMED_CASES = {
    "one row, V=10": dict(seed=0, shape=(1, 10)),
    "(4, 100): one block": dict(seed=1, shape=(4, 100)),
    "V=1000: padded lanes in the block": dict(seed=2, shape=(3, 1000)),
    "V=5000: several blocks, the last ragged": dict(seed=3, shape=(4, 5000), row_pad=11),
    "LLaMA's vocabulary: (2, 32000)": dict(seed=4, shape=(2, 32000)),
    "GPT-2's vocabulary: (2, 50257)": dict(seed=5, shape=(2, 50257), row_pad=3),
    "logits of +-1000: (3, 3000)": dict(seed=6, shape=(3, 3000), scale=1000.0),
    "a growing max: logits of +-50, (4, 6000)": dict(seed=7, shape=(4, 6000), scale=50.0),
    "targets 0 and V-1: (6, 777)": dict(seed=8, shape=(6, 777), edges=True, row_pad=5),
    "many rows: (32, 40)": dict(seed=9, shape=(32, 40)),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    return dict(seed=100 + seed, shape=(r(1, 12), r(2, 12000)), scale=[1.0, 10.0, 300.0][r(0, 3)],
                row_pad=r(0, 20))


CASES = Cases(lambda target, c, device=None: check_case(target, c, device), NAMED_CASES, random_case, seeds=4)


def speed_setup(target, device):
    where = device if device == "cuda" else "meta"  # timed on CUDA only; elsewhere only the case text is read
    logits = torch.randn(4096, 50257, device=where)
    labels = torch.randint(0, 50257, (4096,), device=where)
    return (lambda: target.cross_entropy(logits, labels), lambda: F.cross_entropy(logits, labels),
            describe(logits=logits, target=labels))


# Not yet measured on a GPU (none here): F.cross_entropy is log_softmax then nll_loss, at least two passes
# over the (N, V) logits and an (N, V) intermediate; a fused one-pass row kernel (as in Liger's and
# Unsloth's) reads the logits once, and those projects report it at or below torch's time. A straightforward
# kernel passes 2x; one block per program iteration of 16 lanes, or one element per program, does not.
SPEED = kernel_speed(speed_setup, limit=2, reference="F.cross_entropy")
