"""Checks of exercises/classification_metrics.py against scikit-learn and the pairwise definition.

The oracles: scikit-learn's roc_auc_score and average_precision_score, and for ROC-AUC also the
definition itself (every positive-negative pair, 1 if the positive scores higher, 1/2 on a tie),
written out in float64. scikit-learn is bound here, before the learner's code is loaded.
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score

from grader.check import Cases, CheckFailure, Speed, call_unchanged, describe, expect_close, mistakes

MISTAKE = mistakes("classification_metrics")
TOLERANCE = {"float32": (1e-9, 1e-12), "float64": (1e-9, 1e-12)}  # the metrics are float64 whatever the scores


def t64(value) -> torch.Tensor:
    return torch.tensor(float(value), dtype=torch.float64)


def pairwise_auc(y, s) -> float:
    """The definition: P(score of a positive > score of a negative), ties counting half."""
    pos, neg = s[y == 1].astype(np.float64), s[y == 0].astype(np.float64)
    diff = pos[:, None] - neg[None, :]  # (P, N)
    return float((diff > 0).mean() + 0.5 * (diff == 0).mean())


# The classic mistakes' variants (to name them, never the oracle).
def auc_ordinal_ranks(y, s, descending=False):
    """Mann-Whitney with ranks from a sort that breaks ties by position."""
    order = np.argsort(-s if descending else s, kind="stable")
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1) if not descending else np.arange(len(s), 0, -1)
    P, N = int(y.sum()), int(len(y) - y.sum())
    return (ranks[y == 1].sum() - P * (P + 1) / 2) / (P * N)


def roc_points_unsorted(y, s, ends):
    P, N = y.sum(), len(y) - y.sum()
    tpr = np.array([((s >= t) & (y == 1)).sum() / P for t in s])
    fpr = np.array([((s >= t) & (y == 0)).sum() / N for t in s])
    if ends:
        tpr, fpr = np.r_[0.0, tpr, 1.0], np.r_[0.0, fpr, 1.0]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))


def pr_points(y, s, group_ties=True, order=None):
    order = np.argsort(-s, kind="stable") if order is None else order
    ys, ss = y[order].astype(np.float64), s[order]
    tp, fp = np.cumsum(ys), np.cumsum(1 - ys)
    if group_ties:
        last = np.r_[np.diff(ss) != 0, True]
        tp, fp = tp[last], fp[last]
    return tp / (tp + fp), tp / ys.sum()  # precision, recall


def ap_steps(precision, recall):
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def ap_variants_ties(y, s):
    return [lambda: t64(ap_steps(*pr_points(y, s, group_ties=False))),
            lambda: t64(ap_steps(*pr_points(y, s, group_ties=False, order=np.argsort(s, kind="stable")[::-1])))]


def ap_variants_trapezoid(y, s):
    p, r = pr_points(y, s)
    return [lambda: t64(np.sum(np.diff(r) * (p[1:] + p[:-1]) / 2)),
            lambda: t64(np.sum(np.diff(np.r_[0.0, r]) * (np.r_[1.0, p][1:] + np.r_[1.0, p][:-1]) / 2)),
            lambda: t64(np.sum(np.diff(np.r_[0.0, r]) * (np.r_[p[0], p][1:] + np.r_[p[0], p][:-1]) / 2))]


def as_number(got):
    """A float (or a 0-d float array) as the 0-d float64 array expect_close compares; anything else unchanged."""
    if isinstance(got, (float, np.floating)) or (isinstance(got, np.ndarray) and got.ndim == 0
                                                  and got.dtype.kind == "f"):
        return np.asarray(got, dtype=np.float64)
    return got


def check_auc(roc_auc, y, s):
    case = describe(y_true=y, y_score=s)
    got = call_unchanged(roc_auc, y, s, case=case)
    yi = y.astype(np.int64)
    expected = roc_auc_score(yi, s.astype(np.float64))
    if abs(expected - pairwise_auc(yi, s)) > 1e-12:  # the two oracles must agree
        raise AssertionError(f"oracles disagree on {case}")
    expect_close(as_number(got), t64(expected), case=case, dtype=np.float64, what="roc_auc", mistakes={
        MISTAKE.ties_by_order: [lambda: t64(auc_ordinal_ranks(yi, s)), lambda: t64(auc_ordinal_ranks(yi, s, True))],
        MISTAKE.unsorted_trapezoid: [lambda: t64(roc_points_unsorted(yi, s, True)),
                                     lambda: t64(roc_points_unsorted(yi, s, False))],
        MISTAKE.reversed: lambda: t64(1 - expected)})


def check_ap(average_precision, y, s):
    case = describe(y_true=y, y_score=s)
    got = call_unchanged(average_precision, y, s, case=case)
    yi = y.astype(np.int64)
    expected = average_precision_score(yi, s.astype(np.float64))
    expect_close(as_number(got), t64(expected), case=case, dtype=np.float64, what="average_precision", mistakes={
        MISTAKE.ties_by_order: ap_variants_ties(yi, s),
        MISTAKE.ap_trapezoid: ap_variants_trapezoid(yi, s),
        MISTAKE.reversed: lambda: t64(average_precision_score(yi, -s.astype(np.float64)))})


def given(y, s, dtype=np.float64, label=np.int64):
    return lambda: (np.array(y, dtype=label), np.array(s, dtype=dtype))


def random(seed, n, decimals=None, dtype=np.float64, label=np.int64, signal=1.0):
    def make():
        rng = np.random.default_rng(seed)
        y = rng.integers(0, 2, n)
        y[:2] = [0, 1]  # both classes
        s = rng.standard_normal(n) + signal * y
        if decimals is not None:
            s = np.round(s, decimals)
        return y.astype(label), s.astype(dtype)
    return make


# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
NAMED_CASES = {
    "smallest: one positive, one negative": given([0, 1], [0.2, 0.7]),
    "perfect ranking": given([0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.8, 0.9]),
    "reversed ranking": given([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.8]),
    "a positive tied with a negative": given([0, 1, 1, 0], [0.5, 0.5, 0.9, 0.1]),
    "every score tied": given([1, 0, 1, 0, 0], [0.3, 0.3, 0.3, 0.3, 0.3]),
    "unsorted input, no ties": random(1, 12),
    "integer scores, many ties": random(2, 40, decimals=0),
    "one positive among many": given([0, 0, 0, 1, 0, 0, 0], [0.3, 0.9, 0.1, 0.5, 0.7, 0.2, 0.4]),
    "boolean labels": given([True, False, True, False, True], [0.8, 0.3, 0.4, 0.6, 0.9], label=bool),
    "float32 scores with ties": random(3, 30, decimals=1, dtype=np.float32),
}


def random_case(seed):
    rng = np.random.default_rng(300 + seed)
    return random(seed + 10, int(rng.integers(5, 80)), decimals=[None, 1, 0, None][seed],
                  dtype=[np.float64, np.float32, np.float64, np.float64][seed], signal=float(rng.uniform(0, 2)))


CASES = [Cases(lambda target, make: check_auc(target.roc_auc, *make()), NAMED_CASES, random_case, seeds=4,
               name="roc_auc matches scikit-learn", random_name="roc_auc random case"),
         Cases(lambda target, make: check_ap(target.average_precision, *make()), NAMED_CASES, random_case, seeds=4,
               name="average_precision matches scikit-learn",
               random_name="average_precision random case")]


def test_returns_python_floats(target):
    y, s = random(5, 20, decimals=1)()
    for name in ("roc_auc", "average_precision"):
        got = call_unchanged(getattr(target, name), y, s, case=describe(y_true=y, y_score=s))
        if not isinstance(got, float):
            raise CheckFailure(f"{name} returned {type(got).__name__}; return a Python float: float(value)")


def speed_setup(target, device):
    y, s = random(0, 100_000, decimals=3)()
    return (lambda: target.roc_auc(y, s), lambda: roc_auc_score(y, s), describe(y_true=y, y_score=s))


SPEED = Speed(speed_setup, limit=2, reference="sklearn roc_auc_score")
