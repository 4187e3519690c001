"""Checks of exercises/kmeans.py against a plain reference loop, scikit-learn, and a replayed generator.

The oracles: Lloyd's algorithm written out as the docstring states it (squared distances as a
broadcast difference, np.argmin for the lower index on ties, each cluster's mean or its old centroid,
the two stop tests, the final assignment); scikit-learn's KMeans(init=..., n_init=1, algorithm="lloyd")
on well-separated blobs, where no cluster empties and the two must agree (asserted before the learner
is judged); and k-means++ as the docstring's calls replayed on a generator with the same seed.
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.cluster import KMeans

from grader.check import CheckFailure, Cases, Speed, call_unchanged, describe, expect_close, mistakes
from grader.check.mistakes import mistake_giving, record_reproduced

MISTAKE = mistakes("kmeans")
TOL = dict(rtol=1e-9, atol=1e-9)  # the means differ from the reference only by summation order


def t(a) -> torch.Tensor:
    return torch.as_tensor(np.asarray(a, dtype=np.float64))


# ---------------------------------------------------------------- the reference loop

def sq_dists(X, C):
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(-1)  # (n, k): the definition


def ref_kmeans(X, C0, max_iters=100, tol=0.0, *, pick=np.argmin, empty="keep", shift_of=None, stale=False):
    """(centroids, labels, n_iter, emptied): the spec, with switches for the classic mistakes."""
    X, C = X.astype(np.float64), C0.astype(np.float64).copy()
    prev, emptied, n_iter = None, False, 0
    for n_iter in range(1, max_iters + 1):
        labels = pick(sq_dists(X, C), axis=1)
        C_new = C.copy()
        for j in range(len(C)):
            members = X[labels == j]
            if len(members):
                C_new[j] = members.sum(0) / len(members)
            else:
                emptied = True
                if empty == "nan":
                    C_new[j] = np.nan
        shift = float(((C_new - C) ** 2).sum()) if shift_of is None else shift_of(C_new - C)
        C = C_new
        if (prev is not None and np.array_equal(labels, prev)) or shift <= tol:
            break
        prev = labels
    if not stale:
        labels = pick(sq_dists(X, C), axis=1)
    return C, labels.astype(np.int64), n_iter, emptied


NO_SHIFT_TEST = lambda d: np.inf  # noqa: E731 - tol ignored: only the labels or max_iters stop the loop
SHIFTS = [lambda d: float(np.sqrt((d ** 2).sum())),            # the Frobenius norm, not squared
          lambda d: float(np.sqrt((d ** 2).sum(1)).max()),     # the largest centroid's move
          lambda d: float((d ** 2).sum(1).max())]              # the largest squared move


def check_kmeans(fn, X, C0, max_iters, tol):
    case = describe(X=X, init_centroids=C0, max_iters=max_iters, tol=tol)
    got = call_unchanged(fn, X, C0, max_iters=max_iters, tol=tol, case=case)
    if not (isinstance(got, tuple) and len(got) == 3):
        raise CheckFailure(f"kmeans returned {type(got).__name__}; return (centroids, labels, n_iter)", case=case)
    C, labels, n_iter = got
    eC, elabels, en_iter, emptied = ref_kmeans(X, C0, max_iters, tol)

    def variant(part, **mode):
        return lambda: t(ref_kmeans(X, C0, max_iters, tol, **mode)[part])

    def variants(part):
        return {MISTAKE.tol_ignored: variant(part, shift_of=NO_SHIFT_TEST),
                MISTAKE.argmax: variant(part, pick=np.argmax),
                MISTAKE.shift_measure: [variant(part, shift_of=s) for s in SHIFTS],
                MISTAKE.stale_labels: variant(part, stale=True)}

    if isinstance(C, np.ndarray) and C.shape == eC.shape and C.dtype.kind == "f" and np.isnan(C).any() and emptied:
        j = int(np.isnan(C).any(1).argmax())
        raise CheckFailure(f"centroid {j} is NaN: in this case a cluster has no point at some iteration, and "
                           f"the mean of no point is 0/0; an empty cluster keeps its previous centroid",
                           case=case, mistake=record_reproduced(MISTAKE.empty_nan))
    expect_close(C, t(eC), case=case, dtype=np.float64, what="the centroids", mistakes=variants(0), **TOL)
    if not (isinstance(labels, np.ndarray) and labels.dtype == np.int64 and labels.shape == elabels.shape):
        raise CheckFailure(f"labels: expected an np.int64 array of shape {elabels.shape}, got "
                           f"{type(labels).__name__} {getattr(labels, 'dtype', '')} {getattr(labels, 'shape', '')}",
                           case=case)
    expect_close(labels.astype(np.float64), t(elabels), case=case, dtype=np.float64, rtol=0, atol=0,
                 what="the labels", mistakes=variants(1))
    if isinstance(n_iter, bool) or not isinstance(n_iter, (int, np.integer)):
        raise CheckFailure(f"n_iter: expected a Python int, got {type(n_iter).__name__}", case=case)
    if int(n_iter) != en_iter:
        off = {MISTAKE.tol_ignored: lambda: ref_kmeans(X, C0, max_iters, tol, shift_of=NO_SHIFT_TEST)[2],  # before the wider catch-all below
               MISTAKE.shift_measure: [lambda s=s: ref_kmeans(X, C0, max_iters, tol, shift_of=s)[2] for s in SHIFTS],
               MISTAKE.n_iter_off_by_one: [lambda: en_iter - 1, lambda: en_iter + 1]}
        raise CheckFailure(f"n_iter is {int(n_iter)}, expected {en_iter} (the iterations run, the last one "
                           f"included)", case=case, mistake=mistake_giving(int(n_iter), off))


def blobs(seed, n, d, k, spread=6.0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((k, d)) * spread
    X = (centres[rng.integers(0, k, n)] + rng.standard_normal((n, d))).astype(dtype)
    return X, rng


def from_points(seed, n, d, k, max_iters=100, tol=0.0, spread=6.0, dtype=np.float64):
    """Blobs, started from k distinct data points."""
    def make():
        X, rng = blobs(seed, n, d, k, spread, dtype)
        return X, X[rng.choice(n, k, replace=False)].copy(), max_iters, tol
    return make


def in_box(seed, n, d, k, max_iters=100, tol=0.0, dtype=np.float64):
    """Uniform points, started from centroids drawn uniformly in a box twice as large: clusters empty."""
    def make():
        rng = np.random.default_rng(seed)
        X = rng.uniform(-1, 1, (n, d)).astype(dtype)
        return X, rng.uniform(-2, 2, (k, d)).astype(dtype), max_iters, tol
    return make


def given(X, C0, max_iters=100, tol=0.0):
    return lambda: (np.array(X, dtype=np.float64), np.array(C0, dtype=np.float64), max_iters, tol)


def far_centroid():
    X, rng = blobs(3, 40, 2, 2, spread=3.0)
    return X, np.array([X[0], X[1], [50.0, 50.0]]), 100, 0.0


def converged_start():
    X, _ = blobs(4, 30, 2, 2, spread=8.0)
    labels = sq_dists(X, X[:2]).argmin(1)
    C0 = np.stack([X[labels == j].mean(0) for j in range(2)])
    return X, ref_kmeans(X, C0)[0], 100, 0.0  # the fixed point: the first shift is 0 <= tol = 0


def tol_case():
    # Slow, small moves on uniform data (23 iterations with tol = 0): the total squared shift is at most
    # 0.02 at iteration 5; its square root at 14, the largest single move at 12, its square at 3.
    X, C0, _, _ = in_box(9, 300, 2, 6)()
    return X, np.clip(C0, -1, 1), 100, 0.02


KMEANS_CASES = {
    "smallest: one cluster": given([[0.0, 1.0], [2.0, 3.0], [4.0, -1.0]], [[0.0, 0.0]]),
    "two well-separated blobs": from_points(1, 40, 2, 2),
    "four blobs in 5-D": from_points(2, 120, 5, 4),
    "an empty cluster keeps its centroid": far_centroid,
    "distance ties to the lower index": given([[0.0], [1.0], [2.0], [3.0], [4.0], [10.0]], [[1.0], [3.0]]),
    "started at the fixed point: shift 0 <= tol stops at n_iter 1": converged_start,
    "max_iters = 1": from_points(6, 60, 2, 3, max_iters=1),
    "max_iters reached before convergence": in_box(7, 200, 2, 5, max_iters=3),
    "tol stops early": tol_case,
    "float32 input": from_points(8, 50, 3, 3, dtype=np.float32),
}


def random_kmeans(seed):
    rng = np.random.default_rng(600 + seed)
    n, d, k = int(rng.integers(5, 80)), int(rng.integers(1, 5)), int(rng.integers(1, 7))
    max_iters = int(rng.choice([1, 2, 5, 100]))
    tol = float(rng.choice([0.0, 1e-4, 1e-2]))
    return (in_box if seed % 2 else from_points)(700 + seed, max(n, k), d, k, max_iters=max_iters, tol=tol)


# ---------------------------------------------------------------- k-means++

def ref_plus_plus(X, k, seed, squared=True, nearest=True):
    rng = np.random.default_rng(seed)
    X = X.astype(np.float64)
    n = len(X)
    idx = [int(rng.integers(n))]
    D2 = ((X - X[idx[0]]) ** 2).sum(1)
    for _ in range(1, k):
        w = D2 if squared else np.sqrt(D2)
        idx.append(int(rng.choice(n, p=w / w.sum())))
        new = ((X - X[idx[-1]]) ** 2).sum(1)
        D2 = np.minimum(D2, new) if nearest else new
    return X[idx]


def check_plus_plus(fn, X, k, seed):
    case = describe(X=X, k=k, rng=f"np.random.default_rng({seed})")
    got = call_unchanged(fn, X, k, np.random.default_rng(seed), case=case)
    expect_close(got, t(ref_plus_plus(X, k, seed)), case=case, dtype=np.float64, rtol=0, atol=0,
                 what="the centres drawn",
                 mistakes={MISTAKE.pp_not_squared: lambda: t(ref_plus_plus(X, k, seed, squared=False)),
                           MISTAKE.pp_last_centre: lambda: t(ref_plus_plus(X, k, seed, nearest=False))})


def pp_given(make, k, seed):
    return lambda: (make(), k, seed)


def line_points():
    # Points on a line, far apart in a geometric progression: squared and plain distances weight them very differently.
    return np.array([[0.0], [1.0], [3.0], [7.0], [15.0], [31.0], [63.0]])


PP_CASES = {
    "smallest: k = 1": pp_given(lambda: np.array([[1.0, 2.0], [3.0, 4.0]]), 1, 0),
    "k = n: every point once": pp_given(lambda: np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [5.0, 5.0]]), 4, 1),
    "points on a line": pp_given(line_points, 4, 2),
    "five blobs": pp_given(lambda: blobs(9, 200, 2, 5)[0], 5, 3),
    "float32 input": pp_given(lambda: blobs(10, 80, 3, 4, dtype=np.float32)[0], 4, 4),
}


def random_plus_plus(seed):
    rng = np.random.default_rng(500 + seed)
    n, d = int(rng.integers(3, 60)), int(rng.integers(1, 4))
    k = int(rng.integers(2, min(n, 8) + 1))
    return pp_given(lambda: blobs(510 + seed, n, d, k, spread=3.0)[0], k, 520 + seed)


CASES = [Cases(lambda target, make: check_kmeans(target.kmeans, *make()), KMEANS_CASES, random_kmeans, seeds=4,
               name="kmeans matches the reference loop", random_name="kmeans random case"),
         Cases(lambda target, make: check_plus_plus(target.kmeans_plus_plus_init, *make()), PP_CASES,
               random_plus_plus, seeds=3, name="k-means++ replays the generator's draws",
               random_name="k-means++ random case")]


def test_agrees_with_scikit_learn(target):
    # Well-separated blobs started from data points: no cluster empties, so scikit-learn's Lloyd is the spec.
    for seed, (n, d, k) in ((21, (150, 2, 3)), (22, (300, 4, 5)), (23, (200, 8, 6))):
        X, C0, _, _ = from_points(seed, n, d, k)()
        sk = KMeans(n_clusters=k, init=C0, n_init=1, algorithm="lloyd", tol=0.0, max_iter=100).fit(X)
        ref = ref_kmeans(X, C0)
        if not (np.allclose(sk.cluster_centers_, ref[0]) and (sk.labels_ == ref[1]).all() and sk.n_iter_ == ref[2]):
            raise AssertionError("the reference loop disagrees with scikit-learn")  # a defect of the checks
        case = describe(X=X, init_centroids=C0)
        got = call_unchanged(target.kmeans, X, C0, case=case)
        C, labels, n_iter = got if isinstance(got, tuple) and len(got) == 3 else (got, None, None)
        expect_close(C, t(sk.cluster_centers_), case=case, dtype=np.float64, what="the centroids (scikit-learn "
                     "KMeans(init=init_centroids, n_init=1, algorithm='lloyd'))", **TOL)
        if np.asarray(labels).tolist() != sk.labels_.tolist() or n_iter != sk.n_iter_:
            raise CheckFailure(f"labels or n_iter differ from scikit-learn's (n_iter {n_iter}, scikit-learn's "
                               f"{sk.n_iter_})", case=case)


def speed_setup(target, device):
    X, C0, _, _ = from_points(0, 4000, 16, 12, spread=4.0)()
    sk = KMeans(n_clusters=12, init=C0, n_init=1, algorithm="lloyd", tol=0.0, max_iter=100)
    return (lambda: target.kmeans(X, C0), lambda: sk.fit(X), describe(X=X, init_centroids=C0))


SPEED = Speed(speed_setup, limit=25, reference="sklearn KMeans(algorithm='lloyd').fit")
