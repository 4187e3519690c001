"""Checks of exercises/vgg.py against VGG blocks and networks built here, as d2l defines them."""
from __future__ import annotations

import torch
from torch import nn

from grader.check import CheckFailure, mistake_giving, mistakes
from grader.check.family.architectures import (blank, build, expect_layer_shapes, expect_parameters,
                                               expect_same_forward, on_meta, randomise)

MISTAKE = mistakes("vgg")
VGG11 = ((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))
SMALL = ((1, 4), (2, 8))  # 28x28 inputs


def ref_block(num_convs, c_in, c_out, pool_inside=False, carry=True):
    layers = []
    for i in range(num_convs):
        layers += [nn.Conv2d(c_in if (i == 0 or not carry) else c_out, c_out, 3, padding=1), nn.ReLU()]
        if pool_inside:
            layers.append(nn.MaxPool2d(2, 2))
    return nn.Sequential(*layers, *([] if pool_inside else [nn.MaxPool2d(2, 2)]))


def reference(conv_arch, in_channels=1, num_classes=10, pool_inside=False, carry=True):
    blocks, c = [], in_channels
    for n, out in conv_arch:
        blocks.append(ref_block(n, c, out, pool_inside))
        c = out if carry else c
    return nn.Sequential(*blocks, nn.Flatten(), nn.Linear(conv_arch[-1][1] * 49, 4096), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, num_classes))


def variants(*args, **kw):
    return {MISTAKE.not_carried: lambda: blank(reference, *args, **kw, carry=False)}


BLOCKS = {"vgg_block(1, 3, 4)": (1, 3, 4), "vgg_block(2, 3, 8)": (2, 3, 8), "vgg_block(3, 2, 2)": (3, 2, 2)}


def test_vgg_block_layers_and_output_shape(target):
    for case, (n, c_in, c_out) in BLOCKS.items():
        block = build(target.vgg_block, n, c_in, c_out, case=case)
        expect_parameters(block, ref_block(n, c_in, c_out), case=case,
                          mistakes={MISTAKE.block_not_carried: lambda: ref_block(n, c_in, c_out, carry=False)})
        x = torch.randn(2, c_in, 16, 16, generator=torch.Generator().manual_seed(n))
        with torch.no_grad():
            got = tuple(block(x).shape)
        want = (2, c_out, 8, 8)
        if got != want:
            inside = {MISTAKE.pool_inside: lambda: tuple(ref_block(n, c_in, c_out, pool_inside=True)(x).shape)}
            raise CheckFailure(f"{case} on x (2, {c_in}, 16, 16) gives {got}; expected {want} (one pooling, at the "
                               "end of the block)", case=case, mistake=mistake_giving(got, inside))


def test_vgg11_parameter_count_on_meta(target):
    case = f"vgg({VGG11}) on the meta device"
    expect_parameters(on_meta(target.vgg, VGG11, case=case), on_meta(reference, VGG11, case=case), case=case,
                      mistakes=variants(VGG11))


def test_every_layer_output_shape(target):
    case = f"vgg({SMALL}, in_channels=3, num_classes=5), x (2, 3, 28, 28)"
    x = torch.randn(2, 3, 28, 28, generator=torch.Generator().manual_seed(0))
    expect_layer_shapes(build(target.vgg, SMALL, 3, 5, case=case), blank(reference, SMALL, 3, 5), x, case=case,
                        mistakes=variants(SMALL, 3, 5))


def test_forward_matches_the_reference_in_eval_and_train_mode(target):
    arch = ((1, 4), (2, 6), (1, 8))
    case = f"vgg({arch}, in_channels=2, num_classes=7), x (2, 2, 56, 56)"
    torch.manual_seed(0)
    model = randomise(build(target.vgg, arch, 2, 7, case=case), seed=1)
    expect_parameters(model, on_meta(reference, arch, 2, 7, case=case), case=case, mistakes=variants(arch, 2, 7))
    x = torch.randn(2, 2, 56, 56, generator=torch.Generator().manual_seed(2))
    for mode in ("eval", "train"):
        expect_same_forward(model, blank(reference, arch, 2, 7), x, mode=mode, case=case,
                            mistakes={MISTAKE.pool_inside: lambda: blank(reference, arch, 2, 7, pool_inside=True)},
                            dtype=torch.float32, tolerance=(1e-4, 1e-5))
