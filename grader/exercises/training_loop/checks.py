"""Checks of exercises/training_loop.py: the learner's loop against a reference loop, run from the same state.

The reference loops below are the textbook ones, written out step by step with a switch per classic
mistake. The learner's loop and the reference start from the same weights, the same optimizer, the same
batches and the same global seed (dropout's masks), so a correct loop ends with the same parameters and
the same numbers; each switch reproduces what one mistake does to them.
"""
from __future__ import annotations

import copy

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from grader.check import Cases, CheckFailure, call, describe, expect_close, mistakes, record_reproduced

MISTAKE = mistakes("training_loop")
TOLERANCE = {"float64": (1e-5, 1e-6)}  # float32 training, compared as float64 vectors
K = 3  # classes


def _warm_up() -> None:
    """The first optimizer.step() imports torch._dynamo (seconds), which re-wraps torch.manual_seed. Done here,
    before the learner's code runs: the learner's loop pays no import inside a check, and the grader's tamper
    check does not blame the learner for torch's own lazy import."""
    layer = nn.Linear(1, 1)
    for optimizer in (torch.optim.SGD(layer.parameters(), lr=0.0, momentum=0.9), torch.optim.Adam(layer.parameters(), lr=0.0)):
        layer(torch.zeros(1, 1)).sum().backward()
        optimizer.step()
        optimizer.zero_grad()


_warm_up()


def make_model(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, K))


def make_data(seed, N):
    g = torch.Generator().manual_seed(1000 + seed)
    X = torch.randn(N, 4, generator=g)
    y = (X[:, 0] + 0.5 * X[:, 1] > 0).long() + (X[:, 2] > 0.8).long()  # (N,) in {0, 1, 2}
    return X, y


def make_optimizer(kind, model):
    if kind == "sgd":
        return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    if kind == "sgd+wd":
        return torch.optim.SGD(model.parameters(), lr=0.05, weight_decay=0.01)
    return torch.optim.Adam(model.parameters(), lr=0.01)


def loader_of(X, y, batch, shuffle, seed):
    generator = torch.Generator().manual_seed(seed) if shuffle else None
    return DataLoader(TensorDataset(X, y), batch_size=batch, shuffle=shuffle, generator=generator)


class Setup:
    """A model in a known state, its data and its optimizer; `fresh()` gives an identical copy each time."""

    def __init__(self, seed, N=30, batch=8, optimizer="sgd", shuffle=False, arrives="train", trained=False):
        self.seed, self.N, self.batch, self.kind, self.shuffle, self.arrives = seed, N, batch, optimizer, shuffle, arrives
        self.model = make_model(seed)
        self.X, self.y = make_data(seed, N)
        if trained:  # a few steps first, so evaluation sees running statistics that are not the defaults
            opt = make_optimizer("sgd", self.model)
            for x, y in loader_of(self.X, self.y, batch, False, seed):
                opt.zero_grad()
                nn.functional.cross_entropy(self.model(x), y).backward()
                opt.step()

    def fresh(self, device="cpu"):
        model = copy.deepcopy(self.model).to(device)
        model.train(self.arrives == "train")
        return model, make_optimizer(self.kind, model), loader_of(self.X, self.y, self.batch, self.shuffle, self.seed)

    def text(self):
        sizes = [min(self.batch, self.N - i) for i in range(0, self.N, self.batch)]
        return (f"MLP with BatchNorm1d and Dropout(0.3) arriving in {self.arrives} mode, {self.kind}, "
                f"{self.N} samples in batches {sizes}" + (", shuffled" if self.shuffle else ""))


# ---------------------------------------------------------------- the reference loops, with the mistakes' switches

def reference_train(model, loader, loss_fn, optimizer, device, *, zero_grad=True, step_first=False,
                    train_mode=True, batch_mean=False):
    if train_mode:
        model.train()
    losses, sizes = [], []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        if zero_grad:
            optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        if step_first:
            optimizer.step()
            loss.backward()
        else:
            loss.backward()
            optimizer.step()
        losses.append(loss.item())
        sizes.append(len(x))
    if batch_mean:
        return sum(losses) / len(losses)
    return sum(l * n for l, n in zip(losses, sizes)) / sum(sizes)


def reference_evaluate(model, loader, loss_fn, device, *, eval_mode=True, batch_mean=False):
    if eval_mode:
        model.eval()
    losses, sizes, correct = [], [], 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            losses.append(loss_fn(logits, y).item())
            sizes.append(len(x))
            correct += int((logits.argmax(dim=1) == y).sum())
    mean = sum(losses) / len(losses) if batch_mean else sum(l * n for l, n in zip(losses, sizes)) / sum(sizes)
    return mean, correct / sum(sizes)


def state_vector(model):
    """Parameters and buffers (running statistics) as one float64 vector."""
    return torch.cat([t.detach().double().flatten().cpu() for t in [*model.parameters(), *model.buffers()]])


def as_float(value, what, case):
    if isinstance(value, torch.Tensor):
        graph = value.requires_grad
        raise CheckFailure(f"{what} is a torch.Tensor{' that still holds the autograd graph' if graph else ''}; "
                           "return a Python float: accumulate loss.item()",
                           case=case, mistake=record_reproduced(MISTAKE.loss_tensor) if graph else MISTAKE.loss_tensor)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        kind = "None (did you forget to `return`?)" if value is None else type(value).__name__
        raise CheckFailure(f"{what} must be a Python float, not {kind}", case=case)
    return float(value)


