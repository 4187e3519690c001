"""One step of an Elman RNN, exactly like torch.nn.RNNCell (tanh)."""
from __future__ import annotations

import torch


def rnn_cell(
    x: torch.Tensor,
    h: torch.Tensor,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias_ih: torch.Tensor | None,
    bias_hh: torch.Tensor | None,
) -> torch.Tensor:
    """Reference solution: two matmuls, the biases, a tanh."""
    pre = x @ weight_ih.T + h @ weight_hh.T  # (B, I) @ (I, H) + (B, H) @ (H, H) -> (B, H)
    if bias_ih is not None:
        pre = pre + bias_ih
    if bias_hh is not None:
        pre = pre + bias_hh
    return torch.tanh(pre)
