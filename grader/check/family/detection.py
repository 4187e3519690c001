"""What the detection checks share (box_iou, nms, batched_nms): the optional torchvision, greedy NMS
written out in plain Python, the mistakes of plain NMS, and the comparison of kept-index lists.

Batched NMS can make every mistake of plain NMS within a label, so `nms_mistakes` names the nms
exercise's mistakes for both.
"""
from __future__ import annotations

import functools

import numpy as np
import pytest
import torch

from grader.check import CheckFailure, Speed, call, call_unchanged, describe, mistake_giving, mistakes
from grader.check.mistakes import refuted_on_a_pass

NMS = mistakes("nms")


@functools.lru_cache(maxsize=None)
def torchvision_ops():
    """torchvision.ops if it imports beside this torch, else None (it is optional)."""
    try:
        import torchvision.ops
    except Exception:  # noqa: BLE001 - absent, or built for another torch: either way, not usable
        return None
    return torchvision.ops


def torchvision_or_skip():
    """torchvision.ops for a cross-check, which is skipped (saying why) where torchvision is absent."""
    ops = torchvision_ops()
    if ops is None:
        pytest.skip("torchvision is not installed here (optional): cross-check skipped")
    return ops


def nms_speed(name, limit, fallback_name, timed_case):
    """SPEED of `name` (nms or batched_nms) on `timed_case()`, {"boxes": …, "scores": …[, "labels": …]}, at
    threshold 0.5: against torchvision.ops.<name> (C++, `limit`) where installed, else `torch_nms` (1.5)."""
    ops = torchvision_ops()

    def setup(target, device):
        arrays = timed_case()
        learner, args = getattr(target, name), list(arrays.values())
        B, S, *L = (torch.from_numpy(a) for a in args)  # L: [labels] for batched_nms
        reference = (lambda: torch_nms(B, S, 0.5, *L)) if ops is None else lambda: getattr(ops, name)(B, S, *L, 0.5)
        return lambda: learner(*args, 0.5), reference, describe(**arrays, iou_threshold=0.5)

    if ops is None:
        return Speed(setup, limit=1.5, reference=f"{fallback_name} (torchvision not installed)", rounds=7, budget_s=2.0)
    return Speed(setup, limit=limit, reference=f"torchvision {name}", rounds=7, budget_s=2.0)


# ----- the specification, in plain Python -------------------------------------------------------

def iou_of_pair(a, b, plus=0.0, empty=0.0):
    """IoU of two (x1, y1, x2, y2) boxes; `empty` (0 in the spec, NaN for an unguarded 0/0) when the union is 0."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]) + plus)
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]) + plus)
    inter = w * h
    union = (a[2] - a[0] + plus) * (a[3] - a[1] + plus) + (b[2] - b[0] + plus) * (b[3] - b[1] + plus) - inter
    return inter / union if union > 0 else empty


def same_label(labels):
    """(i, k) -> whether boxes i and k may suppress each other: always in plain NMS, else within a label."""
    return (lambda i, k: True) if labels is None else (lambda i, k: labels[i] == labels[k])


def greedy(boxes, scores, threshold, *, labels=None, order=None, suppresses=lambda iou, t: iou > t,
           by_any_earlier=False, plus=0.0, empty=0.0):
    """The definition: by decreasing score (ties: lower index first), keep a box unless a KEPT box (of
    the same label, given labels) overlaps it by more than the threshold. A knob changed: a mistake."""
    if order is None:
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    rivals = same_label(labels)
    kept, seen = [], []
    for i in order:
        judges = seen if by_any_earlier else kept
        if not any(rivals(i, k) and suppresses(iou_of_pair(boxes[i], boxes[k], plus, empty), threshold)
                   for k in judges):
            kept.append(i)
        seen.append(i)
    return kept


def tie_order_from(got, scores):
    """A visiting order by decreasing score whose ties follow the learner's output (then the index)."""
    rank = {i: p for p, i in enumerate(got)}
    return sorted(range(len(scores)), key=lambda i: (-scores[i], rank.get(i, len(got)), i))


