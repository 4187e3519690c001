"""ceil_mode by adding stride - 1 before the floor division, and the "last window starts inside" rule
applied only when there is padding (as an old library did): wrong only where padding is 0 and the rule
drops a window. Once named nothing (no variant gives its answers everywhere)."""

EXPECTED_MISTAKE = "ceil_mode rule missing"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    step = kernel_size if stride is None else stride
    span = dilation * (kernel_size - 1) + 1
    out = (size + 2 * padding - span + (step - 1 if ceil_mode else 0)) // step + 1
    if padding and (out - 1) * step >= size + padding:
        out -= 1
    return out