# ---------------------------------------------------------------- train_one_epoch

def check_train(target, params, device="cpu"):
    setup = Setup(**params)
    case = setup.text() + ("" if device == "cpu" else f", model on {device}, batches on cpu")
    loss_fn = nn.CrossEntropyLoss()

    def run(fn, **switches):
        model, optimizer, loader = setup.fresh(device)
        torch.manual_seed(setup.seed)
        mean = fn(model, loader, loss_fn, optimizer, device, **switches)
        return model, mean

    model, got = run(lambda *a: call(target.train_one_epoch, *a))
    got = as_float(got, "train_one_epoch's result", case)

    def outcome(**switches):
        model, mean = run(reference_train, **switches)
        return torch.cat([state_vector(model), torch.tensor([mean], dtype=torch.float64)])

    variants = {MISTAKE.no_zero_grad: lambda: outcome(zero_grad=False),
                MISTAKE.step_before_backward: lambda: outcome(step_first=True),
                MISTAKE.batch_mean: lambda: outcome(batch_mean=True)}
    if setup.arrives == "eval":
        variants[MISTAKE.no_train_mode] = lambda: outcome(train_mode=False)
    yours = torch.cat([state_vector(model), torch.tensor([got], dtype=torch.float64)])
    expect_close(yours, outcome(), case=case + " (compared: every parameter and buffer after the epoch, "
                 "then the mean loss, last)", dtype=torch.float64, mistakes=variants)


TRAIN = {
    "SGD with momentum, a smaller last batch": dict(seed=0, N=30, batch=8, optimizer="sgd", arrives="train"),
    "Adam, the model arrives in eval mode": dict(seed=1, N=30, batch=8, optimizer="adam", arrives="eval"),
    "equal batches, shuffled, arrives in eval mode": dict(seed=2, N=32, batch=8, optimizer="sgd", shuffle=True,
                                                          arrives="eval"),
    "SGD with weight decay, a last batch of 2": dict(seed=3, N=18, batch=16, optimizer="sgd+wd", arrives="train"),
    "Adam, shuffled batches of 5": dict(seed=4, N=22, batch=5, optimizer="adam", shuffle=True, arrives="train"),
}


def random_train(seed):
    g = torch.Generator().manual_seed(700 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    batch = r(3, 9)
    N = r(2, 5) * batch + r(2, batch - 1)  # a smaller last batch, never of 1 sample (BatchNorm needs 2)
    return dict(seed=10 + seed, N=N, batch=batch, optimizer=["sgd", "adam", "sgd+wd"][seed % 3],
                shuffle=bool(seed % 2), arrives=["eval", "train"][seed % 2])


# ---------------------------------------------------------------- evaluate

def check_evaluate(target, params, device="cpu"):
    setup = Setup(**params, trained=True)
    case = setup.text().replace("arriving in", "(after a few SGD steps) arriving in") + \
        ("" if device == "cpu" else f", model on {device}, batches on cpu")
    loss_fn = nn.CrossEntropyLoss()
    model, _, loader = setup.fresh(device)
    grad_seen = []
    hook = model.register_forward_hook(lambda *_: grad_seen.append(torch.is_grad_enabled()))
    torch.manual_seed(setup.seed)
    try:
        got = call(target.evaluate, model, loader, loss_fn, device)
    finally:
        hook.remove()
    if not isinstance(got, tuple) or len(got) != 2:
        kind = "None (did you forget to `return`?)" if got is None else type(got).__name__
        raise CheckFailure(f"evaluate must return a tuple (mean_loss, accuracy), not {kind}", case=case)
    mean, accuracy = as_float(got[0], "the mean loss", case), as_float(got[1], "the accuracy", case)

    def outcome(**switches):
        ref, _, loader = setup.fresh(device)
        torch.manual_seed(setup.seed)
        m, a = reference_evaluate(ref, loader, loss_fn, device, **switches)
        return torch.cat([torch.tensor([m, a], dtype=torch.float64), state_vector(ref)])

    yours = torch.cat([torch.tensor([mean, accuracy], dtype=torch.float64), state_vector(model)])
    expect_close(yours, outcome(), case=case + " (compared: the mean loss, the accuracy, then every parameter and "
                 "buffer after the call)", dtype=torch.float64,
                 mistakes={MISTAKE.no_eval_mode: lambda: outcome(eval_mode=False),
                           MISTAKE.batch_mean: lambda: outcome(batch_mean=True)})
    if any(grad_seen):
        raise CheckFailure("the model's forward pass ran with gradients enabled: evaluate under torch.no_grad() "
                           "(or torch.inference_mode()), so no graph is built", case=case,
                           mistake=record_reproduced(MISTAKE.no_grad))


EVALUATE = {
    "a smaller last batch, arrives in train mode": dict(seed=5, N=30, batch=8, arrives="train"),
    "equal batches": dict(seed=6, N=24, batch=6, arrives="train"),
    "one batch, arrives in eval mode": dict(seed=7, N=20, batch=32, arrives="eval"),
}


def random_evaluate(seed):
    params = random_train(seed + 5)
    return {k: params[k] for k in ("seed", "N", "batch", "shuffle")} | {"arrives": "train"}


CASES = [Cases(check_train, TRAIN, random_train, seeds=2, cuda=True, name="train_one_epoch matches the reference loop"),
         Cases(check_evaluate, EVALUATE, random_evaluate, seeds=2, cuda=True, name="evaluate matches the reference")]
