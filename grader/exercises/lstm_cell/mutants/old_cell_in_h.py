"""h_new = o * tanh(c), the old cell state."""
from _base import cell

EXPECTED_MISTAKE = "old cell state used for h"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, new_c_in_h=False)
