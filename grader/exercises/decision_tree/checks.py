"""Checks of exercises/decision_tree.py against a brute-force CART and scikit-learn.

The oracle is the definition written out plainly: every feature, every midpoint between consecutive
distinct values, class counts by Python counting, the first largest gain. The trees it grows are
also compared with scikit-learn's DecisionTreeClassifier(criterion="gini") on data without ties,
where the two must agree (the checks assert it before they judge the learner).
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import torch
from sklearn.tree import DecisionTreeClassifier

from grader.check import Cases, CheckFailure, Speed, call_unchanged, describe, expect_close, mistake_giving, mistakes

MISTAKE = mistakes("decision_tree")
TIE = 1e-12


def ref_gini(labels) -> float:
    labels = list(labels)
    if not labels:
        return 0.0
    return 1.0 - sum((c / len(labels)) ** 2 for c in Counter(labels).values())


def ref_best_split(X, y, weighted=True, midpoint=True, gain=True):
    """(feature, threshold, gain) by the definition, or (None, None, 0.0) when nothing splits."""
    n, parent = len(y), ref_gini(y.tolist())
    best = (None, None, 0.0)
    best_score = -np.inf
    for f in range(X.shape[1]):
        values = sorted(set(X[:, f].tolist()))
        for lo, hi in zip(values, values[1:]):
            t = (lo + hi) / 2
            left, right = y[X[:, f] <= t].tolist(), y[X[:, f] > t].tolist()
            if weighted:
                child = len(left) / n * ref_gini(left) + len(right) / n * ref_gini(right)
            else:
                child = (ref_gini(left) + ref_gini(right)) / 2
            score = parent - child if gain else -child
            if score > best_score + TIE:
                best_score, best = score, (f, t if midpoint else lo, parent - child if gain else child)
    return best


def majority(labels) -> int:
    counts = Counter(labels)
    return min(counts, key=lambda c: (-counts[c], c))


def ref_fit(X, y, max_depth, min_samples_split=2, depth=0, **mode):
    labels = y.tolist()
    if depth >= max_depth or len(labels) < min_samples_split or len(set(labels)) == 1:
        return majority(labels)
    f, t, _ = ref_best_split(X, y, **mode)
    if f is None:
        return majority(labels)
    go_left = X[:, f] <= t
    return (f, t, ref_fit(X[go_left], y[go_left], max_depth, min_samples_split, depth + 1, **mode),
            ref_fit(X[~go_left], y[~go_left], max_depth, min_samples_split, depth + 1, **mode))


def ref_predict(tree, X) -> list[int]:
    out = []
    for row in X:
        node = tree
        while isinstance(node, tuple):
            f, t, left, right = node
            node = left if row[f] <= t else right
        out.append(int(node))
    return out


def data(seed, n, d, classes, decimals=2, signal=1.5):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, classes, n)
    X = np.round(rng.standard_normal((n, d)) + signal * rng.standard_normal((classes, d))[y], decimals)
    return X, y.astype(np.int64)


# gini ------------------------------------------------------------------------------------------
def check_gini(target, labels):
    y = np.array(labels, dtype=np.int64)
    case = describe(y=y)
    got = call_unchanged(target.gini, y, case=case)
    if not isinstance(got, (float, np.floating)):
        raise CheckFailure(f"gini returned {type(got).__name__}; return a Python float", case=case)
    expect_close(np.asarray(got, dtype=np.float64), torch.tensor(ref_gini(labels), dtype=torch.float64),
                 case=case, dtype=np.float64, what="gini")


GINI_CASES = {
    "pure node": [2, 2, 2],
    "two classes, half and half": [0, 1, 0, 1],
    "three classes, unequal": [0, 0, 0, 1, 1, 2],
    "one sample": [5],
    "empty": [],
    "labels not starting at 0": [3, 7, 7, 9, 9, 9],
}


# best_split ------------------------------------------------------------------------------------
def rounded(split):
    f, t, g = split
    if f is None:
        return (None, None, round(float(g), 9))
    return (int(f), round(float(t), 9), round(float(g), 9))


def check_split(target, make):
    X, y = make()
    case = describe(X=X, y=y)
    got = call_unchanged(target.best_split, X, y, case=case)
    if not (isinstance(got, tuple) and len(got) == 3):
        raise CheckFailure(f"best_split returned {type(got).__name__}; return (feature, threshold, gain)", case=case)
    expected = rounded(ref_best_split(X, y))
    try:
        got_r = rounded(got)
    except (TypeError, ValueError):
        raise CheckFailure(f"best_split returned {got!r}: (int, float, float), or (None, None, 0.0)", case=case) from None
    if got_r != expected:
        variants = {MISTAKE.unweighted: lambda: rounded(ref_best_split(X, y, weighted=False)),
                    MISTAKE.sample_threshold: lambda: rounded(ref_best_split(X, y, midpoint=False)),
                    # alone, or (as tutorials write it: thresholds from np.unique) at sample values too
                    MISTAKE.impurity_not_gain: [lambda: rounded(ref_best_split(X, y, gain=False)),
                                                lambda: rounded(ref_best_split(X, y, gain=False, midpoint=False))]}
        raise CheckFailure(f"best_split gave (feature, threshold, gain) = {got_r}, expected {expected}",
                           case=case, mistake=mistake_giving(got_r, variants))


def given(X, y):
    return lambda: (np.array(X, dtype=np.float64), np.array(y, dtype=np.int64))


SPLIT_CASES = {
    "smallest: two samples": given([[0.0], [1.0]], [0, 1]),
    "one feature, clean cut": given([[1.0], [2.0], [3.0], [10.0], [11.0]], [0, 0, 0, 1, 1]),
    "weighting matters: a tiny pure child": given([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]], [1, 0, 1, 0, 0, 0]),
    "repeated values": given([[1.0, 5.0], [1.0, 4.0], [2.0, 4.0], [2.0, 3.0], [3.0, 3.0]], [0, 0, 1, 1, 1]),
    "gain ties: lower feature wins": given([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0], [1.0, 1.0]], [0, 1, 0, 1]),
    "constant features: no split": given([[2.0, 1.0], [2.0, 1.0], [2.0, 1.0]], [0, 1, 0]),
    "three classes": lambda: data(1, 30, 3, 3),
    "uneven spacing (midpoints not at samples)": given([[0.0], [0.5], [4.0], [4.2], [9.0]], [0, 0, 1, 1, 1]),
}


def random_split_case(seed):
    rng = np.random.default_rng(700 + seed)
    return lambda: data(seed, int(rng.integers(6, 40)), int(rng.integers(1, 5)), int(rng.integers(2, 4)),
                        decimals=int(rng.integers(0, 3)))


# fit_tree + predict_tree -----------------------------------------------------------------------
def check_tree(target, params):
    seed, n, d, classes, max_depth, min_samples_split = params
    X, y = data(seed, n, d, classes)
    X_test = np.round(np.random.default_rng(seed + 99).uniform(X.min(0) - 1, X.max(0) + 1, (40, d)), 3)
    X_test = np.concatenate([X, X_test])  # the training points and new ones between them
    case = describe(X=X, y=y, max_depth=max_depth, min_samples_split=min_samples_split)
    tree = call_unchanged(target.fit_tree, X, y, max_depth, min_samples_split=min_samples_split, case=case)
    got = call_unchanged(target.predict_tree, tree, X_test, case=case)
    if not isinstance(got, np.ndarray) or got.shape != (len(X_test),) or got.dtype.kind not in "iu":
        raise CheckFailure(f"predict_tree returned {type(got).__name__} {getattr(got, 'shape', '')} "
                           f"{getattr(got, 'dtype', '')}: return an int64 array of shape ({len(X_test)},)", case=case)
    expected = ref_predict(ref_fit(X, y, max_depth, min_samples_split), X_test)
    if got.tolist() != expected:
        wrong = int(np.sum(got != np.array(expected)))
        variants = {key: (lambda mode=mode: ref_predict(ref_fit(X, y, max_depth, min_samples_split, **mode), X_test))
                    for key, mode in ((MISTAKE.unweighted, dict(weighted=False)),
                                      (MISTAKE.sample_threshold, dict(midpoint=False)),
                                      (MISTAKE.impurity_not_gain, dict(gain=False)))}
        raise CheckFailure(f"{wrong} of {len(X_test)} predictions differ from the tree of the spec "
                           f"(the first {len(X)} test rows are the training rows)",
                           case=case, mistake=mistake_giving(got.tolist(), variants))


TREE_CASES = {
    "a stump (max_depth 1)": (1, 30, 2, 2, 1, 2),
    "depth 3, three classes": (2, 40, 3, 3, 3, 2),
    "max_depth 0: one leaf": (3, 10, 2, 3, 0, 2),
    "min_samples_split stops early": (4, 40, 2, 2, 6, 12),
    "grown until pure": (5, 25, 2, 2, 20, 2),
}


def random_tree_case(seed):
    rng = np.random.default_rng(800 + seed)
    return (seed + 20, int(rng.integers(10, 40)), int(rng.integers(1, 4)), int(rng.integers(2, 4)),
            int(rng.integers(1, 6)), int(rng.integers(2, 6)))


CASES = [Cases(check_gini, GINI_CASES, None, seeds=0, name="gini matches the definition"),
         Cases(check_split, SPLIT_CASES, random_split_case, seeds=4, name="best_split matches brute force",
               random_name="best_split random case"),
         Cases(check_tree, TREE_CASES, random_tree_case, seeds=3, name="tree predictions match brute force",
               random_name="tree random case")]


def test_agrees_with_scikit_learn(target):
    # Continuous features (no ties in any gain): scikit-learn's CART grows the same tree.
    for seed, depth in ((13, 5), (21, 5), (25, 3)):  # seeds with no gain ties (checked: the two oracles agree)
        X, y = data(seed, 60, 3, 3, decimals=6)
        X_test = np.random.default_rng(seed).uniform(X.min(0), X.max(0), (100, 3))
        sk = DecisionTreeClassifier(criterion="gini", max_depth=depth, random_state=0).fit(X, y).predict(X_test)
        ref = ref_predict(ref_fit(X, y, depth), X_test)
        if sk.tolist() != ref:
            raise AssertionError("the brute-force oracle disagrees with scikit-learn")  # a defect of the checks
        case = describe(X=X, y=y, max_depth=depth)
        tree = call_unchanged(target.fit_tree, X, y, depth, case=case)
        got = call_unchanged(target.predict_tree, tree, X_test, case=case)
        if np.asarray(got).tolist() != sk.tolist():
            raise CheckFailure(f"{int(np.sum(np.asarray(got) != sk))} of 100 predictions differ from "
                               f"scikit-learn's DecisionTreeClassifier(criterion='gini', max_depth={depth})", case=case)


def speed_setup(target, device):
    X, y = data(0, 2000, 10, 3, decimals=3)
    stump = DecisionTreeClassifier(criterion="gini", max_depth=1)
    return (lambda: target.best_split(X, y), lambda: stump.fit(X, y), describe(X=X, y=y))


SPEED = Speed(speed_setup, limit=10, reference="sklearn DecisionTreeClassifier(max_depth=1).fit")
