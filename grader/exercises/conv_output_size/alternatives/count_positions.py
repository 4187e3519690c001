"""Correct: counts the window positions one by one (fine for a formula exercise)."""


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    span = dilation * (kernel_size - 1) + 1
    count, start = 0, 0
    while start + span <= size + 2 * padding:
        count += 1
        start += stride
    return count
