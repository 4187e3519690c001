"""Right answer through torch.lstm_cell."""
import torch

EXPECTED_MISTAKE = "calls the function it re-implements"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    return torch.lstm_cell(x, (h, c), weight_ih, weight_hh, bias_ih, bias_hh)
