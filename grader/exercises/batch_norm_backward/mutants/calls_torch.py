"""Lets torch autograd do it."""
import torch
import torch.nn.functional as F

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    x, gamma = torch.tensor(x, requires_grad=True), torch.tensor(gamma, requires_grad=True)
    beta = torch.zeros_like(gamma, requires_grad=True)
    F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps).backward(torch.tensor(dout))
    return x.grad.numpy(), gamma.grad.numpy(), beta.grad.numpy()
