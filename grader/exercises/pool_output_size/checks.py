"""Checks of exercises/pool_output_size.py against the shapes torch's own max pooling produces."""
from __future__ import annotations

import torch
from torch.nn.functional import max_pool1d as torch_max_pool1d  # bound before the learner's code runs
from torch.nn.functional import max_pool2d as torch_max_pool2d

from grader.check import Cases, mistakes
from grader.check.family.pooling import Grid, torch_length

MISTAKE = mistakes("pool_output_size")


def _pool(ceil=lambda a, b: -(-a // b), floor=lambda a, b: a // b, span=lambda k, d: d * (k - 1) + 1,
          pad=2, plus=1, rule=True, strict=False, default=None, use_ceil_mode=True):
    """torch's size, with one piece replaceable to make a classic mistake."""
    def size_of(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
        s = stride if stride is not None else (default or kernel_size)
        last = size + pad * padding - span(kernel_size, dilation)
        if not (ceil_mode and use_ceil_mode):
            return floor(last, s) + plus
        out = ceil(last, s) + plus
        if rule and ((out - 1) * s > size + padding if strict else (out - 1) * s >= size + padding):
            out -= 1
        return out
    return size_of


VARIANTS = {  # several functions for one mistake: any of them may be what the learner wrote
    MISTAKE.ceil_rule_missing: _pool(rule=False),
    MISTAKE.ceil_rule_strict: _pool(strict=True),
    MISTAKE.ceil_ignored: _pool(use_ceil_mode=False),
    MISTAKE.ceil_as_floor_plus_one: (_pool(ceil=lambda a, b: a // b + 1), _pool(ceil=lambda a, b: a // b + 1, rule=False)),
    MISTAKE.stride_default: _pool(default=1),
    MISTAKE.no_dilation: _pool(span=lambda k, d: k),
    MISTAKE.padding_once: _pool(pad=1),
    MISTAKE.no_plus_one: _pool(plus=0),
    MISTAKE.rounded: (_pool(floor=lambda a, b: round(a / b)), _pool(floor=lambda a, b: int(a / b + 0.5))),
}


def torch_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    """The length torch's max_pool1d produces, or None where torch rejects the arguments."""
    return torch_length(torch_max_pool1d, torch.zeros(1, 1, size), kernel_size, stride, padding, dilation,
                        ceil_mode=ceil_mode)


GRID = Grid(torch_size, VARIANTS, oracle="max_pool1d",
            text="size <= 10, kernel <= 5, stride None or <= 4, padding <= 2, dilation <= 3, both ceil modes",
            size=range(1, 11), kernel_size=range(1, 6), stride=(None, 1, 2, 3, 4), padding=range(3),
            dilation=range(1, 4), ceil_mode=(False, True))
full = GRID.case

NAMED_CASES = {
    "smallest: size 1, kernel 1": full(1, 1),
    "stride defaults to the kernel size: 4 -> 2": full(4, 2),
    "LeNet-5 S2: 28 -> 14 (2x2)": full(28, 2),
    "AlexNet pool1: 55 -> 27 (3x3, stride 2)": full(55, 3, 2),
    "VGG-16 pool: 224 -> 112 (2x2, stride 2)": full(224, 2, 2),
    "ResNet-18 maxpool: 112 -> 56 (3x3, stride 2, padding 1)": full(112, 3, 2, 1),
    "GoogLeNet ceil_mode: 112 -> 56 (3x3, stride 2; floor gives 55)": full(112, 3, 2, ceil_mode=True),
    "ceil_mode keeps a partial window: 5 -> 3 (2x2)": full(5, 2, ceil_mode=True),
    "ceil_mode when the division is exact: 4 -> 2": full(4, 2, ceil_mode=True),
    "ceil_mode rule: last window would start in the padding": full(3, 2, 2, 1, ceil_mode=True),
    "dilation 2": full(10, 3, 1, 0, 2),
    "dilation 2 with ceil_mode": full(10, 3, 2, 1, 2, ceil_mode=True),
}


def classic_layer(target, params):
    # max_pool2d itself is the oracle: the height of a real pooled output (the width checks another size).
    p = params
    x = torch.zeros(1, 1, p["size"], p["size"] + 1)
    got_shape = torch_max_pool2d(x, p["kernel_size"], p["stride"], p["padding"], p["dilation"],
                                 ceil_mode=p["ceil_mode"]).shape
    for size, expected in ((p["size"], got_shape[-2]), (p["size"] + 1, got_shape[-1])):
        GRID.expect_layer(target.pool_output_size, {**p, "size": size}, expected, "max_pool2d")


CASES = Cases(classic_layer, NAMED_CASES, name="classic layer")


def test_every_combination_of_a_dense_grid(target):
    GRID.expect(target.pool_output_size)
