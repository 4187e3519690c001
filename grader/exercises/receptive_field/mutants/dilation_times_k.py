"""Takes the dilated kernel's span as d*k."""
EXPECTED_MISTAKE = "dilated span as d*k"


def receptive_field(layers):
    r, j = 1, 1
    for layer in layers:
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) > 2 else 1
        r += (d * k - 1) * j
        j *= s
    return r
