"""Checks of exercises/box_iou.py against the IoU formula written out in torch float64.

The oracle is the definition, broadcast over all pairs; torchvision.ops.box_iou is an extra
cross-check where torchvision is installed (it is optional: the check skips when it is absent).
"""
from __future__ import annotations

import numpy as np
import torch

from grader.check import CheckFailure, Cases, Speed, call, call_unchanged, describe, expect_close, mistakes
from grader.check.family.detection import torchvision_or_skip

MISTAKE = mistakes("box_iou")
TOLERANCE = {"float32": (1e-4, 1e-5)}


def safe_divide(inter, union):
    return torch.where(union > 0, inter / union.where(union > 0, 1.0), 0.0)


# Ways to guard the division that all agree when the union is positive, which it may not be
# after a mistake: 0 where union <= 0; divide by 1 there; divide whenever union != 0.
GUARDS = (safe_divide,
          lambda i, u: i / u.where(u > 0, 1.0),
          lambda i, u: torch.where(u != 0, i / u.where(u != 0, 1.0), 0.0))


def iou(b1, b2, *, plus=0.0, clamp=True, subtract_inter=True, divide=safe_divide):
    """The definition, in float64, for every pair (i, j): inter / union, and 0 where the union is 0;
    with a knob changed, the IoU as a classic mistake computes it."""
    area1 = (b1[:, 2] - b1[:, 0] + plus) * (b1[:, 3] - b1[:, 1] + plus)  # (N,)
    area2 = (b2[:, 2] - b2[:, 0] + plus) * (b2[:, 3] - b2[:, 1] + plus)  # (M,)
    w = torch.minimum(b1[:, None, 2], b2[None, :, 2]) - torch.maximum(b1[:, None, 0], b2[None, :, 0]) + plus  # (N, M)
    h = torch.minimum(b1[:, None, 3], b2[None, :, 3]) - torch.maximum(b1[:, None, 1], b2[None, :, 1]) + plus  # (N, M)
    if clamp:
        w, h = w.clamp(min=0), h.clamp(min=0)
    inter = w * h
    return divide(inter, area1[:, None] + area2[None, :] - (inter if subtract_inter else 0))  # (N, M)


def xywh_variant(b1, b2):
    as_xyxy = lambda b: torch.cat([b[:, :2], b[:, :2] + b[:, 2:]], dim=1)  # noqa: E731 - (n, 4)
    return iou(as_xyxy(b1), as_xyxy(b2))


def check_case(box_iou, boxes1, boxes2):
    case = describe(boxes1=boxes1, boxes2=boxes2)
    if len(boxes1) <= 4 and len(boxes2) <= 4:  # small cases: show the boxes themselves
        case += f"\n  boxes1 = {boxes1.tolist()}\n  boxes2 = {boxes2.tolist()}"
    got = call_unchanged(box_iou, boxes1, boxes2, case=case)

    B1, B2 = torch.from_numpy(boxes1).double(), torch.from_numpy(boxes2).double()
    expected = iou(B1, B2)
    N, M = len(boxes1), len(boxes2)
    if isinstance(got, np.ndarray) and got.shape == (N, M) and np.issubdtype(got.dtype, np.floating):
        union = iou(B1, B2, divide=lambda inter, union: union)  # (N, M), the union itself
        empty_pairs = (union == 0).numpy() & np.isnan(got)
        if empty_pairs.any():
            i, j = (int(k) for k in np.argwhere(empty_pairs)[0])
            raise CheckFailure(f"NaN at [{i}, {j}], where boxes1[{i}] = {boxes1[i].tolist()} and "
                               f"boxes2[{j}] = {boxes2[j].tolist()} both have zero area (expected 0)",
                               case=case, mistake=MISTAKE.nan_for_empty)

    mistakes = {MISTAKE.plus_one: lambda: iou(B1, B2, plus=1.0),
                MISTAKE.no_clamp: [lambda g=g: iou(B1, B2, clamp=False, divide=g) for g in GUARDS],
                MISTAKE.sum_of_areas: lambda: iou(B1, B2, subtract_inter=False),
                MISTAKE.transposed: lambda: expected.T,
                MISTAKE.xywh: lambda: xywh_variant(B1, B2)}

    def shape_hint(got_shape, expected_shape):
        if N == M and (got_shape == (N,) or (N > 1 and got_shape in ((N, 1), (1, N)))):
            return MISTAKE.elementwise
        if N != M and got_shape == (M, N):
            return MISTAKE.transposed
        return None

    expect_close(got, expected, case=case, dtype=boxes1.dtype, mistakes=mistakes, shape_hint=shape_hint)


def boxes(rows, dtype=np.float64):
    return np.array(rows, dtype=dtype).reshape(-1, 4)  # (N, 4), a fresh array


def check(target, params):
    rows1, rows2, *dtype = params
    check_case(target.box_iou, boxes(rows1, *dtype), boxes(rows2, *dtype))


def random_boxes(rng, n, scale=100.0, dtype=np.float64):
    """n boxes with corners in [0, scale], sides up to scale/3 (so some overlap and some do not)."""
    xy = rng.uniform(0, scale, size=(n, 2))
    wh = rng.uniform(0, scale / 3, size=(n, 2))
    return np.concatenate([xy, xy + wh], axis=1).astype(dtype)  # (n, 4)


