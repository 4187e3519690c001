"""Checks of exercises/pca.py against the eigendecomposition of the covariance in float64, and scikit-learn.

The oracle: torch.linalg.eigh of the unbiased covariance of the centred data, in float64, with the
stated sign convention applied; scikit-learn's PCA as a cross-check up to the sign of each component.
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.decomposition import PCA

from grader.check import CheckFailure, Cases, Speed, call_unchanged, describe, expect_close, mistakes

MISTAKE = mistakes("pca")
TOLERANCE = {"float32": (1e-6, 1e-8), "float64": (1e-6, 1e-8)}  # float64 results whatever the input


def t(a) -> torch.Tensor:
    return torch.as_tensor(np.asarray(a, dtype=np.float64))


def oracle(X, k, centre=True, ddof=1):
    X = torch.as_tensor(X.astype(np.float64))
    Xc = X - X.mean(0) if centre else X
    evals, evecs = torch.linalg.eigh(Xc.T @ Xc / (X.shape[0] - ddof))
    evals, comps = evals.flip(0)[:k], evecs.flip(1)[:, :k].T
    big = comps.abs().argmax(1)
    comps = comps * torch.sign(comps[torch.arange(k), big])[:, None]
    return comps, evals, Xc @ comps.T


def check(fn, X, k):
    case = describe(X=X, n_components=k)
    got = call_unchanged(fn, X, k, case=case)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure("pca must return a tuple (components, explained_variance, X_projected), got "
                           f"{type(got).__name__}", case=case)
    comps, var, proj = oracle(X, k)
    uncentred = oracle(X, k, centre=False)
    N = X.shape[0]
    gc = got[0]

    def signs_of(rows):  # the sign of each learner row against the oracle's component, or None
        if not (isinstance(rows, np.ndarray) and rows.dtype.kind == "f" and rows.shape == tuple(comps.shape)):
            return None
        s = np.sign((np.asarray(rows, dtype=np.float64) * comps.numpy()).sum(1))
        return torch.as_tensor(np.where(s == 0, 1.0, s))
    signs, column_signs = signs_of(gc), signs_of(gc.T if isinstance(gc, np.ndarray) and gc.ndim == 2 else None)

    def flipped(a, axis_rows, signs=signs):
        if signs is None or bool((signs > 0).all()):
            raise ValueError("no sign flip explains it")  # the catch-all steps aside
        return a * (signs[:, None] if axis_rows else signs[None, :])

    # Columns (eigh's layout) usually come with eigh's signs too: the transposed, sign-flipped components.
    expect_close(got[0], comps, case=case, dtype=np.float64, what="components", mistakes={
        MISTAKE.not_centred: lambda: uncentred[0],
        MISTAKE.columns: [lambda: comps.T, lambda: flipped(comps, True, column_signs).T],
        MISTAKE.sign: lambda: flipped(comps, True)},
        shape_hint=lambda got_shape, shape: MISTAKE.columns if got_shape == shape[::-1] else None)
    expect_close(got[1], var, case=case, dtype=np.float64, what="explained_variance", mistakes={
        MISTAKE.not_centred: lambda: uncentred[1], MISTAKE.biased_covariance: lambda: var * (N - 1) / N})
    expect_close(got[2], proj, case=case, dtype=np.float64, what="X_projected", mistakes={
        MISTAKE.not_centred: lambda: uncentred[2], MISTAKE.sign: lambda: flipped(proj, False)})


def data(seed, n, d, dtype=np.float64, offset=5.0):
    def make():
        rng = np.random.default_rng(seed)
        scales = np.linspace(3.0, 0.3, d) * rng.uniform(0.9, 1.1, d)  # distinct variances
        Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
        return ((rng.standard_normal((n, d)) * scales) @ Q.T + offset * rng.standard_normal(d)).astype(dtype)
    return make


NAMED_CASES = {
    "smallest: 3 points in 2-D, one component": (lambda: np.array([[0.0, 1.0], [2.0, 2.0], [4.0, 4.5]]), 1),
    "two of three components": (data(1, 20, 3), 2),
    "data far from the origin": (data(2, 30, 4, offset=50.0), 2),
    "every component": (data(3, 15, 3), 3),
    "more features than samples": (data(4, 6, 10), 3),
    "float32 input": (data(5, 25, 5, np.float32), 2),
}


def random_case(seed):
    rng = np.random.default_rng(1000 + seed)
    d = int(rng.integers(2, 7))
    return data(1010 + seed, int(rng.integers(d + 2, 40)), d, [np.float64, np.float32, np.float64][seed]), \
        int(rng.integers(1, d))


CASES = Cases(lambda target, p: check(target.pca, p[0](), p[1]), NAMED_CASES, random_case, seeds=3,
              name="matches eigh of the covariance")


def test_agrees_with_sklearn_up_to_sign(target):
    X = data(7, 40, 5)()
    case = describe(X=X, n_components=3)
    got = call_unchanged(target.pca, X, 3, case=case)
    if not isinstance(got, tuple) or len(got) != 3:
        raise CheckFailure("pca must return a tuple of 3 arrays", case=case)
    ref = PCA(n_components=3, svd_solver="full").fit(X)
    comps = np.asarray(got[0], dtype=np.float64)
    if comps.shape != ref.components_.shape:
        raise CheckFailure(f"components has shape {comps.shape}; scikit-learn's is {ref.components_.shape}", case=case,
                           mistake=MISTAKE.columns if comps.shape == ref.components_.T.shape else None)
    s = np.sign((comps * ref.components_).sum(1))[:, None]
    expect_close(comps * s, t(ref.components_), case=case, dtype=np.float64, what="components (up to sign)")
    expect_close(got[1], t(ref.explained_variance_), case=case, dtype=np.float64, what="explained_variance",
                 mistakes={MISTAKE.biased_covariance: lambda: t(ref.explained_variance_ * 39 / 40)})


def speed_setup(target, device):
    X = np.random.default_rng(8).standard_normal((20000, 16)) @ np.diag(np.linspace(3.0, 0.1, 16))
    sk = PCA(n_components=4, svd_solver="full")
    return lambda: target.pca(X, 4), lambda: sk.fit_transform(X), describe(X=X, n_components=4)


SPEED = Speed(speed_setup, limit=2.5, reference="sklearn PCA(svd_solver='full').fit_transform")
