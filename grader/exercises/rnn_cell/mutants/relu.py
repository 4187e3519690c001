"""ReLU instead of tanh."""
import torch
from _base import cell

EXPECTED_MISTAKE = "ReLU instead of tanh"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, act=torch.relu)
