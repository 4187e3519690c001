"""Blocks in time.sleep: the per-check time-out interrupts it."""
import time

EXPECTED_REASON = "timeout"
EXPECTED_MESSAGE = "timed out"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    time.sleep(3600)
