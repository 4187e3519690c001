"""F.linear for both products."""
import torch
import torch.nn.functional as F


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return torch.tanh(F.linear(x, weight_ih, bias_ih) + F.linear(h, weight_hh, bias_hh))
