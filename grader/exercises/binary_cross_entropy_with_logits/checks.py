"""Checks of exercises/binary_cross_entropy_with_logits.py against torch, in float64."""
from __future__ import annotations

import numpy as np
import torch
from torch.nn.functional import binary_cross_entropy_with_logits as torch_bce  # bound before the learner's code

from grader.check import Cases, Speed, call_unchanged, describe, expect_close, mistakes
from grader.check.family.softmax import as_array

MISTAKE = mistakes("binary_cross_entropy_with_logits")

TOLERANCE = {"float32": (1e-5, 1e-6), "float64": (1e-10, 1e-12)}
WARNINGS = {"overflow": MISTAKE.overflow, "divide by zero": MISTAKE.log_sigmoid, "invalid value": MISTAKE.log_sigmoid}


def check_case(bce, logits, targets):
    case = describe(logits=logits, targets=targets)
    got = call_unchanged(bce, logits, targets, case=case, warnings=WARNINGS)
    X, T = torch.from_numpy(logits).double(), torch.from_numpy(targets).double()
    per_element = torch_bce(X, T, reduction="none")
    mistakes = {MISTAKE.sum: lambda: per_element.sum(),
                MISTAKE.targets_swapped: lambda: torch_bce(X, 1 - T),
                MISTAKE.no_relu: lambda: (per_element - X.clamp(min=0)).mean(),
                MISTAKE.sign: lambda: -per_element.mean()}
    if X.ndim > 1 and X.shape[-1] > 1:
        mistakes[MISTAKE.mean_over_rows] = lambda: per_element.sum(dim=-1).mean()
    expect_close(as_array(got), torch_bce(X, T), case=case, dtype=logits.dtype, mistakes=mistakes)


def given(logits, targets, dtype=np.float64):
    return lambda: (np.array(logits, dtype=dtype), np.array(targets, dtype=dtype))


def random(seed, shape, scale=3.0, soft=False, dtype=np.float64):
    def make():
        rng = np.random.default_rng(seed)
        targets = rng.uniform(size=shape) if soft else rng.integers(0, 2, shape)
        return (rng.standard_normal(shape) * scale).astype(dtype), targets.astype(dtype)
    return make


# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
NAMED_CASES = {
    "smallest: one logit, target 1": given([2.0], [1.0]),
    "targets 0 and 1": given([2.0, -1.0, 0.5, -3.0], [0.0, 0.0, 1.0, 1.0]),
    "logit 0 (loss log 2)": given([0.0, 0.0], [1.0, 0.0]),
    "soft targets": given([1.5, -0.5, 3.0], [0.3, 0.9, 0.5]),
    "2-D multi-label batch": random(1, (4, 3)),
    "3-D input, soft targets": random(2, (2, 3, 4), soft=True),
    "logits of +-1000": given([[1000.0, -1000.0], [1000.0, -1000.0]], [[1.0, 1.0], [0.0, 0.0]]),
    "logits of +-40 (sigmoid rounds to 1)": given([40.0, -40.0, 40.0, -40.0], [0.0, 1.0, 1.0, 0.0]),
    "float32 inputs": random(3, (5, 4), dtype=np.float32),
    "float32 logits of +-100": given([100.0, -100.0, 0.5], [0.0, 1.0, 1.0], dtype=np.float32),
}


def random_case(seed):
    rng = np.random.default_rng(400 + seed)
    shape = tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    return random(seed, shape, scale=10 ** rng.uniform(0, 2), soft=bool(seed % 2),
                  dtype=[np.float32, np.float64][seed % 2])


CASES = Cases(lambda target, make: check_case(target.binary_cross_entropy_with_logits, *make()), NAMED_CASES,
              random_case, seeds=3)


def speed_setup(target, device):
    logits, targets = random(0, (4096, 64), scale=4.0, soft=True, dtype=np.float32)()
    X, T = torch.from_numpy(logits), torch.from_numpy(targets)
    return (lambda: target.binary_cross_entropy_with_logits(logits, targets), lambda: torch_bce(X, T),
            describe(logits=logits, targets=targets))


SPEED = Speed(speed_setup, limit=20, reference="F.binary_cross_entropy_with_logits")
