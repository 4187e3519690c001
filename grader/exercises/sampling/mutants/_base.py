"""Sampling with switches for the mutants."""
import torch


def filter_logits_with(logits, top_k=None, top_p=None, *, crossing=False, p_first=False, fill=float("-inf"),
                       exact_k=False):
    out = logits.clone()
    V = logits.shape[-1]
    if top_k is not None and top_k < V:
        if exact_k:
            idx = torch.topk(out, top_k, dim=-1).indices
            keep = torch.zeros_like(out, dtype=torch.bool).scatter(-1, idx, True)
            k_mask = ~keep
        else:
            k_mask = out < torch.topk(out, top_k, dim=-1).values[..., -1:]
    else:
        k_mask = torch.zeros_like(out, dtype=torch.bool)
    if not p_first:
        out = out.masked_fill(k_mask, fill)
    if top_p is not None and top_p < 1.0:
        probs = (logits if p_first else out.masked_fill(k_mask, float("-inf"))).softmax(-1)
        p, idx = torch.sort(probs, dim=-1, descending=True, stable=True)
        c = p.cumsum(-1)
        drop = c > top_p if crossing else (c - p) >= top_p
        drop[..., 0] = False
        out = out.masked_fill(drop.scatter(-1, idx, drop), fill)
    if p_first:
        out = out.masked_fill(k_mask, fill)
    return out


def sample_with(logits, temperature=1.0, top_k=None, top_p=None, generator=None, *, scale="divide",
                after=False, use_generator=True, **filter_switches):
    if temperature == 0:
        return logits.argmax(-1)
    if after:
        f = filter_logits_with(logits, top_k, top_p, **filter_switches) / temperature
    else:
        z = {"divide": logits / temperature, "ignore": logits, "multiply": logits * temperature}[scale]
        f = filter_logits_with(z, top_k, top_p, **filter_switches)
    return torch.multinomial(f.softmax(-1), 1, generator=generator if use_generator else None).squeeze(-1)
