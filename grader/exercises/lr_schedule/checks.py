"""Checks of exercises/lr_schedule.py: every step against a spec-literal float64 reference and, where the
two coincide, torch.optim.lr_scheduler (CosineAnnealingLR for the decay, LinearLR for the warm-up)."""
from __future__ import annotations

import math
import numbers
import warnings

import torch

from grader.check import Cases, CheckFailure, call, expect_close, mistakes

MISTAKE = mistakes("lr_schedule")
TOLERANCE = {"float64": (1e-7, 1e-12)}

COSINE, LINEAR, SGD = (torch.optim.lr_scheduler.CosineAnnealingLR, torch.optim.lr_scheduler.LinearLR,
                       torch.optim.SGD)  # bound before the learner's code runs


def _skip_the_dynamo_import() -> None:
    """As in the optimizers checks: building an optimiser imports torch._dynamo (seconds, and it rebinds
    torch.manual_seed) only to keep the compiler out of add_param_group; nothing is compiled here."""
    plain = getattr(torch.optim.Optimizer.add_param_group, "__wrapped__", None)
    if plain is not None:
        plain.__dynamo_disable = plain


_skip_the_dynamo_import()


def reference(step, base_lr, warmup_steps, total_steps, min_lr=0.0, *, mode=""):
    """The spec, line by line (mode: one classic mistake, used only to name it)."""
    if step >= total_steps and mode != "no clamp":
        return min_lr
    if step < warmup_steps:
        return base_lr * (step + 1 if mode == "plus one" else step) / warmup_steps
    floor = 0.0 if mode == "no floor" else min_lr
    span = total_steps if mode == "over total" else total_steps - warmup_steps
    progress = (step - warmup_steps) / span
    return floor + (base_lr - floor) * 0.5 * (1 + math.cos(math.pi * progress))


def trajectory(config, steps, mode=""):
    return torch.tensor([reference(s, **config, mode=mode) for s in steps], dtype=torch.float64)


VARIANTS = {MISTAKE.off_by_one: "plus one", MISTAKE.cosine_over_total: "over total",
            MISTAKE.min_lr_ignored: "no floor", MISTAKE.not_constant_after: "no clamp"}


def learner_trajectory(fn, config, steps, case):
    values = []
    for s in steps:
        got = call(fn, s, config["base_lr"], config["warmup_steps"], config["total_steps"],
                   min_lr=config["min_lr"])
        if isinstance(got, bool) or not isinstance(got, numbers.Real):
            raise CheckFailure(f"expected a Python float but warmup_cosine_lr({s}, …) returned "
                               f"{type(got).__name__}", case=case)
        values.append(float(got))
    return torch.tensor(values, dtype=torch.float64)


def describe_config(config, steps):
    return (f"base_lr={config['base_lr']}, warmup_steps={config['warmup_steps']}, total_steps={config['total_steps']}, "
            f"min_lr={config['min_lr']}, every step {steps[0]}..{steps[-1]}")


def check_schedule(target, config):
    steps = list(range(0, config["total_steps"] + 4))
    case = describe_config(config, steps)
    got = learner_trajectory(target.warmup_cosine_lr, config, steps, case)
    mistakes = {m: (lambda mode=mode: trajectory(config, steps, mode)) for m, mode in VARIANTS.items()}
    expect_close(got, trajectory(config, steps), case=case, dtype=torch.float64, framework="torch",
                 mistakes=mistakes, what="the learning rate at each step")


def torch_schedule(scheduler, base_lr, n, **kw):
    """The rates torch's scheduler gives at steps 0..n-1 (the optimiser itself is never stepped)."""
    optimizer = SGD([torch.nn.Parameter(torch.zeros(1))], lr=base_lr)
    sched, rates = scheduler(optimizer, **kw), []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "scheduler.step() before optimizer.step()": nothing to optimise here
        for _ in range(n):
            rates.append(optimizer.param_groups[0]["lr"])
            sched.step()
    return torch.tensor(rates, dtype=torch.float64)


def check_against_torch(target, config):
    """Where torch's schedulers coincide with the spec: LinearLR(1/W, 1, W - 1) at step t - 1 is the warm-up at
    step t (t = 1..W); CosineAnnealingLR(T_max = total - W, eta_min = min_lr) at step s is the schedule at W + s."""
    base, W, T, floor = config["base_lr"], config["warmup_steps"], config["total_steps"], config["min_lr"]
    decay = list(range(W, T + 1))
    case = describe_config(config, decay) + " (torch's CosineAnnealingLR)"
    expected = torch_schedule(COSINE, base, T - W + 1, T_max=T - W, eta_min=floor)
    got = learner_trajectory(target.warmup_cosine_lr, config, decay, case)
    mistakes = {m: (lambda mode=mode: trajectory(config, decay, mode)) for m, mode in VARIANTS.items()}
    expect_close(got, expected, case=case, dtype=torch.float64, framework="torch", mistakes=mistakes,
                 what="the learning rate during the decay")
    if W >= 2:
        warm = list(range(1, W + 1))
        case = describe_config(config, warm) + " (torch's LinearLR, one step behind)"
        expected = torch_schedule(LINEAR, base, W, start_factor=1 / W, end_factor=1.0, total_iters=W - 1)
        got = learner_trajectory(target.warmup_cosine_lr, config, warm, case)
        mistakes = {m: (lambda mode=mode: trajectory(config, warm, mode)) for m, mode in VARIANTS.items()}
        expect_close(got, expected, case=case, dtype=torch.float64, framework="torch", mistakes=mistakes,
                     what="the learning rate during the warm-up")


def cfg(base_lr, warmup_steps, total_steps, min_lr=0.0):
    return dict(base_lr=base_lr, warmup_steps=warmup_steps, total_steps=total_steps, min_lr=min_lr)


NAMED = {
    "no warm-up": cfg(0.1, 0, 10),
    "one warm-up step": cfg(1.0, 1, 6),
    "nanoGPT-like: warm-up 10 of 50, min_lr = base/10": cfg(6e-4, 10, 50, 6e-5),
    "long warm-up: 20 of 24": cfg(3e-4, 20, 24, 1e-5),
    "min_lr equal to base_lr (constant after the warm-up)": cfg(0.01, 4, 12, 0.01),
    "decay of one step": cfg(0.5, 5, 6, 0.05),
}


def random_config(seed):
    g = torch.Generator().manual_seed(500 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    total = r(2, 60)
    base = float(f"{10 ** (-4 + 3 * float(torch.rand((), generator=g))):.2g}")
    return cfg(base, r(0, total), total, [0.0, base / 10, base * float(torch.rand((), generator=g))][seed % 3])


CASES = [Cases(check_schedule, NAMED, random_config, seeds=4, name="matches the spec"),
         Cases(check_against_torch, {k: v for k, v in NAMED.items() if k != "decay of one step"},
               name="matches torch.optim.lr_scheduler")]
