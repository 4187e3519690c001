"""Checks of exercises/transformer_block.py against a GPT-2 block written here from F.layer_norm,
F.scaled_dot_product_attention and F.gelu, with the learner's weights, in float64.

The reference reads the learner's parameters by name (ln1.weight, attn.qkv.weight, ...), so it does not
depend on how the learner's module is organised inside; the classic mistakes are the same reference with
one switch turned, used only to name them.
"""
from __future__ import annotations

import torch
from torch import nn
from torch.nn.functional import gelu, layer_norm, linear
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs

from grader.check import (Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close,
                          expect_on_device, mistakes)
from grader.check.family.architectures import expect_parameters, on_meta, randomise
from grader.check.family.sequence import on

MISTAKE = mistakes("transformer_block")
TOLERANCE = {"float32": (1e-4, 1e-5)}

LAYERS = ("ln1", "attn.qkv", "attn.proj", "ln2", "mlp.fc", "mlp.proj")


class RefBlock(nn.Module):
    """The parameters of the block, in the spec's registration order (for the count and the shapes)."""

    def __init__(self, d_model, n_heads, d_ff):
        super().__init__()
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = nn.ModuleDict(dict(qkv=nn.Linear(d_model, 3 * d_model), proj=nn.Linear(d_model, d_model)))
        self.ln2 = nn.LayerNorm(d_model)
        self.mlp = nn.ModuleDict(dict(fc=nn.Linear(d_model, d_ff), proj=nn.Linear(d_ff, d_model)))


def signature(d, H, dff):
    return f"TransformerBlock({d}, n_heads={H}, d_ff={dff})"


def layer(module, dotted):
    for part in dotted.split("."):
        module = getattr(module, part, None)
    return module


def expect_layers(module, d, H, dff):
    case = signature(d, H, dff)
    if not isinstance(module, nn.Module):
        raise CheckFailure(f"{case} is a {type(module).__name__}, not an nn.Module")
    # a LayerNorm may be the learner's own module (nanoGPT's), read as weight and bias; a Linear must be nn.Linear
    # (its weight is (out, in), where GPT-2's original Conv1D stores (in, out))
    shapes = {"ln1": (nn.Module, (d,)), "ln2": (nn.Module, (d,)), "attn.qkv": (nn.Linear, (3 * d, d)),
              "attn.proj": (nn.Linear, (d, d)), "mlp.fc": (nn.Linear, (dff, d)), "mlp.proj": (nn.Linear, (d, dff))}
    for name, (kind, shape) in shapes.items():
        found = layer(module, name)
        weight, bias = getattr(found, "weight", None), getattr(found, "bias", None)
        if not isinstance(found, kind) or not isinstance(weight, torch.Tensor) or tuple(weight.shape) != shape \
                or not isinstance(bias, torch.Tensor) or tuple(bias.shape) != shape[:1]:
            want = f"nn.LayerNorm({d})" if kind is nn.Module else f"nn.Linear({shape[1]}, {shape[0]})"
            raise CheckFailure(f"self.{name} must be {want} (with a bias); found {found!r}", case=case)


def build(cls, d, H, dff, *, seed, dtype=torch.float64, device="cpu"):
    """The learner's block with random weights (LayerNorm scales and shifts too), after checking its layers."""
    module = call(cls, d, H, dff)
    expect_layers(module, d, H, dff)
    randomise(module, seed)
    return call(module.to, device=device, dtype=dtype)


def weights(module, dtype=torch.float64, device="cpu"):
    """The learner's parameters by name, as the reference reads them."""
    return {f"{n}.{p}": getattr(layer(module, n), p).detach().to(device, dtype) for n in LAYERS for p in ("weight", "bias")}


