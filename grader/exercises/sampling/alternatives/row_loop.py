"""A Python loop over the rows: correct, but too slow."""
import torch

TOO_SLOW = True


def filter_logits(logits, top_k=None, top_p=None):
    rows = []
    for row in logits:
        row = row.clone()
        if top_k is not None and top_k < row.numel():
            row[row < torch.topk(row, top_k).values[-1]] = float("-inf")
        if top_p is not None and top_p < 1.0:
            p, idx = torch.sort(row.softmax(-1), descending=True, stable=True)
            drop = (p.cumsum(0) - p) >= top_p
            drop[0] = False
            row[idx[drop]] = float("-inf")
        rows.append(row)
    return torch.stack(rows)


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, generator=None):
    if temperature == 0:
        return logits.argmax(-1)
    out = [torch.multinomial(filter_logits((r / temperature)[None], top_k, top_p)[0].softmax(-1), 1,
                             generator=generator) for r in logits]
    return torch.cat(out)
