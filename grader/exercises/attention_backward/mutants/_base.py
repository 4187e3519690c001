"""Not a mutant: a correct attention backward with one switch per classic mistake, so each mutant differs by one."""
import math

import torch


def backward(q, k, v, dout, scale=None, *, row_term=True, scale_grads=True, dk_from="dS^T"):
    scale = 1 / math.sqrt(q.size(-1)) if scale is None else scale
    P = torch.softmax(q @ k.transpose(-2, -1) * scale, dim=-1)
    dv = P.transpose(-2, -1) @ dout
    dP = dout @ v.transpose(-2, -1)
    dS = P * (dP - (P * dP).sum(-1, keepdim=True)) if row_term else P * dP
    f = scale if scale_grads else 1.0
    dq = dS @ k * f
    dk = (dS.transpose(-2, -1) if dk_from == "dS^T" else dS) @ q * f
    return dq, dk, dv