def nms_mistakes(boxes, scores, labels, threshold, spec, got):
    """{mistake: the indices it keeps} for this case, most specific first (`spec`: the right ones; `got`:
    the learner's, an int64 array once a variant runs). With labels, the same mistakes in batched NMS.

    Without score ties both tie variants visit in the spec's order, so they give the spec: never named.
    """
    n = len(scores)
    position = {i: p for p, i in enumerate(sorted(range(n), key=lambda i: (-scores[i], i)))}
    gives = functools.partial(greedy, boxes, scores, threshold, labels=labels)
    reversed_ties = lambda: gives(order=sorted(range(n), key=lambda i: (-scores[i], -i)))  # noqa: E731

    def any_tie_order():
        # Fits every order of ties, so it explains only what the precise "higher index first" does not.
        kept = gives(order=tie_order_from(got.tolist(), scores))
        if kept == reversed_ties():
            raise ValueError("the ties are visited higher index first: a more precise mistake explains it")
        return kept

    return {NMS.not_by_score: lambda: gives(order=list(range(n))),
            NMS.ascending: lambda: gives(order=sorted(range(n), key=lambda i: (scores[i], i))),
            NMS.ties_reversed: reversed_ties,
            NMS.ties_unstable: any_tie_order,
            NMS.greater_equal: lambda: gives(suppresses=lambda iou, t: iou >= t),
            NMS.by_suppressed: lambda: gives(by_any_earlier=True),
            NMS.index_order: lambda: sorted(spec),
            NMS.sorted_positions: lambda: [position[i] for i in spec],
            NMS.plus_one: lambda: gives(plus=1.0),
            # 0/0 = NaN for two empty boxes, then a filter `iou <= threshold`, False for NaN: the box is dropped.
            NMS.nan_iou: lambda: gives(suppresses=lambda iou, t: not iou <= t, empty=float("nan"))}


# ----- comparing index lists -------------------------------------------------------------------

def _listing(indices, limit=12):
    indices = list(indices)
    shown = ", ".join(str(i) for i in indices[:limit])
    return f"[{shown}{', …' if len(indices) > limit else ''}] ({len(indices)} kept)"


def explain_difference(got, expected, boxes, scores, threshold, labels=None):
    """One sentence about the first box that is wrongly kept or wrongly dropped."""
    if sorted(got) == sorted(expected):
        return "the right boxes, in the wrong order: return them by decreasing score (ties: lower index first)"
    rivals = same_label(labels)
    kept_before = lambda box: expected[:expected.index(box)] if box in expected else \
        [k for k in expected if (-scores[k], k) < (-scores[box], box)]  # noqa: E731
    extra = [i for i in got if i not in expected]
    missing = [i for i in expected if i not in got]
    if extra and 0 <= extra[0] < len(scores):
        i = extra[0]
        for k in kept_before(i):
            iou = iou_of_pair(boxes[i], boxes[k])
            if rivals(i, k) and iou > threshold:
                return (f"box {i} (score {scores[i]:.4g}) should be suppressed: its IoU with box {k} "
                        f"(score {scores[k]:.4g}, kept) is {iou:.4g} > {threshold}")
    if missing:
        i = missing[0]
        earlier = [(iou_of_pair(boxes[i], boxes[k]), k) for k in kept_before(i) if rivals(i, k)]
        worst = max(earlier, default=(0.0, None))
        why = (f"its largest IoU with a box kept before it is {worst[0]:.4g} (box {worst[1]}), "
               f"not > {threshold}") if worst[1] is not None else "no box is kept before it"
        return f"box {i} (score {scores[i]:.4g}) should be kept: {why}"
    return "indices out of range: every index must point into boxes"


def expect_indices(got, expected, *, case, boxes, scores, threshold, labels=None, mistakes=None):
    """The learner's kept indices must equal `expected`, as a 1-D int64 array.

    `mistakes` is {mistake: variant or [variants]}, a variant giving the indices that mistake keeps;
    the first that gives the learner's is named. boxes, scores and labels are lists (for the message).
    """
    if not isinstance(got, np.ndarray):
        kind = "None (did you forget to `return` the result?)" if got is None else f"a {type(got).__name__}"
        raise CheckFailure(f"expected a NumPy array of int64 indices but your function returned {kind}", case=case)
    if got.dtype == np.bool_:
        raise CheckFailure(f"got a boolean array of shape {got.shape}; expected the kept indices "
                           f"{_listing(expected)}", case=case, mistake=NMS.keep_mask)
    if got.ndim != 1:
        raise CheckFailure(f"wrong output shape: got {got.shape}, expected ({len(expected)},): "
                           f"a 1-D array of indices", case=case)
    if np.issubdtype(got.dtype, np.floating):
        same = "the values are right, " if got.tolist() == expected else ""
        raise CheckFailure(f"wrong dtype: got {got.dtype}, expected int64 ({same}but indices must be integers)",
                           case=case, mistake=NMS.float_indices)
    if got.dtype != np.int64:
        raise CheckFailure(f"wrong dtype: got {got.dtype}, expected int64", case=case)
    got_list = got.tolist()
    if got_list == expected:
        refuted_on_a_pass(got_list, mistakes or {})  # a mistake that would have failed here is not the learner's
        return
    raise CheckFailure(f"kept indices differ:\n  got      {_listing(got_list)}\n  expected {_listing(expected)}\n"
                       f"{explain_difference(got_list, expected, boxes, scores, threshold, labels)}",
                       case=case, mistake=mistake_giving(got_list, mistakes or {}))


