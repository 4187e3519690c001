"""Minutes inside one NumPy call (a naive O(n^4) einsum): signals wait for C code, so only the hard kill ends it."""
import numpy as np

EXPECTED_REASON = "timeout"
EXPECTED_MESSAGE = "did not finish within"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    a = np.ones((600, 600))
    return np.einsum("ij,jk,kl->il", a, a, a, optimize=False)  # ~10^11 multiply-adds in one C loop
