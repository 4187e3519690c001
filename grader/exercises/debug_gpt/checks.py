"""Checks of exercises/debug_gpt.py, a debug exercise: the stub is a small GPT that runs with four bugs.

One check per planted bug ("bug: …") looks at the part of the model where that bug lives, on the
learner's own module and weights, so that each bug still present is named by its own check, whatever
the other three do. Then the whole model against a GPT written here from F.* ops in float64 with the
learner's weights (logits and loss), and a tiny batch it must overfit.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from grader.check import Cases, CheckFailure, OnDevice, call, describe, expect_close, mistakes
from grader.check.family.architectures import build

MISTAKE = mistakes("debug_gpt")
F64 = torch.float64


# ---------------------------------------------------------------- the model under test

def make_model(target, seed, **config) -> nn.Module:
    """The learner's GPT(GPTConfig(**config)), initialised after `seed`, in float64."""
    cfg = call(target.GPTConfig, **config)
    torch.manual_seed(seed)
    model = build(target.GPT, cfg, case=f"GPT(GPTConfig({describe(**config)}))")
    return call(lambda: model.double().eval())


def part(model: nn.Module, dotted: str, *, case: str):
    """A submodule or parameter by its spec name ("blocks.0.attn.qkv.weight"), or a clear failure."""
    found = model
    for name in dotted.split("."):
        try:
            found = found[int(name)] if name.isdigit() else getattr(found, name)
        except (AttributeError, IndexError, KeyError, TypeError):
            raise CheckFailure(f"your model has no `{dotted}`: the docstring's spec names every submodule",
                               case=case) from None
    return found


def tokens(seed, B, T, V):
    return torch.randint(0, V, (B, T), generator=torch.Generator().manual_seed(seed))


def forward(model, idx, targets=None, *, case: str):
    """(logits, loss) of the learner's model, checked to be what the spec says it returns."""
    out = call(model, idx) if targets is None else call(model, idx, targets)
    if not (isinstance(out, tuple) and len(out) == 2):
        raise CheckFailure(f"forward(idx, targets) must return (logits, loss); yours returned "
                           f"{type(out).__name__}", case=case)
    logits, loss = out
    B, T = idx.shape
    V = part(model, "lm_head.weight", case=case).shape[0]
    if not isinstance(logits, torch.Tensor) or tuple(logits.shape) != (B, T, V):
        shape = tuple(logits.shape) if isinstance(logits, torch.Tensor) else type(logits).__name__
        raise CheckFailure(f"the logits are {shape}; expected (B, T, vocab_size) = {(B, T, V)}", case=case)
    if targets is None and loss is not None:
        raise CheckFailure("without targets the loss must be None", case=case)
    if targets is not None and not (isinstance(loss, torch.Tensor) and loss.dim() == 0):
        raise CheckFailure(f"with targets the loss must be a 0-d tensor; yours is {type(loss).__name__}"
                           + (f" of shape {tuple(loss.shape)}" if isinstance(loss, torch.Tensor) else ""), case=case)
    return logits, loss


# ---------------------------------------------------------------- the reference, from F.* ops

