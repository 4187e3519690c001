"""Checks of exercises/optimizers.py against torch.optim.SGD / Adam / AdamW in float64, step by step."""
from __future__ import annotations

import inspect

import numpy as np
import torch

from grader.check import Cases, CheckFailure, Speed, call_unchanged, describe, expect_close, mistakes
from grader.check.family.optimization import parameter

MISTAKE = mistakes("optimizers")
TOLERANCE = {"float32": (1e-5, 1e-6), "float64": (1e-9, 1e-12)}
WARNINGS = dict.fromkeys(("divide by zero", "invalid value"), MISTAKE.step_from_zero)

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


def torch_trajectory(which, p0, grads, hyper) -> torch.Tensor:
    """The oracle: torch.optim fed the same gradients, the parameter after every step."""
    P = parameter(p0, dtype=torch.float64)
    optimizer = TORCH[which]([P], **hyper)
    after = []
    for g in grads:
        P.grad = torch.tensor(g, dtype=torch.float64)
        torch_step(which, optimizer)
        after.append(P.detach().clone())
    return torch.stack(after)  # (steps, *param.shape)


def sgd_variant(p0, grads, lr, momentum=0.0, weight_decay=0.0, *, mode):
    """SGD with one classic mistake, in float64 (a variant to recognise, never the oracle)."""
    P, buf, after = torch.from_numpy(p0).double(), None, []
    first = {"ema from zero": 1 - momentum, "first twice": 1 + momentum}.get(mode, 1)  # the buffer's first gradient
    damp = 1 - momentum if mode in ("ema", "ema from zero") else 1  # the weight of later gradients
    for G in (torch.from_numpy(g).double() for g in grads):
        g = G if mode in ("no weight decay", "decay outside") else G + weight_decay * P
        buf = g if mode == "no momentum" else first * g if buf is None else momentum * buf + damp * g
        P = P - lr * (buf if momentum else g) - (lr * weight_decay * P if mode == "decay outside" else 0)
        after.append(P)
    return torch.stack(after)  # (steps, *param.shape)


def adam_variant(p0, grads, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=None, *, decoupled, mode=""):
    """Adam/AdamW with one classic mistake, in float64 (a variant to recognise, never the oracle)."""
    if weight_decay is None:  # the defaults of torch.optim.AdamW and Adam
        weight_decay = 1e-2 if decoupled else 0.0
    (b1, b2), P, after = betas, torch.from_numpy(p0).double(), []
    coupled = decoupled == (mode == "swap decay")  # True: L2 in the gradient
    decay = weight_decay and mode != "no decay"
    m = v = torch.zeros_like(P)
    for k, G in enumerate(torch.from_numpy(g).double() for g in grads):
        t = 1 if mode == "state not kept" else k + 1 + (1 if mode == "t + 1" else 0)
        if mode == "state not kept":
            m = v = torch.zeros_like(P)
        if decay and coupled:
            G = G + weight_decay * P
        if decay and not coupled and mode != "decay after":
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
        if decay and not coupled and mode == "decay after":
            P = P * (1 - lr * weight_decay)
        after.append(P)
    return torch.stack(after)  # (steps, *param.shape)


def variants(which, p0, grads, hyper) -> dict:
    """Each classic mistake that this case can show, and the trajectory it would give."""
    if which == "sgd":
        run = lambda mode: lambda: sgd_variant(p0, grads, **hyper, mode=mode)  # noqa: E731
        wd = {MISTAKE.sgd_no_wd: "no weight decay", MISTAKE.sgd_wd_outside: "decay outside"}
        # A moving average, from the first gradient or from zeros: one mistake (the dampening), two ways.
        momentum = {MISTAKE.sgd_no_momentum: "no momentum", MISTAKE.sgd_ema: ("ema", "ema from zero"),
                    MISTAKE.sgd_first_twice: "first twice"}
        modes = (wd if hyper.get("weight_decay") else {}) | (momentum if hyper.get("momentum") else {})
        return {mistake: [run(mode) for mode in ways] if isinstance(ways, tuple) else run(ways)
                for mistake, ways in modes.items()}
    else:
        run = lambda mode: lambda: adam_variant(p0, grads, **hyper, decoupled=which == "adamw", mode=mode)  # noqa: E731
        modes = {MISTAKE.no_bias_correction: "no correction", MISTAKE.half_bias_correction: "no m correction",
                 MISTAKE.half_bias_correction_v: "no v correction", MISTAKE.step_plus_one: "t + 1",
                 MISTAKE.state_not_kept: "state not kept", MISTAKE.eps_inside: "eps inside",
                 MISTAKE.eps_before: "eps before", MISTAKE.eps_missing: "no eps"}
        if which == "adamw" and hyper.get("weight_decay", 1e-2):
            modes |= {MISTAKE.adamw_coupled: "swap decay", MISTAKE.adamw_no_lr: "decay without lr",
                      MISTAKE.adamw_decay_after: "decay after", MISTAKE.adamw_wd_ignored: "no decay"}
        elif which == "adam" and hyper.get("weight_decay"):
            modes |= {MISTAKE.adam_wd_ignored: "no decay", MISTAKE.adam_wd_decoupled: "swap decay"}
    return {mistake: run(mode) for mistake, mode in modes.items()}


