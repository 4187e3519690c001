"""Checks of exercises/linear_regression.py against np.linalg.lstsq, scikit-learn Ridge and torch autograd.

The closed form's oracles: np.linalg.lstsq on [X, 1] (l2 == 0) and scikit-learn's Ridge(alpha=N * l2),
which does not penalise the intercept. Gradient descent's oracle: the same loop written with torch
autograd in float64 (the gradient comes from backward(), not from a formula).
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.linear_model import Ridge

from grader.check import Cases, CheckFailure, Speed, call_unchanged, describe, expect_close, mistakes
from grader.check.mistakes import record_reproduced

from grader.check.family.regression import as_array, t, unpack

MISTAKE = mistakes("linear_regression")
TOLERANCE = {"float32": (1e-6, 1e-8), "float64": (1e-6, 1e-8)}  # float64 results whatever the input




def closed_form(X, y, l2):
    """The oracle: lstsq on the augmented matrix, or Ridge (intercept not penalised)."""
    X, y = X.astype(np.float64), y.astype(np.float64)
    if l2 == 0:
        sol = np.linalg.lstsq(np.c_[X, np.ones(len(X))], y, rcond=None)[0]
        return sol[:-1], sol[-1]
    ridge = Ridge(alpha=len(X) * l2, fit_intercept=True, solver="svd").fit(X, y)
    return ridge.coef_, ridge.intercept_


def closed_form_bias_penalised(X, y, l2):
    X, y = X.astype(np.float64), y.astype(np.float64)
    Xa = np.c_[X, np.ones(len(X))]
    sol = np.linalg.solve(Xa.T @ Xa + len(X) * l2 * np.eye(Xa.shape[1]), Xa.T @ y)
    return sol[:-1], sol[-1]


def gd_torch(X, y, lr, steps, l2):
    """The oracle for gradient descent: autograd on the objective, float64."""
    X, y = t(X), t(y)
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(steps):
        loss = 0.5 * ((X @ w + b - y) ** 2).mean() + 0.5 * l2 * (w @ w)
        losses.append(loss.item())
        w.grad = b.grad = None
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
    return w.detach(), b.detach(), torch.tensor(losses, dtype=torch.float64)


def gd_variant(X, y, lr, steps, l2, divide=True, bias_l2=False, half=True, after=False):
    """The loop with one convention changed: no / N, l2 on b, mean(r^2) without the 1/2, the loss after the update."""
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    n = N if divide else 1
    c = 0.5 if half else 1.0  # the data term c * mean(r^2): its gradient is 2c * X.T @ r / N
    w, b, losses = np.zeros(D), 0.0, []

    def loss(w, b):
        r = X @ w + b - y
        return c * np.mean(r ** 2) + 0.5 * l2 * (w @ w + (b * b if bias_l2 else 0))
    for _ in range(steps):
        r = X @ w + b - y
        if not after:
            losses.append(loss(w, b))
        w, b = w - lr * (2 * c * X.T @ r / n + l2 * w), b - lr * (2 * c * r.sum() / n + (l2 * b if bias_l2 else 0))
        if after:
            losses.append(loss(w, b))
    return t(w), t(b), t(losses)


def check_fit(fn, X, y, l2):
    case = describe(X=X, y=y, l2=l2)
    w, b = unpack(call_unchanged(fn, X, y, l2=l2, case=case), "w, b", case, "fit_linear_regression")
    ew, eb = closed_form(X, y, l2)
    bias = closed_form_bias_penalised(X, y, l2) if l2 > 0 else None
    for got, expected, i, what in ((w, ew, 0, "w"), (b, eb, 1, "b")):
        expect_close(as_array(got), t(expected), case=case, dtype=np.float64, what=what,
                     mistakes={} if bias is None else {MISTAKE.bias_penalised: lambda i=i: t(bias[i])})


def check_gd(fn, X, y, lr, steps, l2):
    case = describe(X=X, y=y, lr=lr, steps=steps, l2=l2)
    got = unpack(call_unchanged(fn, X, y, lr, steps, l2=l2, case=case), "w, b, losses", case,
                 "linear_regression_gd")
    expected = gd_torch(X, y, lr, steps, l2)
    variants = {MISTAKE.not_divided: gd_variant(X, y, lr, steps, l2, divide=False),
                # tutorials' MSE: 2 / N * X.T @ r, alone or with its loss recorded after the update as well
                MISTAKE.no_half: [gd_variant(X, y, lr, steps, l2, half=False),
                                  gd_variant(X, y, lr, steps, l2, half=False, after=True)],
                MISTAKE.loss_after: gd_variant(X, y, lr, steps, l2, after=True)}
    if l2 > 0:
        variants[MISTAKE.bias_penalised] = gd_variant(X, y, lr, steps, l2, bias_l2=True)
    for i, what in ((2, "losses"), (0, "w"), (1, "b")):
        expect_close(as_array(got[i]), expected[i], case=case, dtype=np.float64, what=what,
                     mistakes={m: [lambda v=v: v[i] for v in (vs if isinstance(vs, list) else [vs])]
                               for m, vs in variants.items()})


def data(seed, n, d, dtype=np.float64, scale=1.0, offset=3.0):
    def make():
        rng = np.random.default_rng(seed)
        X = (rng.standard_normal((n, d)) * scale + rng.uniform(-2, 2, d)).astype(dtype)
        y = (X.astype(np.float64) @ rng.standard_normal(d) + offset + 0.1 * rng.standard_normal(n)).astype(dtype)
        return X, y
    return make


FIT_CASES = {
    "smallest: a line through 2 points": (lambda: (np.array([[0.0], [1.0]]), np.array([1.0, 3.0])), 0.0),
    "least squares, no penalty": (data(1, 20, 3), 0.0),
    "ridge: the bias is not penalised": (data(2, 15, 4, offset=10.0), 0.5),
    "ridge, strong penalty": (data(3, 10, 2, offset=-5.0), 10.0),
    "more features than samples, ridge": (data(4, 5, 8), 0.1),
    "float32 input": (data(5, 30, 3, dtype=np.float32), 0.2),
}

GD_CASES = {
    "one step from zero": (data(6, 8, 2), 0.1, 1, 0.0),
    "many steps": (data(7, 40, 3), 0.1, 50, 0.0),
    "with l2: the bias is not penalised": (data(8, 25, 3, offset=5.0), 0.05, 30, 0.3),
    "float32 input": (data(9, 20, 2, dtype=np.float32), 0.2, 20, 0.1),
}


def fit_random(seed):
    rng = np.random.default_rng(400 + seed)
    return data(seed + 20, int(rng.integers(5, 40)), int(rng.integers(1, 6)),
                dtype=[np.float64, np.float32, np.float64][seed]), [0.0, 0.3, 2.0][seed]


def gd_random(seed):
    rng = np.random.default_rng(500 + seed)
    return (data(seed + 30, int(rng.integers(5, 40)), int(rng.integers(1, 5))), float(rng.uniform(0.01, 0.2)),
            int(rng.integers(1, 40)), [0.0, 0.5, 0.05][seed])


CASES = [Cases(lambda target, p: check_fit(target.fit_linear_regression, *p[0](), p[1]), FIT_CASES, fit_random,
               seeds=3, name="closed form matches lstsq and Ridge", random_name="closed form random case"),
         Cases(lambda target, p: check_gd(target.linear_regression_gd, *p[0](), *p[1:]), GD_CASES, gd_random,
               seeds=3, name="gradient descent matches autograd", random_name="gradient descent random case")]


def test_nearly_collinear_features(target):
    # cond(X) ~ 2e7, so cond(X.T @ X) ~ 4e14: the inverse keeps about 1-3 digits, lstsq about 9.
    rng = np.random.default_rng(11)
    x1 = rng.standard_normal(50)
    X = np.c_[x1, x1 + 1e-7 * rng.standard_normal(50), rng.standard_normal(50)]
    y = X @ np.array([1.0, 2.0, -1.0]) + 0.5 + 0.01 * rng.standard_normal(50)
    case = "nearly collinear X, shape (50, 3), cond(X) ~ 2e7, l2 = 0"
    w, b = unpack(call_unchanged(target.fit_linear_regression, X, y, l2=0.0, case=case), "w, b", case,
                  "fit_linear_regression")
    ew, eb = closed_form(X, y, 0.0)
    w = np.asarray(w, dtype=np.float64)
    err = np.abs(w - ew).max() / np.abs(ew).max()
    if w.shape == ew.shape and err <= 1e-6:
        return
    Xa = np.c_[X, np.ones(50)]
    inv_w = (np.linalg.inv(Xa.T @ Xa) @ Xa.T @ y)[:-1]
    inv_err = np.abs(inv_w - ew).max() / np.abs(ew).max()
    mistake = None
    if w.shape == ew.shape and inv_err > 1e-6 and err > 1e-6:  # wrong by the amount the inverse loses
        mistake = record_reproduced(MISTAKE.inv_normal_equations)
    raise CheckFailure(f"w is off by a relative {err:.2g} from lstsq's {np.round(ew, 4)} (got {np.round(w, 4)}); "
                       "the inverse of X.T @ X would be off by about " f"{inv_err:.2g}", case=case, mistake=mistake)


def speed_setup(target, device):
    rng = np.random.default_rng(9)
    X = rng.standard_normal((4000, 64))
    y = X @ rng.standard_normal(64) + 0.1 * rng.standard_normal(4000)
    return (lambda: target.linear_regression_gd(X, y, 0.1, 200), lambda: gd_torch(X, y, 0.1, 200, 0.0),
            describe(X=X, y=y, lr=0.1, steps=200))


SPEED = Speed(speed_setup, limit=10, reference="the same loop in torch autograd")
