"""BatchNorm's backward: statistics over axis 0."""
EXPECTED_MISTAKE = "normalised over the wrong axis"


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    N = x.shape[0]
    inv = 1.0 / (x.var(axis=0, keepdims=True) + eps) ** 0.5
    xhat = (x - x.mean(axis=0, keepdims=True)) * inv
    g = dout * gamma
    dx = inv / N * (N * g - g.sum(axis=0, keepdims=True) - xhat * (g * xhat).sum(axis=0, keepdims=True))
    lead = tuple(range(x.ndim - 1))
    return dx, (dout * xhat).sum(axis=lead), dout.sum(axis=lead)
