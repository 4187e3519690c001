import numpy as np

EXPECTED = "line 8"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    return np.zeros((N, C)) @ np.zeros((3, 4, 5))  # shapes do not match
