"""Checks of exercises/lenet.py against a LeNet built here, layer by layer as d2l defines it."""
from __future__ import annotations

import torch
from torch import nn

from grader.check import CheckFailure, mistakes
from grader.check.family.architectures import (build, count, expect_layer_shapes, expect_parameters,
                                               expect_same_forward, randomise)

MISTAKE = mistakes("lenet")
PARAMETERS = 61_706  # the seeds' table


def reference(padding=2, pool=nn.AvgPool2d, act=nn.Sigmoid, head_act=None):
    side = (28 + 2 * padding - 4) // 2 - 4  # after conv1, pool, conv2
    head_act = head_act or act
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=padding), act(), pool(2, 2),
                         nn.Conv2d(6, 16, 5), act(), pool(2, 2), nn.Flatten(),
                         nn.Linear(16 * (side // 2) ** 2, 120), head_act(), nn.Linear(120, 84), head_act(),
                         nn.Linear(84, 10))


VARIANTS = {MISTAKE.no_padding: lambda: reference(padding=0),
            MISTAKE.max_pool: lambda: reference(pool=nn.MaxPool2d),
            MISTAKE.relu: lambda: reference(act=nn.ReLU),
            MISTAKE.linear_head: lambda: reference(head_act=nn.Identity)}
CASE = "lenet(), x (N, 1, 28, 28)"


def x_of(seed, n=2):
    return torch.randn(n, 1, 28, 28, generator=torch.Generator().manual_seed(seed))


def test_parameter_count_is_61706(target):
    model = build(target.lenet, case=CASE)
    assert count(reference()) == PARAMETERS
    expect_parameters(model, reference(), case=CASE, mistakes=VARIANTS)


def test_every_layer_output_shape(target):
    expect_layer_shapes(build(target.lenet, case=CASE), reference(), x_of(0), case=CASE + ", N = 2",
                        mistakes=VARIANTS)


def test_forward_matches_the_reference(target):
    torch.manual_seed(0)
    model = randomise(build(target.lenet, case=CASE), seed=1)
    expect_parameters(model, reference(), case=CASE, mistakes=VARIANTS)
    for seed in range(2):
        expect_same_forward(model, reference(), x_of(seed, n=3), mode="eval", case=CASE + f", N = 3, seed {seed}",
                            mistakes=VARIANTS)


def test_output_is_logits_of_10_classes(target):
    out = build(target.lenet, case=CASE).eval()(x_of(2, n=5))
    if tuple(out.shape) != (5, 10):
        raise CheckFailure(f"lenet()(x) for x (5, 1, 28, 28) has shape {tuple(out.shape)}; expected (5, 10)",
                           case=CASE)
