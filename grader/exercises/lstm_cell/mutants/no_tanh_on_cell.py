"""h_new = o * c_new."""
from _base import cell

EXPECTED_MISTAKE = "tanh of the cell state missing"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, tanh_c=False)
