"""Returns only h_new."""
from _base import cell

EXPECTED_MISTAKE = None


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh)[0]
