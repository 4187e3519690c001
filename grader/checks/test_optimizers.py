"""Checks of exercises/optimizers.py against torch.optim.SGD / Adam / AdamW in float64, step by step."""
from __future__ import annotations

import inspect

import numpy as np
import pytest
import torch

from grader.checking import (CheckFailure, Mistake, call_without_warnings, describe, expect_close,
                             expect_no_banned_calls, expect_unchanged, snapshot)
from grader.learner import call
from grader.speed import expect_fast, measure

TORCH = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}  # bound before the learner


def _skip_the_dynamo_import() -> None:
    """torch.optim imports torch._dynamo (2-8 s) on first use, only to keep the compiler out of
    `add_param_group` and `step`. Nothing is compiled here, so call the plain functions: the same
    arithmetic, bit for bit (checked on SGD, Adam and AdamW over 100 steps), without the import."""
    plain = getattr(torch.optim.Optimizer.add_param_group, "__wrapped__", None)
    if plain is not None:
        plain.__dynamo_disable = plain  # what torch._disable_dynamo caches after its first call


_skip_the_dynamo_import()
PLAIN_STEP = {which: inspect.unwrap(cls.step) for which, cls in TORCH.items()}  # without the graph-break wrapper


def torch_step(which, optimizer) -> None:
    with torch.no_grad():  # what the wrapper around step() does
        PLAIN_STEP[which](optimizer)

SGD_NO_WD = Mistake("weight decay ignored", "SGD's weight_decay adds weight_decay * param to the gradient",
                    "sgd-and-weight-decay")
SGD_NO_MOMENTUM = Mistake("momentum buffer not kept", "every step used only the current gradient: keep the "
                          "buffer in `state` and update it, buf = momentum * buf + g", "momentum")
SGD_EMA = Mistake("momentum as a moving average", "torch's SGD (dampening=0) adds the whole gradient: "
                  "buf = momentum * buf + g, not momentum * buf + (1 - momentum) * g", "momentum")
SGD_EMA_ZERO = Mistake("momentum buffer started at zero", "a buffer of zeros updated as momentum * buf + "
                       "(1 - momentum) * g makes the first step (1 - momentum) times too small; torch starts the "
                       "buffer at the first gradient", "momentum")
SGD_FIRST_TWICE = Mistake("first gradient counted twice", "on the first step the buffer IS the gradient: "
                          "initialise it to g, or update momentum * buf + g from zeros — not both", "momentum")
SGD_WD_OUTSIDE = Mistake("weight decay outside the momentum", "in torch's SGD the L2 term is added to the "
                         "gradient before the momentum buffer, so it is carried by the momentum too",
                         "sgd-and-weight-decay")
NO_BIAS_CORRECTION = Mistake("bias correction missing", "m and v start at 0, so early averages are too small: "
                             "divide by 1 - beta1**t and 1 - beta2**t", "bias-correction")
HALF_BIAS_CORRECTION = Mistake("bias correction of one moment missing", "correct both: m / (1 - beta1**t) and "
                               "v / (1 - beta2**t)", "bias-correction")
STEP_PLUS_ONE = Mistake("step count off by one", "the bias correction used t + 1 on step t: t is 1 on the first "
                        "step (count first, then correct)", "bias-correction")
STEP_FROM_ZERO = Mistake("step count starts at 0", "1 - beta**0 = 0: the first step divided by zero; "
                         "increment t before the bias correction, so t = 1 on the first step", "bias-correction")
EPS_INSIDE = Mistake("eps inside the square root", "torch divides by sqrt(v_hat) + eps, not sqrt(v_hat + eps); "
                     "it matters when gradients are small", "where-eps-goes")
EPS_BEFORE = Mistake("eps added before the bias correction", "torch adds eps to sqrt(v_hat), the corrected "
                     "second moment: sqrt(v / (1 - beta2**t)) + eps", "where-eps-goes")
EPS_MISSING = Mistake("eps missing", "divide by sqrt(v_hat) + eps: eps matters when gradients are small",
                      "where-eps-goes")
