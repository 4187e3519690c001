"""A model summary (torchinfo's table) computed with forward hooks on the meta device."""
from __future__ import annotations

import math

import torch
from torch import nn
from torch.func import functional_call


def macs_of(module: nn.Module, inp: torch.Tensor, out: torch.Tensor) -> int:
    if isinstance(module, nn.Linear):
        return out.numel() * module.in_features
    if isinstance(module, (nn.Conv1d, nn.Conv2d)):
        return out.numel() * (module.in_channels // module.groups) * math.prod(module.kernel_size)
    if isinstance(module, nn.ConvTranspose2d):
        return inp.numel() * (module.out_channels // module.groups) * math.prod(module.kernel_size)
    return 0


def model_summary(model: nn.Module, input_shape: tuple[int, ...]) -> list[dict]:
    rows, counted = [], set()
    names = {m: name for name, m in model.named_modules()}  # first name of a shared module

    def hook(module, args, out):
        fresh = [p for p in module.parameters() if id(p) not in counted]  # p: the REAL parameter
        counted.update(id(p) for p in fresh)
        rows.append({"name": names[module], "type": type(module).__name__, "output_shape": tuple(out.shape),
                     "params": sum(p.numel() for p in fresh), "macs": macs_of(module, args[0], out)})

    handles = [m.register_forward_hook(hook) for m in names if not any(m.children())]
    try:
        state = {k: torch.empty_like(t, device="meta")  # meta copies: no memory; tie_weights re-ties them
                 for k, t in [*model.named_parameters(), *model.named_buffers()]}
        x = torch.empty(input_shape, device="meta")
        with torch.no_grad():
            functional_call(model, state, (x,), tie_weights=True)
    finally:
        for h in handles:
            h.remove()
    return rows
