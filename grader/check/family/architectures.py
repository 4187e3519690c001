"""Checks shared by the CNN-architecture exercises: a learner's network against a reference written here.

The reference of each exercise is built in its checks.py from nn layers, layer by layer as the paper
and d2l define it. These helpers compare the learner's module with it: the parameter count, the
parameter shapes in registration order, the output shape of every leaf in forward order, and the
forward pass with the learner's weights copied into the reference, in eval and in train mode.
"""
from __future__ import annotations

from typing import Callable, Mapping

import torch
from torch import nn

from ..failure import CheckFailure
from ..mistakes import mistake_giving
from ..compare import expect_close
from ...learner import call


def build(fn: Callable, *args, case: str, **kwargs) -> nn.Module:
    model = call(fn, *args, **kwargs)
    if not isinstance(model, nn.Module):
        kind = "None (did you forget to `return`?)" if model is None else type(model).__name__
        raise CheckFailure(f"expected an nn.Module, got {kind}", case=case)
    return model


def on_meta(fn: Callable, *args, case: str, **kwargs) -> nn.Module:
    """The learner's network built on the meta device: full-size parameter counts, no memory."""
    with torch.device("meta"):
        return build(fn, *args, case=case, **kwargs)


def blank(fn: Callable, *args, **kwargs) -> nn.Module:
    """A reference network with uninitialised weights (built on meta, then given memory): the checks load
    the learner's weights into it anyway, and initialising 47M parameters first costs seconds."""
    with torch.device("meta"):
        model = fn(*args, **kwargs)
    return model.to_empty(device="cpu")


def _each(variant):
    """A mistake's variants: one callable, or a list of them."""
    return variant if isinstance(variant, list) else [variant]


def count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def shapes(model: nn.Module) -> list[tuple[int, ...]]:
    return [tuple(p.shape) for p in model.parameters()]


def expect_parameters(model: nn.Module, reference: nn.Module, *, case: str,
                      mistakes: Mapping = {}) -> None:
    """The same number of parameters, and the same parameter shapes in registration order."""
    got, want = count(model), count(reference)
    variants = {m: [lambda f=f: count(f()) for f in _each(v)] for m, v in mistakes.items()}
    if got != want:
        raise CheckFailure(f"your network has {got:,} parameters; expected {want:,}", case=case,
                           mistake=mistake_giving(got, variants))
    got_shapes, want_shapes = shapes(model), shapes(reference)
    if got_shapes != want_shapes:
        where = next((i for i, (a, b) in enumerate(zip(got_shapes, want_shapes)) if a != b), len(want_shapes))
        variants = {m: [lambda f=f: shapes(f()) for f in _each(v)] for m, v in mistakes.items()}
        raise CheckFailure(f"the parameters differ in shape or order from parameter {where}: yours "
                           f"{got_shapes[where:where + 3]}, expected {want_shapes[where:where + 3]} (in the "
                           "order the layers are registered)", case=case, mistake=mistake_giving(got_shapes, variants))


def _weighted_layer_rows(model: nn.Module, x: torch.Tensor, *, learner: bool, pre: bool, row: Callable) -> list:
    """One row per call of a layer with weights during model(x), in forward order: row(module, input or output).
    Layers with weights only: activations and pooling may be functional calls in a correct network."""
    rows = []
    leaves = [m for m in model.modules() if not any(m.children()) and any(True for _ in m.parameters(recurse=False))]
    hooks = [m.register_forward_pre_hook(lambda mod, a: rows.append(row(mod, a[0]))) if pre else
             m.register_forward_hook(lambda mod, a, out: rows.append(row(mod, out))) for m in leaves]
    try:
        with torch.no_grad():
            (call(model, x) if learner else model(x))
    finally:
        for h in hooks:
            h.remove()
    return rows


def leaf_output_shapes(model: nn.Module, x: torch.Tensor, *, learner: bool) -> list[tuple[str, tuple]]:
    return _weighted_layer_rows(model, x, learner=learner, pre=False,
                                row=lambda mod, out: (type(mod).__name__, tuple(out.shape)))


def expect_layer_shapes(model: nn.Module, reference: nn.Module, x: torch.Tensor, *, case: str,
                        mistakes: Mapping = {}) -> None:
    """The output shape of every layer with weights (Conv, Linear, BatchNorm), in the order the forward pass
    calls them."""
    model.eval()
    got = leaf_output_shapes(model, x, learner=True)
    want = leaf_output_shapes(reference.eval(), x, learner=False)
    if got != want:
        where = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        show = lambda rows: ", ".join(f"{t} {s}" for t, s in rows[max(0, where - 1):where + 2]) or "nothing"  # noqa: E731
        variants = {m: [lambda f=f: leaf_output_shapes(f().eval(), x, learner=False) for f in _each(v)]
                    for m, v in mistakes.items()}
        raise CheckFailure(f"the layers' outputs differ from layer {where} on (in forward order): yours {show(got)}; "
                           f"expected {show(want)}", case=case, mistake=mistake_giving(got, variants))