# ----- cases and checks ------------------------------------------------------------------------

def arrays(rows, scores, labels=None, dtype=np.float64, label_dtype=np.int64):
    """A case's inputs as fresh arrays: boxes (N, 4), scores (N,) and, for batched NMS, labels (N,)."""
    made = dict(boxes=np.array(rows, dtype=dtype).reshape(-1, 4), scores=np.array(scores, dtype=dtype))  # (N, 4), (N,)
    return made if labels is None else made | dict(labels=np.array(labels, dtype=label_dtype))


def as_lists(boxes, scores, labels=None):
    """The inputs as float64 lists, for the plain-Python spec."""
    return (boxes.astype(np.float64).tolist(), scores.astype(np.float64).tolist(),
            None if labels is None else labels.tolist())


def show_small(case, **arrays):
    if all(len(a) <= 6 for a in arrays.values()):
        case += "".join(f"\n  {name} = {np.asarray(a).tolist()}" for name, a in arrays.items())
    return case


def check_case(fn, threshold, mistakes, **arrays):
    """One case of nms or batched_nms (arrays: boxes, scores[, labels]) against greedy NMS.

    `mistakes(boxes, scores, labels, threshold, spec, got)` gives the case's {mistake: variant}."""
    case = show_small(describe(**arrays, iou_threshold=threshold), **arrays)
    got = call_unchanged(fn, *arrays.values(), threshold, case=case)
    b, s, c = as_lists(**arrays)
    spec = greedy(b, s, threshold, labels=c)
    expect_indices(got, spec, case=case, boxes=b, scores=s, threshold=threshold, labels=c,
                   mistakes=mistakes(b, s, c, threshold, spec, got))


def expect_torchvision(fn, name, threshold, **arrays):
    """The cross-check against torchvision.ops.<name>, skipped where torchvision is absent."""
    ops = torchvision_or_skip()
    case = describe(**arrays, iou_threshold=threshold) + f" (against torchvision.ops.{name})"
    got = call(fn, *arrays.values(), threshold)
    expected = getattr(ops, name)(*map(torch.from_numpy, arrays.values()), threshold).tolist()
    b, s, c = as_lists(**arrays)
    expect_indices(got, expected, case=case, boxes=b, scores=s, threshold=threshold, labels=c)


def clustered_boxes(rng, objects, per_object, scale=100.0, jitter=0.15, dtype=np.float64, classes=None,
                    tied_scores=None):
    """Detector-like output: `per_object` noisy boxes around each of `objects` objects, shuffled: boxes and
    scores and, given `classes`, labels (an object's boxes share one, except 20% that get a random one).

    With tied_scores, the scores are drawn from those few values instead (ties for the sort)."""
    centre = rng.uniform(0, scale, size=(objects, 2)).repeat(per_object, axis=0)  # (N, 2)
    size = rng.uniform(scale / 20, scale / 4, size=(objects, 2)).repeat(per_object, axis=0)  # (N, 2)
    centre = centre + rng.normal(0, jitter, size=centre.shape) * size
    size = size * np.exp(rng.normal(0, jitter, size=size.shape))
    boxes = np.concatenate([centre - size / 2, centre + size / 2], axis=1)  # (N, 4)
    scores = rng.uniform(0, 1, size=len(boxes))
    order = rng.permutation(len(boxes))
    owner = np.arange(len(boxes))[order] // per_object  # (N,) the object of each box
    boxes, scores = boxes[order].astype(dtype), scores[order].astype(dtype)
    if classes:
        labels = rng.integers(0, classes, size=objects)[owner]  # (N,) the class of each box's object
        confused = rng.random(len(labels)) < 0.2
        labels[confused] = rng.integers(0, classes, size=int(confused.sum()))
    if tied_scores:
        scores = rng.choice(tied_scores, size=len(scores)).astype(dtype)
    return (boxes, scores) if not classes else (boxes, scores, labels.astype(np.int64))


def away_from_ties(boxes, threshold):
    """Move a random case's threshold off any IoU it would hit within float32 rounding."""
    b = boxes.astype(np.float64).tolist()
    ious = [iou_of_pair(b[i], b[j]) for i in range(len(b)) for j in range(i)]
    while any(abs(iou - threshold) < 1e-4 for iou in ious):
        threshold += 3e-4
    return threshold


def torch_nms(boxes: torch.Tensor, scores: torch.Tensor, threshold: float, labels=None) -> torch.Tensor:
    """The speed reference where torchvision is absent: greedy NMS, one vectorised torch step per kept box;
    with labels, on boxes shifted apart per label."""
    if labels is not None:
        span = boxes.max() - boxes.min() + 1  # wider than any box: shifted labels cannot overlap
        boxes = boxes + (labels.to(boxes.dtype) * span)[:, None]  # (N, 4)
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
