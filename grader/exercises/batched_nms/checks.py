"""Checks of exercises/batched_nms.py against class-aware greedy NMS written out in plain Python.

The oracle is the definition (by decreasing score, keep a box unless a kept box OF THE SAME LABEL
overlaps it by more than the threshold). torchvision.ops.batched_nms, where installed, is an extra
cross-check and the speed reference; without it, a greedy loop in torch is. The IoU, the index
comparison and the single-label mistakes are those of the nms checks.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from grader.check import call, describe, expect_fast, expect_unchanged, measure, mistakes, snapshot
from grader.exercises.nms.checks import (Explainer, away_from_ties, clustered_boxes, expect_indices, greedy_variant,
                                    iou_of_pair, nms_mistakes, show_small, torch_greedy_nms, torchvision_ops)

MISTAKE = mistakes('batched_nms')



def greedy_batched_nms(boxes, scores, labels, threshold):
    """The definition: by decreasing score (ties: lower index first), keep a box unless a KEPT box
    of the same label overlaps it by more than the threshold."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    kept = []
    for i in order:
        if all(labels[k] != labels[i] or iou_of_pair(boxes[i], boxes[k]) <= threshold for k in kept):
            kept.append(i)
    return kept


def batched_mistakes(boxes, scores, labels, threshold):
    """(mistake, test of the learner's wrong output), most specific first."""
    spec = greedy_batched_nms(boxes, scores, labels, threshold)
    groups = sorted(set(labels))
    by_label = [[i for i in spec if labels[i] == c] for c in groups]  # each by decreasing score
    local = {i: sum(labels[j] == labels[i] for j in range(i)) for i in range(len(labels))}  # position in its label

    def offset_trick_max_plus_one():
        top = max((v for b in boxes for v in b), default=0.0)
        shifted = [[v + labels[i] * (top + 1) for v in b] for i, b in enumerate(boxes)]
        return greedy_variant(shifted, scores, threshold)

    return [
        (MISTAKE.ignores_labels, lambda got: got == greedy_variant(boxes, scores, threshold)),
        (MISTAKE.offset_too_small, lambda got: min(labels, default=0) >= 0 and got == offset_trick_max_plus_one()),
        (MISTAKE.grouped, lambda got: len(groups) > 1 and got in ([i for g in by_label for i in g],
                                                          [i for g in reversed(by_label) for i in g])),
        (MISTAKE.index_order, lambda got: got == sorted(spec)),
        (MISTAKE.local_indices, lambda got: got in ([local[i] for i in spec], [local[i] for g in by_label for i in g])),
        *nms_mistakes(boxes, scores, threshold, labels=labels),
    ]


def check_case(batched_nms, boxes, scores, labels, threshold):
    case = show_small(describe(boxes=boxes, scores=scores, labels=labels, iou_threshold=threshold),
                      boxes=boxes, scores=scores, labels=labels)
    before = snapshot(boxes=boxes, scores=scores, labels=labels)
    got = call(batched_nms, boxes, scores, labels, threshold)
    expect_unchanged(before, {"boxes": boxes, "scores": scores, "labels": labels}, case=case)
    b, s, c = boxes.astype(np.float64).tolist(), scores.astype(np.float64).tolist(), labels.tolist()
    expect_indices(got, greedy_batched_nms(b, s, c, threshold), case=case,
                   mistakes=batched_mistakes(b, s, c, threshold),
                   explain=Explainer(b, s, threshold, same_label=lambda i, j: c[i] == c[j]))


def arrays(rows, scores, labels, dtype=np.float64, label_dtype=np.int64):
    return (np.array(rows, dtype=dtype).reshape(-1, 4), np.array(scores, dtype=dtype),
            np.array(labels, dtype=label_dtype))


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
    "float32 boxes, int32 labels": ([[0, 0, 3, 1], [1, 0, 4, 1], [0.5, 0, 3.5, 1], [2, 0, 5, 1]],
                                    [0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0], 0.3, np.float32, np.int32),
}


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_per_label_greedy_nms(target, params):
    rows, scores, labels, threshold, *dtypes = params
    boxes, scores, labels = arrays(rows, scores, labels, *dtypes)
    check_case(target.batched_nms, boxes, scores, labels, threshold)


