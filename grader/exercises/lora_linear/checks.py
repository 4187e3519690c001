"""Checks of exercises/lora_linear.py against the LoRA formula written here in float64, with autograd for
the gradients.

The checks build the base nn.Linear, wrap it, read the learner's state by the spec's names (base, A, B),
then set A and B to known random values so that the update is not zero: forward, the gradients and merged()
are compared with base(x) + (x @ A.T @ B.T) * alpha / r computed here. The classic mistakes are the same
formula with one thing changed, used only to name them.
"""
from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn.functional import linear

from grader.check import (Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close,
                          expect_on_device, mistakes)
from grader.check.family.sequence import on

MISTAKE = mistakes("lora_linear")
TOLERANCE = {"float32": (1e-4, 1e-5)}


def make_base(seed, n_in, n_out, bias=True, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    base = nn.Linear(n_in, n_out, bias=bias)
    with torch.no_grad():
        for p in base.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * n_in ** -0.5)
    return base.to(device, dtype)


def signature(n_in, n_out, bias, r, alpha):
    return f"LoRALinear(nn.Linear({n_in}, {n_out}{'' if bias else ', bias=False'}), r={r}, alpha={alpha})"


def wrap(cls, base, r, alpha, case):
    """The learner's module around `base`, after checking the state the spec names."""
    module = call(cls, base, r, alpha)
    if not isinstance(module, nn.Module):
        raise CheckFailure(f"LoRALinear(...) is a {type(module).__name__}, not an nn.Module", case=case)
    if getattr(module, "base", None) is not base:
        raise CheckFailure("self.base must be the nn.Linear passed in, itself (not a copy, not a new layer)",
                           case=case)
    W = base.weight
    for name, shape in (("A", (r, base.in_features)), ("B", (base.out_features, r))):
        p = getattr(module, name, None)
        if not isinstance(p, nn.Parameter) or tuple(p.shape) != shape:
            found = f"a tensor of shape {tuple(p.shape)}" if isinstance(p, torch.Tensor) else repr(p)
            raise CheckFailure(f"self.{name} must be an nn.Parameter of shape {shape}; found {found}", case=case)
        if (p.dtype, p.device) != (W.dtype, W.device):
            raise CheckFailure(f"self.{name} is {p.dtype} on {p.device}; expected the base weight's {W.dtype} on "
                               f"{W.device}: make it with dtype=base.weight.dtype, device=base.weight.device",
                               case=case, mistake=MISTAKE.adapter_dtype)
    return module


def frozen_problem(module, base):
    """Why only A and B are not exactly the trainable parameters, or None."""
    if any(p.requires_grad for p in base.parameters()):
        return "the base's weight (or bias) still has requires_grad=True: freeze it with requires_grad_(False)"
    trainable = [p for p in module.parameters() if p.requires_grad]
    if len(trainable) != 2 or {id(p) for p in trainable} != {id(module.A), id(module.B)}:
        return (f"the trainable parameters are {len(trainable)} tensors of shapes "
                f"{[tuple(p.shape) for p in trainable]}; expected exactly A and B")
    return None


