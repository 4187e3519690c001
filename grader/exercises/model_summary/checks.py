"""Checks of exercises/model_summary.py: rows against forward hooks and FlopCounterMode, on the meta device.

The oracle runs the model's meta copy with its own hooks: the leaves' names come from named_modules(),
the output shapes from the hooks, the parameter counts from the Parameter objects each call meets for
the first time, and the multiply-adds from torch.utils.flop_counter.FlopCounterMode (FLOPs / 2), run on
each recorded call again. Nothing of it uses the learner's formulas.
"""
from __future__ import annotations

import copy

import torch
from torch import nn
from torch.func import functional_call
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils.flop_counter import FlopCounterMode

from grader.check import Cases, CheckFailure, call, mistake_giving, mistakes, record_reproduced

MISTAKE = mistakes("model_summary")


KEYS = ("name", "type", "output_shape", "params", "macs")


# ---------------------------------------------------------------- the models of the cases

class Lambda(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


def lenet():  # the seeds' LeNet: 61,706 parameters
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.Sigmoid(), nn.AvgPool2d(2, 2),
                         nn.Conv2d(6, 16, 5), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(),
                         nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(), nn.Linear(120, 84), nn.Sigmoid(), nn.Linear(84, 10))


class HeadFirst(nn.Module):
    """Registered head, then body; called body, then head."""

    def __init__(self):
        super().__init__()
        self.head = nn.Linear(8 * 4 * 4, 5)
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
                                  nn.MaxPool2d(2))

    def forward(self, x):
        return self.head(self.body(x).flatten(1))


class CalledTwice(nn.Module):
    """One Linear and one ReLU, each called twice."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 6)
        self.act = nn.ReLU()
        self.out = nn.Linear(6, 2, bias=False)

    def forward(self, x):
        return self.out(self.act(self.fc(self.act(self.fc(x)))))


class Tied(nn.Module):
    """An encoder and a decoder Linear sharing one weight matrix (a module registered under two names is
    left out: torch.func.functional_call does not put such a module's weights back, torch 2.13)."""

    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(5, 5)
        self.mid = nn.Tanh()
        self.dec = nn.Linear(5, 5)
        self.dec.weight = self.enc.weight

    def forward(self, x):
        return self.dec(self.mid(self.enc(x)))


class Residual(nn.Module):
    def __init__(self, c_in, c_out, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_out)
        self.conv2 = nn.Conv2d(c_out, c_out, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_out)
        self.conv3 = nn.Conv2d(c_in, c_out, 1, stride=stride)

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(y)) + self.conv3(x))


def tokens():
    return nn.Sequential(nn.LayerNorm(12), nn.Linear(12, 48), nn.GELU(), nn.Dropout(0.1), nn.Linear(48, 12))


def grouped():
    return nn.Sequential(nn.Conv2d(4, 8, 3, groups=2, dilation=2, bias=False), nn.ReLU6(),
                         nn.Conv2d(8, 8, (3, 1), stride=(2, 1), groups=8), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                         nn.Linear(8, 3))


def decoder():
    return nn.Sequential(nn.ConvTranspose2d(6, 4, 3, stride=2, padding=1, output_padding=1), nn.BatchNorm2d(4),
                         nn.LeakyReLU(0.1), nn.ConvTranspose2d(4, 2, 2, stride=2, groups=2), nn.Sigmoid())