STATE_NOT_KEPT = Mistake("state not kept between steps", "every step behaved like the first: store t, m and v in "
                         "the `state` dict (in place) and read them back on the next call", "the-state-dict")
ADAM_WD_IGNORED = Mistake("weight decay ignored", "Adam's weight_decay adds weight_decay * param to the gradient "
                          "before the moments", "adam-l2-vs-adamw")
ADAM_WD_DECOUPLED = Mistake("decoupled weight decay in Adam", "torch.optim.Adam's weight_decay is L2 "
                            "regularisation, added to the gradient; the decoupled decay belongs to AdamW",
                            "adam-l2-vs-adamw")
ADAMW_COUPLED = Mistake("weight decay coupled in AdamW", "AdamW decays the parameter directly, "
                        "param * (1 - lr * weight_decay); adding weight_decay * param to the gradient is Adam's L2",
                        "adam-l2-vs-adamw")
ADAMW_NO_LR = Mistake("decay not scaled by lr", "AdamW multiplies the parameter by 1 - lr * weight_decay, not "
                      "1 - weight_decay", "adam-l2-vs-adamw")
ADAMW_DECAY_AFTER = Mistake("decay applied after the step", "torch decays the parameter first, then takes the "
                            "Adam step on the decayed parameter", "adam-l2-vs-adamw")
ADAMW_WD_IGNORED = Mistake("weight decay ignored", "AdamW multiplies the parameter by 1 - lr * weight_decay "
                           "every step (default weight_decay = 1e-2)", "adam-l2-vs-adamw")

WARNINGS = {"divide by zero": STEP_FROM_ZERO, "invalid value": STEP_FROM_ZERO}
RTOL = {np.float32: 1e-5, np.float64: 1e-9}
ATOL = {np.float32: 1e-6, np.float64: 1e-12}


def torch_trajectory(which, p0, grads, hyper) -> torch.Tensor:
    """The oracle: torch.optim fed the same gradients, the parameter after every step."""
    P = torch.from_numpy(p0).double().clone().requires_grad_(True)
    optimizer = TORCH[which]([P], **hyper)
    after = []
    for g in grads:
        P.grad = torch.from_numpy(g).double().clone()
        torch_step(which, optimizer)
        after.append(P.detach().clone())
    return torch.stack(after)


def sgd_variant(p0, grads, lr, momentum=0.0, weight_decay=0.0, *, mode):
    """SGD with one classic mistake, in float64 (a variant to recognise, never the oracle)."""
    P, buf, after = torch.from_numpy(p0).double(), None, []
    for G in (torch.from_numpy(g).double() for g in grads):
        g = G if mode in ("no weight decay", "decay outside") else G + weight_decay * P
        if mode == "no momentum":
            buf = g
        elif mode == "ema":
            buf = g.clone() if buf is None else momentum * buf + (1 - momentum) * g
        elif mode == "ema from zero":
            buf = (1 - momentum) * g if buf is None else momentum * buf + (1 - momentum) * g
        elif mode == "first twice":
            buf = (1 + momentum) * g if buf is None else momentum * buf + g
        else:
            buf = g.clone() if buf is None else momentum * buf + g
        step = buf if momentum else g
        P = P - lr * step - (lr * weight_decay * P if mode == "decay outside" else 0)
        after.append(P)
    return torch.stack(after)