def sized_case(seed, N, M, scale, dtype=np.float64, rng=None):
    rng = rng or np.random.default_rng(seed)
    return random_boxes(rng, N, scale, dtype), random_boxes(rng, M, scale, dtype), dtype


def random_case(seed):
    rng = np.random.default_rng(100 + seed)
    N, M = (int(n) for n in rng.integers(1, 20, size=2))
    return sized_case(seed, N, M, [1.0, 50.0, 1000.0][seed], [np.float64, np.float32, np.float64][seed], rng)


NAMED_CASES = {
    "smallest: one box each, overlapping": ([[0, 0, 2, 2]], [[1, 1, 3, 3]]),
    "identical boxes": ([[0, 0, 2, 3], [1, 1, 4, 2]], [[0, 0, 2, 3], [1, 1, 4, 2]]),
    "disjoint boxes": ([[0, 0, 1, 1]], [[2, 0, 3, 1], [0, 2, 1, 3], [2, 2, 3, 3], [3, 3, 5, 4]]),
    "touching edges": ([[0, 0, 1, 1]], [[1, 0, 2, 1], [1, 1, 2, 2], [0, 1, 1, 3]]),
    "one box inside another": ([[0, 0, 4, 4], [1, 1, 2, 2]], [[1, 1, 2, 2], [0, 0, 4, 4], [1, 0, 3, 4]]),
    "zero-area boxes": ([[1, 1, 1, 1], [0, 0, 0, 2], [0, 0, 2, 2]],
                        [[1, 1, 1, 1], [0, 1, 2, 1], [0, 0, 2, 2], [0, 0, 0, 2]]),
    "negative coordinates (boxes partly outside the image)": ([[-3, -2, 1, 2], [-1, -1, 0, 0]],
                                                              [[-2, -2, 2, 1], [0, -4, 3, -1]]),
    "fractional coordinates": ([[0.1, 0.2, 0.6, 0.9], [0.3, 0.1, 0.5, 0.4]],
                               [[0.2, 0.2, 0.7, 0.5], [0.0, 0.0, 0.4, 0.3], [0.5, 0.5, 0.9, 0.8]]),
    "empty boxes1 (N = 0)": ([], [[0, 0, 1, 1], [1, 1, 3, 3], [0, 0, 2, 2]]),
    "empty boxes2 (M = 0)": ([[0, 0, 1, 1], [1, 1, 3, 3]], []),
    "both empty": ([], []),
}

SIZED_CASES = {
    "3 x 5 boxes (N != M)": dict(seed=1, N=3, M=5, scale=10.0),
    "4 x 4 boxes (N == M)": dict(seed=2, N=4, M=4, scale=10.0),
    "float32 input": dict(seed=3, N=6, M=7, scale=100.0, dtype=np.float32),
    "large coordinates": dict(seed=4, N=5, M=9, scale=4000.0),
}

# In the order of the report: the named cases, the sized ones, then the random ones.
CASES = [Cases(check, NAMED_CASES, name="matches the formula"),
         Cases(lambda target, params: check(target, sized_case(**params)), SIZED_CASES, name="sized case"),
         Cases(check, random=random_case, seeds=3)]


def test_agrees_with_torchvision(target):
    ops = torchvision_or_skip()
    rng = np.random.default_rng(7)
    b1, b2 = random_boxes(rng, 12), random_boxes(rng, 9)  # positive areas: torchvision gives NaN for 0/0
    got = call(target.box_iou, b1, b2)
    expected = ops.box_iou(torch.from_numpy(b1), torch.from_numpy(b2))
    expect_close(got, expected, case=describe(boxes1=b1, boxes2=b2) + " (against torchvision.ops.box_iou)",
                 dtype=b1.dtype)


def torch_box_iou(b1: torch.Tensor, b2: torch.Tensor) -> torch.Tensor:
    """The speed reference where torchvision is absent: the same broadcast formula in torch."""
    x1, y1, x2, y2 = b1[:, 0, None], b1[:, 1, None], b1[:, 2, None], b1[:, 3, None]  # (N, 1) each
    u1, v1, u2, v2 = b2[None, :, 0], b2[None, :, 1], b2[None, :, 2], b2[None, :, 3]  # (1, M) each
    inter = (torch.minimum(x2, u2) - torch.maximum(x1, u1)).clamp_(min=0) * \
        (torch.minimum(y2, v2) - torch.maximum(y1, v1)).clamp_(min=0)
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter
    return inter / union


def speed_setup(target, device):
    # The reference is this formula in torch, not torchvision's box_iou: that one builds (N, M, 2)
    # tensors and is slower and noisier, which would make the limit mean different things.
    rng = np.random.default_rng(0)
    b1, b2 = random_boxes(rng, 300, dtype=np.float32), random_boxes(rng, 300, dtype=np.float32)
    B1, B2 = torch.from_numpy(b1), torch.from_numpy(b2)
    return lambda: target.box_iou(b1, b2), lambda: torch_box_iou(B1, B2), describe(boxes1=b1, boxes2=b2)


SPEED = Speed(speed_setup, limit=20, reference="torch broadcast IoU")