def reference(X, W, H, *, norm="pre", causal=True, approximate="tanh", split="right", scale=None, where="both"):
    """The GPT-2 block, functional. `norm`: "pre" (right), "post", or "on the norm" (the residual adds to
    ln(x), not x), in both sublayers or only `where` = "attn" / "mlp"; `split`: "right" or "no transpose"."""
    B, T, C = X.shape
    D = C // H

    def ln(t, n):
        return layer_norm(t, (C,), W[n + ".weight"], W[n + ".bias"], 1e-5)

    def attn(h):
        qkv = linear(h, W["attn.qkv.weight"], W["attn.qkv.bias"])  # (B, T, 3C)
        if split == "right":
            q, k, v = qkv.view(B, T, 3, H, D).permute(2, 0, 3, 1, 4)  # 3 x (B, H, T, D)
        else:  # reshaped straight to (B, H, T, D): tokens mixed into heads
            q, k, v = (t.reshape(B, H, T, D) for t in qkv.chunk(3, dim=-1))  # 3 x (B, H, T, D)
        y = torch_sdpa(q, k, v, is_causal=causal, scale=scale)  # (B, H, T, D)
        return linear(y.transpose(1, 2).reshape(B, T, C), W["attn.proj.weight"], W["attn.proj.bias"])  # (B, T, C)

    def mlp(h):
        h = gelu(linear(h, W["mlp.fc.weight"], W["mlp.fc.bias"]), approximate=approximate)
        return linear(h, W["mlp.proj.weight"], W["mlp.proj.bias"])

    def sublayer(x, f, n, kind):
        style = norm if where in ("both", kind) else "pre"
        if style == "pre":
            return x + f(ln(x, n))
        if style == "post":
            return ln(x + f(x), n)
        h = ln(x, n)  # "on the norm"
        return h + f(h)

    return sublayer(sublayer(X, attn, "ln1", "attn"), mlp, "ln2", "mlp")


def output_mistakes(X, W, H):
    ref = lambda **kw: lambda: reference(X, W, H, **kw)  # noqa: E731
    m = {MISTAKE.post_norm: [ref(norm="post", where=w) for w in ("both", "attn", "mlp")],
         MISTAKE.residual_on_norm: [ref(norm="on the norm", where=w) for w in ("both", "attn", "mlp")],
         MISTAKE.exact_gelu: ref(approximate="none"),
         MISTAKE.scale_by_d_model: ref(scale=X.shape[-1] ** -0.5)}
    if X.shape[1] > 1:
        m[MISTAKE.mask_missing] = ref(causal=False)
    if H > 1:
        m[MISTAKE.heads_no_transpose] = ref(split="no transpose")
    else:
        m.pop(MISTAKE.scale_by_d_model)  # head_dim = d_model with one head
    return m


def make_case(seed, B=2, T=5, d=8, H=2, dff=16, dtype=torch.float64):
    x = torch.randn(B, T, d, generator=torch.Generator().manual_seed(seed), dtype=torch.float64).to(dtype)
    return dict(seed=seed, d=d, H=H, dff=dff), x


def check_case(cls, params, x, device="cpu"):
    d, H, dff = params["d"], params["H"], params["dff"]
    module = build(cls, d, H, dff, seed=params["seed"], dtype=x.dtype, device=device)
    x = x.to(device)
    case = f"{signature(d, H, dff)}, " + describe(x=x) + on(device)

    def forward(x):  # call_unchanged names the inputs from this signature; a Module's is (*args)
        return module(x)

    with torch.no_grad():
        got = call_unchanged(forward, x, case=case)
    expect_on_device(got, x.device, case=case)
    X, W = x.detach().cpu().double(), weights(module)
    expect_close(got, reference(X, W, H), case=case, dtype=x.dtype, mistakes=output_mistakes(X, W, H))


NAMED_CASES = {
    "smallest: B=1, T=2, d_model=4, 2 heads": dict(seed=0, B=1, T=2, d=4, H=2, dff=8),
    "batch of 2, 2 heads": dict(seed=1, B=2, T=5, d=8, H=2, dff=16),
    "one head": dict(seed=2, B=2, T=4, d=6, H=1, dff=12),
    "4 heads of 3 features, d_ff != 4 d_model": dict(seed=3, B=2, T=6, d=12, H=4, dff=20),
    "one token": dict(seed=4, B=3, T=1, d=8, H=4, dff=32),
    "longer sequence": dict(seed=5, B=1, T=16, d=16, H=4, dff=64),
    "float32": dict(seed=6, B=2, T=7, d=16, H=4, dff=64, dtype=torch.float32),
}


