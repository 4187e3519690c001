"""einsum scores and an additive -inf mask built from absolute positions (query T_past + i, key j)."""
import torch
from _layers import Layers


class CachedCausalSelfAttention(Layers):
    def forward(self, x, cache=None):
        B, T, C = x.shape
        H, D = self.n_heads, C // self.n_heads
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        q, k, v = (t.reshape(B, T, H, D) for t in (q, k, v))  # (B, T, H, D): time before heads here
        if cache is not None:
            k = torch.cat((cache[0].transpose(1, 2), k), dim=1)
            v = torch.cat((cache[1].transpose(1, 2), v), dim=1)
        past = k.shape[1] - T
        qpos = torch.arange(past, past + T, device=x.device)
        kpos = torch.arange(k.shape[1], device=x.device)
        bias = torch.zeros(T, k.shape[1], dtype=x.dtype, device=x.device).masked_fill(
            kpos[None, :] > qpos[:, None], float("-inf"))
        w = (torch.einsum("bihd,bjhd->bhij", q, k) * D ** -0.5 + bias).softmax(-1)
        y = torch.einsum("bhij,bjhd->bihd", w, v).reshape(B, T, C)
        return self.proj(y), (k.transpose(1, 2), v.transpose(1, 2))
