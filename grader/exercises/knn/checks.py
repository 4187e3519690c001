"""Checks of exercises/knn.py against brute force in float64 and scikit-learn.

The oracles: the distances as the definition, sum((a - b)^2) over a broadcast difference in float64;
the prediction as a plain loop over test points (stable sort, count, smallest top label); and
scikit-learn's KNeighborsClassifier on data where no tie of any kind occurs.
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.neighbors import KNeighborsClassifier

from grader.check import CheckFailure, Cases, Speed, call_unchanged, describe, expect_close, mistakes
from grader.check.mistakes import record_reproduced

MISTAKE = mistakes("knn")


def t(a) -> torch.Tensor:
    return torch.as_tensor(np.asarray(a, dtype=np.float64))


def brute_distances(A, B):
    diff = A.astype(np.float64)[:, None, :] - B.astype(np.float64)[None, :, :]  # (M, N, D)
    return (diff ** 2).sum(-1)


def brute_predict(X_train, y_train, X_test, k, vote="smallest", order="stable"):
    D = brute_distances(X_test, X_train)
    out = []
    for row in D:
        idx = np.argsort(row, kind="stable") if order == "stable" else \
            np.lexsort((-np.arange(len(row)), row))  # ties to the HIGHER index
        near = y_train[idx[:k]].astype(np.int64)
        labels, counts = np.unique(near, return_counts=True)
        top = labels[counts == counts.max()]
        if vote == "smallest":
            out.append(top.min())
        elif vote == "largest":
            out.append(top.max())
        else:  # the first of the tied labels met in neighbour order
            out.append(next(lab for lab in near if lab in top))
    return np.array(out, dtype=np.int64)


def check_distances(fn, A, B):
    case = describe(A=A, B=B)
    got = call_unchanged(fn, A, B, case=case)
    expected = brute_distances(A, B)
    scale = float((A.astype(np.float64) ** 2).sum(1).max() + (B.astype(np.float64) ** 2).sum(1).max())
    if isinstance(got, np.ndarray) and got.shape == expected.shape and got.dtype.kind == "f" and (got < 0).any():
        i, j = np.unravel_index(np.argmin(got), got.shape)
        raise CheckFailure(f"distance [{i}, {j}] is negative ({got[i, j]:.3g}); the exact value is "
                           f"{expected[i, j]:.3g}: clip the expansion at 0", case=case,
                           mistake=record_reproduced(MISTAKE.negative_distances))
    expect_close(got, t(expected), case=case, dtype=np.float64, rtol=1e-7, atol=1e-10 * scale, what="distances",
                 mistakes={MISTAKE.sqrt_taken: lambda: t(np.sqrt(expected))})


def check_predict(fn, X_train, y_train, X_test, k):
    case = describe(X_train=X_train, y_train=y_train, X_test=X_test, k=k)
    got = call_unchanged(fn, X_train, y_train, X_test, k, case=case)
    expected = brute_predict(X_train, y_train, X_test, k)
    variants = {MISTAKE.vote_ties: [lambda: t(brute_predict(X_train, y_train, X_test, k, vote="largest")),
                                    lambda: t(brute_predict(X_train, y_train, X_test, k, vote="nearest"))],
                MISTAKE.distance_ties: lambda: t(brute_predict(X_train, y_train, X_test, k, order="reversed"))}
    if not (isinstance(got, np.ndarray) and got.dtype.kind in "iu"):
        raise CheckFailure(f"return integer labels as an np.int64 array, got "
                           f"{getattr(got, 'dtype', type(got).__name__)}", case=case)
    expect_close(got.astype(np.float64), t(expected.astype(np.float64)), case=case, dtype=np.float64, rtol=0,
                 atol=0, what="the predicted labels", mistakes=variants)


def points(seed, m, n, d, dtype=np.float64, offset=0.0, grid=False):
    def make():
        rng = np.random.default_rng(seed)
        if grid:
            return (rng.integers(-2, 3, (m, d)).astype(dtype), rng.integers(-2, 3, (n, d)).astype(dtype))
        return ((rng.standard_normal((m, d)) + offset).astype(dtype), (rng.standard_normal((n, d)) + offset).astype(dtype))
    return make


def near_copies():
    rng = np.random.default_rng(11)
    B = rng.standard_normal((20, 4)) * 3 + 1e4  # |b|^2 ~ 4e8: the expansion rounds to about +-1e-7 at 0
    return B[::2].copy(), B


DIST_CASES = {
    "smallest: one point each": lambda: (np.array([[0.0, 0.0]]), np.array([[3.0, 4.0]])),
    "random points": points(1, 5, 7, 3),
    "identical points far from the origin (cancellation)": near_copies,
    "one feature": points(2, 4, 6, 1),
    "float32 input": points(4, 6, 5, 8, np.float32),
}


def labelled(seed, n, m, d, k, classes=(0, 1, 2), grid=False, dtype=np.float64):
    def make():
        rng = np.random.default_rng(seed)
        Xte, Xtr = points(seed, m, n, d, dtype, grid=grid)()
        return Xtr, rng.choice(np.array(classes), n).astype(np.int64), Xte, k
    return make


PREDICT_CASES = {
    "smallest: k = 1, one training point": lambda: (np.array([[0.0]]), np.array([7]), np.array([[1.0], [-2.0]]), 1),
    "k = 1": labelled(5, 12, 6, 2, 1),
    "k = 5, three classes": labelled(6, 30, 10, 3, 5),
    "vote ties: k = 4, two classes": labelled(7, 20, 15, 2, 4, classes=(0, 1)),
    "vote ties with labels that are not 0..C-1": labelled(8, 20, 15, 2, 2, classes=(-3, 5, 12)),
    "distance ties on an integer grid": labelled(9, 25, 15, 2, 3, grid=True),
    "k = N: everyone votes": labelled(10, 7, 4, 2, 7),
    "float32 input": labelled(11, 15, 6, 3, 3, dtype=np.float32),
}


def dist_random(seed):
    return points(800 + seed, 3 + 4 * seed, 9 - 2 * seed, 1 + 2 * seed, [np.float64, np.float32, np.float64][seed],
                  offset=[0.0, 10.0, 1e3][seed])


def predict_random(seed):
    rng = np.random.default_rng(900 + seed)
    n = int(rng.integers(5, 40))
    return labelled(910 + seed, n, int(rng.integers(1, 20)), int(rng.integers(1, 4)), int(rng.integers(1, min(n, 8) + 1)),
                    grid=seed == 1)


CASES = [Cases(lambda target, make: check_distances(target.pairwise_squared_distances, *make()), DIST_CASES,
               dist_random, seeds=3, name="distances match brute force", random_name="distances random case"),
         Cases(lambda target, make: check_predict(target.knn_predict, *make()), PREDICT_CASES, predict_random,
               seeds=3, name="predictions match brute force", random_name="predictions random case")]


def test_agrees_with_sklearn(target):
    # Continuous features and odd k with two classes: no distance ties and no vote ties.
    rng = np.random.default_rng(13)
    Xtr, Xte = rng.standard_normal((60, 3)), rng.standard_normal((25, 3))
    ytr = (Xtr[:, 0] + 0.5 * rng.standard_normal(60) > 0).astype(np.int64)
    case = describe(X_train=Xtr, y_train=ytr, X_test=Xte, k=5)
    got = call_unchanged(target.knn_predict, Xtr, ytr, Xte, 5, case=case)
    expected = KNeighborsClassifier(n_neighbors=5, algorithm="brute").fit(Xtr, ytr).predict(Xte)
    expect_close(np.asarray(got, dtype=np.float64), t(expected), case=case, dtype=np.float64, rtol=0, atol=0,
                 what="the predicted labels (scikit-learn KNeighborsClassifier)")


def speed_setup(target, device):
    rng = np.random.default_rng(7)
    Xtr, Xte = rng.standard_normal((4000, 32)), rng.standard_normal((1000, 32))
    ytr = rng.integers(0, 10, 4000)
    sk = KNeighborsClassifier(n_neighbors=5, algorithm="brute")
    return (lambda: target.knn_predict(Xtr, ytr, Xte, 5), lambda: sk.fit(Xtr, ytr).predict(Xte),
            describe(X_train=Xtr, y_train=ytr, X_test=Xte, k=5))


SPEED = Speed(speed_setup, limit=40, reference="sklearn KNeighborsClassifier(algorithm='brute')")
