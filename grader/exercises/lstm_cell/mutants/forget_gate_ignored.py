"""c_new = c + i * g."""
from _base import cell

EXPECTED_MISTAKE = "forget gate not applied"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, forget=False)
