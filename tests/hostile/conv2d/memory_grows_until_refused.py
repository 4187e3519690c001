"""Allocates (and touches) 64 MB at a time until the memory cap refuses."""
import numpy as np

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "out of memory"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    hoard = []
    while True:
        hoard.append(np.ones(8 * 2**20))
