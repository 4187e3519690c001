"""x @ W_hh^T + h @ W_ih^T (only runs when input size = hidden size)."""
from _base import cell

EXPECTED_MISTAKE = "weight_ih and weight_hh swapped"


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, swap_weights=True)