def set_adapter(module, seed):
    """Known random A and B (the update is zero at initialisation, so nothing else would be tested)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in (module.A, module.B):
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64) * 0.5)


def f64(t):
    return None if t is None else t.detach().to("cpu", torch.float64)


def lora(X, W, b, A, B, scale):
    return linear(X, W, b) + (X @ A.T @ B.T) * scale


def make_case(seed, n_in=6, n_out=4, r=2, alpha=8, bias=True, lead=(3,), dtype=torch.float64, device="cpu"):
    base = make_base(seed, n_in, n_out, bias, dtype, device)
    x = torch.randn(*lead, n_in, generator=torch.Generator().manual_seed(seed + 1), dtype=torch.float64)
    return base, r, alpha, x.to(device, dtype)


def case_line(base, r, alpha, x, device="cpu"):
    return f"{signature(base.in_features, base.out_features, base.bias is not None, r, alpha)}, " + \
        describe(x=x) + on(device)


def formula_mistakes(X, W, b, A, B, r, alpha):
    m = {}
    if alpha != r:
        m[MISTAKE.scale_inverted] = lambda: lora(X, W, b, A, B, r / alpha)
        m[MISTAKE.scale_missing] = [lambda s=s: lora(X, W, b, A, B, s) for s in (1.0, alpha) if s != alpha / r]
    return m


def check_forward(target, params, device="cpu"):
    base, r, alpha, x = make_case(**params, device=device)
    case = case_line(base, r, alpha, x, device)
    module = wrap(target.LoRALinear, base, r, alpha, case)
    set_adapter(module, params["seed"] + 2)

    def forward(x):  # call_unchanged names the inputs from this signature; a Module's is (*args)
        return module(x)

    with torch.no_grad():
        got = call_unchanged(forward, x, case=case)
    expect_on_device(got, x.device, case=case)
    X, W, b, A, B = (f64(t) for t in (x, base.weight, base.bias, module.A, module.B))
    expect_close(got, lora(X, W, b, A, B, alpha / r), case=case, dtype=x.dtype,
                 mistakes=formula_mistakes(X, W, b, A, B, r, alpha))


NAMED_CASES = {
    "smallest: nn.Linear(2, 2), r=1, x (1, 2)": dict(seed=0, n_in=2, n_out=2, r=1, alpha=2, lead=(1,)),
    "nn.Linear(6, 4), r=2, alpha=8, x (3, 6)": dict(seed=1),
    "no bias": dict(seed=2, n_in=5, n_out=7, r=3, alpha=6, bias=False, lead=(4,)),
    "x (2, 5, 8): leading batch and time axes": dict(seed=3, n_in=8, n_out=6, r=4, alpha=16, lead=(2, 5)),
    "x (8,): one vector": dict(seed=4, n_in=8, n_out=3, r=2, alpha=1, lead=()),
    "alpha = r: scale 1": dict(seed=5, n_in=6, n_out=6, r=4, alpha=4),
    "r = min(in, out)": dict(seed=6, n_in=3, n_out=9, r=3, alpha=12, lead=(5,)),
    "float32": dict(seed=7, n_in=32, n_out=24, r=8, alpha=16, lead=(4, 6), dtype=torch.float32),
}


def random_params(seed):
    g = torch.Generator().manual_seed(700 + seed)
    ri = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    n_in, n_out = ri(1, 12), ri(1, 12)
    lead = tuple(ri(1, 4) for _ in range(ri(0, 2)))
    return dict(seed=100 + seed, n_in=n_in, n_out=n_out, r=ri(1, min(n_in, n_out)), alpha=[1, 4, 16, 32][ri(0, 3)],
                bias=bool(ri(0, 1)), lead=lead, dtype=[torch.float64, torch.float32][seed % 2])


INIT_CASES = {"nn.Linear(64, 48), r=8, alpha=16": dict(seed=10, n_in=64, n_out=48, r=8, alpha=16, lead=(5,)),
              "nn.Linear(16, 40, bias=False), r=4, alpha=8, float32":
                  dict(seed=11, n_in=16, n_out=40, r=4, alpha=8, bias=False, lead=(2, 3), dtype=torch.float32)}


def check_init(target, params):
    """Right after __init__: output = base(x), base frozen, B zero, A random in kaiming_uniform_'s range."""
    base, r, alpha, x = make_case(**params)
    case = case_line(base, r, alpha, x)
    module = wrap(target.LoRALinear, base, r, alpha, case)
    A, B = f64(module.A), f64(module.B)

    def forward(x):
        return module(x)

    with torch.no_grad():
        got = call_unchanged(forward, x, case=case)
    X, W, b = f64(x), f64(base.weight), f64(base.bias)
    expect_close(got, linear(X, W, b), case=case + ", right after __init__", dtype=x.dtype,
                 what="the output (base(x), since B = 0)",
                 mistakes={MISTAKE.b_random: lambda: lora(X, W, b, A, B, alpha / r)})
    problem = frozen_problem(module, base)
    if problem:
        raise CheckFailure(problem, case=case, mistake=MISTAKE.base_not_frozen)
    if B.abs().max() > 0:
        raise CheckFailure(f"B is not zero after __init__ (largest |B| = {B.abs().max():.3g}): with B = 0 the "
                           "adapter starts as the base layer exactly", case=case, mistake=MISTAKE.b_random)
    if A.abs().max() == 0:
        raise CheckFailure("A is all zeros after __init__: with A = 0 and B = 0 both gradients are zero and the "
                           "adapter never trains", case=case, mistake=MISTAKE.a_zero)
    bound = 1 / math.sqrt(base.in_features)
    if A.abs().max() > bound * (1 + 1e-6) or A.std() < 0.3 * bound:
        raise CheckFailure(f"A has values in [{A.min():.3g}, {A.max():.3g}] with standard deviation {A.std():.3g}; "
                           f"nn.init.kaiming_uniform_(A, a=math.sqrt(5)) draws uniformly on [-{bound:.3g}, "
                           f"{bound:.3g}] (standard deviation {bound / math.sqrt(3):.3g})", case=case)


