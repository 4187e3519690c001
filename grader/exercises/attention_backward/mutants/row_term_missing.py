"""dS = P * dP: the softmax Jacobian's -p p^T part dropped."""
from _base import backward

EXPECTED_MISTAKE = "softmax Jacobian's row term missing"


def attention_backward(q, k, v, dout, scale=None):
    return backward(q, k, v, dout, scale, row_term=False)
