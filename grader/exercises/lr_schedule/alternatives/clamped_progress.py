"""One formula: warm-up factor and a progress clamped to [0, 1] (no branch for the tail)."""
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return step / warmup_steps * base_lr
    t = min(max((step - warmup_steps) / (total_steps - warmup_steps), 0.0), 1.0)
    return min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * t))