def adam_variant(p0, grads, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=None, *, decoupled, mode=""):
    """Adam/AdamW with one classic mistake, in float64 (a variant to recognise, never the oracle)."""
    if weight_decay is None:  # the defaults of torch.optim.AdamW and Adam
        weight_decay = 1e-2 if decoupled else 0.0
    (b1, b2), P, after = betas, torch.from_numpy(p0).double(), []
    m = v = torch.zeros_like(P)
    for k, G in enumerate(torch.from_numpy(g).double() for g in grads):
        t = 1 if mode == "state not kept" else k + 1 + (1 if mode == "t + 1" else 0)
        if mode == "state not kept":
            m = v = torch.zeros_like(P)
        coupled = decoupled == (mode == "swap decay")  # True: L2 in the gradient
        if weight_decay and coupled and mode != "no decay":
            G = G + weight_decay * P
        if weight_decay and not coupled and mode not in ("no decay", "decay after"):
            P = P * (1 - (1 if mode == "decay without lr" else lr) * weight_decay)
        m, v = b1 * m + (1 - b1) * G, b2 * v + (1 - b2) * G * G
        bc1 = 1 if mode in ("no correction", "no m correction") else 1 - b1**t
        bc2 = 1 if mode in ("no correction", "no v correction") else 1 - b2**t
        if mode == "eps inside":
            denom = torch.sqrt(v / bc2 + eps)
        elif mode == "eps before":
            denom = (torch.sqrt(v) + eps) / bc2**0.5
        else:
            denom = torch.sqrt(v / bc2) + (0 if mode == "no eps" else eps)
        P = P - lr * (m / bc1) / denom
        if mode == "decay after" and weight_decay and not coupled:
            P = P * (1 - lr * weight_decay)
        after.append(P)
    return torch.stack(after)


def variants(which, p0, grads, hyper) -> dict:
    if which == "sgd":
        run = lambda mode: lambda: sgd_variant(p0, grads, **hyper, mode=mode)  # noqa: E731
        found = {}
        if hyper.get("weight_decay"):
            found |= {SGD_NO_WD: run("no weight decay"), SGD_WD_OUTSIDE: run("decay outside")}
        if hyper.get("momentum"):
            found |= {SGD_NO_MOMENTUM: run("no momentum"), SGD_EMA: run("ema"), SGD_EMA_ZERO: run("ema from zero"),
                      SGD_FIRST_TWICE: run("first twice")}
        return found
    decoupled = which == "adamw"
    run = lambda mode: lambda: adam_variant(p0, grads, **hyper, decoupled=decoupled, mode=mode)  # noqa: E731
    found = {NO_BIAS_CORRECTION: run("no correction"),
             HALF_BIAS_CORRECTION: run("no m correction"),
             Mistake(HALF_BIAS_CORRECTION.name, "correct both: v / (1 - beta2**t) as well as m / (1 - beta1**t)",
                     HALF_BIAS_CORRECTION.anchor): run("no v correction"),
             STEP_PLUS_ONE: run("t + 1"), STATE_NOT_KEPT: run("state not kept"),
             EPS_INSIDE: run("eps inside"), EPS_BEFORE: run("eps before"), EPS_MISSING: run("no eps")}
    if hyper.get("weight_decay", 1e-2 if decoupled else 0):
        if decoupled:
            found |= {ADAMW_COUPLED: run("swap decay"), ADAMW_NO_LR: run("decay without lr"),
                      ADAMW_DECAY_AFTER: run("decay after"), ADAMW_WD_IGNORED: run("no decay")}
        else:
            found |= {ADAM_WD_IGNORED: run("no decay"), ADAM_WD_DECOUPLED: run("swap decay")}
    return found


def check_run(module, which, p0, grads, hyper):
    step = getattr(module, f"{which}_step")
    steps = len(grads)
    case = f"{which}_step: " + describe(param=p0, **hyper) + f", {steps} step{'s' * (steps > 1)}"
    expected = torch_trajectory(which, p0, grads, hyper)
    mistakes = variants(which, p0, grads, hyper)
    state, param = {}, p0.copy()
    for k, g in enumerate(grads):
        at = f"{case} — after step {k + 1}"
        grad = g.copy()
        before = snapshot(param=param, grad=grad)
        new = call_without_warnings(step, param, grad, state, case=at, mistakes=WARNINGS, **hyper)
        expect_unchanged(before, {"param": param, "grad": grad}, case=at)
        if not isinstance(state, dict):
            raise CheckFailure("the state passed in must stay a dict", case=at)
        expect_close(new, expected[k], case=at, dtype=p0.dtype, rtol=RTOL[p0.dtype.type], atol=ATOL[p0.dtype.type],
                     mistakes={m: (lambda f=f, k=k: f()[k]) for m, f in mistakes.items()})
        param = new


