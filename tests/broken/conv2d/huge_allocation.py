import numpy as np

EXPECTED = "out of memory"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    big = np.ones((64, 2**30), dtype=np.float64)  # 512 GiB
    return big
