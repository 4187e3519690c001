"""Reads the weight as (C_out, C_in, kH, kW), as in conv2d: crashes unless C_in == C_out, wrong when equal."""
from _base import pair, scatter

EXPECTED_MISTAKE = "weight axes swapped (C_in/C_out)"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    full = scatter(x, weight.transpose(1, 0, 2, 3), sH, sW)
    return full[:, :, pH:full.shape[2] - pH, pW:full.shape[3] - pW]
