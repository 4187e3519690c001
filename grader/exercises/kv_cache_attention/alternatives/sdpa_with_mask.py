"""F.scaled_dot_product_attention with an explicit bottom-right mask; is_causal=True only without a cache."""
import torch
import torch.nn.functional as F
from _layers import Layers


class CachedCausalSelfAttention(Layers):
    def forward(self, x, cache=None):
        B, T, C = x.shape
        q, k, v = self.qkv(x).view(B, T, 3, self.n_heads, C // self.n_heads).permute(2, 0, 3, 1, 4)
        if cache is None:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:
            k, v = torch.cat([cache[0], k], 2), torch.cat([cache[1], v], 2)
            S = k.shape[2]
            mask = torch.ones(T, S, dtype=torch.bool, device=x.device).tril(S - T)
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.proj(y.transpose(1, 2).reshape(B, T, C)), (k, v)
