"""Checks of exercises/nms.py against greedy NMS written out in plain Python.

The oracle is the definition (visit by decreasing score, keep a box unless a kept box overlaps
it by more than the threshold), slow and obviously right. torchvision.ops.nms, where installed,
is an extra cross-check and the speed reference; without it, a greedy loop in torch is.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from grader.check import call, CheckFailure, describe, expect_fast, expect_unchanged, measure, mistakes, snapshot
from grader.exercises.box_iou.checks import torchvision_ops  # one probe of the optional torchvision

MISTAKE = mistakes('nms')



# ----- the specification, in plain Python -------------------------------------------------------

def iou_of_pair(a, b, plus=0.0):
    """IoU of two (x1, y1, x2, y2) boxes; 0 when the union is 0."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]) + plus)
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]) + plus)
    inter = w * h
    union = (a[2] - a[0] + plus) * (a[3] - a[1] + plus) + (b[2] - b[0] + plus) * (b[3] - b[1] + plus) - inter
    return inter / union if union > 0 else 0.0


def greedy_nms(boxes, scores, threshold):
    """The definition: by decreasing score (ties: lower index first), keep a box unless a KEPT box
    overlaps it by more than the threshold."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    kept = []
    for i in order:
        if all(iou_of_pair(boxes[i], boxes[k]) <= threshold for k in kept):
            kept.append(i)
    return kept


def greedy_variant(boxes, scores, threshold, *, order=None, suppresses=lambda iou, t: iou > t,
                   by_any_earlier=False, plus=0.0, labels=None):
    """Greedy NMS as a classic mistake does it (one knob changed); per label if labels are given."""
    if order is None:
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    rivals = (lambda i, k: True) if labels is None else (lambda i, k: labels[i] == labels[k])
    kept, seen = [], []
    for i in order:
        judges = seen if by_any_earlier else kept
        if not any(rivals(i, k) and suppresses(iou_of_pair(boxes[i], boxes[k], plus), threshold) for k in judges):
            kept.append(i)
        seen.append(i)
    return kept


def tie_order_from(got, scores):
    """A visiting order by decreasing score whose ties follow the learner's output (then the index)."""
    rank = {i: p for p, i in enumerate(got)}
    return sorted(range(len(scores)), key=lambda i: (-scores[i], rank.get(i, len(got)), i))


def nms_mistakes(boxes, scores, threshold, labels=None):
    """(mistake, test of the learner's wrong output) for this case, most specific first.

    With labels, the same mistakes made inside batched NMS (suppression only within a label)."""
    n = len(scores)
    by_score = sorted(range(n), key=lambda i: (-scores[i], i))
    position = {i: p for p, i in enumerate(by_score)}
    spec = greedy_variant(boxes, scores, threshold, labels=labels)
    has_ties = len(set(scores)) < n

    def gives(order=None, **knobs):
        return lambda got: got == greedy_variant(boxes, scores, threshold, order=order, labels=labels, **knobs)

    return [
        (MISTAKE.not_by_score, gives(order=list(range(n)))),
        (MISTAKE.ascending, gives(order=sorted(range(n), key=lambda i: (scores[i], i)))),
        (MISTAKE.ties_reversed, lambda got: has_ties and gives(order=sorted(range(n), key=lambda i: (-scores[i], -i)))(got)),
        (MISTAKE.ties_unstable, lambda got: has_ties and gives(order=tie_order_from(got, scores))(got)),
        (MISTAKE.greater_equal, gives(suppresses=lambda iou, t: iou >= t)),
        (MISTAKE.by_suppressed, gives(by_any_earlier=True)),
        (MISTAKE.index_order, lambda got: got == sorted(spec)),
        (MISTAKE.sorted_positions, lambda got: got == [position[i] for i in spec]),
        (MISTAKE.plus_one, gives(plus=1.0)),
    ]


# ----- comparing index lists -------------------------------------------------------------------

def _listing(indices, limit=12):
    indices = list(indices)
    shown = ", ".join(str(i) for i in indices[:limit])
    return f"[{shown}{', …' if len(indices) > limit else ''}] ({len(indices)} kept)"


