"""One global forward hook (every module's calls), kept to this model's leaves; weights swapped to meta."""
import torch
from torch import nn
from torch.func import functional_call


def _macs(m, x, y):
    if isinstance(m, nn.Linear):
        return y.numel() * m.weight.shape[1]
    if isinstance(m, nn.ConvTranspose2d):
        return x.numel() * m.weight[0].numel()  # weight (C_in, C_out / groups, kh, kw)
    if isinstance(m, (nn.Conv1d, nn.Conv2d)):
        return y.numel() * m.weight[0].numel()  # weight (C_out, C_in / groups, *kernel)
    return 0


def model_summary(model, input_shape):
    leaves = {}
    for name, m in model.named_modules():
        if not list(m.children()) and m not in leaves:
            leaves[m] = name
    owned = {m: list(m.parameters()) for m in leaves}  # the real ones: functional_call swaps them out
    rows, done = [], set()

    def hook(m, args, y):
        if m in leaves:
            ps = [p for p in owned[m] if id(p) not in done]
            done.update(id(p) for p in ps)
            rows.append({"name": leaves[m], "type": m.__class__.__name__, "output_shape": tuple(y.shape),
                         "params": sum(map(torch.Tensor.numel, ps)), "macs": _macs(m, args[0], y)})

    handle = torch.nn.modules.module.register_module_forward_hook(hook)
    try:
        meta = {k: v.to("meta") for k, v in model.state_dict(keep_vars=True).items()}
        functional_call(model, meta, torch.empty(input_shape, device="meta"), tie_weights=False)
    finally:
        handle.remove()
    return rows
