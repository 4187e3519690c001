"""Calls torch.nn.functional.max_pool2d."""
import numpy as np
import torch
import torch.nn.functional as F

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def max_pool2d(x, kernel_size, stride=None, padding=0):
    return F.max_pool2d(torch.from_numpy(x), kernel_size, stride, padding).numpy()
