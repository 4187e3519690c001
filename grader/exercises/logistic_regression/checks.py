"""Checks of exercises/logistic_regression.py against torch in float64.

The oracles: torch.sigmoid for predict_proba; for gradient descent, the same loop written with torch
autograd on F.binary_cross_entropy_with_logits in float64 (the gradient comes from backward()).
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from grader.check import CheckFailure, Cases, Speed, call_unchanged, describe, expect_close, mistakes

from grader.check.family.regression import as_array, t, unpack

MISTAKE = mistakes("logistic_regression")
TOLERANCE = {"float32": (1e-6, 1e-9), "float64": (1e-6, 1e-9)}  # float64 results whatever the input
WARNINGS = {"overflow": MISTAKE.sigmoid_overflow, "divide by zero": MISTAKE.sigmoid_overflow,
            "invalid value": MISTAKE.sigmoid_overflow}




def gd_torch(X, y, lr, steps, l2):
    X, y = t(X), t(y)
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(steps):
        loss = F.binary_cross_entropy_with_logits(X @ w + b, y) + 0.5 * l2 * (w @ w)
        losses.append(loss.item())
        w.grad = b.grad = None
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
    return w.detach(), b.detach(), torch.tensor(losses, dtype=torch.float64)


def gd_variant(X, y, lr, steps, l2, sign=1.0, bias_l2=0.0):
    X, y = t(X), t(y)
    N, D = X.shape
    w, b, losses = torch.zeros(D, dtype=torch.float64), torch.zeros((), dtype=torch.float64), []
    for _ in range(steps):
        z = X @ w + b
        losses.append((F.softplus(z) - y * z).mean() + 0.5 * l2 * (w @ w) + 0.5 * bias_l2 * b * b)
        g = sign * (torch.sigmoid(z) - y) / N
        w, b = w - lr * (X.T @ g + l2 * w), b - lr * (g.sum() + bias_l2 * b)
    return w, b, torch.stack(losses)


def check_proba(fn, X, w, b):
    case = describe(X=X, w=w, b=b)
    got = call_unchanged(fn, X, w, b, case=case, warnings=WARNINGS)
    expected = torch.sigmoid(t(X) @ t(w) + b)
    expect_close(got, expected, case=case, dtype=np.float64, what="the probabilities")


def check_fit(fn, X, y, lr, steps, l2):
    case = describe(X=X, y=y, lr=lr, steps=steps, l2=l2)
    got = unpack(call_unchanged(fn, X, y, lr, steps, l2=l2, case=case, warnings=WARNINGS),
                 "w, b, losses", case, "fit_logistic_regression")
    expected = gd_torch(X, y, lr, steps, l2)
    variants = {MISTAKE.gradient_sign: gd_variant(X, y, lr, steps, l2, sign=-1.0)}
    if l2 > 0:
        variants[MISTAKE.l2_bias] = gd_variant(X, y, lr, steps, l2, bias_l2=l2)
    losses = got[2]
    if isinstance(losses, np.ndarray) and losses.dtype.kind == "f" and not np.isfinite(losses).all():
        raise CheckFailure("losses are not finite (inf or NaN): log(p) of a sigmoid that rounded to 0 or 1; "
                           "compute the loss from the logits", case=case, mistake=MISTAKE.sigmoid_overflow)
    for i, what in ((2, "losses"), (0, "w"), (1, "b")):
        expect_close(as_array(got[i]), expected[i], case=case, dtype=np.float64, what=what,
                     mistakes={m: (lambda v=v: v[i]) for m, v in variants.items()})


def data(seed, n, d, dtype=np.float64, scale=1.0, label=np.int64, margin=1.0):
    def make():
        rng = np.random.default_rng(seed)
        X = rng.standard_normal((n, d))
        y = (X @ rng.standard_normal(d) + 0.3 + 0.5 * rng.standard_normal(n) / margin > 0)
        y[:2] = [False, True]
        return (X * scale).astype(dtype), y.astype(label)
    return make


def proba(seed, n, d, scale, dtype=np.float64):
    def make():
        rng = np.random.default_rng(seed)
        return (rng.standard_normal((n, d)).astype(dtype), rng.standard_normal(d) * scale,
                float(rng.standard_normal()))
    return make


PROBA_CASES = {
    "smallest: one sample, one feature": lambda: (np.array([[2.0]]), np.array([0.5]), -1.0),
    "moderate logits": proba(1, 10, 3, 1.0),
    "large margins: |z| up to thousands": proba(2, 20, 3, 1000.0),
    "logits beyond exp's range (|z| ~ 1e4)": lambda: (np.array([[1.0], [-1.0], [0.0]]), np.array([1e4]), 0.0),
    "float32 input": proba(3, 8, 4, 2.0, np.float32),
}

FIT_CASES = {
    "one step from zero": (data(4, 8, 2), 0.5, 1, 0.0),
    "many steps": (data(5, 40, 3), 0.5, 60, 0.0),
    "with l2: the bias is not penalised": (data(6, 30, 3), 0.3, 40, 0.2),
    "separable data with large features (logits in the thousands)": (data(7, 30, 2, scale=1000.0, margin=1e6),
                                                                      0.5, 20, 0.0),
    "float32 input, boolean labels": (data(8, 25, 2, np.float32, label=bool), 0.4, 20, 0.05),
}


def proba_random(seed):
    return proba(600 + seed, 5 + 7 * seed, 1 + seed, [1.0, 30.0, 300.0][seed], [np.float64, np.float32, np.float64][seed])


def fit_random(seed):
    rng = np.random.default_rng(700 + seed)
    return (data(710 + seed, int(rng.integers(6, 40)), int(rng.integers(1, 5))), float(rng.uniform(0.05, 1.0)),
            int(rng.integers(1, 40)), [0.0, 0.3, 0.02][seed])


CASES = [Cases(lambda target, make: check_proba(target.predict_proba, *make()), PROBA_CASES, proba_random, seeds=3,
               name="predict_proba matches torch.sigmoid", random_name="predict_proba random case"),
         Cases(lambda target, p: check_fit(target.fit_logistic_regression, *p[0](), *p[1:]), FIT_CASES, fit_random,
               seeds=3, name="gradient descent matches autograd", random_name="gradient descent random case")]


def speed_setup(target, device):
    rng = np.random.default_rng(10)
    X = rng.standard_normal((4000, 64))
    y = (X @ rng.standard_normal(64) + rng.standard_normal(4000) > 0).astype(np.int64)
    return (lambda: target.fit_logistic_regression(X, y, 0.5, 200), lambda: gd_torch(X, y, 0.5, 200, 0.0),
            describe(X=X, y=y, lr=0.5, steps=200))


SPEED = Speed(speed_setup, limit=10, reference="the same loop in torch autograd")