GRAD_CASES = {"nn.Linear(6, 5), r=2, alpha=8, x (2, 3, 6)": dict(seed=20, n_in=6, n_out=5, r=2, alpha=8, lead=(2, 3)),
              "nn.Linear(4, 3, bias=False), r=3, alpha=1, x (5, 4)":
                  dict(seed=21, n_in=4, n_out=3, r=3, alpha=1, bias=False, lead=(5,))}


def check_gradients(target, params):
    """loss.backward() fills A.grad, B.grad and x.grad as autograd on the formula does; base gets none."""
    base, r, alpha, x = make_case(**params)
    case = case_line(base, r, alpha, x)
    module = wrap(target.LoRALinear, base, r, alpha, case)
    set_adapter(module, params["seed"] + 2)
    x = x.clone().requires_grad_(True)
    g = torch.randn(*x.shape[:-1], base.out_features, generator=torch.Generator().manual_seed(7), dtype=x.dtype)
    out = call(module, x)
    if not isinstance(out, torch.Tensor) or out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: autograd cannot compute any gradient through it", case=case)
    call(lambda: (out * g).sum().backward())
    if any(p.grad is not None for p in base.parameters()):
        raise CheckFailure("backward() gave the base's weight a gradient: the base must be frozen "
                           "(requires_grad_(False)), only A and B train", case=case, mistake=MISTAKE.base_not_frozen)
    problem = frozen_problem(module, base)
    if problem:
        raise CheckFailure(problem, case=case, mistake=MISTAKE.base_not_frozen)
    leaves = [f64(t).requires_grad_(True) for t in (x, module.A, module.B)]
    X, A, B = leaves
    expected = torch.autograd.grad((lora(X, f64(base.weight), f64(base.bias), A, B, alpha / r) * f64(g)).sum(), leaves)
    for name, got, want in zip(("x", "A", "B"), (x.grad, module.A.grad, module.B.grad), expected):
        if got is None:
            raise CheckFailure(f"no gradient reaches `{name}`", case=case)
        expect_close(got, want, case=case, dtype=x.dtype, what=f"the gradient of `{name}`")


MERGE_CASES = {"nn.Linear(6, 4), r=2, alpha=8": dict(seed=30),
               "nn.Linear(5, 7, bias=False), r=3, alpha=6": dict(seed=31, n_in=5, n_out=7, r=3, alpha=6, bias=False),
               "nn.Linear(32, 24), r=8, alpha=16, float32": dict(seed=32, n_in=32, n_out=24, r=8, alpha=16,
                                                                 lead=(4, 6), dtype=torch.float32)}


def shares_storage(a, b):
    return a is not None and b is not None and a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


