"""The fixed model with one bug: the future's scores are masked with 0 instead of -inf."""
import math

from _base import fixed

EXPECTED_MISTAKE = "bug: causal mask not applied as -inf"

_m = fixed("mask_not_inf")
GPTConfig, GPT = _m.GPTConfig, _m.GPT


class CausalSelfAttention(_m.CausalSelfAttention):
    def forward(self, x):
        B, T, C = x.shape
        q, k, v = (t.view(B, T, self.n_head, -1).transpose(1, 2) for t in self.qkv(x).split(C, dim=2))
        att = q @ k.transpose(-2, -1) / math.sqrt(k.size(-1))
        att = att.masked_fill(self.mask[:, :, :T, :T] == 0, 0.0)  # the bug
        y = att.softmax(dim=-1) @ v
        return self.proj(y.transpose(1, 2).reshape(B, T, C))


_m.CausalSelfAttention = CausalSelfAttention  # what the copy's Block builds
