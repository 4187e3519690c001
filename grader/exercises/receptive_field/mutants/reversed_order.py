"""Runs the forward recurrence over the layers from the output side."""
EXPECTED_MISTAKE = "layers walked from the output side"


def receptive_field(layers):
    r, j = 1, 1
    for layer in reversed(layers):
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) > 2 else 1
        r += (k - 1) * d * j
        j *= s
    return r
