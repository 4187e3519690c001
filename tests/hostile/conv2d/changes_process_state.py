"""Correct, but changes the working directory, environment, warnings, recursion limit, stdout and the seeds."""
import inspect
import os
import random
import sys
import tempfile
import warnings

import numpy as np
from _base import correct_conv2d

EXPECTED_REASON = None  # passes


def conv2d(x, weight, bias=None, stride=1, padding=0):
    out = correct_conv2d(x, weight, bias, stride, padding)
    os.chdir(tempfile.gettempdir())
    os.environ["PYTHONHASHSEED"] = "123"
    os.environ.pop("PATH", None)
    warnings.simplefilter("error")
    sys.stdout = None
    random.seed(0)
    np.random.seed(0)
    sys.modules["torch"].manual_seed(0)
    sys.setrecursionlimit(len(inspect.stack()) + 20)  # low enough to break pytest if it stayed
    return out
