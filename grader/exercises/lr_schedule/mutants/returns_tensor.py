"""Returns a 0-d tensor, not a float: rejected (the rules and the type check)."""
import math

import torch

EXPECTED_MISTAKE = None


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return torch.tensor(base_lr * step / warmup_steps)
    if step >= total_steps:
        return torch.tensor(min_lr)
    p = (step - warmup_steps) / (total_steps - warmup_steps)
    return torch.tensor(min_lr + (base_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * p)))
