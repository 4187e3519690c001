"""torch.autograd.grad of the forward by hand."""
import math

import torch

EXPECTED_MISTAKE = "calls the function it re-implements"


def attention_backward(q, k, v, dout, scale=None):
    scale = 1 / math.sqrt(q.size(-1)) if scale is None else scale
    q, k, v = (t.detach().clone().requires_grad_(True) for t in (q, k, v))
    with torch.enable_grad():
        out = torch.softmax(q @ k.transpose(-2, -1) * scale, dim=-1) @ v
        return torch.autograd.grad(out, (q, k, v), dout)
