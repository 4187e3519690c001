"""Right answer through nn.LSTMCell, imported by name."""
import torch
from torch.nn import LSTMCell

EXPECTED_MISTAKE = "calls the function it re-implements"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    cell = LSTMCell(weight_ih.shape[1], weight_hh.shape[1], bias=bias_ih is not None, dtype=x.dtype, device=x.device)
    with torch.no_grad():
        cell.weight_ih.copy_(weight_ih)
        cell.weight_hh.copy_(weight_hh)
        if bias_ih is not None:
            cell.bias_ih.copy_(bias_ih)
            cell.bias_hh.copy_(bias_hh)
        return cell(x, (h, c))
