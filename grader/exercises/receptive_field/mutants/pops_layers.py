"""Right values, but empties the caller's list while reading it."""
EXPECTED_MISTAKE = "input modified in place"


def receptive_field(layers):
    r, j = 1, 1
    while layers:
        layer = layers.pop(0)
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) > 2 else 1
        r += (k - 1) * d * j
        j *= s
    return r