def check_run(module, params):
    which, make, hyper = params
    p0, grads = make()
    step = getattr(module, f"{which}_step")
    case = f"{which}_step: " + describe(param=p0, **hyper) + f", {len(grads)} step{'s' * (len(grads) > 1)}"
    expected = torch_trajectory(which, p0, grads, hyper)
    mistakes = variants(which, p0, grads, hyper)
    state, param = {}, p0.copy()
    for k, g in enumerate(grads):
        at = f"{case} — after step {k + 1}"
        grad = g.copy()
        new = call_unchanged(step, param, grad, state, case=at, warnings=WARNINGS, **hyper)  # state: updated in place
        if not isinstance(state, dict):
            raise CheckFailure("the state passed in must stay a dict", case=at)
        expect_close(new, expected[k], case=at, dtype=p0.dtype,
                     mistakes={m: [lambda f=f, k=k: f()[k] for f in (fs if isinstance(fs, list) else [fs])]
                               for m, fs in mistakes.items()})
        param = new


def run_case(seed, shape=(5,), steps=100, grad_scale=1.0, dtype=np.float64):
    def make():
        rng = np.random.default_rng(seed)
        p0 = rng.standard_normal(shape).astype(dtype)
        grads = [(rng.standard_normal(shape) * grad_scale + 0.3).astype(dtype) for _ in range(steps)]
        return p0, grads
    return make


def random_run(seed):
    """Each optimiser twice, every hyper-parameter drawn from its documented range (lr, momentum in [0, 1),
    weight_decay >= 0, betas in [0, 1), eps > 0), 0 among them; both dtypes, any shape, 1 to 12 steps."""
    rng = np.random.default_rng(700 + seed)
    which = ["sgd", "adam", "adamw"][seed % 3]
    log = lambda lo, hi: float(f"{10 ** rng.uniform(lo, hi):.2g}")  # noqa: E731
    decay = 0.0 if rng.integers(3) == 0 else log(-4, -1)
    hyper = dict(lr=log(-4, -1), weight_decay=decay)
    if which == "sgd":
        hyper["momentum"] = 0.0 if rng.integers(3) == 0 else round(float(rng.uniform(0, 0.99)), 3)
    else:
        hyper.update(betas=(round(float(rng.uniform(0, 0.95)), 3), round(float(rng.uniform(0.9, 0.9999)), 4)),
                     eps=log(-10, -4))
    shape = tuple(int(n) for n in rng.integers(1, 5, size=int(rng.integers(1, 3))))
    steps, dtype = int(rng.integers(1, 13)), [np.float64, np.float32][seed // 3 % 2]
    return which, run_case(100 + seed, shape, steps=steps, dtype=dtype), hyper


# Inputs are built afresh for every check: a function that modifies its input must not spoil the next check.
CASES = Cases(check_run, {
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
    # The ends of the documented ranges: momentum near 1, AdamW without decay, betas and eps far from the defaults.
    "sgd: momentum 0.99": ("sgd", run_case(16), dict(lr=0.01, momentum=0.99)),
    "adamw: weight decay 0 (plain Adam)": ("adamw", run_case(17), dict(lr=1e-2, weight_decay=0.0)),
    "adamw: betas (0.5, 0.9), eps 1e-4": ("adamw", run_case(18), dict(lr=1e-2, betas=(0.5, 0.9), eps=1e-4)),
}, random_run, seeds=6)


def speed_setup(target, device):
    rng = np.random.default_rng(0)
    p0, g = (rng.standard_normal(2**16).astype(np.float32) for _ in range(2))
    hyper = {"sgd": dict(lr=0.01, momentum=0.9, weight_decay=1e-4), "adam": dict(lr=1e-3), "adamw": dict(lr=1e-3)}
    states = {which: {} for which in hyper}
    optimizers = {which: TORCH[which]([parameter(p0, g)], **hyper[which]) for which in hyper}

    def learner():
        for which in hyper:
            getattr(target, f"{which}_step")(p0, g, states[which], **hyper[which])

    def reference():
        for which, optimizer in optimizers.items():
            torch_step(which, optimizer)
    return learner, reference, "one step of SGD (momentum), Adam and AdamW on " + describe(param=p0)


SPEED = Speed(speed_setup, limit=8, reference="torch.optim")
