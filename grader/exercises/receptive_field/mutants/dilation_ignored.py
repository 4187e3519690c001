"""Reads only (kernel_size, stride) and drops the dilation."""
EXPECTED_MISTAKE = "dilation ignored"


def receptive_field(layers):
    r, j = 1, 1
    for k, s, *_ in layers:
        r += (k - 1) * j
        j *= s
    return r
