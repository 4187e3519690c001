"""Two mistakes at once: the floor formula with neither dilation nor ceil_mode. No single variant gives
its answers on the whole grid, so it was once named nothing; dilation ignored explains the most of
its wrong answers (ceil_mode ignored the rest)."""

EXPECTED_MISTAKE = "dilation ignored"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    step = kernel_size if stride is None else stride
    return (size + 2 * padding - kernel_size) // step + 1
