"""Asks for an array of terabytes: refused at once by the memory cap."""
import numpy as np

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "out of memory"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    return np.zeros((N, C, H * 10**5, W * 10**5)).sum()
