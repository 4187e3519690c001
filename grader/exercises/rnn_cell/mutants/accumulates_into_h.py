"""Accumulates into the caller's h."""
import torch

EXPECTED_MISTAKE = "input modified in place"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    pre = x @ weight_ih.T + h @ weight_hh.T
    if bias_ih is not None:
        pre = pre + bias_ih + bias_hh
    return h.copy_(torch.tanh(pre))