def load_into(reference: nn.Module, model: nn.Module) -> nn.Module:
    """The learner's parameters and buffers copied into `reference`, in registration order."""
    src = [*model.parameters(), *model.buffers()]
    dst = [*reference.parameters(), *reference.buffers()]
    with torch.no_grad():
        for d, s in zip(dst, src):
            d.copy_(s.detach().to(d.dtype))
    return reference


def randomise(model: nn.Module, seed: int) -> nn.Module:
    """Random weights and BatchNorm statistics, so that eval mode and train mode give different outputs."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, t in [*model.named_parameters(), *model.named_buffers()]:
            if t.dtype.is_floating_point:
                fan = t[0].numel() if t.dim() > 1 else 1
                values = torch.randn(t.shape, generator=g, dtype=t.dtype) / fan ** 0.5
                if name.endswith("running_var") or name.endswith("weight") and t.dim() == 1:
                    values = 0.5 + values.abs()  # positive variances and scales
                t.copy_(values)
    return model


def expect_same_forward(model: nn.Module, reference: nn.Module, x: torch.Tensor, *, mode: str, case: str,
                        mistakes: Mapping[object, Callable[[], nn.Module | tuple[nn.Module, str]]] = {}, seed: int = 0,
                        tolerance: tuple[float, float] = (1e-6, 1e-8), dtype: torch.dtype = torch.float64) -> None:
    """model(x) against the reference with the learner's weights, in `dtype` (float64; float32 for the big
    networks), in `mode` ("eval" or "train"); in train mode both draw dropout masks after the same seed."""
    model = model.to(dtype).train(mode == "train")
    X = x.to(dtype)
    torch.manual_seed(seed)
    with torch.no_grad():
        got = call(model, X)
    if not isinstance(got, torch.Tensor):
        raise CheckFailure(f"the forward pass returned {type(got).__name__}, not a tensor", case=case)

    def run(ref: nn.Module | tuple[nn.Module, str]) -> torch.Tensor:
        ref, ref_mode = ref if isinstance(ref, tuple) else (ref, mode)  # a variant may run in the other mode
        ref = load_into(ref.to(dtype), model).train(ref_mode == "train")
        torch.manual_seed(seed)
        with torch.no_grad():
            return ref(X)

    rtol, atol = tolerance
    try:
        expect_close(got, run(reference), case=case + f", {mode} mode", dtype=dtype, rtol=rtol, atol=atol,
                     mistakes={m: [lambda f=f: run(f()) for f in _each(v)]
                               for m, v in mistakes.items()})
    except CheckFailure as failure:
        if failure.mistake is None and mode == "eval":  # train mode's masks would make every later input differ
            where = _first_different_input(model, load_into(reference.to(dtype), model).eval(), X, rtol, atol)
            if where:
                failure.message = f"{failure.message}\n{where}"
                failure.args = (failure.message,)
        raise


def _weighted_inputs(model: nn.Module, x: torch.Tensor, *, learner: bool) -> list[tuple[nn.Module, torch.Tensor]]:
    """The input of every layer with weights, in the order the forward pass calls them."""
    return _weighted_layer_rows(model, x, learner=learner, pre=True, row=lambda mod, a: (mod, a.detach().clone()))


def _first_different_input(model, reference, x, rtol, atol) -> str | None:
    """Where the forward passes part: the first layer with weights whose INPUT differs from the reference's, so
    that what sits between it and the layer before (an activation, a pooling, a dropout, a skip) is the suspect."""
    try:
        got, want = _weighted_inputs(model, x, learner=True), _weighted_inputs(reference, x, learner=False)
    except Exception:  # noqa: BLE001 - only a hint; the failure itself stands
        return None
    for i, ((mod, a), (_, b)) in enumerate(zip(got, want)):
        if a.shape != b.shape or not torch.allclose(a, b, rtol=rtol, atol=atol):
            if i == 0:
                return f"the input of your first layer with weights ({mod}) already differs from the reference's"
            return (f"the outputs part at the input of layer {i + 1} with weights ({mod}): what comes between "
                    f"{got[i - 1][0]} and it (an activation, a pooling, a dropout) differs from the spec's")
    return None
