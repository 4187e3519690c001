"""Checks of exercises/avg_pool2d.py against torch.nn.functional.avg_pool2d in float64.

The cases and the shared diagnoses (stride default, padding, output size, square-only code) are
those of the max_pool2d checks; the mistakes below are the ones only averaging can make.
"""
from __future__ import annotations

import pytest
import torch.nn.functional as F  # bound before the learner's code runs

from grader.check import mistakes
from grader.exercises.max_pool2d.checks import NAMED_CASES, random_params, run_case, speed_check

MISTAKE = mistakes('avg_pool2d')



def padding_not_counted(X, k, s, p):
    return F.avg_pool2d(X, k, s, p, count_include_pad=False)


def window_sum(X, k, s, p):
    return F.avg_pool2d(X, k, s, p) * (k[0] * k[1])


AVG_MISTAKES = [(MISTAKE.padding_not_counted, padding_not_counted), (MISTAKE.sum_not_mean, window_sum)]


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    run_case(target.avg_pool2d, F.avg_pool2d, params, AVG_MISTAKES)


@pytest.mark.parametrize("seed", range(4), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    run_case(target.avg_pool2d, F.avg_pool2d, random_params(seed), AVG_MISTAKES)


@pytest.mark.speed
def test_speed_against_torch(target):
    speed_check(target.avg_pool2d, F.avg_pool2d, "torch avg_pool2d", limit=40)
