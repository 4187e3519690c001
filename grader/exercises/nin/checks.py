"""Checks of exercises/nin.py against NiN blocks and a NiN built here, as d2l defines them."""
from __future__ import annotations

import torch
from torch import nn

from grader.check import CheckFailure, mistakes
from grader.check.family.architectures import (blank, build, expect_layer_shapes, expect_parameters,
                                               expect_same_forward, on_meta, randomise)

MISTAKE = mistakes("nin")


def ref_block(c_in, c_out, k, s, p, relu_1x1=True):
    act = nn.ReLU if relu_1x1 else nn.Identity
    return nn.Sequential(nn.Conv2d(c_in, c_out, k, s, p), nn.ReLU(), nn.Conv2d(c_out, c_out, 1), act(),
                         nn.Conv2d(c_out, c_out, 1), act())


def reference(in_channels=1, num_classes=10, relu_1x1=True, linear_head=False):
    head = [ref_block(384, 384, 3, 1, 1, relu_1x1), nn.Flatten(), nn.Linear(384 * 25, num_classes)] if linear_head \
        else [ref_block(384, num_classes, 3, 1, 1, relu_1x1), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten()]
    return nn.Sequential(ref_block(in_channels, 96, 11, 4, 0, relu_1x1), nn.MaxPool2d(3, 2),
                         ref_block(96, 256, 5, 1, 2, relu_1x1), nn.MaxPool2d(3, 2),
                         ref_block(256, 384, 3, 1, 1, relu_1x1), nn.MaxPool2d(3, 2), nn.Dropout(0.5), *head)


def variants(*args):
    return {MISTAKE.linear_head: lambda: blank(reference, *args, linear_head=True),
            MISTAKE.no_relu_1x1: lambda: blank(reference, *args, relu_1x1=False)}


def test_nin_block_layers(target):
    for case, args in {"nin_block(3, 8, 5, 2, 1)": (3, 8, 5, 2, 1), "nin_block(4, 6, 3, 1, 1)": (4, 6, 3, 1, 1)}.items():
        torch.manual_seed(0)
        block = randomise(build(target.nin_block, *args, case=case), seed=1)
        expect_parameters(block, ref_block(*args), case=case)
        x = torch.randn(2, args[0], 13, 13, generator=torch.Generator().manual_seed(2))
        expect_same_forward(block, ref_block(*args), x, mode="eval", case=case + ", x (2, C, 13, 13)",
                            mistakes={MISTAKE.no_relu_1x1: lambda: ref_block(*args, relu_1x1=False)})


def test_parameter_count_on_meta(target):
    for case, kw in {"nin()": {}, "nin(in_channels=3, num_classes=1000)": dict(in_channels=3, num_classes=1000)}.items():
        expect_parameters(on_meta(target.nin, **kw, case=case), on_meta(reference, **kw, case=case), case=case,
                          mistakes=variants(*kw.values()))


def test_every_layer_output_shape_and_global_average_pooling(target):
    case = "nin(in_channels=3, num_classes=5), x (1, 3, 224, 224)"
    x = torch.randn(1, 3, 224, 224, generator=torch.Generator().manual_seed(0))
    model = build(target.nin, 3, 5, case=case)
    if any(isinstance(m, nn.Linear) for m in model.modules()):
        raise CheckFailure("NiN has no fully connected layer: the last nin_block makes one channel per class and "
                           "nn.AdaptiveAvgPool2d((1, 1)) averages each into its logit", case=case,
                           mistake=MISTAKE.linear_head)
    expect_layer_shapes(model, blank(reference, 3, 5), x, case=case, mistakes=variants(3, 5))


def test_forward_matches_the_reference_in_eval_and_train_mode(target):
    case = "nin(), x (1, 1, 224, 224)"
    torch.manual_seed(0)
    model = randomise(build(target.nin, case=case), seed=1)
    expect_parameters(model, on_meta(reference, case=case), case=case, mistakes=variants())
    x = torch.randn(1, 1, 224, 224, generator=torch.Generator().manual_seed(3))
    for mode in ("eval", "train"):
        expect_same_forward(model, blank(reference), x, mode=mode, case=case, mistakes=variants(), seed=4,
                            dtype=torch.float32, tolerance=(1e-4, 1e-5))
