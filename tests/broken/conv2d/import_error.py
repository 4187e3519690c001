import numpyy as np

EXPECTED = "No module named 'numpyy'"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return np.zeros(1)
