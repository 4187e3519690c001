"""Rounds the division to the nearest integer instead of flooring it (without ceil_mode)."""
EXPECTED_MISTAKE = "rounded instead of floored"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    if stride is None:
        stride = kernel_size
    span = dilation * (kernel_size - 1) + 1
    last_start = size + 2 * padding - span
    if not ceil_mode:
        return round(last_start / stride) + 1
    out = -(-last_start // stride) + 1
    if (out - 1) * stride >= size + padding:
        out -= 1
    return out
