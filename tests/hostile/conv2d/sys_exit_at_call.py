"""Calls sys.exit(0) instead of returning."""
import sys

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "sys.exit(0)"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sys.exit(0)
