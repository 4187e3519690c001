"""Checks of exercises/receptive_field.py against receptive fields MEASURED with autograd on real torch layers."""
from __future__ import annotations

import numpy as np
import torch

from grader.check import IN_PLACE, Cases, CheckFailure, call, expect_int, mistakes, reproduced_mistake

MISTAKE = mistakes("receptive_field")


def _unpack(layer):
    k, s = layer[0], layer[1]
    return k, s, (layer[2] if len(layer) > 2 else 1)


def _recurrence(layers, grow=lambda k, d: (k - 1) * d, early=False, strides=True, start=1):
    r, j = start, 1
    for layer in layers:
        k, s, d = _unpack(layer)
        if early and strides:
            j *= s
        r += grow(k, d) * j
        if strides and not early:
            j *= s
    return r


VARIANTS = {
    MISTAKE.strides_ignored: lambda layers: _recurrence(layers, strides=False),
    MISTAKE.jump_too_early: lambda layers: _recurrence(layers, early=True),
    MISTAKE.dilation_ignored: lambda layers: _recurrence(layers, grow=lambda k, d: k - 1),
    MISTAKE.dilation_times_k: lambda layers: _recurrence(layers, grow=lambda k, d: d * k - 1),
    MISTAKE.kernels_summed: (lambda layers: _recurrence(layers, grow=lambda k, d: k, strides=False, start=0),
                     lambda layers: _recurrence(layers, grow=lambda k, d: k, start=0)),
    MISTAKE.reversed: lambda layers: _recurrence(list(layers)[::-1]),
}


def measured_receptive_field(layers, dims=1):
    """Build the stack as torch conv layers (weights 1, no padding), backprop from one output unit,
    and return the span of input pixels whose gradient is not zero (along the first spatial axis)."""
    Conv = torch.nn.Conv1d if dims == 1 else torch.nn.Conv2d
    stack = torch.nn.Sequential()
    for layer in layers:
        k, s, d = _unpack(layer)
        conv = Conv(1, 1, k, stride=s, dilation=d, bias=False).double()
        torch.nn.init.ones_(conv.weight)  # all paths count positively: no gradient can cancel
        stack.append(conv)
    n = 1
    while True:  # the smallest power of two that leaves at least one output unit
        x = torch.zeros((1, 1) + (n,) * dims, dtype=torch.float64, requires_grad=True)
        try:
            y = stack(x)
            break
        except RuntimeError:
            n *= 2
            if n > 2**18:
                raise
    y[(0, 0) + (0,) * dims].backward()  # the first output unit: its field starts at input pixel 0
    touched = x.grad[0, 0].abs().reshape(n, -1).sum(dim=1).nonzero().flatten()  # rows with a non-zero gradient
    return int(touched.max() - touched.min()) + 1


LENET5 = [(5, 1), (2, 2), (5, 1), (2, 2), (5, 1)]  # C1, S2, C3, S4, C5
ALEXNET = [(11, 4), (3, 2), (5, 1), (3, 2), (3, 1), (3, 1), (3, 1), (3, 2)]  # conv1 .. pool5
VGG16 = [(3, 1)] * 2 + [(2, 2)] + [(3, 1)] * 2 + [(2, 2)] + ([(3, 1)] * 3 + [(2, 2)]) * 3  # conv1_1 .. pool5
RESNET18 = [(7, 2), (3, 2)] + [(3, 1)] * 4 + ([(3, 2)] + [(3, 1)] * 3) * 3  # stem, maxpool, layer1..layer4

NAMED_CASES = {
    "no layers: a pixel sees itself": ([], 1),
    "one 3x3 conv": ([(3, 1)], 1),
    "two 3x3 convs see 5 (the VGG argument)": ([(3, 1), (3, 1)], 1),
    "three 3x3 convs see 7": ([(3, 1)] * 3, 1),
    "a 1x1 conv adds nothing": ([(3, 1), (1, 1), (3, 1)], 1),
    "stride 2 first: the next kernel's taps are 2 pixels apart": ([(3, 2), (3, 1)], 1),
    "the last layer's stride does not matter": ([(3, 1), (3, 2)], 1),
    "2x2 pooling twice, given as (kernel, stride)": ([(2, 2), (2, 2)], 1),
    "dilated 3x3, dilation 2": ([(3, 1, 2)], 1),
    "dilations 1, 2, 4 (WaveNet, context module)": ([(3, 1, 1), (3, 1, 2), (3, 1, 4)], 1),
    "stride 2, then a dilated kernel": ([(3, 2), (3, 1, 2)], 1),
    "LeNet-5 C1..C5: 32, the whole image": (LENET5, 1),
    "AlexNet conv1..pool5: 195": (ALEXNET, 1),
    "VGG-16 conv1_1..pool5: 212 (measured in 2-D)": (VGG16, 2),
    "ResNet-18 stem..layer4, main path: 435 (measured in 2-D)": (RESNET18, 2),
}


def random_stack(seed):
    rng = np.random.default_rng(200 + seed)
    layers = []
    for _ in range(int(rng.integers(2, 7))):
        k, s, d = (int(v) for v in (rng.integers(1, 7), rng.integers(1, 4), rng.integers(1, 4)))
        layers.append((k, s, d) if rng.random() < 0.5 else (k, s))
    return layers


SEEDS = 6
ALL_STACKS = [layers for layers, _ in NAMED_CASES.values()] + [random_stack(s) for s in range(SEEDS)]


def check_case(target, params):
    layers, dims = params
    given = list(layers)
    before = [tuple(layer) for layer in given]
    expected = measured_receptive_field(layers, dims)
    got = call(target.receptive_field, given)
    case = f"layers={before}"
    if [tuple(layer) for layer in given] != before:  # a list, which call_unchanged does not compare
        raise CheckFailure("your function modified the list of layers it was given; read it, do not change it",
                           case=case, mistake=IN_PLACE)
    diagnose = lambda: reproduced_mistake(target.receptive_field, VARIANTS,  # noqa: E731
                                          [{"layers": list(s)} for s in ALL_STACKS])
    expect_int(got, expected, case=case + f" (measured with autograd: {expected})", diagnose=diagnose)


CASES = Cases(check_case, NAMED_CASES, lambda seed: (random_stack(seed), 1), seeds=SEEDS,
              name="matches the measured field", random_name="random stack")
