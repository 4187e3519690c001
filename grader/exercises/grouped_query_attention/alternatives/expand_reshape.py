"""Correct: key/value expanded on a new axis after the head axis, then flattened (same order as repeat_interleave)."""
import torch


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    B, Hkv, S, E = key.shape
    G, L = query.shape[1] // Hkv, query.shape[2]
    k = key[:, :, None].expand(B, Hkv, G, S, E).reshape(B, Hkv * G, S, E)
    v = value[:, :, None].expand(B, Hkv, G, S, value.shape[-1]).reshape(B, Hkv * G, S, value.shape[-1])
    w = torch.matmul(query, k.transpose(2, 3)) * (E ** -0.5 if scale is None else scale)
    if is_causal:
        w = w + torch.full((L, S), float("-inf"), dtype=w.dtype, device=w.device).triu(1)
    w = torch.exp(w - w.amax(-1, keepdim=True))
    return torch.matmul(w / w.sum(-1, keepdim=True), v)
