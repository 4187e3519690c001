"""Checks of exercises/model_selection.py against scikit-learn and the spec written out plainly.

Oracles: the feature matrix by a double loop with math.factorial; the folds of scikit-learn's KFold
(unshuffled), and for a shuffled order the spec's slices of rng.permutation; the cross-validation
errors of scikit-learn's cross_val_score with LinearRegression / Ridge (which leave the intercept
unpenalised) on the features without their constant column. Then the seeds' (d2l's) polynomial
example: data from a degree-3 polynomial, fits of degree 1 (under-fit), 3 and 20 (over-fit).
"""
from __future__ import annotations

import math

import numpy as np
import torch
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import KFold

from grader.check import Cases, CheckFailure, call_unchanged, describe, expect_close, mistake_giving, mistakes

MISTAKE = mistakes("model_selection")
TOLERANCE = {"float64": (1e-7, 1e-10)}
TRUE_W = np.array([5.0, 1.2, -3.4, 5.6])  # d2l: y = 5 + 1.2 x - 3.4 x^2/2! + 5.6 x^3/3! + noise


def ref_features(x, degree):
    return np.array([[xi ** i / math.factorial(i) for i in range(degree + 1)] for xi in x.tolist()]).reshape(
        len(x), degree + 1)


def polynomial_data(seed, n, noise=0.1):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    return x, ref_features(x, 3) @ TRUE_W + noise * rng.standard_normal(n)


# polynomial_features ---------------------------------------------------------------------------
def check_features(target, params):
    x, degree = np.array(params[0], dtype=np.float64), params[1]
    case = describe(x=x, degree=degree)
    got = call_unchanged(target.polynomial_features, x, degree, case=case)
    expect_close(got, torch.from_numpy(ref_features(x, degree)), case=case, dtype=np.float64,
                 what="polynomial_features")


FEATURE_CASES = {
    "degree 0: the constant column": ([0.5, -2.0], 0),
    "degree 3": ([-1.0, 0.0, 0.5, 2.0], 3),
    "degree 6, one sample": ([1.5], 6),
    "degree 20 (the over-fitting example)": ([-2.5, -0.3, 0.7, 3.0], 20),
}


# k_fold_indices --------------------------------------------------------------------------------
def ref_folds(n, k, order):
    sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
    folds, start = [], 0
    for size in sizes:
        folds.append((np.concatenate([order[:start], order[start + size:]]), order[start:start + size]))
        start += size
    return folds


def unequal_variants(n, k, order):
    def dropped():
        m = n // k
        return [(np.concatenate([order[:i * m], order[(i + 1) * m:]]), order[i * m:(i + 1) * m]) for i in range(k)]

    def dropped_everywhere():  # d2l's get_k_fold_data: the n % k last samples neither tested nor trained on
        m = n // k
        return [(np.concatenate([order[j * m:(j + 1) * m] for j in range(k) if j != i]), order[i * m:(i + 1) * m])
                for i in range(k)]

    def last_takes_rest():
        m = n // k
        out = []
        for i in range(k):
            stop = n if i == k - 1 else (i + 1) * m
            out.append((np.concatenate([order[:i * m], order[stop:]]), order[i * m:stop]))
        return out
    return [lambda: as_lists(dropped()), lambda: as_lists(dropped_everywhere()), lambda: as_lists(last_takes_rest())]


def as_lists(folds):
    return [(np.asarray(tr).tolist(), np.asarray(te).tolist()) for tr, te in folds]


def check_folds(target, params):
    n, k, seed = params
    case = describe(n=n, k=k, rng=None if seed is None else f"np.random.default_rng({seed})")
    rng = None if seed is None else np.random.default_rng(seed)
    got = call_unchanged(target.k_fold_indices, n, k, rng=rng, case=case)
    order = np.arange(n) if seed is None else np.random.default_rng(seed).permutation(n)
    if seed is None:
        expected = as_lists(KFold(n_splits=k).split(np.zeros(n)))
        if expected != as_lists(ref_folds(n, k, order)):
            raise AssertionError("the fold oracles disagree")  # a defect of the checks
    else:
        expected = as_lists(ref_folds(n, k, order))
    try:
        if len(got) != k or any(np.asarray(a).dtype.kind not in "iu" for pair in got for a in pair):
            raise CheckFailure(f"k_fold_indices must return {k} pairs (train, test) of integer arrays", case=case)
        got_lists = as_lists(got)
    except (TypeError, ValueError):
        raise CheckFailure("k_fold_indices must return a list of (train, test) pairs of integer arrays",
                           case=case) from None
    if got_lists != expected:
        sizes = [len(te) for _, te in got_lists]
        raise CheckFailure(f"folds differ from the spec's (test fold sizes {sizes}, expected "
                           f"{[len(te) for _, te in expected]})", case=case,
                           mistake=mistake_giving(got_lists, {MISTAKE.unequal_folds: unequal_variants(n, k, order)}))


FOLD_CASES = {
    "n divisible by k": (10, 5, None),
    "remainder: n = 11, k = 3": (11, 3, None),
    "leave-one-out: k = n": (4, 4, None),
    "k = 2": (7, 2, None),
    "shuffled by rng": (13, 4, 5),
}


