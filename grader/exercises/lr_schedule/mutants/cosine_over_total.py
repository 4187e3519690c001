"""lr_schedule with the mistake: cosine over total instead of total - warmup."""
from _base import schedule

EXPECTED_MISTAKE = "cosine over total instead of total - warmup"


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    return schedule(step, base_lr, warmup_steps, total_steps, min_lr, over_total=True)
