"""Checks of exercises/conv_output_size.py against the shapes torch's own conv layers produce."""
from __future__ import annotations

import functools
import itertools

import pytest
import torch
from torch.nn.functional import conv1d as torch_conv1d  # bound before the learner's code runs

from grader.check import call, describe, expect_int, expect_int_on_grid, mistakes, reproduced_mistake

MISTAKE = mistakes('conv_output_size')

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
    try:
        return torch_conv1d(torch.zeros(1, 1, size), torch.zeros(1, 1, kernel_size),
                            stride=stride, padding=padding, dilation=dilation).shape[-1]
    except RuntimeError:
        return None


GRID = [dict(size=n, kernel_size=k, stride=s, padding=p, dilation=d)
        for n, k, s, p, d in itertools.product(range(1, 11), range(1, 6), range(1, 5), range(4), range(1, 4))]


@functools.cache
def valid_grid():
    """(case, torch's size) for every grid point torch accepts, smallest input first (computed once)."""
    return [(c, n) for c in GRID if (n := torch_size(**c)) is not None]


def diagnose(fn):
    return lambda: reproduced_mistake(fn, VARIANTS, [c for c, _ in valid_grid()])


def full(size, kernel_size, stride=1, padding=0, dilation=1):
    return dict(size=size, kernel_size=kernel_size, stride=stride, padding=padding, dilation=dilation)


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


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_classic_layer(target, params):
    # nn.Conv2d itself is the oracle here: the height of the output of a real layer.
    layer = torch.nn.Conv2d(1, 1, params["kernel_size"], params["stride"], params["padding"], params["dilation"])
    with torch.no_grad():
        expected = layer(torch.zeros(1, 1, params["size"], params["size"])).shape[-2]
    got = call(target.conv_output_size, **params)
    expect_int(got, expected, case=describe(**params) + f" (nn.Conv2d gives {expected})",
               diagnose=diagnose(target.conv_output_size))


def test_every_combination_of_a_dense_grid(target):
    fn = target.conv_output_size
    expect_int_on_grid(fn, valid_grid(), oracle="conv1d", diagnose=diagnose(fn),
                       grid="size <= 10, kernel <= 5, stride <= 4, padding <= 3, dilation <= 3")


