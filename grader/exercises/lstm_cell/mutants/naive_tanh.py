"""tanh written with exp(): inf / inf = NaN for large pre-activations."""
import torch
from _base import cell

EXPECTED_MISTAKE = "unstable tanh or sigmoid"


def tanh(t):
    return (torch.exp(t) - torch.exp(-t)) / (torch.exp(t) + torch.exp(-t))


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, g_act=tanh, tanh=tanh)
