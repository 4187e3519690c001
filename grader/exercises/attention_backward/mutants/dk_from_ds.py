"""dk = dS @ q: dS not transposed (a crash when L != S)."""
from _base import backward

EXPECTED_MISTAKE = "wrong transpose"


def attention_backward(q, k, v, dout, scale=None):
    return backward(q, k, v, dout, scale, dk_from="dS")
