"""One query row at a time: the softmax Jacobian as a matrix diag(p) - p p^T."""
import math

import torch

TOO_SLOW = True


def attention_backward(q, k, v, dout, scale=None):
    scale = 1 / math.sqrt(q.size(-1)) if scale is None else scale
    dq = torch.empty_like(q)
    dk = torch.zeros_like(k)
    dv = torch.zeros_like(v)
    for i in range(q.size(-2)):
        qi, di = q[..., i, :], dout[..., i, :]  # (..., E), (..., Ev)
        p = torch.softmax((k @ qi.unsqueeze(-1)).squeeze(-1) * scale, dim=-1)  # (..., S)
        dv += p.unsqueeze(-1) * di.unsqueeze(-2)
        dp = (v @ di.unsqueeze(-1)).squeeze(-1)  # (..., S)
        jacobian = torch.diag_embed(p) - p.unsqueeze(-1) * p.unsqueeze(-2)  # (..., S, S)
        ds = (jacobian @ dp.unsqueeze(-1)).squeeze(-1)  # (..., S)
        dq[..., i, :] = (ds.unsqueeze(-2) @ k).squeeze(-2) * scale
        dk += ds.unsqueeze(-1) * qi.unsqueeze(-2) * scale
    return dq, dk, dv
