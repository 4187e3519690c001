"""The wrapper calls torch.softmax."""
import torch

EXPECTED_MISTAKE = "calls the function it re-implements"


def softmax(x):
    return torch.softmax(x, -1)
