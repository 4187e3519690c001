"""Checks of exercises/cross_entropy.py against torch.nn.functional.cross_entropy in float64."""
from __future__ import annotations

import numpy as np
import torch
from torch.nn.functional import cross_entropy as torch_cross_entropy  # bound before the learner's code runs

from grader.check import Cases, Speed, call_unchanged, describe, expect_close, mistakes
from grader.check.family.softmax import as_array

MISTAKE = mistakes("cross_entropy")

TOLERANCE = {"float32": (1e-5, 1e-5), "float64": (1e-10, 1e-12)}


def check_case(cross_entropy, logits, labels):
    case = describe(logits=logits, labels=labels)
    got = call_unchanged(cross_entropy, logits, labels, case=case, warnings={
        "overflow": MISTAKE.no_max, "divide by zero": MISTAKE.log_of_softmax, "invalid value": MISTAKE.no_max})
    X, y = torch.from_numpy(logits).double(), torch.from_numpy(labels).long()
    N, C = X.shape
    LP = torch.log_softmax(X, dim=1)
    true_p = torch.softmax(X, dim=1)[torch.arange(N), y]
    mistakes = {MISTAKE.sum: lambda: torch_cross_entropy(X, y, reduction="sum"),
                MISTAKE.mean_over_classes: lambda: torch_cross_entropy(X, y) / C,
                MISTAKE.wrong_axis: lambda: -torch.log_softmax(X, dim=0)[torch.arange(N), y].mean(),
                MISTAKE.label_columns: lambda: -LP[:, y].mean(),
                MISTAKE.no_log_softmax: lambda: -X[torch.arange(N), y].mean(),
                MISTAKE.sign: lambda: -torch_cross_entropy(X, y),
                MISTAKE.log_of_softmax: log_of_softmax_variants(true_p)}

    def shape_hint(got_shape, expected_shape):
        return MISTAKE.per_sample if got_shape in ((N,), (N, 1)) else None

    expect_close(as_array(got), torch_cross_entropy(X, y), case=case, dtype=logits.dtype, mistakes=mistakes,
                 shape_hint=shape_hint)


# The epsilons public code adds to (or clips) a probability before its log: 1e-7 ... 1e-15.
EPSILONS = [10.0 ** -k for k in range(7, 16)]


def log_of_softmax_variants(true_p):
    """np.log of the softmax, bare, plus eps, or clipped to [eps, 1] or [eps, 1 - eps]: every way of
    writing it that public code uses; each gives log(eps), not -2000, when the true class underflows."""
    ways = [lambda: -torch.log(true_p).mean()]
    for eps in EPSILONS:
        ways += [lambda eps=eps: -torch.log(true_p + eps).mean(),
                 lambda eps=eps: -torch.log(true_p.clamp(min=eps)).mean(),
                 lambda eps=eps: -torch.log(true_p.clamp(eps, 1 - eps)).mean()]
    return ways


def batch(seed, N, C, scale=3.0, dtype=np.float64, label_dtype=np.int64):
    def make():
        rng = np.random.default_rng(seed)
        return (rng.standard_normal((N, C)) * scale).astype(dtype), rng.integers(0, C, N).astype(label_dtype)
    return make


def given(rows, labels, dtype=np.float64):
    return lambda: (np.array(rows, dtype=dtype), np.array(labels, dtype=np.int64))


# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
NAMED_CASES = {
    "smallest: one sample, two classes": given([[2.0, -1.0]], [0]),
    "one class (loss 0)": given([[3.0], [-5.0]], [0, 0]),
    "batch of 5, 3 classes": batch(1, 5, 3),
    "N equals C": batch(2, 4, 4),
    "all labels the same": given([[0.1, 2.0, -1.0], [1.5, 0.0, 0.3], [2.0, 2.0, 2.0]], [2, 2, 2]),
    "logits of +-1000": given([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 500.0]], [1, 0]),
    "float32 logits": batch(3, 6, 5, dtype=np.float32),
    "float32 logits of +-1000": given([[1000.0, -1000.0], [88.0, 90.0]], [1, 0], dtype=np.float32),
    "int32 labels": batch(4, 5, 4, label_dtype=np.int32),
}


def random_case(seed):
    rng = np.random.default_rng(300 + seed)
    N, C = int(rng.integers(2, 12)), int(rng.integers(2, 12))
    return batch(seed, N, C, scale=10 ** rng.uniform(0, 2), dtype=[np.float32, np.float64][seed % 2])


CASES = Cases(lambda target, make: check_case(target.cross_entropy, *make()), NAMED_CASES, random_case, seeds=3)


def speed_setup(target, device):
    logits, labels = batch(0, 16384, 10, scale=4.0, dtype=np.float32)()
    X, y = torch.from_numpy(logits), torch.from_numpy(labels)
    return (lambda: target.cross_entropy(logits, labels), lambda: torch_cross_entropy(X, y),
            describe(logits=logits, labels=labels))


SPEED = Speed(speed_setup, limit=8, reference="F.cross_entropy")
