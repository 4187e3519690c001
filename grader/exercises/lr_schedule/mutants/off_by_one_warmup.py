"""lr_schedule with the mistake: off by one at the boundary."""
from _base import schedule

EXPECTED_MISTAKE = "off by one at the boundary"


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    return schedule(step, base_lr, warmup_steps, total_steps, min_lr, plus_one=True)
