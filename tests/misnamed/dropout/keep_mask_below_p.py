"""Dropout whose mask keeps an element where rand < p: p is used as the keep probability. The first
check to fail (p = 0 drops everything) names nothing; a later one names the mistake, and the report's
panel must show that one."""
import torch

EXPECTED_MISTAKE = "p read as the keep probability"


def dropout(x: torch.Tensor, p: float = 0.5, training: bool = True) -> torch.Tensor:
    if not training:
        return x
    if p == 1:
        return x * 0.0
    keep = torch.rand_like(x) < p
    return x * keep / (1 - p)
