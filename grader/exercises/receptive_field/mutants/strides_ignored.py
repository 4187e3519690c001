"""Adds every kernel's k-1 as if all strides were 1."""
EXPECTED_MISTAKE = "strides ignored"


def receptive_field(layers):
    r = 1
    for layer in layers:
        k = layer[0]
        d = layer[2] if len(layer) > 2 else 1
        r += (k - 1) * d
    return r
