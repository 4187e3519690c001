"""Lets torch autograd do it."""
import torch
import torch.nn.functional as F

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    x, gamma = torch.tensor(x, requires_grad=True), torch.tensor(gamma, requires_grad=True)
    beta = torch.zeros_like(gamma, requires_grad=True)
    F.layer_norm(x, gamma.shape, gamma, beta, eps).backward(torch.tensor(dout))
    return x.grad.numpy(), gamma.grad.numpy(), beta.grad.numpy()
