"""Not a mutant: a correct cached attention with one switch per classic mistake, so each mutant differs by one."""
import math

import torch
from torch import nn


class Base(nn.Module):
    mask = "bottom-right"  # "top-left", "top-left when T_new > 1", "none"
    new_first = False
    use_cache = True
    update = True
    recompute = False

    def __init__(self, d_model, n_heads):
        super().__init__()
        self.n_heads, self.head_dim = n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)

    def heads(self, x):
        B, T, C = x.shape
        return [t.view(B, T, self.n_heads, self.head_dim).transpose(1, 2) for t in self.qkv(x).split(C, dim=-1)]

    def forward(self, x, cache=None):
        B, Tn, C = x.shape
        if self.recompute:  # keeps every input seen so far and runs qkv over all of it again
            self.seen = x if cache is None else torch.cat((self.seen, x), dim=1)
            q, k, v = self.heads(self.seen)
            q = q[:, :, -Tn:]
        else:
            q, k, v = self.heads(x)
            if cache is not None:
                pairs = ((k, cache[0]), (v, cache[1])) if self.new_first else ((cache[0], k), (cache[1], v))
                k, v = (torch.cat(p, dim=2) for p in pairs)
        kk, vv = (k, v) if self.use_cache else (k[:, :, -Tn:], v[:, :, -Tn:])
        S = kk.shape[2]
        diagonal = {"bottom-right": S - Tn, "top-left": 0, "top-left when T_new > 1": 0 if Tn > 1 else S,
                    "none": S}[self.mask]
        att = q @ kk.transpose(-2, -1) / math.sqrt(self.head_dim)
        att = att.masked_fill(~torch.ones(Tn, S, dtype=torch.bool, device=x.device).tril(diagonal), float("-inf"))
        y = (att.softmax(-1) @ vv).transpose(1, 2).reshape(B, Tn, C)
        return self.proj(y), ((k, v) if self.update else cache)
