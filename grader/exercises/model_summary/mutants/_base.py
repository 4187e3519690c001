"""A model summary with switches for the classic mistakes (each mutant turns one on)."""
import math

import torch
from torch import nn
from torch.func import functional_call

FLAGS = ("shared_twice", "flops", "bias", "registration_order", "containers", "real", "move", "keep_hooks")


def macs_of(module, inp, out, flops=False, bias=False):
    if isinstance(module, nn.Linear):
        n = out.numel() * module.in_features
    elif isinstance(module, (nn.Conv1d, nn.Conv2d)):
        n = out.numel() * (module.in_channels // module.groups) * math.prod(module.kernel_size)
    elif isinstance(module, nn.ConvTranspose2d):
        n = inp.numel() * (module.out_channels // module.groups) * math.prod(module.kernel_size)
    else:
        return 0
    if bias and module.bias is not None:
        n += out.numel()
    return 2 * n if flops else n


def summary(model, input_shape, **on):
    g = {k.upper(): on.get(k, False) for k in FLAGS}
    rows, counted = [], set()
    names = {m: name for name, m in model.named_modules()}

    def hook(module, args, out):
        fresh = [p for p in module.parameters() if g["SHARED_TWICE"] or id(p) not in counted]
        counted.update(id(p) for p in fresh)
        rows.append({"name": names[module], "type": type(module).__name__, "output_shape": tuple(out.shape),
                     "params": sum(p.numel() for p in fresh),
                     "macs": macs_of(module, args[0], out, g["FLOPS"], g["BIAS"])})

    chosen = list(names) if g["CONTAINERS"] else [m for m in names if not any(m.children())]
    handles = [m.register_forward_hook(hook) for m in chosen]
    try:
        with torch.no_grad():
            if g["REAL"]:
                model(torch.zeros(input_shape))
            elif g["MOVE"]:
                model.to("meta")(torch.empty(input_shape, device="meta"))
            else:
                state = {k: torch.empty_like(t, device="meta") for k, t in [*model.named_parameters(), *model.named_buffers()]}
                functional_call(model, state, (torch.empty(input_shape, device="meta"),), tie_weights=True)
    finally:
        if not g["KEEP_HOOKS"]:
            for h in handles:
                h.remove()
    if g["REGISTRATION_ORDER"]:
        order = {m: i for i, m in enumerate(names)}
        by_name = {n: m for m, n in names.items()}
        first = {}
        for r in rows:
            first.setdefault(r["name"], r)
        rows = sorted(first.values(), key=lambda r: order[by_name[r["name"]]])
    return rows
