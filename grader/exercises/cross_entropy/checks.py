"""Checks of exercises/cross_entropy.py against torch.nn.functional.cross_entropy in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.nn.functional import cross_entropy as torch_cross_entropy  # bound before the learner's code runs

from grader.check import (call, call_without_warnings, describe, expect_close, expect_fast, expect_unchanged,
                         measure, mistakes, snapshot)

MISTAKE = mistakes('cross_entropy')


RTOL = {np.float32: 1e-5, np.float64: 1e-10}
ATOL = {np.float32: 1e-5, np.float64: 1e-12}


def as_array(value):
    """A NumPy scalar or a Python float as a 0-d array, so its shape and dtype can be checked."""
    if isinstance(value, (np.generic, float)) and not isinstance(value, bool):
        return np.asarray(value)
    return value


def check_case(cross_entropy, logits, labels, warnings=None):
    case = describe(logits=logits, labels=labels)
    before = snapshot(logits=logits, labels=labels)
    got = call_without_warnings(cross_entropy, logits, labels, case=case, mistakes=warnings or {
        "overflow": MISTAKE.no_max, "divide by zero": MISTAKE.log_of_softmax, "invalid value": MISTAKE.no_max})
    expect_unchanged(before, {"logits": logits, "labels": labels}, case=case)
    X, y = torch.from_numpy(logits).double(), torch.from_numpy(labels).long()
    N, C = X.shape
    LP = torch.log_softmax(X, dim=1)
    mistakes = {MISTAKE.sum: lambda: torch_cross_entropy(X, y, reduction="sum"),
                MISTAKE.mean_over_classes: lambda: torch_cross_entropy(X, y) / C,
                MISTAKE.wrong_axis: lambda: -torch.log_softmax(X, dim=0)[torch.arange(N), y].mean(),
                MISTAKE.label_columns: lambda: -LP[:, y].mean(),
                MISTAKE.no_log_softmax: lambda: -X[torch.arange(N), y].mean(),
                MISTAKE.sign: lambda: -torch_cross_entropy(X, y)}

    def shape_hint(got_shape, expected_shape):
        return MISTAKE.per_sample if got_shape in ((N,), (N, 1)) else None

    expect_close(as_array(got), torch_cross_entropy(X, y), case=case, dtype=logits.dtype,
                 rtol=RTOL[logits.dtype.type], atol=ATOL[logits.dtype.type], mistakes=mistakes,
                 shape_hint=shape_hint)


def batch(seed, N, C, scale=3.0, dtype=np.float64, label_dtype=np.int64):
    def make():
        rng = np.random.default_rng(seed)
        return (rng.standard_normal((N, C)) * scale).astype(dtype), rng.integers(0, C, N).astype(label_dtype)
    return make


def given(rows, labels, dtype=np.float64):
    return lambda: (np.array(rows, dtype=dtype), np.array(labels, dtype=np.int64))


# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
NAMED_CASES = {
    "smallest: one sample, two classes": (given([[2.0, -1.0]], [0]), None),
    "one class (loss 0)": (given([[3.0], [-5.0]], [0, 0]), None),
    "batch of 5, 3 classes": (batch(1, 5, 3), None),
    "N equals C": (batch(2, 4, 4), None),
    "all labels the same": (given([[0.1, 2.0, -1.0], [1.5, 0.0, 0.3], [2.0, 2.0, 2.0]], [2, 2, 2]), None),
    "logits of +-1000": (given([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 500.0]], [1, 0]), None),
    "float32 logits": (batch(3, 6, 5, dtype=np.float32), None),
    "float32 logits of +-1000": (given([[1000.0, -1000.0], [88.0, 90.0]], [1, 0], dtype=np.float32), None),
    "int32 labels": (batch(4, 5, 4, label_dtype=np.int32), None),
}


@pytest.mark.parametrize("make, warnings", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, make, warnings):
    check_case(target.cross_entropy, *make(), warnings)


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    rng = np.random.default_rng(300 + seed)
    N, C = int(rng.integers(2, 12)), int(rng.integers(2, 12))
    check_case(target.cross_entropy, *batch(seed, N, C, scale=10 ** rng.uniform(0, 2),
                                            dtype=[np.float32, np.float64][seed % 2])())


@pytest.mark.speed
def test_speed_against_torch(target):
    logits, labels = batch(0, 16384, 10, scale=4.0, dtype=np.float32)()
    X, y = torch.from_numpy(logits), torch.from_numpy(labels)
    call(target.cross_entropy, logits, labels)  # a crash here is reported as a crash
    result = measure(lambda: target.cross_entropy(logits, labels), lambda: torch_cross_entropy(X, y),
                     limit=20, reference_name="F.cross_entropy")
    expect_fast(result, case=describe(logits=logits, labels=labels))
