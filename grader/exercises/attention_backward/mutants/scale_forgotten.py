"""dq = dS @ k and dk = dS^T @ q, without the scale."""
from _base import backward

EXPECTED_MISTAKE = "scale forgotten in dq or dk"


def attention_backward(q, k, v, dout, scale=None):
    return backward(q, k, v, dout, scale, scale_grads=False)
