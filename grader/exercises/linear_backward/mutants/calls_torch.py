"""Lets torch autograd do it."""
import torch

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def linear_backward(x, W, b, dout):
    x, W, b = (torch.tensor(a, requires_grad=True) for a in (x, W, b))
    (x @ W + b).backward(torch.tensor(dout))
    return x.grad.numpy(), W.grad.numpy(), b.grad.numpy()
