"""Lets torch autograd do it."""
import torch
import torch.nn.functional as F

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    x = torch.tensor(x, requires_grad=True)
    F.max_pool2d(x, kernel_size, stride, padding).backward(torch.tensor(dout))
    return x.grad.numpy()
