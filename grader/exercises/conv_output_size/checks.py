"""Checks of exercises/conv_output_size.py against the shapes torch's own conv layers produce."""
from __future__ import annotations

import torch
from torch.nn.functional import conv1d as torch_conv1d  # bound before the learner's code runs

from grader.check import Cases, mistakes
from grader.check.family.pooling import Grid, torch_length

MISTAKE = mistakes("conv_output_size")

VARIANTS = {
    MISTAKE.no_plus_one: lambda size, kernel_size, stride, padding, dilation:
        (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride,
    MISTAKE.padding_once: lambda size, kernel_size, stride, padding, dilation:
        (size + padding - dilation * (kernel_size - 1) - 1) // stride + 1,
    MISTAKE.no_dilation: lambda size, kernel_size, stride, padding, dilation:
        (size + 2 * padding - kernel_size) // stride + 1,
    MISTAKE.dilation_times_k: lambda size, kernel_size, stride, padding, dilation:
        (size + 2 * padding - dilation * kernel_size) // stride + 1,
    MISTAKE.rounded: lambda size, kernel_size, stride, padding, dilation:
        round((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1,
    MISTAKE.ceiled: lambda size, kernel_size, stride, padding, dilation:
        -(-(size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride) + 1,
}


def torch_size(size, kernel_size, stride=1, padding=0, dilation=1):
    """The length torch's conv1d produces, or None where torch rejects the arguments."""
    return torch_length(torch_conv1d, torch.zeros(1, 1, size), torch.zeros(1, 1, kernel_size),
                        stride=stride, padding=padding, dilation=dilation)


GRID = Grid(torch_size, VARIANTS, oracle="conv1d",
            text="size <= 10, kernel <= 5, stride <= 4, padding <= 3, dilation <= 3",
            size=range(1, 11), kernel_size=range(1, 6), stride=range(1, 5), padding=range(4), dilation=range(1, 4))
full = GRID.case

NAMED_CASES = {
    "smallest: size 1, kernel 1": full(1, 1),
    "kernel as large as the input": full(5, 5),
    "LeNet-5 C1: 32 -> 28 (5x5)": full(32, 5),
    "AlexNet conv1: 227 -> 55 (11x11, stride 4)": full(227, 11, 4),
    "AlexNet conv2: 27 -> 27 (5x5, padding 2)": full(27, 5, 1, 2),
    "VGG-16 conv: 224 -> 224 (3x3, padding 1)": full(224, 3, 1, 1),
    "ResNet-18 stem: 224 -> 112 (7x7, stride 2, padding 3)": full(224, 7, 2, 3),
    "ResNet-18 downsampling: 56 -> 28 (3x3, stride 2, padding 1)": full(56, 3, 2, 1),
    "ResNet-18 shortcut: 56 -> 28 (1x1, stride 2)": full(56, 1, 2),
    "floor: 8 -> 3 (3x3, stride 2, last column dropped)": full(8, 3, 2),
    "stride larger than the kernel": full(10, 2, 3),
    "dilation 2, 'same' padding 2: 65 -> 65 (DeepLab)": full(65, 3, 1, 2, 2),
    "dilation 3, no padding": full(20, 3, 1, 0, 3),
}


def classic_layer(target, params):
    # nn.Conv2d itself is the oracle here: the height of the output of a real layer.
    layer = torch.nn.Conv2d(1, 1, params["kernel_size"], params["stride"], params["padding"], params["dilation"])
    with torch.no_grad():
        expected = layer(torch.zeros(1, 1, params["size"], params["size"])).shape[-2]
    GRID.expect_layer(target.conv_output_size, params, expected, "nn.Conv2d")


CASES = Cases(classic_layer, NAMED_CASES, name="classic layer")


def test_every_combination_of_a_dense_grid(target):
    GRID.expect(target.conv_output_size)
