"""Checks of exercises/inception.py against an Inception block written here, as d2l defines it."""
from __future__ import annotations

import itertools

import torch
from torch import nn

from grader.check import Cases, CheckFailure, mistakes
from grader.check.family.architectures import build, expect_parameters, expect_same_forward, randomise

MISTAKE = mistakes("inception")


class Reference(nn.Module):
    def __init__(self, c_in, c1, c2, c3, c4, order=(0, 1, 2, 3), reduce_relu=True, out_relu=True):
        super().__init__()
        self.order, self.reduce_relu, self.out_relu = order, reduce_relu, out_relu
        self.p1_1 = nn.Conv2d(c_in, c1, 1)
        self.p2_1, self.p2_2 = nn.Conv2d(c_in, c2[0], 1), nn.Conv2d(c2[0], c2[1], 3, padding=1)
        self.p3_1, self.p3_2 = nn.Conv2d(c_in, c3[0], 1), nn.Conv2d(c3[0], c3[1], 5, padding=2)
        self.p4_1, self.p4_2 = nn.MaxPool2d(3, 1, 1), nn.Conv2d(c_in, c4, 1)

    def forward(self, x):
        r = torch.relu if self.reduce_relu else (lambda t: t)
        o = torch.relu if self.out_relu else (lambda t: t)
        branches = [o(self.p1_1(x)), o(self.p2_2(r(self.p2_1(x)))), o(self.p3_2(r(self.p3_1(x)))),
                    o(self.p4_2(self.p4_1(x)))]
        return torch.cat([branches[i] for i in self.order], dim=1)


def variants(args):
    orders = [o for o in itertools.permutations(range(4)) if o != (0, 1, 2, 3)]
    return {MISTAKE.concat_order: [lambda o=o: Reference(*args, order=o) for o in orders],
            MISTAKE.no_reduce_relu: lambda: Reference(*args, reduce_relu=False),
            MISTAKE.no_relu: lambda: Reference(*args, reduce_relu=False, out_relu=False)}


NAMED = {
    "Inception(8, 4, (4, 6), (2, 3), 3), x (2, 8, 7, 7)": dict(args=(8, 4, (4, 6), (2, 3), 3), x=(2, 8, 7, 7)),
    "GoogLeNet's first block, Inception(192, 64, (96, 128), (16, 32), 32), x (1, 192, 8, 8)":
        dict(args=(192, 64, (96, 128), (16, 32), 32), x=(1, 192, 8, 8)),
    "unequal branches, Inception(3, 1, (2, 5), (4, 2), 6), x (3, 3, 5, 6)": dict(args=(3, 1, (2, 5), (4, 2), 6),
                                                                                 x=(3, 3, 5, 6)),
}


def check(target, params):
    args, shape = params["args"], params["x"]
    case = f"Inception{args}, x {shape}"
    torch.manual_seed(0)
    model = randomise(build(target.Inception, *args, case=case), seed=1)
    for name in ("p1_1", "p2_1", "p2_2", "p3_1", "p3_2", "p4_2"):
        if not isinstance(getattr(model, name, None), nn.Conv2d):
            raise CheckFailure(f"self.{name} must be an nn.Conv2d (the docstring lists the seven layers)", case=case)
    expect_parameters(model, Reference(*args), case=case)
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(2))
    expected_channels = args[1] + args[2][1] + args[3][1] + args[4]
    with torch.no_grad():
        out = model.eval()(x)
    if tuple(out.shape) != (shape[0], expected_channels, *shape[2:]):
        raise CheckFailure(f"the output has shape {tuple(out.shape)}; expected {(shape[0], expected_channels, *shape[2:])}"
                           " (c1 + c2[1] + c3[1] + c4 channels, the same H and W)", case=case)
    for mode in ("eval", "train"):
        expect_same_forward(model, Reference(*args), x, mode=mode, case=case, mistakes=variants(args))


def random_params(seed):
    g = torch.Generator().manual_seed(40 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    c_in = r(1, 6)
    return dict(args=(c_in, r(1, 4), (r(1, 4), r(1, 4)), (r(1, 4), r(1, 4)), r(1, 4)), x=(r(1, 3), c_in, r(3, 8), r(3, 8)))


CASES = Cases(check, NAMED, random_params, seeds=3, name="matches the reference block")
