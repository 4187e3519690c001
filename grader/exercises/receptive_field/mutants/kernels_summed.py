"""Adds the kernel sizes (times the jump) instead of k - 1, starting from 0."""
EXPECTED_MISTAKE = "kernel sizes summed"


def receptive_field(layers):
    r, j = 0, 1
    for layer in layers:
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) > 2 else 1
        r += k * j
        j *= s
    return r
