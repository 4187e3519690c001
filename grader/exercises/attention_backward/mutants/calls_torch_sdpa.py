"""Autograd through torch's own attention."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def attention_backward(q, k, v, dout, scale=None):
    q, k, v = (t.detach().clone().requires_grad_() for t in (q, k, v))
    F.scaled_dot_product_attention(q, k, v, scale=scale).backward(dout)
    return q.grad, k.grad, v.grad
