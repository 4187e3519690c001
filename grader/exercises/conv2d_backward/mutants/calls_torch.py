"""Lets torch autograd do it."""
import torch
import torch.nn.functional as F

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    x, w = torch.tensor(x, requires_grad=True), torch.tensor(weight, requires_grad=True)
    b = torch.zeros(w.shape[0], dtype=w.dtype, requires_grad=True)
    F.conv2d(x, w, b, stride=stride, padding=padding).backward(torch.tensor(dout))
    return x.grad.numpy(), w.grad.numpy(), b.grad.numpy()