def run_case(seed, shape=(5,), steps=100, grad_scale=1.0, dtype=np.float64):
    def make():
        rng = np.random.default_rng(seed)
        p0 = rng.standard_normal(shape).astype(dtype)
        grads = [(rng.standard_normal(shape) * grad_scale + 0.3).astype(dtype) for _ in range(steps)]
        return p0, grads
    return make


# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
NAMED_CASES = {
    "sgd: smallest: plain SGD, one value, 3 steps": ("sgd", run_case(0, (1,), steps=3), dict(lr=0.1)),
    "sgd: momentum 0.9": ("sgd", run_case(1), dict(lr=0.05, momentum=0.9)),
    "sgd: weight decay": ("sgd", run_case(2), dict(lr=0.05, weight_decay=0.1)),
    "sgd: momentum and weight decay": ("sgd", run_case(3, (2, 3)), dict(lr=0.01, momentum=0.8, weight_decay=0.05)),
    "sgd: float32": ("sgd", run_case(4, (4,), dtype=np.float32), dict(lr=0.02, momentum=0.9, weight_decay=1e-3)),
    "adam: first step": ("adam", run_case(5, (4,), steps=1), dict(lr=1e-3)),
    "adam: defaults": ("adam", run_case(6), dict()),
    "adam: weight decay (L2 in the gradient)": ("adam", run_case(7, (2, 3)), dict(lr=1e-2, weight_decay=0.1)),
    "adam: small gradients (eps matters)": ("adam", run_case(8, grad_scale=1e-6), dict(lr=1e-3)),
    "adam: betas (0.8, 0.99), eps 1e-6": ("adam", run_case(9), dict(lr=1e-2, betas=(0.8, 0.99), eps=1e-6)),
    "adam: float32": ("adam", run_case(10, (3, 2), dtype=np.float32), dict(lr=1e-2)),
    "adamw: first step": ("adamw", run_case(11, (4,), steps=1), dict(lr=1e-3)),
    "adamw: default weight decay 1e-2": ("adamw", run_case(12), dict()),
    "adamw: weight decay 0.1, lr 1e-2": ("adamw", run_case(13, (2, 3)), dict(lr=1e-2, weight_decay=0.1)),
    "adamw: small gradients (eps matters)": ("adamw", run_case(14, grad_scale=1e-6), dict(lr=1e-3)),
    "adamw: float32": ("adamw", run_case(15, (3, 2), dtype=np.float32), dict(lr=1e-2, weight_decay=0.05)),
}


@pytest.mark.parametrize("which, make, hyper", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, which, make, hyper):
    check_run(target, which, *make(), hyper)


@pytest.mark.rules
def test_uses_numpy_only(target_file, exercise):
    expect_no_banned_calls(target_file, exercise.banned, "this exercise is optimisers in NumPy")


@pytest.mark.speed
def test_speed_against_torch(target):
    rng = np.random.default_rng(0)
    p0, g = (rng.standard_normal(2**16).astype(np.float32) for _ in range(2))
    hyper = {"sgd": dict(lr=0.01, momentum=0.9, weight_decay=1e-4), "adam": dict(lr=1e-3), "adamw": dict(lr=1e-3)}
    states = {which: {} for which in hyper}
    for which in hyper:
        call(getattr(target, f"{which}_step"), p0, g, states[which], **hyper[which])  # a crash is reported as such
    optimizers = {}
    for which in hyper:
        P = torch.from_numpy(p0.copy()).requires_grad_(True)
        P.grad = torch.from_numpy(g)
        optimizers[which] = TORCH[which]([P], **hyper[which])

    def learner():
        for which in hyper:
            getattr(target, f"{which}_step")(p0, g, states[which], **hyper[which])

    def reference():
        for which, optimizer in optimizers.items():
            torch_step(which, optimizer)

    result = measure(learner, reference, limit=15, reference_name="torch.optim")
    expect_fast(result, case="one step of SGD (momentum), Adam and AdamW on " + describe(param=p0))
