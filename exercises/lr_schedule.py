"""Linear warm-up followed by cosine decay, the LLM pre-training schedule."""
from __future__ import annotations

import math  # noqa: F401


def warmup_cosine_lr(step: int, base_lr: float, warmup_steps: int, total_steps: int,
                     min_lr: float = 0.0) -> float:
    """The learning rate at optimiser step `step` (0-based) of a warm-up + cosine schedule.

    The schedule of GPT-3, LLaMA and nanoGPT (HF's get_cosine_schedule_with_warmup with a floor):

        step <  warmup_steps:                lr = base_lr * step / warmup_steps
        warmup_steps <= step < total_steps:  progress = (step - warmup_steps) / (total_steps - warmup_steps)
                                             lr = min_lr + (base_lr - min_lr) * 0.5 * (1 + cos(pi * progress))
        step >= total_steps:                 lr = min_lr

    So the warm-up rises linearly FROM 0 (step 0 gives 0.0), the cosine starts at exactly base_lr
    at step warmup_steps (progress 0) and would reach min_lr at step total_steps (progress 1), and the
    rate then stays constant at min_lr for every later step.

    Args:
        step: an int >= 0 (it may exceed total_steps).
        base_lr: the peak rate, a float > 0.
        warmup_steps: an int, 0 <= warmup_steps < total_steps. With 0 there is no warm-up: step 0
            gives base_lr.
        total_steps: an int > warmup_steps.
        min_lr: the floor, 0 <= min_lr <= base_lr.

    Returns:
        The learning rate as a Python float (checked to 1e-7 relative against a float64 reference
        and, where they coincide, torch.optim.lr_scheduler's CosineAnnealingLR and LinearLR).

    Rules:
        - No speed check: one scalar per call.
        - Plain Python: do not import torch (the math module is all you need).
        - Every step from 0 to past total_steps is checked, for warm-ups of 0, 1 and many steps.
    """
    # TODO: the three regimes above; return a float.
    raise NotImplementedError("lr_schedule: implement warmup_cosine_lr in exercises/lr_schedule.py")
