"""HF-style: a (T, D) cos/sin table and rotate_half (or its interleaved twin), in x's dtype (HF keeps inv_freq in float32)."""
import torch


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    D = x.shape[-1]
    inv_freq = 1.0 / base ** (torch.arange(0, D, 2, device=x.device).to(x.dtype) / D)
    freqs = torch.outer(positions.to(x.dtype), inv_freq)
    if interleaved:
        emb = freqs.repeat_interleave(2, dim=-1)
        rot = torch.stack((-x[..., 1::2], x[..., ::2]), dim=-1).flatten(-2)
    else:
        emb = torch.cat((freqs, freqs), dim=-1)
        rot = torch.cat((-x[..., D // 2:], x[..., :D // 2]), dim=-1)
    return x * emb.cos() + rot * emb.sin()
