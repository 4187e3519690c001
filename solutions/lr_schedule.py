"""Linear warm-up followed by cosine decay, the LLM pre-training schedule."""
from __future__ import annotations

import math


def warmup_cosine_lr(step: int, base_lr: float, warmup_steps: int, total_steps: int,
                     min_lr: float = 0.0) -> float:
    """Reference solution: three regimes, each a closed form."""
    if step < warmup_steps:
        return base_lr * step / warmup_steps  # linear from 0
    if step >= total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)  # 0 -> 1 over the decay
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
