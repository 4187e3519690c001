"""lr_schedule with the mistake: min_lr ignored."""
from _base import schedule

EXPECTED_MISTAKE = "min_lr ignored"


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    return schedule(step, base_lr, warmup_steps, total_steps, min_lr, floor=False)
