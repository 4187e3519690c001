"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import torch


def pick(logp, target, ignore_index):
    """(keep mask, -logp at the true class), class axis 1, ignored targets read as class 0."""
    keep = target != ignore_index
    t = torch.where(keep, target, torch.zeros_like(target))
    return keep, -logp.gather(1, t.unsqueeze(1)).squeeze(1)


def reduce(loss, keep, reduction):
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / keep.sum()
