"""g through sigmoid like the other gates."""
import torch
from _base import cell

EXPECTED_MISTAKE = "sigmoid on the candidate g"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, g_act=torch.sigmoid)
