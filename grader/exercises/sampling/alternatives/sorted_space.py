"""Everything in sorted space: sort once, filter there, sample a rank, map it back with gather."""
import torch


def filter_logits(logits, top_k=None, top_p=None):
    s, idx = torch.sort(logits, dim=-1, descending=True, stable=True)  # (B, V)
    drop = torch.zeros_like(s, dtype=torch.bool)
    if top_k is not None and top_k < s.shape[-1]:
        drop |= s < s[..., top_k - 1:top_k]
    if top_p is not None and top_p < 1.0:
        p = s.masked_fill(drop, float("-inf")).softmax(-1)
        drop |= (p.cumsum(-1) - p) >= top_p
        drop[..., 0] = False
    out = torch.empty_like(logits)
    return out.scatter_(-1, idx, s.masked_fill(drop, float("-inf")))


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, generator=None):
    if temperature == 0:
        return torch.argmax(logits, dim=-1)
    probs = torch.softmax(filter_logits(logits / temperature, top_k, top_p), dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator)[:, 0]
