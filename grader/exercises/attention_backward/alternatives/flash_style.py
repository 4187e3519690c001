"""FlashAttention's form: the row term from rowsum(dout * out), which equals rowsum(P * dP)."""
import math

import torch


def attention_backward(q, k, v, dout, scale=None):
    scale = 1 / math.sqrt(q.size(-1)) if scale is None else scale
    S = torch.einsum("...le,...se->...ls", q, k) * scale
    P = torch.exp(S - S.amax(dim=-1, keepdim=True))
    P = P / P.sum(dim=-1, keepdim=True)
    out = P @ v
    D = (dout * out).sum(dim=-1, keepdim=True)
    dS = P * (torch.einsum("...lv,...sv->...ls", dout, v) - D)
    dq = torch.einsum("...ls,...se->...le", dS, k) * scale
    dk = torch.einsum("...ls,...le->...se", dS, q) * scale
    dv = torch.einsum("...ls,...lv->...sv", P, dout)
    return dq, dk, dv
