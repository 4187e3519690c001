"""Correct but slow: one Python iteration per row (2-D logits; higher ranks flattened first)."""
import torch

TOO_SLOW = True


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    C = logits.shape[0] if logits.dim() == 1 else logits.shape[1]
    rows = logits.reshape(1, C) if logits.dim() == 1 else logits.movedim(1, -1).reshape(-1, C)
    t = target.reshape(-1)
    out, n = [], 0
    for r, y in zip(rows, t.tolist()):
        if y == ignore_index:
            out.append(r.sum() * 0)
            continue
        lp = r - torch.logsumexp(r, 0)
        out.append(-(1 - label_smoothing) * lp[y] - label_smoothing * lp.mean())
        n += 1
    per = torch.stack(out)
    if reduction == "none":
        return per.reshape(target.shape)
    return per.sum() if reduction == "sum" else per.sum() / n
