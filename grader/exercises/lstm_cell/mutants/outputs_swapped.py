"""Returns (c_new, h_new)."""
from _base import cell

EXPECTED_MISTAKE = "h and c returned in the wrong order"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, swap_outputs=True)
