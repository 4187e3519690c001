"""x @ W_ih instead of x @ W_ih.T (only runs when input size = hidden size)."""
from _base import cell

EXPECTED_MISTAKE = "weights not transposed"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, transpose=False)
