"""tanh written with exp(): inf / inf = NaN for large inputs."""
import torch
from _base import cell

EXPECTED_MISTAKE = "unstable tanh"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, act=lambda t: (torch.exp(t) - torch.exp(-t)) / (torch.exp(t) + torch.exp(-t)))
