"""Adds only bias_hh."""
from _base import cell

EXPECTED_MISTAKE = "bias_ih ignored"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, use_bias_ih=False)
