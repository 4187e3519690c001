"""Keeps every intermediate: 64 MB more per step until the memory cap refuses (np.empty: the cap
counts memory asked for, touched or not, so this is quick)."""
import numpy as np

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "out of memory"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    hoard = []
    while True:
        hoard.append(np.empty(8 * 2**20))
