"""Unpacks every layer as (k, s): crashes on a 3-tuple."""
EXPECTED_MISTAKE = None


def receptive_field(layers):
    r, j = 1, 1
    for k, s in layers:
        r += (k - 1) * j
        j *= s
    return r
