"""Forgets the recurrent term h @ W_hh^T."""
from _base import cell

EXPECTED_MISTAKE = "previous hidden state ignored"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, use_h=False)
