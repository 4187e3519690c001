"""Checks of exercises/nms.py against greedy NMS written out in plain Python.

The oracle is the definition (visit by decreasing score, keep a box unless a kept box overlaps
it by more than the threshold), slow and obviously right. torchvision.ops.nms, where installed,
is an extra cross-check and the speed reference; without it, a greedy loop in torch is.
"""
from __future__ import annotations

import numpy as np

from grader.check import Cases
from grader.check.family.detection import (arrays, away_from_ties, check_case, clustered_boxes, expect_torchvision,
                                           nms_mistakes, nms_speed)


def check(target, params):
    rows, scores, threshold, *dtype = params
    check_case(target.nms, threshold, nms_mistakes, **arrays(rows, scores, None, *dtype))


NAMED_CASES = {
    "smallest: two overlapping boxes": ([[0, 0, 2, 2], [0, 0, 2, 3]], [0.9, 0.8], 0.5),
    "one box": ([[1, 1, 3, 4]], [0.3], 0.5),
    "empty input (N = 0)": ([], [], 0.5),
    "best box is not the first": ([[0, 0, 2, 2], [0, 0, 2, 3], [10, 10, 12, 12]], [0.5, 0.8, 0.6], 0.5),
    "kept in score order, not index order": ([[0, 0, 2, 2], [0, 0, 2, 3], [5, 5, 7, 7], [10, 0, 12, 2]],
                                             [0.5, 0.7, 0.2, 0.9], 0.5),
    "a suppressed box suppresses nothing": ([[2, 0, 4, 1], [0, 0, 2, 1], [1, 0, 3, 1]], [0.7, 0.9, 0.8], 0.3),
    "threshold exactly hit": ([[0, 0, 3, 1], [1, 0, 4, 1], [10, 10, 12, 12], [20, 20, 21, 21], [20.5, 20, 21.5, 21]],
                              [0.9, 0.8, 0.7, 0.6, 0.5], 0.5),
    "threshold 0: any overlap suppresses": ([[0, 0, 2, 2], [1, 1, 3, 3], [2, 0, 4, 2], [5, 5, 6, 6]],
                                            [0.9, 0.8, 0.7, 0.6], 0.0),
    "threshold 1: nothing is suppressed": ([[0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 2, 2.5]], [0.1, 0.3, 0.2], 1.0),
    "identical boxes": ([[1, 1, 4, 4], [1, 1, 4, 4], [6, 6, 8, 9], [1, 1, 4, 4], [6, 6, 8, 9]],
                        [0.2, 0.9, 0.4, 0.5, 0.7], 0.5),
    "score ties": ([[0, 0, 2, 2], [5, 5, 7, 7], [0, 0, 2, 2], [5, 5, 7, 7.5]], [0.7, 0.6, 0.7, 0.6], 0.5),
    "zero-area boxes": ([[1, 1, 1, 1], [1, 1, 1, 1], [0, 0, 2, 2], [0, 1, 2, 1], [0, 0, 2, 2.1]],
                        [0.9, 0.8, 0.7, 0.6, 0.5], 0.0),
    "small boxes (where +1 areas matter)": ([[0, 0, 4, 4], [1, 0, 5, 4], [20, 20, 21, 21], [20.5, 20, 21.5, 21]],
                                             [0.9, 0.8, 0.7, 0.6], 0.55),
    "float32 input": ([[0, 0, 3, 1], [1, 0, 4, 1], [0.5, 0, 3.5, 1], [2, 0, 5, 1]], [0.9, 0.8, 0.7, 0.6], 0.5, np.float32),
}


def random_case(seed):
    rng = np.random.default_rng(200 + seed)
    dtype = [np.float64, np.float32, np.float64][seed]
    boxes, scores = clustered_boxes(rng, objects=int(rng.integers(2, 6)), per_object=int(rng.integers(3, 10)),
                                    dtype=dtype)
    return boxes, scores, away_from_ties(boxes, float(rng.uniform(0.05, 0.95))), dtype  # any threshold


CASES = Cases(check, NAMED_CASES, random_case, seeds=3, name="matches greedy nms")


def test_many_score_ties(target):
    # 40 boxes, 4 distinct scores: an unstable sort visits tied boxes in a scrambled order.
    rng = np.random.default_rng(5)
    boxes, scores = clustered_boxes(rng, objects=5, per_object=8, jitter=0.3, tied_scores=[0.2, 0.4, 0.6, 0.8])
    check(target, (boxes, scores, away_from_ties(boxes, 0.5)))


def test_agrees_with_torchvision(target):
    rng = np.random.default_rng(9)
    boxes, scores = clustered_boxes(rng, objects=6, per_object=8)  # distinct scores: torchvision's sort is not stable
    expect_torchvision(target.nms, "nms", away_from_ties(boxes, 0.5), boxes=boxes, scores=scores)


def speed_case():
    rng = np.random.default_rng(0)
    boxes, scores = clustered_boxes(rng, objects=50, per_object=20, scale=1000.0, jitter=0.25, dtype=np.float32)
    return dict(boxes=boxes, scores=scores)


# Measured on a loaded 2-core machine, 1000 boxes, 420 kept: vectorised NumPy solutions take 0.3-0.5x the torch
# loop and 5-10x torchvision's kernel; pure Python takes 4-4.5x the torch loop and 100-200x torchvision's kernel.
SPEED = nms_speed("nms", 35, "torch greedy NMS loop", speed_case)
