"""The cosine written as cos^2: 0.5 * (1 + cos(pi t)) = cos(pi t / 2)**2."""
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step >= total_steps:
        return float(min_lr)
    if step >= warmup_steps:
        half = math.pi * (step - warmup_steps) / (2 * (total_steps - warmup_steps))
        return min_lr + (base_lr - min_lr) * math.cos(half) ** 2
    return float(base_lr * step / warmup_steps)
