"""What the theory site computes at build time is right: checked against PyTorch.

- layer tables of the classic CNNs (site/hooks/architectures.py) against torch modules written
  independently below (on the meta device: shapes and parameters without any arithmetic),
  and against the published parameter counts;
- learning-rate schedules and optimiser trajectories drawn on the site (site/hooks/plots.py)
  against torch.optim;
- the floating-point table and the multiplication examples (site/hooks/facts.py) against
  torch.finfo and torch itself;
- every plot is valid SVG and byte-for-byte reproducible.
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import torch
from torch import nn

import architectures  # site/hooks/: tests/conftest.py puts it on sys.path
import facts
import plots

pytestmark = pytest.mark.slow  # build-time figures against torch, layer by layer


# ---------------------------------------------------------------- architectures, written in torch

def _conv(c_in, c_out, k, s=1, p=0, bias=True, bn=False):
    layers = [nn.Conv2d(c_in, c_out, k, s, p, bias=bias)]
    return nn.Sequential(*layers, nn.BatchNorm2d(c_out), nn.ReLU()) if bn else nn.Sequential(*layers, nn.ReLU())


class Inception(nn.Module):
    def __init__(self, c_in, c1, c3r, c3, c5r, c5, pp):
        super().__init__()
        self.b1 = _conv(c_in, c1, 1)
        self.b2 = nn.Sequential(_conv(c_in, c3r, 1), _conv(c3r, c3, 3, p=1))
        self.b3 = nn.Sequential(_conv(c_in, c5r, 1), _conv(c5r, c5, 5, p=2))
        self.b4 = nn.Sequential(nn.MaxPool2d(3, 1, 1), _conv(c_in, pp, 1))

    def forward(self, x):
        return torch.cat([self.b1(x), self.b2(x), self.b3(x), self.b4(x)], 1)


class Basic(nn.Module):
    def __init__(self, c_in, c, stride):
        super().__init__()
        self.f = nn.Sequential(_conv(c_in, c, 3, stride, 1, bias=False, bn=True),
                               nn.Conv2d(c, c, 3, 1, 1, bias=False), nn.BatchNorm2d(c))
        self.short = (nn.Sequential(nn.Conv2d(c_in, c, 1, stride, bias=False), nn.BatchNorm2d(c))
                      if stride != 1 or c_in != c else nn.Identity())

    def forward(self, x):
        return torch.relu(self.f(x) + self.short(x))


class Bottleneck(nn.Module):
    def __init__(self, c_in, mid, stride):
        super().__init__()
        self.f = nn.Sequential(_conv(c_in, mid, 1, bias=False, bn=True), _conv(mid, mid, 3, stride, 1, bias=False, bn=True),
                               nn.Conv2d(mid, 4 * mid, 1, bias=False), nn.BatchNorm2d(4 * mid))
        self.short = (nn.Sequential(nn.Conv2d(c_in, 4 * mid, 1, stride, bias=False), nn.BatchNorm2d(4 * mid))
                      if stride != 1 or c_in != 4 * mid else nn.Identity())

    def forward(self, x):
        return torch.relu(self.f(x) + self.short(x))


class DenseLayer(nn.Module):
    def __init__(self, c_in, growth):
        super().__init__()
        self.f = nn.Sequential(nn.BatchNorm2d(c_in), nn.ReLU(), nn.Conv2d(c_in, 4 * growth, 1, bias=False),
                               nn.BatchNorm2d(4 * growth), nn.ReLU(), nn.Conv2d(4 * growth, growth, 3, 1, 1, bias=False))

    def forward(self, x):
        return torch.cat([x, self.f(x)], 1)


def _head(c, n=1000):
    return nn.Sequential(nn.Flatten(), nn.Linear(c, n))


def torch_lenet5():
    return [_conv(1, 6, 5), nn.MaxPool2d(2), _conv(6, 16, 5), nn.MaxPool2d(2),
            nn.Sequential(nn.Flatten(), nn.Linear(400, 120)), nn.Linear(120, 84), nn.Linear(84, 10)]


def torch_alexnet():
    return [_conv(3, 96, 11, 4), nn.MaxPool2d(3, 2), _conv(96, 256, 5, 1, 2), nn.MaxPool2d(3, 2),
            _conv(256, 384, 3, 1, 1), _conv(384, 384, 3, 1, 1), _conv(384, 256, 3, 1, 1), nn.MaxPool2d(3, 2),
            nn.Sequential(nn.Flatten(), nn.Linear(9216, 4096)), nn.Linear(4096, 4096), nn.Linear(4096, 1000)]


def torch_vgg16():
    rows, c_in = [], 3
    for n, c in [(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)]:
        for _ in range(n):
            rows.append(_conv(c_in, c, 3, 1, 1))
            c_in = c
        rows.append(nn.MaxPool2d(2))
    return rows + [nn.Sequential(nn.Flatten(), nn.Linear(25088, 4096)), nn.Linear(4096, 4096), nn.Linear(4096, 1000)]


def torch_nin():
    def block(c_in, c, k, s, p):
        return nn.Sequential(_conv(c_in, c, k, s, p), _conv(c, c, 1), _conv(c, c, 1))
    return [block(3, 96, 11, 4, 0), nn.MaxPool2d(3, 2), block(96, 256, 5, 1, 2), nn.MaxPool2d(3, 2),
            block(256, 384, 3, 1, 1), nn.MaxPool2d(3, 2), block(384, 1000, 3, 1, 1), nn.AdaptiveAvgPool2d(1)]


def torch_googlenet():
    pool = lambda: nn.MaxPool2d(3, 2, ceil_mode=True)  # noqa: E731
    return [_conv(3, 64, 7, 2, 3), pool(), nn.Sequential(_conv(64, 64, 1), _conv(64, 192, 3, 1, 1)), pool(),
            Inception(192, 64, 96, 128, 16, 32, 32), Inception(256, 128, 128, 192, 32, 96, 64), pool(),
            Inception(480, 192, 96, 208, 16, 48, 64), Inception(512, 160, 112, 224, 24, 64, 64),
            Inception(512, 128, 128, 256, 24, 64, 64), Inception(512, 112, 144, 288, 32, 64, 64),
            Inception(528, 256, 160, 320, 32, 128, 128), pool(),
            Inception(832, 256, 160, 320, 32, 128, 128), Inception(832, 384, 192, 384, 48, 128, 128),
            nn.AdaptiveAvgPool2d(1), _head(1024)]


def _torch_resnet(blocks, block, expansion):
    rows = [_conv(3, 64, 7, 2, 3, bias=False, bn=True), nn.MaxPool2d(3, 2, 1)]
    c_in = 64
    for stage, (n, c) in enumerate(zip(blocks, (64, 128, 256, 512))):
        layers = []
        for i in range(n):
            layers.append(block(c_in, c, 2 if i == 0 and stage > 0 else 1))
            c_in = c * expansion
        rows.append(nn.Sequential(*layers))
    return rows + [nn.AdaptiveAvgPool2d(1), _head(c_in)]


def torch_densenet121():
    rows = [_conv(3, 64, 7, 2, 3, bias=False, bn=True), nn.MaxPool2d(3, 2, 1)]
    c = 64
    for i, n in enumerate((6, 12, 24, 16)):
        layers = []
        for _ in range(n):
            layers.append(DenseLayer(c, 32))
            c += 32
        rows.append(nn.Sequential(*layers))
        if i < 3:
            rows.append(nn.Sequential(nn.BatchNorm2d(c), nn.ReLU(), nn.Conv2d(c, c // 2, 1, bias=False), nn.AvgPool2d(2)))
            c //= 2
    return rows + [nn.BatchNorm2d(c), nn.AdaptiveAvgPool2d(1), _head(c)]


TORCH_NETS = {
    "lenet5": (torch_lenet5, 61_706),
    "alexnet": (torch_alexnet, 62_378_344),            # the famous "62.3 million"
    "vgg16": (torch_vgg16, 138_357_544),               # torchvision.models.vgg16
    "nin": (torch_nin, None),
    "googlenet": (torch_googlenet, None),
    "resnet18": (lambda: _torch_resnet((2, 2, 2, 2), Basic, 1), 11_689_512),        # torchvision
    "resnet50": (lambda: _torch_resnet((3, 4, 6, 3), Bottleneck, 4), 25_557_032),   # torchvision
    "densenet121": (torch_densenet121, 7_978_856),     # torchvision
}


@pytest.mark.parametrize("name", list(architectures.NETS), ids=list(architectures.NETS))
def test_architecture_table_matches_torch(name):
    net = architectures.NETS[name]()
    build, published = TORCH_NETS[name]
    with torch.device("meta"):
        rows = build()
        x = torch.empty(1, *net.rows[0].shape)
    table = net.rows[1:]
    assert len(rows) == len(table), f"{name}: {len(table)} table rows, {len(rows)} torch rows"
    for row, module in zip(table, rows):
        x = module(x)
        assert tuple(x.shape[1:]) == row.shape, f"{name} {row.name}: table {row.shape}, torch {tuple(x.shape[1:])}"
        params = sum(p.numel() for p in module.parameters())
        assert params == row.params, f"{name} {row.name}: table {row.params} parameters, torch {params}"
    if published is not None:
        assert net.total_params == published


@pytest.mark.parametrize("name", ["lenet5", "alexnet", "resnet18"])
def test_architecture_macs_match_torch_flop_counter(name):
    from torch.utils.flop_counter import FlopCounterMode

    net = architectures.NETS[name]()
    build, _ = TORCH_NETS[name]
    with torch.device("meta"):
        model = nn.Sequential(*build())
        x = torch.empty(1, *net.rows[0].shape)
    with FlopCounterMode(display=False) as counter:
        model(x)
    assert counter.get_total_flops() == 2 * net.total_macs  # one multiply-accumulate = 2 FLOPs


def test_conv_out_matches_torch_pooling_in_ceil_mode():
    for n in range(4, 30):
        for k, s, p in ((3, 2, 0), (3, 2, 1), (2, 2, 1), (5, 3, 2)):
            expected = nn.functional.max_pool1d(torch.zeros(1, 1, n), k, s, p, ceil_mode=True).shape[-1]
            assert architectures.conv_out(n, k, s, p, ceil=True) == expected, (n, k, s, p)


# ---------------------------------------------------------------- schedules and optimisers

def _torch_lrs(make_scheduler, steps, base):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base)
    scheduler = make_scheduler(opt)
    lrs = []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        scheduler.step()
    return np.array(lrs)


def test_lr_schedules_drawn_match_torch():
    S = torch.optim.lr_scheduler
    np.testing.assert_allclose(plots.step_lr(100), _torch_lrs(lambda o: S.StepLR(o, 30, 0.1), 100, 0.1), rtol=1e-9)
    np.testing.assert_allclose(plots.exponential_lr(100), _torch_lrs(lambda o: S.ExponentialLR(o, 0.95), 100, 0.1),
                               rtol=1e-9)
    np.testing.assert_allclose(plots.cosine_lr(100, t_max=100),
                               _torch_lrs(lambda o: S.CosineAnnealingLR(o, 100), 100, 0.1), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(plots.one_cycle_lr(1000),
                               _torch_lrs(lambda o: S.OneCycleLR(o, max_lr=1e-3, total_steps=1000), 1000, 1e-3),
                               rtol=1e-7, atol=1e-12)


@pytest.mark.parametrize("name, make", [
    ("sgd", lambda p: torch.optim.SGD([p], lr=0.045)),
    ("momentum", lambda p: torch.optim.SGD([p], lr=0.05, momentum=0.6)),
    ("nesterov", lambda p: torch.optim.SGD([p], lr=0.05, momentum=0.6, nesterov=True)),
    ("rmsprop", lambda p: torch.optim.RMSprop([p], lr=0.05)),
    ("adam", lambda p: torch.optim.Adam([p], lr=0.3)),
])
def test_optimiser_paths_drawn_match_torch(name, make):
    steps = 40
    ours = {"sgd": lambda: plots.run_sgd(steps, 0.045),
            "momentum": lambda: plots.run_sgd(steps, 0.05, momentum=0.6),
            "nesterov": lambda: plots.run_sgd(steps, 0.05, momentum=0.6, nesterov=True),
            "rmsprop": lambda: plots.run_rmsprop(steps, 0.05),
            "adam": lambda: plots.run_adam(steps, 0.3)}[name]()
    p = torch.tensor(plots.START, dtype=torch.float64, requires_grad=True)
    a = torch.tensor(plots.QUADRATIC, dtype=torch.float64)
    opt = make(p)
    path = [p.detach().clone().numpy()]
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * (a * p * p).sum()).backward()
        opt.step()
        path.append(p.detach().clone().numpy())
    np.testing.assert_allclose(ours, np.array(path), rtol=1e-9, atol=1e-12)


# ---------------------------------------------------------------- facts

@pytest.mark.parametrize("fmt", [f for f in facts.FLOAT_FORMATS if f.torch_name], ids=lambda f: f.name)
def test_float_format_table_matches_torch_finfo(fmt):
    dtype = getattr(torch, fmt.torch_name, None)
    if dtype is None:
        pytest.skip(f"this torch has no {fmt.torch_name}")
    info = torch.finfo(dtype)
    assert fmt.max == info.max
    assert fmt.min_normal == info.smallest_normal
    assert fmt.eps == info.eps
    assert fmt.min_subnormal == 2.0 ** (math.log2(info.smallest_normal) - fmt.mantissa_bits)
    assert fmt.exponent_bits + fmt.mantissa_bits + 1 == info.bits


@pytest.mark.parametrize("expr, a_shape, b_shape, result", facts.MATMUL_EXAMPLES,
                         ids=[f"{e}|{a}|{b}" for e, a, b, _ in facts.MATMUL_EXAMPLES])
def test_multiplication_examples_match_torch(expr, a_shape, b_shape, result):
    a, b = torch.ones(a_shape), torch.ones(b_shape)
    if result == "error":
        with pytest.raises(RuntimeError):
            eval(expr, {"torch": torch, "a": a, "b": b})
    else:
        assert tuple(eval(expr, {"torch": torch, "a": a, "b": b}).shape) == result


# ---------------------------------------------------------------- plots

def test_plots_are_valid_svg_and_reproducible():
    first = plots.render_all()
    again = plots.render_all()
    for name, svg in first.items():
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg") and int(root.get("width")) > 0 and int(root.get("height")) > 0, name
        assert svg == again[name], f"{name} changes from one build to the next: seed every random draw"
        assert not re.search(r"\b(nan|inf)\b", svg, re.I), f"{name}: NaN or infinite coordinates"


def test_computed_facts_in_the_prose_hold():
    """The numbers the pages state through <!-- fact: ... --> markers, recomputed independently."""
    import math

    import numpy as np
    import torch.nn.functional as F

    import facts

    # batch_norm: E[x²] − E[x]² in float32 on values around 300 really loses digits, two-pass does not.
    naive, true = facts.variance_by_cancellation(**facts.CANCELLATION_CASE)
    assert abs(naive - true) / true > 1e-3
    assert f"{naive:.4f}" in facts.bn_cancellation() and "5 of float32's 7" in facts.bn_cancellation()
    # init: the relative standard error of a sample std, simulated.
    rng = np.random.default_rng(0)
    stds = rng.standard_normal((400, facts.INIT_DRAWS)).std(axis=1)
    assert abs(stds.std() - 1 / math.sqrt(2 * facts.INIT_DRAWS)) < 0.1 / math.sqrt(2 * facts.INIT_DRAWS)
    assert "0.55%" in facts.init_std_error()
    # GoogLeNet 3a: multiply-adds counted by PyTorch's FLOP counter (two FLOPs per multiply-add).
    from torch.utils.flop_counter import FlopCounterMode

    def macs(c_in, c_out, k):
        x, w = torch.zeros(1, c_in, 28, 28), torch.zeros(c_out, c_in, k, k)
        with FlopCounterMode(display=False) as counter:
            F.conv2d(x, w, padding=k // 2)
        return counter.get_total_flops() / 2

    direct, conv5, reduce = macs(192, 32, 5), macs(16, 32, 5), macs(192, 16, 1)
    text = facts.inception_3a_saving()
    assert f"{direct / conv5:.0f} times fewer" in text and f"{direct / (conv5 + reduce):.1f} times fewer" in text
    # AlexNet: groups=2 in conv2, conv4, conv5 gives the paper's ~61 M parameters.
    grouped = sum(p.numel() for p in torch_alexnet_grouped().parameters())
    assert f"{grouped / 1e6:.2f} M in all" in facts.alexnet_groups()


def torch_alexnet_grouped():
    import torch.nn as nn

    return nn.Sequential(
        nn.Conv2d(3, 96, 11, 4), nn.MaxPool2d(3, 2), nn.Conv2d(96, 256, 5, 1, 2, groups=2), nn.MaxPool2d(3, 2),
        nn.Conv2d(256, 384, 3, 1, 1), nn.Conv2d(384, 384, 3, 1, 1, groups=2), nn.Conv2d(384, 256, 3, 1, 1, groups=2),
        nn.MaxPool2d(3, 2), nn.Flatten(), nn.Linear(9216, 4096), nn.Linear(4096, 4096), nn.Linear(4096, 1000))
