"""One step of an LSTM, exactly like torch.nn.LSTMCell."""
from __future__ import annotations

import torch


def lstm_cell(
    x: torch.Tensor,
    h: torch.Tensor,
    c: torch.Tensor,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias_ih: torch.Tensor | None,
    bias_hh: torch.Tensor | None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Reference solution: all four gates from two matmuls, then split in torch's order i, f, g, o."""
    gates = x @ weight_ih.T + h @ weight_hh.T  # (B, I) @ (I, 4H) + (B, H) @ (H, 4H) -> (B, 4H)
    if bias_ih is not None:
        gates = gates + bias_ih
    if bias_hh is not None:
        gates = gates + bias_hh
    i, f, g, o = gates.chunk(4, dim=-1)  # each (B, H), in torch's order: input, forget, cell, output
    c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)  # forget some of c, write some of g
    h_new = torch.sigmoid(o) * torch.tanh(c_new)  # expose a squashed view of the new cell state
    return h_new, c_new
