"""The wrapper adds in torch: x + y, and no kernel at all."""
import torch  # noqa: F401

EXPECTED_MISTAKE = "calls the function it re-implements"


def vector_add(x, y):
    return x + y
