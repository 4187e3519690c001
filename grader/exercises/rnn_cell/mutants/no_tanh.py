"""Returns the pre-activation: no tanh."""
from _base import cell

EXPECTED_MISTAKE = "tanh missing"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, act=lambda t: t)
