"""Replaces a missing bias by torch.zeros(H), without device=: right on a CPU-only machine, a crash with
the inputs on a GPU."""
import torch

EXPECTED_MISTAKE = None


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    H = weight_hh.shape[0]
    b_ih = torch.zeros(H, dtype=x.dtype) if bias_ih is None else bias_ih  # on the CPU whatever x's device
    b_hh = torch.zeros(H, dtype=x.dtype) if bias_hh is None else bias_hh
    return torch.tanh(x @ weight_ih.T + b_ih + h @ weight_hh.T + b_hh)