def vgg_like():
    block = lambda i, o: [nn.Conv2d(i, o, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]  # noqa: E731
    return nn.Sequential(nn.Sequential(*block(3, 8), *block(8, 16)), nn.Flatten(),
                         nn.Sequential(nn.Linear(16 * 8 * 8, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 10)))


def sequence_1d():
    return nn.Sequential(nn.Conv1d(3, 6, 5, padding=2), nn.BatchNorm1d(6), nn.ReLU(), nn.MaxPool1d(2),
                         nn.Conv1d(6, 4, 3, stride=2), Lambda(lambda x: x.mean(-1)), nn.Linear(4, 2))


MODELS = {
    "LeNet, (1, 1, 28, 28)": (lenet, (1, 1, 28, 28)),
    "LeNet, batch of 16": (lenet, (16, 1, 28, 28)),
    "head registered first, called last": (HeadFirst, (2, 3, 16, 16)),
    "a Linear and a ReLU called twice": (CalledTwice, (4, 6)),
    "tied weights: encoder and decoder share one matrix": (Tied, (3, 5)),
    "residual block with a 1x1 projection": (lambda: Residual(4, 8, 2), (2, 4, 8, 8)),
    "Linear on (B, T, D) tokens with LayerNorm, GELU, Dropout": (tokens, (2, 7, 12)),
    "grouped, dilated, strided convs and no bias": (grouped, (2, 4, 11, 9)),
    "ConvTranspose2d decoder with BatchNorm": (decoder, (2, 6, 5, 5)),
    "nested Sequentials (VGG-like, 3x32x32)": (vgg_like, (2, 3, 32, 32)),
    "Conv1d over sequences, a custom leaf": (sequence_1d, (2, 3, 20)),
    "the model is one layer": (lambda: nn.Conv2d(3, 5, 3, stride=2), (1, 3, 9, 9)),
}


def random_model(seed):
    """A random conv stack then a Linear head: kernels, strides, paddings, groups and widths drawn."""
    g = torch.Generator().manual_seed(300 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    groups = r(1, 2)
    c, size, layers = 2 * r(1, 3), r(12, 20), []
    x_shape = (r(1, 3), c, size, size)
    for i in range(r(1, 3)):
        k, s, p = r(1, 3), r(1, 2), r(0, 1)
        out = groups * r(1, 4)
        layers += [nn.Conv2d(c, out, k, stride=s, padding=p, groups=groups if c % groups == 0 else 1, bias=bool(i % 2)),
                   [nn.ReLU(), nn.BatchNorm2d(out), nn.MaxPool2d(2, ceil_mode=True)][r(0, 2)]]
        c = out
    layers += [nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(4 * c, r(2, 6))]
    return (lambda: nn.Sequential(*layers)), x_shape


# ---------------------------------------------------------------- the oracle and the mistakes' variants

def reference_rows(model, input_shape):
    """Rows from the oracle: each leaf call (hooks on a meta copy), FlopCounterMode on that call again."""
    meta = copy.deepcopy(model).to("meta")  # deepcopy keeps shared modules and tied weights shared
    names = {m: n for n, m in meta.named_modules()}
    leaves = [m for m in names if not any(m.children())]
    calls, containers = [], []
    hooks = [m.register_forward_hook(lambda mod, args, out: calls.append((mod, args, out))) for m in leaves]
    hooks += [m.register_forward_hook(lambda mod, args, out: containers.append((len(calls), mod, out)))
              for m in names if any(m.children())]
    with torch.no_grad():
        meta(torch.empty(input_shape, device="meta"))
    for h in hooks:
        h.remove()
    real = dict(model.named_modules())  # parameters counted on the real model: .to("meta") unties weights
    rows, seen = [], set()
    for mod, args, out in calls:
        with FlopCounterMode(display=False) as counter, torch.no_grad():
            mod(*args)
        fresh = [p for p in real[names[mod]].parameters() if id(p) not in seen]
        seen.update(id(p) for p in fresh)
        rows.append({"name": names[mod], "type": type(mod).__name__, "output_shape": tuple(out.shape),
                     "params": sum(p.numel() for p in fresh), "macs": counter.get_total_flops() // 2,
                     "_module": mod, "_all_params": sum(p.numel() for p in mod.parameters()),
                     "_bias": out.numel() if getattr(mod, "bias", None) is not None and counter.get_total_flops() else 0})
    order = {m: i for i, m in enumerate(names)}
    return rows, containers, order, names


def clean(rows):
    return [{k: r[k] for k in KEYS} for r in rows]


def variants(rows, containers, order, names):
    def replace(**fields):
        return [{**{k: r[k] for k in KEYS}, **{k: f(r) for k, f in fields.items()}} for r in rows]

    def registration_order():
        first = {}
        for r in rows:
            first.setdefault(r["_module"], r)
        ordered = sorted(first.values(), key=lambda r: order[r["_module"]])
        if [r["_module"] for r in ordered] == [r["_module"] for r in rows]:
            raise ValueError("the same order")
        return clean(ordered)

    return {MISTAKE.shared_twice: lambda: replace(params=lambda r: r["_all_params"]),
            MISTAKE.flops_as_macs: lambda: replace(macs=lambda r: 2 * r["macs"]),
            MISTAKE.bias_counted: lambda: replace(macs=lambda r: r["macs"] + r["_bias"]),
            MISTAKE.registration_order: registration_order}


def first_difference(got, expected):
    if len(got) != len(expected):
        names = lambda rows: [r.get("name") for r in rows]  # noqa: E731
        return f"{len(got)} rows, expected {len(expected)} (one per leaf call): yours {names(got)}, " \
               f"expected {names(expected)}"
    for i, (g, e) in enumerate(zip(got, expected)):
        for k in KEYS:
            if g.get(k) != e[k]:
                return f"row {i} ({e['name'] or 'the model'}, {e['type']}): {k} is {g.get(k)!r}, expected {e[k]!r}"
    return None


def normalised(result, case):
    if not isinstance(result, list):
        kind = "None (did you forget to `return`?)" if result is None else type(result).__name__
        raise CheckFailure(f"expected a list of dicts, your function returned {kind}", case=case)
    rows = []
    for i, row in enumerate(result):
        if not isinstance(row, dict):
            raise CheckFailure(f"row {i} is a {type(row).__name__}, not a dict", case=case)
        if set(row) != set(KEYS):
            raise CheckFailure(f"row {i} has the keys {sorted(row)}; expected exactly {list(KEYS)}", case=case)
        shape = row["output_shape"]
        if not isinstance(shape, tuple) or not all(isinstance(n, int) for n in shape):
            raise CheckFailure(f"row {i}: output_shape must be a tuple of ints (tuple(out.shape)), "
                               f"not {shape!r}", case=case)
        for k in ("params", "macs"):
            value = row[k]
            if isinstance(value, torch.Tensor) or isinstance(value, bool) or not isinstance(value, int):
                raise CheckFailure(f"row {i}: {k} must be a Python int, not {type(value).__name__}", case=case)
        rows.append(dict(row, output_shape=tuple(int(n) for n in shape)))
    return rows


def summarise(target, build, input_shape, seed=0):
    torch.manual_seed(seed)
    model = build()
    case = f"{type(model).__name__} model, input_shape={input_shape}"
    before = {k: v.clone() for k, v in model.state_dict().items()}
    got = normalised(call(target.model_summary, model, input_shape), case)
    expect_model_untouched(model, before, case)
    return model, got, case


def expect_model_untouched(model, before, case):
    after = model.state_dict()
    for k, v in before.items():
        if after[k].device != v.device:
            raise CheckFailure(f"the caller's model changed: {k} is now on {after[k].device}; work on meta copies "
                               "of the parameters, not on the model itself", case=case, mistake=MISTAKE.model_moved)
        if not torch.equal(after[k], v):
            real = v.device.type != "meta" and "running" in k or "num_batches" in k
            raise CheckFailure(f"the caller's model changed: {k} has other values after the call"
                               + (" (a real forward pass in training mode updates BatchNorm's running statistics)"
                                  if real else ""), case=case, mistake=MISTAKE.real_memory if real else None)
    left = [n or "the model" for n, m in model.named_modules() if m._forward_hooks or m._forward_pre_hooks]
    if left:
        raise CheckFailure(f"hooks are still registered on {', '.join(left[:4])} after the call: keep each "
                           "handle that register_forward_hook returns and call handle.remove()",
                           case=case, mistake=MISTAKE.hooks_left)


def check_case(target, params):
    build, input_shape = params
    model, got, case = summarise(target, build, input_shape)
    rows, containers, order, names = reference_rows(model, input_shape)
    expected = clean(rows)
    listed = sorted({r["name"] for r in got} & {names[m] for _, m, _ in containers})
    if listed:
        raise CheckFailure(f"rows for container modules {listed[:4]}: only leaves (modules with no children) get "
                           "a row", case=case, mistake=record_reproduced(MISTAKE.containers))
    problem = first_difference(got, expected)
    if problem:
        raise CheckFailure(problem, case=case, mistake=mistake_giving(got, variants(rows, containers, order, names)))


# The first meta-device forward (functional_call or FlopCounterMode) imports torch._dynamo, which re-wraps
# torch.manual_seed: done here, before the learner's code runs, so the grader's tamper check does not blame
# the learner for torch's own lazy import.
reference_rows(nn.Sequential(nn.Conv2d(1, 1, 1), nn.BatchNorm2d(1)), (1, 1, 2, 2))
functional_call(nn.Linear(1, 1, bias=False), {"weight": torch.empty(1, 1, device="meta")},
                (torch.empty(1, 1, device="meta"),))

CASES = Cases(check_case, MODELS, random_model, seeds=3, name="matches hooks and FlopCounterMode")


# ---------------------------------------------------------------- behaviour: meta device, no side effects

class RealBytes(TorchDispatchMode):
    """The bytes of every non-meta tensor an operation returns while active."""

    def __init__(self):
        super().__init__()
        self.bytes = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        for t in out if isinstance(out, (tuple, list)) else [out]:
            if isinstance(t, torch.Tensor) and t.device.type != "meta":
                self.bytes += t.numel() * t.element_size()
        return out


def test_runs_on_the_meta_device(target):
    """A (16, 3, 224, 224) input needs hundreds of MiB of real activations; the summary may allocate
    no more real memory than the model's parameters."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                          nn.Linear(8, 10))
    shape = (16, 3, 224, 224)
    case = f"a conv net, input_shape={shape}"
    budget = 2 * sum(p.numel() * p.element_size() for p in model.parameters()) + (1 << 16)
    watch = RealBytes()
    with watch:
        call(target.model_summary, model, shape)
    if watch.bytes > budget:
        raise CheckFailure(f"the call created {watch.bytes / 2**20:.0f} MiB of real tensors (the parameters are "
                           f"{budget // 2 // 1024} KiB): run the forward pass on the meta device "
                           "(torch.empty(input_shape, device='meta') and meta copies of the parameters)",
                           case=case, mistake=MISTAKE.real_memory)


class Raises(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        self.fc(x)
        raise ValueError("this model's forward pass raises, on purpose")


def test_hooks_removed_even_when_forward_raises(target):
    model = Raises()
    case = "a model whose forward raises ValueError after its first layer, input_shape=(2, 4)"
    before = {k: v.clone() for k, v in model.state_dict().items()}
    try:
        call(target.model_summary, model, (2, 4))
    except Exception:  # noqa: BLE001 - the model's error may pass through: that is what it should do
        pass
    expect_model_untouched(model, before, case)