def attention(attn: nn.Module, x: torch.Tensor, n_head: int, *, mask: str = "-inf", case: str) -> torch.Tensor:
    """Causal self-attention with the weights of `attn`; `mask` "0", "none" and "after" are the buggy ones
    (future scores set to 0, never masked, weights zeroed after the softmax)."""
    B, T, C = x.shape
    q, k, v = F.linear(x, part(attn, "qkv.weight", case=case), part(attn, "qkv.bias", case=case)).split(C, dim=2)
    heads = lambda t: t.reshape(B, T, n_head, C // n_head).transpose(1, 2)  # noqa: E731
    q, k, v = heads(q), heads(k), heads(v)
    s = q @ k.transpose(-2, -1) / math.sqrt(C // n_head)
    future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)
    if mask in ("-inf", "0"):
        s = s.masked_fill(future, float("-inf") if mask == "-inf" else 0.0)
    w = s.softmax(-1)
    if mask == "after":
        w = w.masked_fill(future, 0.0)
    y = (w @ v).transpose(1, 2).reshape(B, T, C)
    return F.linear(y, part(attn, "proj.weight", case=case), part(attn, "proj.bias", case=case))


def layer_norm(model, name, x, case):
    return F.layer_norm(x, x.shape[-1:], part(model, f"{name}.weight", case=case), part(model, f"{name}.bias", case=case))


def linear(model, name, x, case):
    return F.linear(x, part(model, f"{name}.weight", case=case), part(model, f"{name}.bias", case=case))


def reference(model, idx, n_layer, n_head, *, pos: str = "add", mask: str = "-inf", case: str) -> torch.Tensor:
    """The spec's GPT with the learner's weights; `pos` "none" and "zero" are the buggy embeddings
    (no position embedding, position 0's everywhere)."""
    with torch.no_grad():
        T = idx.shape[1]
        wpe = part(model, "wpe.weight", case=case)
        x = F.embedding(idx, part(model, "wte.weight", case=case))
        x = x + {"add": wpe[:T], "zero": wpe[:1], "none": 0.0}[pos]
        for i in range(n_layer):
            b = f"blocks.{i}"
            x = x + attention(part(model, f"{b}.attn", case=case), layer_norm(model, f"{b}.ln1", x, case), n_head,
                              mask=mask, case=case)
            h = F.gelu(linear(model, f"{b}.mlp.fc", layer_norm(model, f"{b}.ln2", x, case), case), approximate="tanh")
            x = x + linear(model, f"{b}.mlp.proj", h, case)
        x = layer_norm(model, "ln_f", x, case)
        return F.linear(x, part(model, "lm_head.weight", case=case))


def shifted_loss(logits, targets):
    return F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), targets[:, 1:].reshape(-1))


def unshifted_loss(logits, targets):
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))


_warm = nn.Linear(1, 1)  # the first optimizer step imports torch._dynamo, which rebinds torch.manual_seed: now,
torch.optim.AdamW(_warm.parameters()).step()  # not inside the learner's call

SMALL = dict(vocab_size=11, block_size=8, n_layer=1, n_head=2, n_embd=8)
TWO_LAYERS = dict(vocab_size=13, block_size=16, n_layer=2, n_head=4, n_embd=16)


# ---------------------------------------------------------------- one check per planted bug

def check_position_embedding(target, p):
    model = make_model(target, p["seed"], **p["config"])
    idx = tokens(p["seed"], 2, p["T"], p["config"]["vocab_size"])
    case = f"GPTConfig({describe(**p['config'])}), idx {tuple(idx.shape)}"
    seen = []
    hook = part(model, "blocks.0", case=case).register_forward_pre_hook(lambda m, args: seen.append(args[0].detach()))
    try:
        forward(model, idx, case=case)
    finally:
        hook.remove()
    if not seen:
        raise CheckFailure("the forward pass never calls blocks[0]", case=case)
    wte, wpe = part(model, "wte.weight", case=case).detach(), part(model, "wpe.weight", case=case).detach()
    T = idx.shape[1]
    if not wpe[:T].any():
        raise CheckFailure("wpe.weight is all zeros at initialisation: every position gets the same embedding, "
                           "so the model starts unable to tell positions apart (keep PyTorch's default "
                           "initialisation)", case=case, mistake=MISTAKE.pos_not_added)
    expect_close(seen[0], wte[idx] + wpe[:T], case=case, dtype=F64, what="the input of the first block",
                 mistakes={MISTAKE.pos_not_added: [lambda: wte[idx], lambda: wte[idx] + wpe[:1]]})


def check_causal_mask(target, p):
    cfg = p["config"]
    model = make_model(target, p["seed"], **cfg)
    case = f"GPTConfig({describe(**cfg)}), blocks[0].attn on x ({2}, {p['T']}, {cfg['n_embd']}) float64"
    attn = part(model, "blocks.0.attn", case=case)
    x = torch.randn(2, p["T"], cfg["n_embd"], generator=torch.Generator().manual_seed(p["seed"]), dtype=F64)
    with torch.no_grad():
        got = call(attn, x)
        expected = attention(attn, x, cfg["n_head"], case=case)
        variants = [lambda m=m: attention(attn, x, cfg["n_head"], mask=m, case=case) for m in ("0", "none", "after")]
    expect_close(got, expected, case=case, dtype=F64, what="the attention's output (position t may read only "
                 "positions <= t)", mistakes={MISTAKE.mask_not_inf: variants})