def detections(rng, objects, per_object, classes, scale=100.0, jitter=0.2, dtype=np.float64, tied_scores=False):
    """Clustered boxes; each object's boxes share a label, except 20% that get a random one."""
    boxes, scores, owner = clustered_boxes(rng, objects, per_object, scale=scale, jitter=jitter, dtype=dtype,
                                           with_objects=True)
    labels = rng.integers(0, classes, size=objects)[owner]  # (N,) the class of each box's object
    confused = rng.random(len(labels)) < 0.2
    labels[confused] = rng.integers(0, classes, size=int(confused.sum()))
    if tied_scores:
        scores = rng.choice([0.25, 0.5, 0.75], size=len(scores)).astype(dtype)
    return boxes, scores, labels.astype(np.int64)


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    rng = np.random.default_rng(300 + seed)
    boxes, scores, labels = detections(rng, objects=int(rng.integers(2, 6)), per_object=int(rng.integers(4, 10)),
                                       classes=3, dtype=[np.float64, np.float32, np.float64][seed],
                                       tied_scores=seed == 2)
    check_case(target.batched_nms, boxes, scores, labels, away_from_ties(boxes, [0.3, 0.5, 0.7][seed]))


def test_agrees_with_torchvision(target):
    ops = torchvision_ops()
    if ops is None:
        pytest.skip("torchvision is not installed here (optional): cross-check skipped")
    rng = np.random.default_rng(11)
    boxes, scores, labels = detections(rng, objects=6, per_object=8, classes=3)  # distinct scores
    threshold = away_from_ties(boxes, 0.5)
    case = describe(boxes=boxes, scores=scores, labels=labels, iou_threshold=threshold) + \
        " (against torchvision.ops.batched_nms)"
    got = call(target.batched_nms, boxes, scores, labels, threshold)
    expected = ops.batched_nms(torch.from_numpy(boxes), torch.from_numpy(scores), torch.from_numpy(labels),
                               threshold).tolist()
    c = labels.tolist()
    expect_indices(got, expected, case=case, mistakes=[],
                   explain=Explainer(boxes.tolist(), scores.tolist(), threshold, lambda i, j: c[i] == c[j]))


def torch_batched_nms(boxes: torch.Tensor, scores: torch.Tensor, labels: torch.Tensor, threshold: float):
    """The speed reference where torchvision is absent: shift each label's boxes apart, then one greedy loop."""
    span = boxes.max() - boxes.min() + 1  # wider than any box: shifted labels cannot overlap
    shifted = boxes + (labels.to(boxes.dtype) * span)[:, None]
    return torch_greedy_nms(shifted, scores, threshold)


def speed_reference():
    """(function, name, limit): torchvision's batched_nms where installed, else the torch loop above.

    Measured on 2000 boxes, 2 labels, ~710 kept: vectorised NumPy solutions take 0.2-0.5x the torch
    loop and 4-8x torchvision's C++ kernel (timed through a C copy of its loops); pure Python takes
    ~4x the torch loop and ~70x torchvision's kernel.
    """
    ops = torchvision_ops()
    if ops is not None:
        return ops.batched_nms, "torchvision batched_nms", 25
    return torch_batched_nms, "torch greedy NMS loop on shifted boxes (torchvision not installed)", 1.5


@pytest.mark.speed
def test_speed_against_torch(target):
    rng = np.random.default_rng(0)
    boxes, scores, labels = detections(rng, objects=50, per_object=40, classes=2, scale=1000.0, jitter=0.25,
                                       dtype=np.float32)
    B, S, L = torch.from_numpy(boxes), torch.from_numpy(scores), torch.from_numpy(labels)
    reference, name, limit = speed_reference()
    call(target.batched_nms, boxes, scores, labels, 0.5)  # a crash here is reported as a crash
    result = measure(lambda: target.batched_nms(boxes, scores, labels, 0.5), lambda: reference(B, S, L, 0.5),
                     limit=limit, reference_name=name, rounds=7, budget_s=2.0)
    expect_fast(result, case=describe(boxes=boxes, scores=scores, labels=labels, iou_threshold=0.5))
