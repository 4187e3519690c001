"""Checks of exercises/avg_pool2d.py against torch.nn.functional.avg_pool2d in float64.

The cases and the shared diagnoses (stride default, padding, output size, square-only code) are
those of the max_pool2d checks; the mistakes below are the ones only averaging can make.
"""
from __future__ import annotations

import pytest
import torch.nn.functional as F  # bound before the learner's code runs

from grader.checking import Mistake, expect_no_banned_calls
from grader.checks.test_max_pool2d import NAMED_CASES, random_params, run_case, speed_check

PADDING_NOT_COUNTED = Mistake("padding not counted in the average", "PyTorch's default count_include_pad=True "
                              "divides every window by kH * kW, padded zeros included; you divided by the number "
                              "of real pixels", "count-include-pad")
SUM_NOT_MEAN = Mistake("sum instead of mean", "the output is kH * kW times too large: divide each window's sum "
                       "by kH * kW", "the-formula")


def padding_not_counted(X, k, s, p):
    return F.avg_pool2d(X, k, s, p, count_include_pad=False)


def window_sum(X, k, s, p):
    return F.avg_pool2d(X, k, s, p) * (k[0] * k[1])


AVG_MISTAKES = [(PADDING_NOT_COUNTED, padding_not_counted), (SUM_NOT_MEAN, window_sum)]


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    run_case(target.avg_pool2d, F.avg_pool2d, params, AVG_MISTAKES)


@pytest.mark.parametrize("seed", range(4), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    run_case(target.avg_pool2d, F.avg_pool2d, random_params(seed), AVG_MISTAKES)


@pytest.mark.rules
def test_uses_numpy_only(target_file, exercise):
    expect_no_banned_calls(target_file, exercise.banned, "this exercise is average pooling in NumPy")


@pytest.mark.speed
def test_speed_against_torch(target):
    speed_check(target.avg_pool2d, F.avg_pool2d, "torch avg_pool2d", limit=40)
