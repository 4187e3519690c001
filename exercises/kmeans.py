"""k-means in NumPy: Lloyd's algorithm and the k-means++ seeding."""
from __future__ import annotations

import numpy as np


def kmeans(X: np.ndarray, init_centroids: np.ndarray, max_iters: int = 100,
           tol: float = 0.0) -> tuple[np.ndarray, np.ndarray, int]:
    """Lloyd's algorithm from the given initial centroids.

    Args:
        X: shape (n, d), float32 or float64: the points.
        init_centroids: shape (k, d), the same dtype: the starting centroids (1 <= k <= n).
        max_iters: at least 1, the most iterations to run.
        tol: >= 0, the stopping threshold on the centroids' total squared shift.

    Work in float64. Start from C = init_centroids; for it = 1, 2, ..., max_iters:

        1. assign: labels[i] = argmin_j ||X[i] - C[j]||^2, ties to the LOWER centroid index j;
        2. update: C_new[j] = the mean of the points labelled j; an EMPTY cluster (no point
           labelled j) keeps its previous centroid, C_new[j] = C[j] (never NaN);
        3. shift = sum_j ||C_new[j] - C[j]||^2 (the total squared movement, scikit-learn's
           center_shift_tot); then C = C_new, and n_iter = it;
        4. stop if the labels equal the previous iteration's labels (never at it = 1: there is
           no previous iteration), or if shift <= tol.

    After the loop (whichever way it ended), assign the labels once more from the final C, so the
    labels returned are those of the centroids returned (when the loop stopped because no label
    changed, this gives the same labels again).

    n_iter counts the iterations run (assign + update), the last one included: an input that
    converges has n_iter >= 2 (the last iteration finds that no label changed), unless shift <= tol
    stops it earlier; n_iter == max_iters when neither condition ended the loop. This is
    scikit-learn's KMeans(init=init_centroids, n_init=1, algorithm="lloyd", tol=0).n_iter_ when no
    cluster becomes empty (scikit-learn re-seeds an empty cluster instead of keeping it; and its tol
    is relative to the data's variance, this one is absolute).

    Returns:
        (centroids, labels, n_iter): centroids np.float64 of shape (k, d), labels np.int64 of
        shape (n,), n_iter a Python int.

    Rules:
        - Vectorise over the points: all n x k squared distances at once (one matrix product, or a
          broadcast difference), not a Python loop over the points. A loop over the k clusters for
          the update is fine.
        - Speed: X of shape (4000, 16), k = 12 (blobs; 25 iterations to converge), against
          scikit-learn's KMeans(init=..., n_init=1, algorithm="lloyd").fit from the same centroids,
          on one thread; limit 25x (a broadcast difference (n, k, d) instead of the matrix product
          passes too).
        - Do not modify the inputs. NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: loop: distances (n, k) -> argmin labels -> means per cluster (keep empty ones) -> stop tests.
    raise NotImplementedError("kmeans: implement kmeans in exercises/kmeans.py")


def kmeans_plus_plus_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ seeding: k rows of X, drawn from `rng` in exactly this order.

    With n = len(X) and every squared distance computed in float64:

        1. the first centre is X[i] with i = rng.integers(n);
        2. D2[m] = ||X[m] - c||^2, the SQUARED distance from each point to its NEAREST centre chosen
           so far (update it after each new centre c with np.minimum);
        3. each next centre is X[i] with i = rng.choice(n, p=D2 / D2.sum()), until there are k.

    No other draw from rng: the checks replay the same calls on a generator with the same seed and
    expect the same centres. A point already chosen has D2 = 0, so it is never drawn again; X has at
    least k distinct rows (so D2.sum() > 0 at every draw).

    Args:
        X: shape (n, d), float32 or float64. k: 1 <= k <= n. rng: a np.random.Generator.

    Returns:
        np.float64 array of shape (k, d): the chosen rows of X, in the order they were drawn.

    Rules:
        - Do not modify X. NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: rng.integers(n), then k - 1 draws rng.choice(n, p=D2 / D2.sum()) with D2 kept up to date.
    raise NotImplementedError("kmeans: implement kmeans_plus_plus_init in exercises/kmeans.py")
