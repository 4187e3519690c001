"""lr_schedule with the mistake: not constant after total_steps."""
from _base import schedule

EXPECTED_MISTAKE = "not constant after total_steps"


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    return schedule(step, base_lr, warmup_steps, total_steps, min_lr, clamp=False)