def spec_shapes(cfg) -> list[tuple[str, tuple[int, ...]]]:
    V, T, C = cfg["vocab_size"], cfg["block_size"], cfg["n_embd"]
    shapes = [("wte.weight", (V, C)), ("wpe.weight", (T, C))]
    for i in range(cfg["n_layer"]):
        b = f"blocks.{i}"
        shapes += [(f"{b}.ln1.weight", (C,)), (f"{b}.ln1.bias", (C,)),
                   (f"{b}.attn.qkv.weight", (3 * C, C)), (f"{b}.attn.qkv.bias", (3 * C,)),
                   (f"{b}.attn.proj.weight", (C, C)), (f"{b}.attn.proj.bias", (C,)),
                   (f"{b}.ln2.weight", (C,)), (f"{b}.ln2.bias", (C,)),
                   (f"{b}.mlp.fc.weight", (4 * C, C)), (f"{b}.mlp.fc.bias", (4 * C,)),
                   (f"{b}.mlp.proj.weight", (C, 4 * C)), (f"{b}.mlp.proj.bias", (C,))]
    return shapes + [("ln_f.weight", (C,)), ("ln_f.bias", (C,)), ("lm_head.weight", (V, C))]


def expect_shapes(model, cfg, *, mlp: bool, case: str):
    """The spec's parameter shapes: the MLP's (`mlp`), or all the others (which the reference needs)."""
    for name, want in spec_shapes(cfg):
        if mlp != (".mlp." in name):
            continue
        got = tuple(part(model, name, case=case).shape)
        if got != want:
            raise CheckFailure(f"`{name}` has shape {got}; the spec: {want} (mlp.fc is nn.Linear(n_embd, 4 * n_embd), "
                               f"mlp.proj nn.Linear(4 * n_embd, n_embd))" if ".mlp." in name else
                               f"`{name}` has shape {got}; the spec: {want}", case=case,
                               mistake=MISTAKE.mlp_width if ".mlp." in name else None)


def check_mlp_width(target, p):
    cfg = p["config"]
    expect_shapes(make_model(target, p["seed"], **cfg), cfg, mlp=True, case=f"GPTConfig({describe(**cfg)})")


def check_labels_shift(target, p):
    cfg = p["config"]
    model = make_model(target, p["seed"], **cfg)
    idx = tokens(p["seed"], 3, p["T"], cfg["vocab_size"])
    targets = idx if p["targets"] == "idx" else tokens(p["seed"] + 1, 3, p["T"], cfg["vocab_size"])
    case = f"GPTConfig({describe(**cfg)}), idx {tuple(idx.shape)}, targets " + \
        ("= idx (labels = input ids)" if p["targets"] == "idx" else f"{tuple(targets.shape)} other tokens")
    logits, loss = forward(model, idx, targets, case=case)
    logits = logits.detach()
    expect_close(loss, shifted_loss(logits, targets), case=case, dtype=F64,
                 what="the loss against your own logits (logits[:, t] predict targets[:, t + 1])",
                 mistakes={MISTAKE.labels_not_shifted: [lambda: unshifted_loss(logits, targets),
                                                        lambda: shifted_loss(logits.flip(1), targets.flip(1))]})


# ---------------------------------------------------------------- the whole model

def check_against_reference(target, p, device="cpu"):
    cfg = p["config"]
    model = make_model(target, p["seed"], **cfg).to(device)
    idx = tokens(p["seed"], p["B"], p["T"], cfg["vocab_size"]).to(device)
    case = f"GPTConfig({describe(**cfg)}), idx {tuple(idx.shape)}, targets = idx"
    expect_shapes(model, cfg, mlp=False, case=case)
    logits, loss = forward(model, idx, idx, case=case)
    ref = lambda **kw: reference(model, idx, cfg["n_layer"], cfg["n_head"], case=case, **kw)  # noqa: E731
    bugs = {MISTAKE.pos_not_added: [lambda: ref(pos="none"), lambda: ref(pos="zero")],
            MISTAKE.mask_not_inf: [lambda: ref(mask=m) for m in ("0", "none", "after")]}
    expected = ref()
    expect_close(logits, expected, case=case, dtype=F64, what="the logits", mistakes=bugs)
    expect_close(loss, shifted_loss(expected, idx), case=case, dtype=F64, what="the loss",
                 mistakes={MISTAKE.labels_not_shifted: lambda: unshifted_loss(expected, idx),
                           **{m: [lambda v=v: shifted_loss(v(), idx) for v in vs] for m, vs in bugs.items()}})


