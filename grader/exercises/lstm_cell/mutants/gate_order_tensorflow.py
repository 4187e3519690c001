"""Reads the gates in TensorFlow's LSTMCell order (i, g, f, o)."""
from _base import cell

EXPECTED_MISTAKE = "gate order mixed up"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, order="igfo")
