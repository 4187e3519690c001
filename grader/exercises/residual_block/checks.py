"""Checks of exercises/residual_block.py against a residual block and a ResNet-18 built here, as d2l defines them."""
from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from grader.check import CheckFailure, mistakes
from grader.check.family.architectures import blank, build, expect_parameters, expect_same_forward, on_meta, randomise

MISTAKE = mistakes("residual_block")


class RefResidual(nn.Module):
    """d2l's Residual; `relu_before` and `bn_after` are the two classic misplacements."""

    def __init__(self, c_in, c, use_1x1conv=False, strides=1, relu_before=False, bn_after=False):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c, 3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(c, c, 3, padding=1)
        self.conv3 = nn.Conv2d(c_in, c, 1, stride=strides) if use_1x1conv else None
        self.bn1, self.bn2 = nn.BatchNorm2d(c), nn.BatchNorm2d(c)
        self.relu_before, self.bn_after = relu_before, bn_after

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.conv2(Y)
        X = X if self.conv3 is None else self.conv3(X)
        if self.bn_after:
            return F.relu(self.bn2(Y + X))
        Y = self.bn2(Y)
        if self.relu_before == "both":  # a ReLU on the branch before the addition, and the one after
            return F.relu(F.relu(Y) + X)
        return F.relu(Y) + X if self.relu_before else F.relu(Y + X)


def ref_resnet18(in_channels=1, num_classes=10, **kw):
    def stage(c_in, c, first=False):
        return nn.Sequential(RefResidual(c_in, c, **kw) if first else RefResidual(c_in, c, True, 2, **kw),
                             RefResidual(c, c, **kw))
    b1 = nn.Sequential(nn.Conv2d(in_channels, 64, 7, stride=2, padding=3), nn.BatchNorm2d(64), nn.ReLU(),
                       nn.MaxPool2d(3, 2, padding=1))
    return nn.Sequential(b1, stage(64, 64, first=True), stage(64, 128), stage(128, 256), stage(256, 512),
                         nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(512, num_classes))


def variants(make, *args):
    return {MISTAKE.relu_before_add: [lambda: blank(make, *args, relu_before=True),
                                      lambda: blank(make, *args, relu_before="both")],
            MISTAKE.bn_after_add: lambda: blank(make, *args, bn_after=True)}


SHORTCUTS = {"Residual(3, 3)": (3, 3, False, 1), "Residual(3, 6, use_1x1conv=True)": (3, 6, True, 1),
             "Residual(4, 6, use_1x1conv=True, strides=2)": (4, 6, True, 2)}


def test_shortcut_projection_exactly_when_use_1x1conv(target):
    for case, (c_in, c, use, s) in SHORTCUTS.items():
        block = build(target.Residual, c_in, c, use_1x1conv=use, strides=s, case=case)
        if not hasattr(block, "conv3"):
            raise CheckFailure("the block has no attribute conv3 (the 1x1 convolution of the shortcut, or None)",
                               case=case)
        conv3 = block.conv3
        if not use:
            if conv3 is not None:
                raise CheckFailure(f"conv3 is {type(conv3).__name__}; expected None without use_1x1conv (the "
                                   "shortcut is the identity)", case=case)
            continue
        if not isinstance(conv3, nn.Conv2d):
            raise CheckFailure(f"conv3 is {type(conv3).__name__}; expected an nn.Conv2d with use_1x1conv=True",
                               case=case)
        if tuple(conv3.kernel_size) != (1, 1) or (conv3.in_channels, conv3.out_channels) != (c_in, c):
            raise CheckFailure(f"conv3 is Conv2d({conv3.in_channels}, {conv3.out_channels}, kernel_size="
                               f"{tuple(conv3.kernel_size)}); expected Conv2d({c_in}, {c}, kernel_size=1)", case=case)
        if tuple(conv3.stride) != (s, s):
            raise CheckFailure(f"conv3 has stride {tuple(conv3.stride)}; expected ({s}, {s}): the shortcut must "
                               "downsample as conv1 does, or X and Y do not have the same height and width",
                               case=case, mistake=MISTAKE.shortcut_no_stride if tuple(conv3.stride) == (1, 1) else None)


BLOCKS = {"Residual(3, 3), x (2, 3, 8, 8)": ((3, 3, False, 1), (2, 3, 8, 8)),
          "Residual(3, 6, use_1x1conv=True), x (2, 3, 8, 8)": ((3, 6, True, 1), (2, 3, 8, 8)),
          "Residual(4, 6, use_1x1conv=True, strides=2), x (3, 4, 9, 9)": ((4, 6, True, 2), (3, 4, 9, 9))}


def test_block_forward_matches_the_reference_in_eval_and_train_mode(target):
    for i, (case, (args, shape)) in enumerate(BLOCKS.items()):
        torch.manual_seed(i)
        model = randomise(build(target.Residual, *args, case=case), seed=10 + i)
        expect_parameters(model, on_meta(RefResidual, *args, case=case), case=case)
        x = torch.randn(shape, generator=torch.Generator().manual_seed(20 + i))
        for mode in ("eval", "train"):
            expect_same_forward(model, blank(RefResidual, *args), x, mode=mode, case=case,
                                mistakes=variants(RefResidual, *args))


SIZES = {"resnet18()": (), "resnet18(in_channels=3, num_classes=1000)": (3, 1000)}


def test_resnet18_parameter_count_on_meta(target):
    for case, args in SIZES.items():
        expect_parameters(on_meta(target.resnet18, *args, case=case), on_meta(ref_resnet18, *args, case=case),
                          case=case)


def test_resnet18_forward_matches_the_reference_in_eval_and_train_mode(target):
    case = "resnet18(), x (1, 1, 64, 64)"
    torch.manual_seed(0)
    model = randomise(build(target.resnet18, case=case), seed=1)
    expect_parameters(model, on_meta(ref_resnet18, case=case), case=case)
    x = torch.randn(1, 1, 64, 64, generator=torch.Generator().manual_seed(2))
    for mode in ("eval", "train"):
        expect_same_forward(model, blank(ref_resnet18), x, mode=mode, case=case, mistakes=variants(ref_resnet18),
                            dtype=torch.float32, tolerance=(1e-4, 1e-5))
