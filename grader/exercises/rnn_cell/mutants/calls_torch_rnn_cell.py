"""Right answer through torch.rnn_tanh_cell."""
import torch

EXPECTED_MISTAKE = "calls the function it re-implements"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return torch.rnn_tanh_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh)
