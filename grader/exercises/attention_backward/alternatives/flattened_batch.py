"""Leading dims flattened into one batch, torch.bmm, shapes restored."""
import math

import torch


def attention_backward(q, k, v, dout, scale=None):
    *lead, L, E = q.shape
    S, Ev = k.shape[-2], v.shape[-1]
    scale = 1 / math.sqrt(E) if scale is None else scale
    q3, k3, v3, d3 = q.reshape(-1, L, E), k.reshape(-1, S, E), v.reshape(-1, S, Ev), dout.reshape(-1, L, Ev)
    P = torch.softmax(torch.bmm(q3, k3.transpose(1, 2)) * scale, dim=-1)
    dP = torch.bmm(d3, v3.transpose(1, 2))
    dS = P * dP - P * (P * dP).sum(-1, keepdim=True)
    dq = torch.bmm(dS, k3) * scale
    dk = torch.bmm(dS.transpose(1, 2), q3) * scale
    dv = torch.bmm(P.transpose(1, 2), d3)
    return dq.reshape(q.shape), dk.reshape(k.shape), dv.reshape(v.shape)
