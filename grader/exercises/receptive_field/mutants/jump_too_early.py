"""Multiplies the jump by the layer's stride before growing r with it."""
EXPECTED_MISTAKE = "jump updated too early"


def receptive_field(layers):
    r, j = 1, 1
    for layer in layers:
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) > 2 else 1
        j *= s
        r += (k - 1) * d * j
    return r
