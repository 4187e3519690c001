"""Not a mutant: a correct RoPE with one switch per classic mistake, so each mutant differs by one."""
import torch


def rope(x, positions, base=10000.0, interleaved=False, *, step=2, sign=1.0, table=None, arange=False):
    T, D = x.shape[-2:]
    theta = base ** (-step * torch.arange(D // 2, device=x.device, dtype=torch.float64) / D)
    pos = torch.arange(T, device=x.device) if arange else positions
    ang = (sign * pos.to(torch.float64)[:, None] * theta).to(x.dtype)
    table = interleaved if table is None else table
    ang = ang.repeat_interleave(2, -1) if table else torch.cat((ang, ang), -1)
    if interleaved:
        rot = torch.stack((-x[..., 1::2], x[..., 0::2]), -1).flatten(-2)
    else:
        rot = torch.cat((-x[..., D // 2:], x[..., :D // 2]), -1)
    return x * ang.cos() + rot * ang.sin()
