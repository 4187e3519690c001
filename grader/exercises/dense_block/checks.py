"""Checks of exercises/dense_block.py against dense and transition blocks built here, as d2l defines them."""
from __future__ import annotations

import torch
from torch import nn

from grader.check import CheckFailure, mistake_giving, mistakes
from grader.check.family.architectures import blank, build, expect_parameters, expect_same_forward, on_meta, randomise
from grader.learner import call

MISTAKE = mistakes("dense_block")


class RefDense(nn.Module):
    """d2l's DenseBlock; `conv_first` (Conv-BN-ReLU blocks) and `only_last` (cat(X, last output)) are mistakes."""

    def __init__(self, num_convs, c_in, g, conv_first=False, only_last=False):
        super().__init__()
        def block(c):
            if conv_first:
                return nn.Sequential(nn.Conv2d(c, g, 3, padding=1), nn.BatchNorm2d(g), nn.ReLU())
            return nn.Sequential(nn.BatchNorm2d(c), nn.ReLU(), nn.Conv2d(c, g, 3, padding=1))
        self.net = nn.Sequential(*(block(c_in + i * g) for i in range(num_convs)))
        self.only_last = only_last

    def forward(self, X):
        X0 = X
        for blk in self.net:
            Y = blk(X)
            X = torch.cat((X, Y), dim=1)
        return torch.cat((X0, Y), dim=1) if self.only_last else X


def ref_transition(c_in, c, pool=True):
    return nn.Sequential(nn.BatchNorm2d(c_in), nn.ReLU(), nn.Conv2d(c_in, c, 1),
                         *([nn.AvgPool2d(2, 2)] if pool else []))


def output_shape(model, x, *, learner=True):
    model.eval()
    with torch.no_grad():
        out = call(model, x) if learner else model(x)
    if not isinstance(out, torch.Tensor):
        raise CheckFailure(f"the forward pass returned {type(out).__name__}, not a tensor")
    return tuple(out.shape)


DENSE = {"DenseBlock(2, 3, 10), x (4, 3, 8, 8)": ((2, 3, 10), (4, 3, 8, 8)),
         "DenseBlock(3, 2, 4), x (2, 2, 5, 5)": ((3, 2, 4), (2, 2, 5, 5)),
         "DenseBlock(1, 4, 3), x (2, 4, 6, 6)": ((1, 4, 3), (2, 4, 6, 6))}


def x_of(shape, seed):
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed))


def test_dense_block_output_channels(target):
    for i, (case, ((n, c_in, g), shape)) in enumerate(DENSE.items()):
        block = build(target.DenseBlock, n, c_in, g, case=case)
        got = output_shape(block, x_of(shape, i))
        want = (shape[0], c_in + n * g, *shape[2:])
        if got != want:
            last = {MISTAKE.only_last: lambda: (shape[0], c_in + g, *shape[2:])}
            raise CheckFailure(f"the output has shape {got}; expected {want} (input_channels + num_convs * "
                               "num_channels channels: the input and every block's output)", case=case,
                               mistake=mistake_giving(got, last) if n > 1 else None)


def test_dense_block_forward_matches_the_reference_in_eval_and_train_mode(target):
    for i, (case, (args, shape)) in enumerate(DENSE.items()):
        torch.manual_seed(i)
        model = randomise(build(target.DenseBlock, *args, case=case), seed=10 + i)
        expect_parameters(model, on_meta(RefDense, *args, case=case), case=case,
                          mistakes={MISTAKE.conv_first: lambda: blank(RefDense, *args, conv_first=True)})
        x = x_of(shape, 20 + i)
        for mode in ("eval", "train"):
            expect_same_forward(model, blank(RefDense, *args), x, mode=mode, case=case,
                                mistakes={MISTAKE.only_last: lambda: blank(RefDense, *args, only_last=True)})


TRANSITIONS = {"transition_block(23, 10), x (4, 23, 8, 8)": ((23, 10), (4, 23, 8, 8)),
               "transition_block(6, 3), x (2, 6, 7, 7)": ((6, 3), (2, 6, 7, 7))}


def test_transition_block_halves_and_matches_the_reference(target):
    for i, (case, ((c_in, c), shape)) in enumerate(TRANSITIONS.items()):
        torch.manual_seed(i)
        model = randomise(build(target.transition_block, c_in, c, case=case), seed=30 + i)
        expect_parameters(model, on_meta(ref_transition, c_in, c, case=case), case=case)
        x = x_of(shape, 40 + i)
        got, want = output_shape(model, x), (shape[0], c, shape[2] // 2, shape[3] // 2)
        if got != want:
            raise CheckFailure(f"the output has shape {got}; expected {want} (the 1x1 convolution to {c} channels, "
                               "then AvgPool2d(2, 2) halves the height and width)", case=case,
                               mistake=mistake_giving(got, {MISTAKE.no_pool: lambda: (shape[0], c, *shape[2:])}))
        for mode in ("eval", "train"):
            expect_same_forward(model, blank(ref_transition, c_in, c), x, mode=mode, case=case,
                                mistakes={MISTAKE.no_pool: lambda: blank(ref_transition, c_in, c, pool=False)})