def random_fold_case(seed):
    rng = np.random.default_rng(900 + seed)
    k = int(rng.integers(2, 7))
    return (int(rng.integers(k, 30)), k, [None, 3][seed % 2])


# select_degree ---------------------------------------------------------------------------------
def sklearn_cv(x, y, degree, k, l2):
    """Mean over KFold's folds of the test MSE of LinearRegression / Ridge (intercept unpenalised)."""
    F = ref_features(x, degree)[:, 1:]
    errors = []
    for tr, te in KFold(n_splits=k).split(x):
        if degree == 0:
            pred = np.full(len(te), y[tr].mean())
        else:
            pred = (Ridge(alpha=l2) if l2 > 0 else LinearRegression()).fit(F[tr], y[tr]).predict(F[te])
        errors.append(np.mean((pred - y[te]) ** 2))
    return float(np.mean(errors))


def variant_cv(x, y, degree, k, l2, *, mode):
    Phi, errors = ref_features(x, degree), []
    for tr, te in ref_folds(len(x), k, np.arange(len(x))):
        fit = np.arange(len(x)) if mode == "leak" else tr
        A = Phi[fit]
        D = np.eye(degree + 1) if mode == "bias penalised" else np.diag([0.0] + [1.0] * degree)
        w = np.linalg.lstsq(A, y[fit], rcond=None)[0] if l2 == 0 else np.linalg.solve(A.T @ A + l2 * D, A.T @ y[fit])
        errors.append(np.mean((Phi[te] @ w - y[te]) ** 2))
    return float(np.mean(errors))


def check_select(target, params):
    seed, n, degrees, k, l2 = params
    x, y = polynomial_data(seed, n)
    case = describe(x=x, y=y, degrees=degrees, k=k, l2=l2)
    got = call_unchanged(target.select_degree, x, y, list(degrees), k, l2=l2, case=case)
    if not (isinstance(got, tuple) and len(got) == 2):
        raise CheckFailure("select_degree must return (best_degree, cv_errors)", case=case)
    best, errors = got
    expected = np.array([sklearn_cv(x, y, d, k, l2) for d in degrees])

    def variant(mode):
        return lambda: torch.tensor([variant_cv(x, y, d, k, l2, mode=mode) for d in degrees], dtype=torch.float64)
    expect_close(errors, torch.from_numpy(expected), case=case, dtype=np.float64, what="cv_errors",
                 mistakes={MISTAKE.leak: variant("leak"), MISTAKE.bias_penalised: variant("bias penalised")})
    want = degrees[int(np.argmin(expected))]
    if not isinstance(best, (int, np.integer)) or int(best) != want:
        raise CheckFailure(f"best_degree is {best!r}, expected {want} (the degree of the smallest cv error)", case=case)


SELECT_CASES = {
    "degrees 1-5, 5 folds": (1, 40, (1, 2, 3, 4, 5), 5, 0.0),
    "degrees given out of order": (2, 30, (4, 1, 3, 0), 3, 0.0),
    "ridge, l2 = 0.5": (3, 25, (1, 3, 6), 5, 0.5),
    "ridge, strong l2 = 10": (4, 30, (2, 5, 8), 3, 10.0),
    "n not divisible by k": (5, 23, (1, 2, 3), 4, 0.0),
}


def random_select_case(seed):
    rng = np.random.default_rng(950 + seed)
    degrees = tuple(int(d) for d in rng.choice(9, size=int(rng.integers(2, 5)), replace=False))
    return (seed + 30, int(rng.integers(20, 50)), degrees, int(rng.integers(2, 6)), [0.0, 0.1, 1.0][seed])


CASES = [Cases(check_features, FEATURE_CASES, None, seeds=0, name="polynomial_features matches the definition"),
         Cases(check_folds, FOLD_CASES, random_fold_case, seeds=3, name="k_fold_indices matches KFold",
               random_name="k_fold_indices random case"),
         Cases(check_select, SELECT_CASES, random_select_case, seeds=3, name="cv errors match scikit-learn",
               random_name="select_degree random case")]


def test_under_and_over_fitting(target):
    # The seeds' example (d2l 3.11 / ml-basics): 30 samples of a cubic, 5-fold CV, degrees 1, 3 and 20.
    # Degree 1 under-fits (large train and CV error), 3 is right, 20 over-fits (smallest train error,
    # CV error far above degree 3's).
    x, y = polynomial_data(0, 30)
    case = describe(x=x, y=y, degrees=[1, 3, 20], k=5)
    best, errors = call_unchanged(target.select_degree, x, y, [1, 3, 20], 5, case=case)
    errors = np.asarray(errors, dtype=np.float64)
    if int(best) != 3 or not (errors[1] < errors[0] and errors[1] < errors[2]):
        raise CheckFailure(f"on data from a cubic, cv errors for degrees 1, 3, 20 are {errors.round(4).tolist()} "
                           f"and best_degree {best}: degree 3 should win by far", case=case,
                           )
    if errors[2] < 10 * errors[1]:
        raise CheckFailure(f"cv error of degree 20 is {errors[2]:.4f}, not far above degree 3's {errors[1]:.4f}: "
                           "fitted on the training folds only, 21 coefficients on 24 samples must over-fit", case=case)