def random_params(seed):
    g = torch.Generator().manual_seed(500 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    H = r(1, 4)
    return dict(seed=100 + seed, B=r(1, 3), T=r(1, 9), d=H * r(1, 5), H=H, dff=r(1, 24),
                dtype=[torch.float64, torch.float32][seed % 2])


def check_parameters(target, params):
    d, H, dff = params
    case = signature(d, H, dff)
    expect_parameters(on_meta(target.TransformerBlock, d, H, dff, case=case), on_meta(RefBlock, d, H, dff, case=case),
                      case=case)


PARAMETER_CASES = {"GPT-2 small: TransformerBlock(768, 12, 3072)": (768, 12, 3072),
                   "TransformerBlock(64, 4, 100)": (64, 4, 100)}


def check_gradients(target, params):
    p, x = make_case(**params)
    d, H, dff = p["d"], p["H"], p["dff"]
    module = build(target.TransformerBlock, d, H, dff, seed=p["seed"])
    case = f"{signature(d, H, dff)}, " + describe(x=x)
    x = x.clone().requires_grad_(True)
    g = torch.randn(x.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    out = call(module, x)
    if not isinstance(out, torch.Tensor) or out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: autograd cannot compute any gradient through it", case=case)
    names = [f"{n}.{p}" for n in LAYERS for p in ("weight", "bias")]
    leaves = [x] + [getattr(layer(module, n.rpartition(".")[0]), n.rpartition(".")[2]) for n in names]
    got = call(lambda: torch.autograd.grad((out * g).sum(), leaves, allow_unused=True))
    W = {n: t.detach().clone().requires_grad_(True) for n, t in weights(module).items()}
    X = x.detach().clone().requires_grad_(True)
    exp = torch.autograd.grad((reference(X, W, H) * g).sum(), [X, *W.values()])
    for name, a, b in zip(["x", *names], got, exp):
        if a is None:
            raise CheckFailure(f"no gradient reaches `{name}`", case=case)
        expect_close(a, b, case=case, dtype=torch.float64, what=f"the gradient of `{name}`")


CASES = [Cases(lambda target, params: check_parameters(target, params), PARAMETER_CASES,
               name="parameters as GPT-2's"),
         Cases(lambda target, params, device="cpu": check_case(target.TransformerBlock, *make_case(**params),
                                                               device=device),
               NAMED_CASES, random_params, seeds=3, cuda=True, name="matches the reference block"),
         Cases(check_gradients, {"TransformerBlock(8, 2, 16), x (2, 5, 8)": dict(seed=20)},
               name="gradients match autograd")]


def on_device(target, device):
    module = build(target.TransformerBlock, 8, 2, 16, seed=42, dtype=torch.float32, device=device)
    with torch.no_grad():
        return call(module, make_case(42, dtype=torch.float32)[1].to(device))


DEVICE = OnDevice(on_device, case="TransformerBlock(8, n_heads=2, d_ff=16), x (2, 5, 8) float32")


def speed_setup(target, device):
    (B, T, d, H, dff), dtype = {"cpu": ((2, 128, 128, 4, 512), torch.float32),
                                "cuda": ((8, 1024, 1024, 16, 4096), torch.float16)}[device]
    module = build(target.TransformerBlock, d, H, dff, seed=0, dtype=dtype, device=device)
    W = weights(module, dtype, device)
    x = torch.randn(B, T, d, generator=torch.Generator().manual_seed(0)).to(device, dtype)

    def yours():
        with torch.no_grad():
            return module(x)

    def torchs():
        with torch.no_grad():
            return reference(x, W, H)

    return yours, torchs, f"{signature(d, H, dff)}, " + describe(x=x) + f", no gradients, on {device}"


SPEED = Speed(speed_setup, limit={"cpu": 4, "cuda": 4}, reference="the block in torch functional ops")
