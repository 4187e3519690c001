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
    """Advance a vanilla (Elman) RNN by one time step, as nn.RNNCell(nonlinearity="tanh") does.

        h_new = tanh(x @ weight_ih^T + bias_ih + h @ weight_hh^T + bias_hh)

    Args:
        x: input of shape (B, input_size), or (input_size,) for one unbatched sample
            (then h is (hidden_size,) and so is the result).
        h: hidden state, shape (B, hidden_size).
        weight_ih: shape (hidden_size, input_size) (nn.RNNCell.weight_ih: out x in, like
            nn.Linear, so it is TRANSPOSED in the product).
        weight_hh: shape (hidden_size, hidden_size).
        bias_ih, bias_hh: shape (hidden_size,) each, or None for no bias (both are None for
            nn.RNNCell(bias=False)).

    Returns:
        h_new, of h's shape, x's dtype and device.

    Rules:
        - Do not use nn.RNNCell, nn.RNN, torch.rnn_tanh_cell or torch._VF.rnn_tanh_cell, nor
          torch's other RNN functions.
          torch.tanh is allowed (and stable for large inputs: the checks include saturated
          units, where a hand-written (e^x - e^-x) / (e^x + e^-x) gives NaN).
        - Do not modify the inputs.
        - The speed check times float32 x of shape (512, 128) (B=512, input_size=hidden_size=128)
          against nn.RNNCell on one CPU thread (limit 3x), and B=4096 with 1024 features on
          CUDA where a GPU is present (limit 5x): two matmuls are fast; a loop over the batch
          or the hidden units is not.
    """
    # TODO: two matmuls (weights transposed), both biases, then tanh.
    raise NotImplementedError("rnn_cell: implement it in exercises/rnn_cell.py")