def check_overfits(target, p):
    """AdamW on one tiny batch, with the learner's loss; the loss of its logits against the shifted labels
    must fall below the threshold."""
    cfg = p["config"]
    cfg_obj = call(target.GPTConfig, **cfg)
    torch.manual_seed(p["seed"])
    model = build(target.GPT, cfg_obj, case="")
    idx = tokens(p["seed"], 4, cfg["block_size"], cfg["vocab_size"])
    case = f"GPTConfig({describe(**cfg)}), idx {tuple(idx.shape)}, targets = idx, AdamW lr {p['lr']}, " \
           f"{p['steps']} steps"
    forward(model, idx, idx, case=case)  # the outputs are what the spec says, before training on them
    opt = torch.optim.AdamW(model.parameters(), lr=p["lr"])

    def train():
        losses = []
        for _ in range(p["steps"]):
            _, loss = model(idx, idx)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(float(loss))
        return losses

    model.train()
    own = call(train)
    with torch.no_grad():
        logits, _ = forward(model.eval(), idx, case=case)
        true = float(shifted_loss(logits, idx))
    if true > p["below"]:
        copies = own[-1] < p["below"]
        raise CheckFailure(f"after {p['steps']} steps the loss of your model's logits against the next tokens is "
                           f"{true:.3g} (it started near ln(vocab_size) = {math.log(cfg['vocab_size']):.3g}); a "
                           f"correct GPT gets below {p['below']}" + (f", while your own loss fell to {own[-1]:.3g}: "
                                                                     "it was trained on another task" if copies else ""),
                           case=case, mistake=MISTAKE.labels_not_shifted if copies else None)


BUG_CASE = {"GPTConfig(vocab_size=13, block_size=16, n_layer=2, n_head=4, n_embd=16), T=6":
            dict(seed=1, config=TWO_LAYERS, T=6)}
LABEL_CASES = {"targets = idx (labels are the input ids)": dict(seed=2, config=SMALL, T=8, targets="idx"),
               "targets other than idx": dict(seed=3, config=TWO_LAYERS, T=5, targets="other")}
WHOLE_CASES = {"one layer, T = block_size = 8": dict(seed=4, config=SMALL, B=2, T=8),
               "two layers, T=5 < block_size": dict(seed=5, config=TWO_LAYERS, B=3, T=5),
               "T=2": dict(seed=6, config=SMALL, B=2, T=2)}
OVERFIT = {"vocab 16, 2 layers, n_embd 32, batch (4, 16)":
           dict(seed=7, config=dict(vocab_size=16, block_size=16, n_layer=2, n_head=4, n_embd=32), lr=1e-2,
                steps=60, below=0.1)}

CASES = [Cases(check_position_embedding, BUG_CASE, name="bug: positional embedding"),
         Cases(check_causal_mask, BUG_CASE, name="bug: causal mask"),
         Cases(check_mlp_width, BUG_CASE, name="bug: MLP width"),
         Cases(check_labels_shift, LABEL_CASES, name="bug: labels shift"),
         Cases(check_against_reference, WHOLE_CASES, cuda=True,
               name="logits and loss match a correct GPT with the same weights"),
         Cases(check_overfits, OVERFIT, name="overfits a tiny batch")]


def run_on(target, device):
    model = make_model(target, 8, **SMALL).to(device)
    return call(model, tokens(8, 2, 5, SMALL["vocab_size"]).to(device))


DEVICE = OnDevice(run_on, case=f"GPT(GPTConfig({describe(**SMALL)})) moved to the device, idx (2, 5) int64 on it")
