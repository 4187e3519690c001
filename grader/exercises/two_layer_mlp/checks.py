"""Checks of exercises/two_layer_mlp.py against torch autograd in float64.

Two oracles: torch autograd through relu / cross_entropy in float64 (loss and every gradient),
and central differences of the learner's OWN loss (are the gradients consistent with it?).
Classic mistakes are variants of the hand-derived gradients, used only to name what went wrong.
"""
from __future__ import annotations

import numbers

import numpy as np
import torch
import torch.nn.functional as F  # the oracle; the learner's file may not import torch

from grader.check import (Cases, CheckFailure, Speed, call, call_unchanged, describe, expect_close, matching_mistake,
                          mistakes, tolerance)

MISTAKE = mistakes("two_layer_mlp")

TOLERANCE = {"float32": (1e-4, 1e-5), "float64": (1e-7, 1e-10)}
KEYS = ("W1", "b1", "W2", "b2")
ARGS = ("x", "y", *KEYS)  # the learner's arguments, in order


def make_case(seed, N, D, H, K, *, logit_scale=1.0, dead=False, zero_pre=False, same_label=False,
              dtype=np.float64, label_dtype=np.int64):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    W1 = rng.standard_normal((D, H)) / np.sqrt(D)
    b1 = rng.standard_normal(H) * 0.1
    W2 = rng.standard_normal((H, K)) / np.sqrt(H) * logit_scale
    b2 = rng.standard_normal(K) * 0.1
    if dead:
        b1[: H // 2] = -100.0  # these units never fire
    if zero_pre:
        x[0] = 0.0  # z[0] = b1 exactly, and b1 has exact zeros
        b1[::2] = 0.0
    y = np.zeros(N) if same_label else rng.integers(0, K, N)
    arrays = {k: v.astype(dtype) for k, v in dict(x=x, W1=W1, b1=b1, W2=W2, b2=b2).items()}
    return dict(arrays, y=y.astype(label_dtype))


def case_text(c) -> str:
    return describe(x=c["x"], y=c["y"], W1=c["W1"], b1=c["b1"], W2=c["W2"], b2=c["b2"])


def oracle(c):
    """Loss and gradients by torch autograd in float64, plus the pieces the variants need."""
    t = {k: torch.from_numpy(np.asarray(c[k], dtype=np.float64)).requires_grad_(k != "x") for k in ("x", *KEYS)}
    y = torch.from_numpy(c["y"].astype(np.int64))
    z = t["x"] @ t["W1"] + t["b1"]
    logits = F.relu(z) @ t["W2"] + t["b2"]
    loss = F.cross_entropy(logits, y)
    grads = dict(zip(KEYS, torch.autograd.grad(loss, [t[k] for k in KEYS])))
    pieces = {k: v.detach() for k, v in dict(z=z, logits=logits, **t).items()}
    pieces["onehot"] = F.one_hot(y, logits.shape[1]).double()
    return loss.detach(), grads, pieces


def backprop(p, *, dlogits=None, mask=None):
    """Hand-derived gradients in float64 with optional wrong pieces (for the variants)."""
    N = p["x"].shape[0]
    h = p["z"].clamp(min=0)
    if dlogits is None:
        dlogits = (p["logits"].softmax(1) - p["onehot"]) / N
    dh = dlogits @ p["W2"].T
    dz = dh * (p["z"] > 0) if mask is None else mask(dh, p)
    return {"W1": p["x"].T @ dz, "b1": dz.sum(0), "W2": h.T @ dlogits, "b2": dlogits.sum(0)}


def gradient_mistakes(key, p, expected):
    N = p["x"].shape[0]
    softmax = p["logits"].softmax(1)
    mistakes = {
        MISTAKE.not_averaged: lambda: backprop(p, dlogits=(softmax - p["onehot"]))[key],
        MISTAKE.no_onehot: lambda: backprop(p, dlogits=softmax / N)[key],
    }
    if key in ("W1", "b1"):
        wrong = [lambda dh, p: dh * (dh > 0), lambda dh, p: dh * p["z"].clamp(min=0)]
        if p["x"].shape[1] == p["z"].shape[1]:
            wrong.append(lambda dh, p: dh * (p["x"] > 0))
        mistakes[MISTAKE.relu_wrong_tensor] = [lambda m=m: backprop(p, mask=m)[key] for m in wrong]
        mistakes[MISTAKE.relu_skipped] = lambda: backprop(p, mask=lambda dh, p: dh)[key]
        mistakes[MISTAKE.relu_at_zero] = lambda: backprop(p, mask=lambda dh, p: dh * (p["z"] >= 0))[key]
    if key.startswith("W"):
        mistakes[MISTAKE.transposed] = lambda: expected.T
    else:
        mistakes[MISTAKE.bias_wrong] = [lambda: expected / N, lambda: expected * N]
    return mistakes


def check_case(mlp, c):
    case = case_text(c)
    loss, grads = expect_result_form(call_unchanged(mlp, *(c[k] for k in ARGS), case=case), c, case)

    expected_loss, expected, p = oracle(c)
    rtol, atol = tolerance(c["x"].dtype)
    large = p["logits"].abs().max().item() > 100
    if not np.isfinite(loss):
        raise CheckFailure(f"your loss is {loss}, expected {expected_loss.item():.6g}", case=case,
                           mistake=MISTAKE.unstable if large else None)
    if not np.isclose(loss, expected_loss.item(), rtol=rtol, atol=atol):
        mistake = matching_mistake(loss, {
            MISTAKE.loss_summed: lambda: expected_loss * c["x"].shape[0],
            MISTAKE.softmax_axis: lambda: -(p["logits"].log_softmax(0) * p["onehot"]).sum(1).mean()},
            rtol=rtol, atol=atol)
        raise CheckFailure(f"your loss is {loss:.10g}, torch's cross_entropy gives {expected_loss.item():.10g}",
                           case=case, mistake=mistake)

    for key in ("W2", "b2", "W1", "b1"):  # the order of the backward pass
        got = grads[key]
        mistakes = gradient_mistakes(key, p, expected[key])

        def shape_hint(got_shape, expected_shape, key=key):
            if key.startswith("W") and got_shape == expected_shape[::-1]:
                return MISTAKE.transposed
            if key.startswith("b"):
                return MISTAKE.bias_wrong
            return None

        if isinstance(got, np.ndarray) and got.shape == expected[key].shape and not np.isfinite(got).all():
            raise CheckFailure(f"grads[{key!r}] contains NaN or Inf", case=case, mistake=MISTAKE.unstable if large else None)
        expect_close(got, expected[key], case=case, dtype=c[key].dtype, mistakes=mistakes, shape_hint=shape_hint,
                     what=f"grads[{key!r}]")


def expect_result_form(result, c, case):
    """(loss, grads) with a real scalar loss and a dict of arrays with the four keys."""
    if not (isinstance(result, (tuple, list)) and len(result) == 2):
        raise CheckFailure(f"return a pair (loss, grads); your function returned {type(result).__name__}"
                           + (" (did you forget to `return`?)" if result is None else ""), case=case)
    loss, grads = result
    if isinstance(loss, np.ndarray) and loss.size == 1:
        loss = loss.reshape(())[()]
    if not isinstance(loss, numbers.Real):
        raise CheckFailure(f"the loss must be a number (a float); yours is {type(loss).__name__}", case=case)
    if not isinstance(grads, dict):
        raise CheckFailure(f"grads must be a dict with keys {list(KEYS)}; yours is {type(grads).__name__}",
                           case=case)
    missing = [k for k in KEYS if k not in grads]
    if missing:
        raise CheckFailure(f"grads lacks the keys {missing} (it has {sorted(map(str, grads))})", case=case)
    for k in KEYS:
        if not isinstance(grads[k], np.ndarray):
            raise CheckFailure(f"grads[{k!r}] must be a NumPy array; yours is {type(grads[k]).__name__}", case=case)
    return float(loss), grads


NAMED_CASES = {
    "smallest: N=1, D=2, H=2, K=2": dict(seed=0, N=1, D=2, H=2, K=2),
    "batch of 4": dict(seed=1, N=4, D=3, H=5, K=3),
    "D == H: square W1": dict(seed=2, N=5, D=4, H=4, K=3),
    "H == K: square W2": dict(seed=3, N=5, D=4, H=3, K=3),
    "dead ReLU units": dict(seed=4, N=6, D=3, H=6, K=4, dead=True),
    "pre-activation exactly 0": dict(seed=5, N=4, D=3, H=4, K=3, zero_pre=True),
    "every label the same class": dict(seed=6, N=5, D=3, H=4, K=3, same_label=True),
    "two classes": dict(seed=7, N=6, D=4, H=5, K=2),
    "large logits (~1000)": dict(seed=8, N=6, D=4, H=8, K=5, logit_scale=800.0),
    "float32 inputs": dict(seed=9, N=8, D=6, H=7, K=4, dtype=np.float32),
    "int32 labels": dict(seed=10, N=5, D=3, H=4, K=3, label_dtype=np.int32),
}


def random_params(seed):
    rng = np.random.default_rng(100 + seed)
    N, D, H, K = (int(v) for v in rng.integers(1, 9, size=4))
    return dict(seed=seed, N=N, D=D, H=H, K=max(K, 2), dtype=[np.float64, np.float32][seed % 2])


CASES = Cases(lambda target, params: check_case(target.two_layer_mlp, make_case(**params)), NAMED_CASES,
              random_params, seeds=3, name="matches torch autograd")


def test_gradients_match_central_differences(target):
    """Numerical check of the learner's gradients against their own loss: (L(θ+h) - L(θ-h)) / 2h."""
    c = make_case(11, N=4, D=3, H=5, K=3)
    z = c["x"] @ c["W1"] + c["b1"]
    assert np.abs(z).min() > 1e-3, "case too close to a ReLU kink for finite differences"
    case = case_text(c)
    loss, grads = expect_result_form(call(target.two_layer_mlp, *(c[k] for k in ARGS)), c, case)
    h = 1e-6
    for key in KEYS:
        numeric = np.zeros_like(c[key])
        for i in np.ndindex(c[key].shape):
            values = []
            for step in (h, -h):
                params = {k: c[k].copy() for k in KEYS}
                params[key][i] += step
                result = call(target.two_layer_mlp, *({**c, **params}[k] for k in ARGS))
                values.append(expect_result_form(result, c, case)[0])
            numeric[i] = (values[0] - values[1]) / (2 * h)
        if grads[key].shape != numeric.shape or not np.allclose(grads[key], numeric, rtol=1e-5, atol=1e-8):
            if grads[key].shape != numeric.shape:
                detail = f"shape {grads[key].shape}, expected {numeric.shape}"
            else:
                where = np.unravel_index(np.abs(grads[key] - numeric).argmax(), numeric.shape)
                detail = (f"at index {tuple(int(i) for i in where)}: yours {grads[key][where]:.8g}, "
                          f"central difference {numeric[where]:.8g}")
            raise CheckFailure(f"grads[{key!r}] disagrees with the central differences of your own loss "
                               f"(h = {h:g}) {detail}", case=case,
                               mistake=matching_mistake(grads[key], {
                                   MISTAKE.transposed: lambda: torch.from_numpy(numeric.T),
                                   MISTAKE.not_averaged: lambda: torch.from_numpy(numeric) * 4}, rtol=1e-5, atol=1e-8)
                               if grads[key].size else None)


def speed_setup(target, device):
    c = make_case(0, N=1024, D=64, H=64, K=10, dtype=np.float32)
    X, Y = torch.from_numpy(c["x"]), torch.from_numpy(c["y"])
    params = [torch.from_numpy(c[k]).requires_grad_() for k in KEYS]

    def torch_forward_backward():
        W1, b1, W2, b2 = params
        loss = F.cross_entropy(F.relu(X @ W1 + b1) @ W2 + b2, Y)
        return torch.autograd.grad(loss, params)

    return lambda: target.two_layer_mlp(*(c[k] for k in ARGS)), torch_forward_backward, case_text(c)


SPEED = Speed(speed_setup, limit=10, reference="torch forward + autograd", name="speed against torch autograd")
