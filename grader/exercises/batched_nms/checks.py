"""Checks of exercises/batched_nms.py against class-aware greedy NMS written out in plain Python.

The oracle is the definition (by decreasing score, keep a box unless a kept box OF THE SAME LABEL
overlaps it by more than the threshold). torchvision.ops.batched_nms, where installed, is an extra
cross-check and the speed reference; without it, a greedy loop in torch is. The IoU, the index
comparison and the single-label mistakes are those of the nms checks (grader.check.family.detection).
"""
from __future__ import annotations

import numpy as np

from grader.check import Cases, mistakes
from grader.check.family.detection import (arrays, away_from_ties, check_case, clustered_boxes, expect_torchvision,
                                           greedy, nms_mistakes, nms_speed)

MISTAKE = mistakes("batched_nms")


def batched_mistakes(boxes, scores, labels, threshold, spec, got):
    """{mistake: the indices it keeps}, most specific first; then those of plain NMS, within a label."""
    by_label = [[i for i in spec if labels[i] == c] for c in sorted(set(labels))]  # each by decreasing score
    local = {i: sum(labels[j] == labels[i] for j in range(i)) for i in range(len(labels))}  # position in its label

    def offset_trick_max_plus_one():  # None (no mistake) where a label is negative
        top = max((v for b in boxes for v in b), default=0.0)
        shifted = [[v + labels[i] * (top + 1) for v in b] for i, b in enumerate(boxes)]
        return greedy(shifted, scores, threshold) if min(labels, default=0) >= 0 else None

    # With one label, grouping by label gives the spec: never named.
    return {MISTAKE.ignores_labels: lambda: greedy(boxes, scores, threshold),
            MISTAKE.offset_too_small: offset_trick_max_plus_one,
            MISTAKE.grouped: [lambda: [i for g in by_label for i in g], lambda: [i for g in by_label[::-1] for i in g]],
            MISTAKE.index_order: lambda: sorted(spec),
            MISTAKE.local_indices: [lambda: [local[i] for i in spec], lambda: [local[i] for g in by_label for i in g]],
            **nms_mistakes(boxes, scores, labels, threshold, spec, got)}


def check(target, params):
    rows, scores, labels, threshold, *dtypes = params
    check_case(target.batched_nms, threshold, batched_mistakes, **arrays(rows, scores, labels, *dtypes))


NAMED_CASES = {
    "smallest: two overlapping boxes, different labels": ([[0, 0, 2, 2], [0, 0, 2, 3]], [0.9, 0.8], [0, 1], 0.5),
    "one box": ([[1, 1, 3, 4]], [0.3], [2], 0.5),
    "empty input (N = 0)": ([], [], [], 0.5),
    "same label suppresses, another label does not": ([[0, 0, 2, 2], [0, 0, 2, 3], [0, 0, 2, 2.5]],
                                                      [0.9, 0.8, 0.7], [0, 0, 1], 0.5),
    "one label only (plain NMS)": ([[0, 0, 2, 2], [0, 0, 2, 3], [10, 10, 12, 12]], [0.5, 0.8, 0.6], [3, 3, 3], 0.5),
    "result by score across labels": ([[0, 0, 2, 2], [5, 5, 7, 7], [10, 0, 12, 2], [0, 10, 2, 12], [0, 0, 2, 2.2]],
                                      [0.9, 0.8, 0.6, 0.7, 0.5], [0, 1, 0, 1, 0], 0.5),
    "labels not starting at 0, not contiguous": ([[0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 2, 3], [0, 0, 2, 2.5]],
                                                 [0.6, 0.9, 0.8, 0.7], [7, 3, 7, 42], 0.5),
    "boxes with negative coordinates": ([[-100, -100, 0, 0], [-100, -100, 0, 0], [-100, -100, -1, 0],
                                         [-100, -100, 0, 0]], [0.9, 0.8, 0.7, 0.6], [0, 1, 0, 100], 0.5),
    "identical boxes, different labels": ([[1, 1, 4, 4]] * 4, [0.2, 0.9, 0.4, 0.5], [0, 1, 2, 1], 0.5),
    "score ties across labels": ([[0, 0, 2, 2], [0, 0, 2, 2], [5, 5, 7, 7], [5, 5, 7, 7]], [0.5, 0.5, 0.5, 0.5],
                                 [1, 0, 1, 0], 0.5),
    "threshold exactly hit": ([[0, 0, 3, 1], [1, 0, 4, 1], [1, 0, 4, 1]], [0.9, 0.8, 0.7], [0, 0, 1], 0.5),
    "zero-area boxes": ([[1, 1, 1, 1], [1, 1, 1, 1], [0, 0, 2, 2], [0, 0, 2, 2.1]], [0.9, 0.8, 0.7, 0.6],
                        [0, 0, 1, 1], 0.0),
    # The ends of the threshold's range: 0 (any overlap within a label suppresses), 1 (nothing does).
    "threshold 0: any overlap within a label suppresses": ([[0, 0, 2, 2], [1, 1, 3, 3], [1, 1, 3, 3], [5, 5, 6, 6]],
                                                           [0.9, 0.8, 0.7, 0.6], [0, 0, 1, 0], 0.0),
    "threshold 1: nothing is suppressed": ([[0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 2, 2.5]], [0.1, 0.3, 0.2], [0, 0, 0],
                                           1.0),
    "float32 boxes, int32 labels": ([[0, 0, 3, 1], [1, 0, 4, 1], [0.5, 0, 3.5, 1], [2, 0, 5, 1]],
                                    [0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0], 0.3, np.float32, np.int32),
}


def random_case(seed):
    rng = np.random.default_rng(300 + seed)
    dtype = [np.float64, np.float32, np.float64][seed]
    boxes, scores, labels = clustered_boxes(rng, objects=int(rng.integers(2, 6)), per_object=int(rng.integers(4, 10)),
                                            jitter=0.2, dtype=dtype, classes=3,
                                            tied_scores=[0.25, 0.5, 0.75] if seed == 2 else None)
    return boxes, scores, labels, away_from_ties(boxes, float(rng.uniform(0.05, 0.95))), dtype  # any threshold


CASES = Cases(check, NAMED_CASES, random_case, seeds=3, name="matches per label greedy nms")


def test_agrees_with_torchvision(target):
    rng = np.random.default_rng(11)
    boxes, scores, labels = clustered_boxes(rng, objects=6, per_object=8, jitter=0.2, classes=3)  # distinct scores
    expect_torchvision(target.batched_nms, "batched_nms", away_from_ties(boxes, 0.5), boxes=boxes, scores=scores,
                       labels=labels)


def speed_case():
    rng = np.random.default_rng(0)
    boxes, scores, labels = clustered_boxes(rng, objects=50, per_object=40, scale=1000.0, jitter=0.25,
                                            dtype=np.float32, classes=2)
    return dict(boxes=boxes, scores=scores, labels=labels)


# Measured on 2000 boxes, 2 labels, ~710 kept: vectorised NumPy solutions take 0.2-0.5x the torch loop and 4-8x
# torchvision's C++ kernel (timed through a C copy of its loops); pure Python takes ~4x the torch loop and ~70x
# torchvision's kernel.
SPEED = nms_speed("batched_nms", 25, "torch greedy NMS loop on shifted boxes", speed_case)
