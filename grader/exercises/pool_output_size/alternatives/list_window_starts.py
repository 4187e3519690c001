"""Correct: walks the window starts one by one, as the docstring describes them."""


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = kernel_size if stride is None else stride
    last_start = size + 2 * padding - (dilation * (kernel_size - 1) + 1)  # last start of a full window
    count, start = 0, 0
    # A full window always counts; in ceil mode so does one partial window past the last full one,
    # provided it starts inside the input or the left padding.
    while start <= last_start or (ceil_mode and start < last_start + stride and start < size + padding):
        count += 1
        start += stride
    return count
