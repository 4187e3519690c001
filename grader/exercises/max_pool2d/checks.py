"""Checks of exercises/max_pool2d.py against torch.nn.functional.max_pool2d in float64.

The cases, the shape diagnoses and the mistakes both pooling exercises share live in
grader/check/family/pooling.py; the one below is the mistake only a max can make.
"""
from __future__ import annotations

import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import mistakes
from grader.check.family.pooling import POOL_TOLERANCE, pool_cases, pool_speed

MISTAKE = mistakes("max_pool2d")
TOLERANCE = POOL_TOLERANCE


def zero_padded_max(X, k, s, p):
    return F.max_pool2d(F.pad(X, (p[1], p[1], p[0], p[0])), k, s, 0)


CASES = pool_cases("max_pool2d", F.max_pool2d, MISTAKE, {MISTAKE.zero_padded_max: zero_padded_max})

SPEED = pool_speed("max_pool2d", F.max_pool2d, limit=15)
