"""The eps argument ignored: a constant 1e-8 inside the square root, as some libraries write it."""
EXPECTED_MISTAKE = "eps argument ignored"


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    D = x.shape[-1]
    inv = 1.0 / (x.var(axis=-1, keepdims=True) + 1e-8) ** 0.5
    xhat = (x - x.mean(axis=-1, keepdims=True)) * inv
    g = dout * gamma
    dx = inv / D * (D * g - g.sum(axis=-1, keepdims=True) - xhat * (g * xhat).sum(axis=-1, keepdims=True))
    lead = tuple(range(x.ndim - 1))
    return dx, (dout * xhat).sum(axis=lead), dout.sum(axis=lead)
