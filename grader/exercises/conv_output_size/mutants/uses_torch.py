"""Right answer, but computed by running torch: the rules check rejects it."""
import torch

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    x = torch.zeros(1, 1, size)
    w = torch.zeros(1, 1, kernel_size)
    return torch.nn.functional.conv1d(x, w, stride=stride, padding=padding, dilation=dilation).shape[-1]
