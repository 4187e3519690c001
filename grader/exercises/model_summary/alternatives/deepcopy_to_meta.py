"""Hooks on a meta deep copy of the model; parameters counted on the original, matched by name."""
import copy
import math

import torch
from torch import nn


def model_summary(model, input_shape):
    meta = copy.deepcopy(model).to("meta")
    real = dict(model.named_modules())
    names = {m: n for n, m in meta.named_modules()}
    rows, seen = [], set()

    def hook(module, args, out):
        original = real[names[module]]
        new = [p for p in original.parameters() if id(p) not in seen]
        seen.update(map(id, new))
        if isinstance(module, nn.Linear):
            macs = out.numel() * module.in_features
        elif isinstance(module, nn.ConvTranspose2d):
            macs = args[0].numel() * module.out_channels // module.groups * math.prod(module.kernel_size)
        elif isinstance(module, (nn.Conv1d, nn.Conv2d)):
            macs = out.numel() * module.in_channels // module.groups * math.prod(module.kernel_size)
        else:
            macs = 0
        rows.append(dict(name=names[module], type=type(module).__name__, output_shape=tuple(out.shape),
                         params=sum(p.numel() for p in new), macs=macs))

    for m in meta.modules():
        if len(list(m.children())) == 0:
            m.register_forward_hook(hook)  # the copy is thrown away: its hooks go with it
    with torch.no_grad():
        meta(torch.empty(*input_shape, device="meta"))
    return rows