def explain_difference(got, expected, boxes, scores, threshold, same_label=lambda i, j: True):
    """One sentence about the first box that is wrongly kept or wrongly dropped."""
    if sorted(got) == sorted(expected):
        return "the right boxes, in the wrong order: return them by decreasing score (ties: lower index first)"
    kept_before = lambda box: expected[:expected.index(box)] if box in expected else \
        [k for k in expected if (-scores[k], k) < (-scores[box], box)]  # noqa: E731
    extra = [i for i in got if i not in expected]
    missing = [i for i in expected if i not in got]
    if extra and 0 <= extra[0] < len(scores):
        i = extra[0]
        for k in kept_before(i):
            iou = iou_of_pair(boxes[i], boxes[k])
            if same_label(i, k) and iou > threshold:
                return (f"box {i} (score {scores[i]:.4g}) should be suppressed: its IoU with box {k} "
                        f"(score {scores[k]:.4g}, kept) is {iou:.4g} > {threshold}")
    if missing:
        i = missing[0]
        earlier = [(iou_of_pair(boxes[i], boxes[k]), k) for k in kept_before(i) if same_label(i, k)]
        worst = max(earlier, default=(0.0, None))
        why = (f"its largest IoU with a box kept before it is {worst[0]:.4g} (box {worst[1]}), "
               f"not > {threshold}") if worst[1] is not None else "no box is kept before it"
        return f"box {i} (score {scores[i]:.4g}) should be kept: {why}"
    return "indices out of range: every index must point into boxes"


def expect_indices(got, expected, *, case, mistakes, explain):
    """The learner's kept indices must equal the spec's, as a 1-D int64 array.

    `mistakes` is a list of (mistake, test): the first whose test accepts the wrong output is named.
    """
    if not isinstance(got, np.ndarray):
        kind = "None (did you forget to `return` the result?)" if got is None else f"a {type(got).__name__}"
        raise CheckFailure(f"expected a NumPy array of int64 indices but your function returned {kind}", case=case)
    if got.dtype == np.bool_:
        raise CheckFailure(f"got a boolean array of shape {got.shape}; expected the kept indices "
                           f"{_listing(expected)}", case=case, mistake=MISTAKE.keep_mask)
    if got.ndim != 1:
        raise CheckFailure(f"wrong output shape: got {got.shape}, expected ({len(expected)},): "
                           f"a 1-D array of indices", case=case)
    if np.issubdtype(got.dtype, np.floating):
        same = "the values are right, " if got.tolist() == expected else ""
        raise CheckFailure(f"wrong dtype: got {got.dtype}, expected int64 ({same}but indices must be integers)",
                           case=case, mistake=MISTAKE.float_indices)
    if got.dtype != np.int64:
        raise CheckFailure(f"wrong dtype: got {got.dtype}, expected int64", case=case)
    got_list = got.tolist()
    if got_list == expected:
        return
    mistake = next((m for m, test in mistakes if test(got_list)), None)
    raise CheckFailure(f"kept indices differ:\n  got      {_listing(got_list)}\n  expected {_listing(expected)}\n"
                       f"{explain(got_list, expected)}", case=case, mistake=mistake)


class Explainer:
    def __init__(self, boxes, scores, threshold, same_label=lambda i, j: True):
        self.boxes, self.scores, self.threshold, self.same_label = boxes, scores, threshold, same_label

    def __call__(self, got, expected):
        return explain_difference(got, expected, self.boxes, self.scores, self.threshold, self.same_label)


def show_small(case, **arrays):
    if all(len(a) <= 6 for a in arrays.values()):
        case += "".join(f"\n  {name} = {np.asarray(a).tolist()}" for name, a in arrays.items())
    return case


# ----- the checks ------------------------------------------------------------------------------

def check_case(nms, boxes, scores, threshold):
    case = show_small(describe(boxes=boxes, scores=scores, iou_threshold=threshold), boxes=boxes, scores=scores)
    before = snapshot(boxes=boxes, scores=scores)
    got = call(nms, boxes, scores, threshold)
    expect_unchanged(before, {"boxes": boxes, "scores": scores}, case=case)
    b, s = boxes.astype(np.float64).tolist(), scores.astype(np.float64).tolist()
    expect_indices(got, greedy_nms(b, s, threshold), case=case, mistakes=nms_mistakes(b, s, threshold),
                   explain=Explainer(b, s, threshold))


def clustered_boxes(rng, objects, per_object, scale=100.0, jitter=0.15, dtype=np.float64, with_objects=False):
    """Detector-like output: `per_object` noisy boxes around each of `objects` objects, shuffled.

    With with_objects, also the object each box belongs to."""
    centre = rng.uniform(0, scale, size=(objects, 2)).repeat(per_object, axis=0)
    size = rng.uniform(scale / 20, scale / 4, size=(objects, 2)).repeat(per_object, axis=0)
    centre = centre + rng.normal(0, jitter, size=centre.shape) * size
    size = size * np.exp(rng.normal(0, jitter, size=size.shape))
    boxes = np.concatenate([centre - size / 2, centre + size / 2], axis=1)
    scores = rng.uniform(0, 1, size=len(boxes))
    order = rng.permutation(len(boxes))
    if with_objects:
        return boxes[order].astype(dtype), scores[order].astype(dtype), np.arange(len(boxes))[order] // per_object
    return boxes[order].astype(dtype), scores[order].astype(dtype)