def check_merged(target, params, device="cpu"):
    """merged() is a new nn.Linear computing forward(x), and the base is left as it was."""
    base, r, alpha, x = make_case(**params, device=device)
    case = case_line(base, r, alpha, x, device) + ", merged()"
    module = wrap(target.LoRALinear, base, r, alpha, case)
    set_adapter(module, params["seed"] + 2)
    W0, b0 = base.weight.detach().clone(), None if base.bias is None else base.bias.detach().clone()
    lin = call(module.merged)
    if not isinstance(lin, nn.Linear):
        raise CheckFailure(f"merged() returned {type(lin).__name__}; expected an nn.Linear", case=case)
    changed = not torch.equal(base.weight, W0) or (b0 is not None and not torch.equal(base.bias, b0))
    if changed:
        raise CheckFailure("merged() changed the base's weight: build a new nn.Linear and leave self.base as it "
                           "was (the adapter keeps working, and merging twice must not add the update twice)",
                           case=case, mistake=MISTAKE.merge_modifies_base)
    for name in ("weight", "bias"):
        if shares_storage(getattr(lin, name), getattr(base, name)):
            raise CheckFailure(f"the merged layer's {name} shares its storage with the base's: merged() must "
                               "return its own tensors (a change to one would change the other)", case=case,
                               mistake=MISTAKE.merge_modifies_base)
    if (lin.bias is None) != (base.bias is None):
        raise CheckFailure(f"the merged layer {'has no' if lin.bias is None else 'has a'} bias; the base "
                           f"{'has one' if base.bias is not None else 'has none'}", case=case)
    if (lin.weight.dtype, lin.weight.device) != (W0.dtype, W0.device):
        raise CheckFailure(f"the merged weight is {lin.weight.dtype} on {lin.weight.device}; expected the base's "
                           f"{W0.dtype} on {W0.device}", case=case)
    with torch.no_grad():
        got = call(lin, x)
    expect_on_device(got, x.device, case=case)
    X, W, b, A, B = (f64(t) for t in (x, W0, b0, module.A, module.B))
    expect_close(got, lora(X, W, b, A, B, alpha / r), case=case, dtype=x.dtype,
                 what="merged()(x), which must equal forward(x)",
                 mistakes={MISTAKE.merge_no_scale: lambda: linear(X, W + B @ A, b),
                           **formula_mistakes(X, W, b, A, B, r, alpha)})


CASES = [Cases(check_init, INIT_CASES, name="state after __init__"),
         Cases(check_forward, NAMED_CASES, random_params, seeds=3, cuda=True, name="forward matches the formula"),
         Cases(check_gradients, GRAD_CASES, name="gradients only on A and B"),
         Cases(check_merged, MERGE_CASES, cuda=True, name="merged() equals forward")]


def on_device(target, device):
    base, r, alpha, x = make_case(44, n_in=6, n_out=4, r=2, alpha=8, dtype=torch.float32, device=device)
    module = call(target.LoRALinear, base, r, alpha)
    with torch.no_grad():
        return call(module, x), call(module.merged).weight


DEVICE = OnDevice(on_device, case="LoRALinear(nn.Linear(6, 4), r=2, alpha=8) float32, x (3, 6): forward and merged()")


def speed_setup(target, device):
    (lead, n, r), dtype = {"cpu": (((16, 256), 128, 8), torch.float32),
                           "cuda": (((16, 1024), 4096, 16), torch.float16)}[device]
    base, _, alpha, x = make_case(0, n_in=n, n_out=n, r=r, alpha=2 * r, lead=lead, dtype=dtype, device=device)
    case = case_line(base, r, alpha, x, device)
    module = wrap(target.LoRALinear, base, r, alpha, case)
    set_adapter(module, 1)
    W, b, A, B = (t.detach() for t in (base.weight, base.bias, module.A, module.B))

    def yours():
        with torch.no_grad():
            return module(x)

    def torchs():
        return lora(x, W, b, A, B, alpha / r)

    return yours, torchs, case + ", no gradients"


SPEED = Speed(speed_setup, limit={"cpu": 4, "cuda": 4}, reference="the formula in torch")
