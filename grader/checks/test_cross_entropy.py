"""Checks of exercises/cross_entropy.py against torch.nn.functional.cross_entropy in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.nn.functional import cross_entropy as torch_cross_entropy  # bound before the learner's code runs

from grader.checking import (Mistake, call_without_warnings, describe, expect_close, expect_no_banned_calls,
                             expect_unchanged, snapshot)
from grader.learner import call
from grader.speed import expect_fast, measure

LOG_OF_SOFTMAX = Mistake("log of the softmax", "a true class far below the top logit has probability exp(-2000), "
                         "which underflows to 0, and log(0) = -inf; use a stable log-softmax "
                         "(x - logsumexp(x))", "stable-log-softmax")
NO_MAX = Mistake("max not subtracted", "exp(1000) overflows to inf: take each row's max out of the log-sum-exp",
                 "stable-log-softmax")
SUM = Mistake("sum instead of mean", "the loss is N times too large: average over the batch (reduction='mean')",
              "mean-over-the-batch")
MEAN_OVER_CLASSES = Mistake("averaged over classes too", "the loss is C times too small: the one-hot sum over "
                            "classes is a sum, only the batch is averaged", "mean-over-the-batch")
PER_SAMPLE = Mistake("one loss per sample", "return the mean over the batch, a scalar, not the (N,) losses",
                     "mean-over-the-batch")
WRONG_AXIS = Mistake("softmax over the batch axis", "log-softmax normalises each row (axis=1, over the classes), "
                     "not each column", "the-formula")
LABEL_COLUMNS = Mistake("labels indexed as columns", "log_probs[:, labels] is an (N, N) block (every row, every "
                        "label); pick one entry per row with log_probs[np.arange(N), labels]", "picking-the-true-class")
NO_LOG_SOFTMAX = Mistake("log-softmax missing", "you averaged -logits[n, labels[n]]: subtract each row's "
                         "log-sum-exp first", "the-formula")
SIGN = Mistake("sign flipped", "the loss is -log p(true class), a positive number", "the-formula")

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
        "overflow": NO_MAX, "divide by zero": LOG_OF_SOFTMAX, "invalid value": NO_MAX})
    expect_unchanged(before, {"logits": logits, "labels": labels}, case=case)
    X, y = torch.from_numpy(logits).double(), torch.from_numpy(labels).long()
    N, C = X.shape
    LP = torch.log_softmax(X, dim=1)
    mistakes = {SUM: lambda: torch_cross_entropy(X, y, reduction="sum"),
                MEAN_OVER_CLASSES: lambda: torch_cross_entropy(X, y) / C,
                WRONG_AXIS: lambda: -torch.log_softmax(X, dim=0)[torch.arange(N), y].mean(),
                LABEL_COLUMNS: lambda: -LP[:, y].mean(),
                NO_LOG_SOFTMAX: lambda: -X[torch.arange(N), y].mean(),
                SIGN: lambda: -torch_cross_entropy(X, y)}

    def shape_hint(got_shape, expected_shape):
        return PER_SAMPLE if got_shape in ((N,), (N, 1)) else None

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


@pytest.mark.rules
def test_uses_numpy_only(target_file, exercise):
    expect_no_banned_calls(target_file, exercise.banned, "this exercise is cross-entropy in NumPy")


@pytest.mark.speed
def test_speed_against_torch(target):
    logits, labels = batch(0, 16384, 10, scale=4.0, dtype=np.float32)()
    X, y = torch.from_numpy(logits), torch.from_numpy(labels)
    call(target.cross_entropy, logits, labels)  # a crash here is reported as a crash
    result = measure(lambda: target.cross_entropy(logits, labels), lambda: torch_cross_entropy(X, y),
                     limit=20, reference_name="F.cross_entropy")
    expect_fast(result, case=describe(logits=logits, labels=labels))
