"""theta_i = base ** (-i / D): torch.arange(D // 2) / D instead of torch.arange(0, D, 2) / D."""
from _base import rope

EXPECTED_MISTAKE = "frequencies base^(-i/D) instead of base^(-2i/D)"


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    return rope(x, positions, base, interleaved, step=1)