def away_from_ties(boxes, threshold):
    """Move a random case's threshold off any IoU it would hit within float32 rounding."""
    b = boxes.astype(np.float64).tolist()
    ious = [iou_of_pair(b[i], b[j]) for i in range(len(b)) for j in range(i)]
    while any(abs(iou - threshold) < 1e-4 for iou in ious):
        threshold += 3e-4
    return threshold


def arrays(rows, scores, dtype=np.float64):
    return np.array(rows, dtype=dtype).reshape(-1, 4), np.array(scores, dtype=dtype)


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


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_greedy_nms(target, params):
    rows, scores, threshold, *dtype = params
    check_case(target.nms, *arrays(rows, scores, *dtype), threshold)


def test_many_score_ties(target):
    # 40 boxes, 4 distinct scores: an unstable sort visits tied boxes in a scrambled order.
    rng = np.random.default_rng(5)
    boxes, _ = clustered_boxes(rng, objects=5, per_object=8, jitter=0.3)
    scores = rng.choice([0.2, 0.4, 0.6, 0.8], size=len(boxes))
    check_case(target.nms, boxes, scores, away_from_ties(boxes, 0.5))


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    rng = np.random.default_rng(200 + seed)
    dtype = [np.float64, np.float32, np.float64][seed]
    boxes, scores = clustered_boxes(rng, objects=int(rng.integers(2, 6)), per_object=int(rng.integers(3, 10)),
                                    dtype=dtype)
    check_case(target.nms, boxes, scores, away_from_ties(boxes, [0.3, 0.5, 0.7][seed]))


def test_agrees_with_torchvision(target):
    ops = torchvision_ops()
    if ops is None:
        pytest.skip("torchvision is not installed here (optional): cross-check skipped")
    rng = np.random.default_rng(9)
    boxes, scores = clustered_boxes(rng, objects=6, per_object=8)  # distinct scores: torchvision's sort is not stable
    threshold = away_from_ties(boxes, 0.5)
    case = describe(boxes=boxes, scores=scores, iou_threshold=threshold) + " (against torchvision.ops.nms)"
    got = call(target.nms, boxes, scores, threshold)
    expected = ops.nms(torch.from_numpy(boxes), torch.from_numpy(scores), threshold).tolist()
    expect_indices(got, expected, case=case, mistakes=[],
                   explain=Explainer(boxes.tolist(), scores.tolist(), threshold))


def torch_greedy_nms(boxes: torch.Tensor, scores: torch.Tensor, threshold: float) -> torch.Tensor:
    """The speed reference where torchvision is absent: greedy NMS, one vectorised torch step per kept box."""
    order = torch.argsort(scores, descending=True, stable=True)
    x1, y1, x2, y2 = boxes[order].unbind(1)  # sorted by decreasing score
    areas = (x2 - x1) * (y2 - y1)
    alive = torch.arange(len(order))  # positions in the sorted order still in the running
    keep = []
    while alive.numel() > 0:
        i, rest = alive[0], alive[1:]
        keep.append(i)
        w = (torch.minimum(x2[i], x2[rest]) - torch.maximum(x1[i], x1[rest])).clamp_(min=0)
        h = (torch.minimum(y2[i], y2[rest]) - torch.maximum(y1[i], y1[rest])).clamp_(min=0)
        inter = w * h
        alive = rest[inter <= threshold * (areas[i] + areas[rest] - inter)]  # IoU <= threshold, no 0/0
    return order[torch.stack(keep)] if keep else torch.empty(0, dtype=torch.int64)


def speed_reference():
    """(function, name, limit): torchvision's C++ nms where installed, else the torch loop above.

    Measured on a loaded 2-core machine, 1000 boxes, 420 kept: vectorised NumPy solutions take 0.3-0.5x the torch loop and 5-10x torchvision's
    kernel; pure Python takes 4-4.5x the torch loop and 100-200x torchvision's kernel.
    """
    ops = torchvision_ops()
    if ops is not None:
        return ops.nms, "torchvision nms", 35
    return torch_greedy_nms, "torch greedy NMS loop (torchvision not installed)", 1.5


@pytest.mark.speed
def test_speed_against_torch(target):
    rng = np.random.default_rng(0)
    boxes, scores = clustered_boxes(rng, objects=50, per_object=20, scale=1000.0, jitter=0.25, dtype=np.float32)
    B, S = torch.from_numpy(boxes), torch.from_numpy(scores)
    reference, name, limit = speed_reference()
    call(target.nms, boxes, scores, 0.5)  # a crash here is reported as a crash
    result = measure(lambda: target.nms(boxes, scores, 0.5), lambda: reference(B, S, 0.5),
                     limit=limit, reference_name=name, rounds=7, budget_s=2.0)
    expect_fast(result, case=describe(boxes=boxes, scores=scores, iou_threshold=0.5))
