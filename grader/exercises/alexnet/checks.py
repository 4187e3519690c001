"""Checks of exercises/alexnet.py against an AlexNet built here, layer by layer as d2l defines it."""
from __future__ import annotations

import torch
from torch import nn

from grader.check import mistakes
from grader.check.family.architectures import (blank, build, expect_layer_shapes, expect_parameters, expect_same_forward,
                                               on_meta, randomise)

MISTAKE = mistakes("alexnet")


def reference(in_channels=1, num_classes=10, pool=(3, 2), dropout=True):
    side = 5 if pool == (3, 2) else 6  # after the three poolings of 54x54
    drop = (lambda: nn.Dropout(0.5)) if dropout else nn.Identity
    return nn.Sequential(
        nn.Conv2d(in_channels, 96, 11, stride=4, padding=1), nn.ReLU(), nn.MaxPool2d(*pool),
        nn.Conv2d(96, 256, 5, padding=2), nn.ReLU(), nn.MaxPool2d(*pool),
        nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(), nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(*pool), nn.Flatten(),
        nn.Linear(256 * side * side, 4096), nn.ReLU(), drop(), nn.Linear(4096, 4096), nn.ReLU(), drop(),
        nn.Linear(4096, num_classes))


def variants(**kw):
    return {MISTAKE.non_overlapping: lambda: blank(reference, **kw, pool=(2, 2)),
            MISTAKE.no_dropout: lambda: blank(reference, **kw, dropout=False),
            MISTAKE.dropout_in_eval: lambda: (blank(reference, **kw), "train")}


SIZES = {"alexnet()": {}, "alexnet(in_channels=3, num_classes=1000)": dict(in_channels=3, num_classes=1000)}


def test_parameter_count_and_shapes(target):
    for case, kw in SIZES.items():
        expect_parameters(on_meta(target.alexnet, **kw, case=case), on_meta(reference, **kw, case=case),
                          case=case, mistakes=variants(**kw))


def x_of(seed, c=1):
    return torch.randn(1, c, 224, 224, generator=torch.Generator().manual_seed(seed))


def test_every_layer_output_shape(target):
    case = "alexnet(in_channels=3, num_classes=5), x (1, 3, 224, 224)"
    expect_layer_shapes(build(target.alexnet, 3, 5, case=case), blank(reference, 3, 5), x_of(0, 3), case=case,
                        mistakes=variants(in_channels=3, num_classes=5))


def test_forward_matches_the_reference_in_eval_and_train_mode(target):
    case = "alexnet(), x (1, 1, 224, 224)"
    torch.manual_seed(0)
    model = randomise(build(target.alexnet, case=case), seed=1)
    expect_parameters(model, on_meta(reference, case=case), case=case, mistakes=variants())
    for mode in ("eval", "train"):
        expect_same_forward(model, blank(reference), x_of(1), mode=mode, case=case, mistakes=variants(), seed=3,
                            dtype=torch.float32, tolerance=(1e-4, 1e-5))  # float32: 0.9 GMACs per forward
