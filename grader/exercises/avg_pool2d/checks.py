"""Checks of exercises/avg_pool2d.py against torch.nn.functional.avg_pool2d in float64.

The cases and the shared diagnoses (stride default, padding, output size, square-only code) are
those of grader/check/family/pooling.py, as for max_pool2d; the mistakes below are the ones only
averaging can make.
"""
from __future__ import annotations

import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import mistakes
from grader.check.family.pooling import POOL_TOLERANCE, pool_cases, pool_speed

MISTAKE = mistakes("avg_pool2d")
TOLERANCE = POOL_TOLERANCE


def padding_not_counted(X, k, s, p):
    return F.avg_pool2d(X, k, s, p, count_include_pad=False)


def window_sum(X, k, s, p):
    return F.avg_pool2d(X, k, s, p) * (k[0] * k[1])


CASES = pool_cases("avg_pool2d", F.avg_pool2d, MISTAKE,
                   {MISTAKE.padding_not_counted: padding_not_counted, MISTAKE.sum_not_mean: window_sum})

SPEED = pool_speed("avg_pool2d", F.avg_pool2d, limit=60)
