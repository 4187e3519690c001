"""Checks of exercises/conv_transpose_output_size.py against the shapes torch's transposed convolutions produce."""
from __future__ import annotations

import torch
from torch.nn.functional import conv_transpose1d as torch_conv_transpose1d  # bound before the learner's code

from grader.check import Cases, mistakes
from grader.check.family.pooling import Grid, torch_length

MISTAKE = mistakes("conv_transpose_output_size")


def _size(size, kernel_size, stride, padding, output_padding, dilation,
          steps=lambda n: n - 1, pad=-2, op=1, span=lambda k, d: d * (k - 1) + 1):
    return steps(size) * stride + pad * padding + span(kernel_size, dilation) + op * output_padding


def _variant(**change):
    return lambda size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1: _size(
        size, kernel_size, stride, padding, output_padding, dilation, **change)


VARIANTS = {
    MISTAKE.conv_formula: (lambda size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1:
                   (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1),
    MISTAKE.size_times_stride: _variant(steps=lambda n: n),
    MISTAKE.padding_added: _variant(pad=2),
    MISTAKE.padding_once: _variant(pad=-1),
    MISTAKE.no_output_padding: _variant(op=0),
    MISTAKE.output_padding_twice: _variant(op=2),
    MISTAKE.no_dilation: _variant(span=lambda k, d: k),
    MISTAKE.no_plus_one: _variant(span=lambda k, d: d * (k - 1)),
}


def torch_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    """The length torch's conv_transpose1d produces, or None where torch rejects the arguments."""
    return torch_length(torch_conv_transpose1d, torch.zeros(1, 1, size), torch.zeros(1, 1, kernel_size), stride=stride,
                        padding=padding, output_padding=output_padding, dilation=dilation)


GRID = Grid(torch_size, VARIANTS, oracle="conv_transpose1d",
            text="size <= 6, kernel <= 5, stride <= 4, padding <= 2, output_padding <= 2, dilation <= 3",
            size=range(1, 7), kernel_size=range(1, 6), stride=range(1, 5), padding=range(3), output_padding=range(3),
            dilation=range(1, 4))
full = GRID.case

NAMED_CASES = {
    "smallest: size 1, kernel 1": full(1, 1),
    "stride 1 undoes a 'valid' 3x3 conv: 3 -> 5": full(3, 3),
    "stride 1, padding 1 keeps the size: 5 -> 5": full(5, 3, 1, 1),
    "DCGAN: 4 -> 8 (4x4, stride 2, padding 1)": full(4, 4, 2, 1),
    "DCGAN: 32 -> 64 (4x4, stride 2, padding 1)": full(32, 4, 2, 1),
    "U-Net up-conv: 28 -> 56 (2x2, stride 2)": full(28, 2, 2),
    "FCN-32s: 7 -> 256 (64x64, stride 32, before cropping)": full(7, 64, 32),
    "output_padding picks 14, not 13, from 7 (3x3, stride 2, padding 1)": full(7, 3, 2, 1, 1),
    "stride larger than the kernel (gaps between windows)": full(4, 2, 3),
    "dilation 2": full(5, 3, 1, 0, 0, 2),
    "output_padding with dilation (allowed since output_padding < dilation)": full(5, 3, 1, 1, 1, 2),
}


def classic_layer(target, params):
    # nn.ConvTranspose2d itself is the oracle here: the height of the output of a real layer.
    p = params
    layer = torch.nn.ConvTranspose2d(1, 1, p["kernel_size"], p["stride"], p["padding"], p["output_padding"],
                                     dilation=p["dilation"], bias=False)
    with torch.no_grad():
        expected = layer(torch.zeros(1, 1, p["size"], p["size"])).shape[-2]
    GRID.expect_layer(target.conv_transpose_output_size, params, expected, "nn.ConvTranspose2d")


CASES = Cases(classic_layer, NAMED_CASES, name="classic layer")


def test_every_combination_of_a_dense_grid(target):
    GRID.expect(target.conv_transpose_output_size)
