"""Sampling by the inverse CDF (one uniform per row from the generator and searchsorted), top-p by a
threshold on the sorted probabilities."""
import torch


def filter_logits(logits, top_k=None, top_p=None):
    out = logits.clone()
    if top_k is not None and top_k < out.shape[-1]:
        kth = out.topk(top_k, dim=-1).values.min(dim=-1, keepdim=True).values
        out[out < kth] = float("-inf")
    if top_p is not None and top_p < 1.0:
        probs = out.softmax(dim=-1)
        sp, order = probs.sort(dim=-1, descending=True, stable=True)
        keep_sorted = (sp.cumsum(-1) - sp) < top_p
        keep_sorted[:, 0] = True
        keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
        out[~keep] = float("-inf")
    return out


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, generator=None):
    if temperature == 0:
        return logits.argmax(dim=-1)
    probs = filter_logits(logits / temperature, top_k, top_p).softmax(-1)
    cdf = probs.cumsum(-1)
    u = torch.rand(probs.shape[0], 1, generator=generator, device=probs.device, dtype=probs.dtype) * cdf[:, -1:]
    return torch.searchsorted(cdf, u, right=True).squeeze(-1).clamp_(max=probs.shape[-1] - 1)
