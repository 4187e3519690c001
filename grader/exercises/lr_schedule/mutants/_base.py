"""The schedule with switches for the mutants."""
import math


def schedule(step, base_lr, warmup_steps, total_steps, min_lr=0.0, *, plus_one=False, over_total=False,
             floor=True, clamp=True):
    if clamp and step >= total_steps:
        return float(min_lr)
    if step < warmup_steps:
        return base_lr * (step + 1 if plus_one else step) / warmup_steps
    lo = min_lr if floor else 0.0
    progress = (step - warmup_steps) / (total_steps if over_total else total_steps - warmup_steps)
    return lo + (base_lr - lo) * 0.5 * (1 + math.cos(math.pi * progress))
