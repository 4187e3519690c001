"""Layer-by-layer shape tables of classic CNNs, computed (never typed) for the theory site.

Each network is described once, layer by layer; output shapes, parameter counts and
multiply-accumulates (MACs) follow from the formulas on the site's CNN page. The tables are
checked against torch modules built independently in tests/test_site_figures.py.
A page embeds a table with the marker <!-- arch: NAME -->.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


def conv_out(size: int, k: int, s: int = 1, p: int = 0, d: int = 1, ceil: bool = False) -> int:
    """floor((size + 2p - d(k-1) - 1) / s) + 1; with ceil_mode, PyTorch's pooling rule."""
    span = size + 2 * p - d * (k - 1) - 1
    out = (math.ceil(span / s) if ceil else span // s) + 1
    if ceil and (out - 1) * s >= size + p:  # the last window must start inside the input or left padding
        out -= 1
    return out


@dataclass
class Row:
    name: str
    op: str
    shape: tuple[int, ...]
    params: int
    macs: int


class Net:
    def __init__(self, title: str, shape: tuple[int, int, int], note: str = ""):
        self.title, self.note = title, note
        self.shape = shape
        self.rows: list[Row] = [Row("input", "", shape, 0, 0)]
        self._group: list[Row] | None = None

    # -- building blocks (each appends one row, or adds to the open group)
    def _add(self, name, op, shape, params, macs):
        self.shape = shape
        row = Row(name, op, shape, params, macs)
        (self._group if self._group is not None else self.rows).append(row)

    def conv(self, name, c_out, k, s=1, p=0, *, bias=True, bn=False, groups=1, op=None):
        c, h, w = self.shape
        ho, wo = conv_out(h, k, s, p), conv_out(w, k, s, p)
        weights = c_out * (c // groups) * k * k
        params = weights + (c_out if bias else 0) + (2 * c_out if bn else 0)
        label = op or f"conv {k}×{k}" + (f", stride {s}" if s > 1 else "") + (f", pad {p}" if p else "") + f" → {c_out}"
        self._add(name, label, (c_out, ho, wo), params, weights * ho * wo)

    def pool(self, name, k, s=None, p=0, *, kind="max", ceil=False):
        s = s or k
        c, h, w = self.shape
        label = f"{kind} pool {k}×{k}" + (f", stride {s}" if s != k else "") + (f", pad {p}" if p else "") + \
            (", ceil" if ceil else "")
        self._add(name, label, (c, conv_out(h, k, s, p, ceil=ceil), conv_out(w, k, s, p, ceil=ceil)), 0, 0)

    def global_pool(self, name="global avg pool"):
        self._add(name, "average over H × W", (self.shape[0], 1, 1), 0, 0)

    def batch_norm(self, name="BN"):
        self._add(name, "batch norm", self.shape, 2 * self.shape[0], 0)

    def flatten(self):
        self.shape = (math.prod(self.shape),)

    def fc(self, name, n_out, *, bias=True):
        n_in = math.prod(self.shape)
        self._add(name, f"fully connected {n_in} → {n_out}", (n_out,), n_in * n_out + (n_out if bias else 0), n_in * n_out)

    # -- composite blocks: their layers are summed into one row
    def begin(self):
        self._group = []

    def end(self, name, op):
        rows, self._group = self._group, None
        self._add(name, op, self.shape, sum(r.params for r in rows), sum(r.macs for r in rows))

    def inception(self, name, c1, c3r, c3, c5r, c5, pp):
        c, h, w = self.shape
        self.begin()
        for c_in, c_out, k in ((c, c1, 1), (c, c3r, 1), (c3r, c3, 3), (c, c5r, 1), (c5r, c5, 5), (c, pp, 1)):
            self.shape = (c_in, h, w)
            self.conv("", c_out, k, p=k // 2)
        self.shape = (c1 + c3 + c5 + pp, h, w)
        self.end(name, f"inception: 1×1 {c1} · 1×1 {c3r} → 3×3 {c3} · 1×1 {c5r} → 5×5 {c5} · pool → 1×1 {pp}")

    def basic_block(self, c_out, stride):
        c_in = self.shape[0]
        start = self.shape
        self.conv("", c_out, 3, stride, 1, bias=False, bn=True)
        self.conv("", c_out, 3, 1, 1, bias=False, bn=True)
        if stride != 1 or c_in != c_out:  # the shortcut needs a 1×1 projection
            end = self.shape
            self.shape = start
            self.conv("", c_out, 1, stride, bias=False, bn=True)
            assert self.shape == end

    def bottleneck(self, mid, stride):
        c_in = self.shape[0]
        start = self.shape
        self.conv("", mid, 1, bias=False, bn=True)
        self.conv("", mid, 3, stride, 1, bias=False, bn=True)
        self.conv("", 4 * mid, 1, bias=False, bn=True)
        if stride != 1 or c_in != 4 * mid:
            end = self.shape
            self.shape = start
            self.conv("", 4 * mid, 1, stride, bias=False, bn=True)
            assert self.shape == end

    def dense_layer(self, growth, bn_size=4):
        c, h, w = self.shape
        self.batch_norm()
        self.conv("", bn_size * growth, 1, bias=False)
        self.batch_norm()
        self.conv("", growth, 3, 1, 1, bias=False)
        self.shape = (c + growth, h, w)  # concatenated to the layer's input

    # -- output
    @property
    def total_params(self) -> int:
        return sum(r.params for r in self.rows)

    @property
    def total_macs(self) -> int:
        return sum(r.macs for r in self.rows)

    def markdown(self) -> str:
        lines = ["| layer | operation | output shape | parameters | MACs |", "|---|---|---|--:|--:|"]
        for r in self.rows:
            shape = " × ".join(str(v) for v in r.shape)
            lines.append(f"| {r.name} | {r.op} | {shape} | {_count(r.params) if r.params else ''} "
                         f"| {_macs(r.macs) if r.macs else ''} |")
        lines.append(f"| **total** | | | **{_count(self.total_params)}** | **{_macs(self.total_macs)}** |")
        table = "\n".join(lines)
        note = f"\n\n{self.note}" if self.note else ""
        return f'<div class="arch-table" markdown>\n\n{table}\n\n</div>{note}\n'


def _count(n: int) -> str:
    return f"{n:,}"


def _macs(n: int) -> str:
    for unit, scale in (("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return str(n)


# ---------------------------------------------------------------- the networks

def lenet5() -> Net:
    net = Net("LeNet-5", (1, 32, 32), "The common modern form: max pooling, ReLU or tanh, a full C3 "
              "(LeCun's C3 connected only some channel pairs, and his output layer was RBF units).")
    net.conv("C1", 6, 5)
    net.pool("S2", 2)
    net.conv("C3", 16, 5)
    net.pool("S4", 2)
    net.flatten()
    net.fc("C5 / F5", 120)
    net.fc("F6", 84)
    net.fc("output", 10)
    return net


def alexnet() -> Net:
    net = Net("AlexNet", (3, 227, 227), "The paper's network on one device (no channel groups), 227 × 227 "
              "input. LRN layers and dropout have no parameters and do not change shapes; ReLU follows every "
              "conv and the first two FC layers. torchvision's variant (64-192-384-256-256 channels, "
              "224 input, adaptive pooling) has 61.1 M parameters.")
    net.conv("conv1", 96, 11, 4)
    net.pool("pool1", 3, 2)
    net.conv("conv2", 256, 5, 1, 2)
    net.pool("pool2", 3, 2)
    net.conv("conv3", 384, 3, 1, 1)
    net.conv("conv4", 384, 3, 1, 1)
    net.conv("conv5", 256, 3, 1, 1)
    net.pool("pool5", 3, 2)
    net.flatten()
    net.fc("fc6", 4096)
    net.fc("fc7", 4096)
    net.fc("fc8", 1000)
    return net


def vgg16() -> Net:
    net = Net("VGG-16", (3, 224, 224), "Configuration D. Every conv is 3 × 3, stride 1, padding 1, followed by "
              "ReLU; every pool is 2 × 2, stride 2.")
    for stage, (n, c) in enumerate([(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)], 1):
        for i in range(1, n + 1):
            net.conv(f"conv{stage}_{i}", c, 3, 1, 1, op=f"conv 3×3 → {c}")
        net.pool(f"pool{stage}", 2)
    net.flatten()
    net.fc("fc6", 4096)
    net.fc("fc7", 4096)
    net.fc("fc8", 1000)
    return net


def nin() -> Net:
    net = Net("Network in Network", (3, 224, 224), "The ImageNet form (as in *Dive into Deep Learning*): each "
              "block is a conv followed by two 1 × 1 convs, each with ReLU; no fully connected layer at all: "
              "the last block outputs one channel per class and global average pooling gives the logits.")
    for i, (c, k, s, p) in enumerate([(96, 11, 4, 0), (256, 5, 1, 2), (384, 3, 1, 1), (1000, 3, 1, 1)], 1):
        net.begin()
        net.conv("", c, k, s, p)
        net.conv("", c, 1)
        net.conv("", c, 1)
        net.end(f"block{i}", f"conv {k}×{k}" + (f", stride {s}" if s > 1 else "") + (f", pad {p}" if p else "") +
                f" → {c}, then 1×1 → {c} twice")
        if i < 4:
            net.pool(f"pool{i}", 3, 2)
    net.global_pool()
    return net


def googlenet() -> Net:
    net = Net("GoogLeNet (Inception v1)", (3, 224, 224), "As in the paper (biases, no batch norm, 5 × 5 branches; "
              "pools use ceil mode as in Caffe). LRN, dropout and the two auxiliary classifiers used only in "
              "training are left out. torchvision's version adds batch norm and uses 3 × 3 convs in the "
              "'5 × 5' branch (6.6 M parameters).")
    net.conv("conv1", 64, 7, 2, 3)
    net.pool("pool1", 3, 2, ceil=True)
    net.begin()
    net.conv("", 64, 1)
    net.conv("", 192, 3, 1, 1)
    net.end("conv2", "conv 1×1 → 64, then 3×3 → 192")
    net.pool("pool2", 3, 2, ceil=True)
    net.inception("3a", 64, 96, 128, 16, 32, 32)
    net.inception("3b", 128, 128, 192, 32, 96, 64)
    net.pool("pool3", 3, 2, ceil=True)
    net.inception("4a", 192, 96, 208, 16, 48, 64)
    net.inception("4b", 160, 112, 224, 24, 64, 64)
    net.inception("4c", 128, 128, 256, 24, 64, 64)
    net.inception("4d", 112, 144, 288, 32, 64, 64)
    net.inception("4e", 256, 160, 320, 32, 128, 128)
    net.pool("pool4", 3, 2, ceil=True)
    net.inception("5a", 256, 160, 320, 32, 128, 128)
    net.inception("5b", 384, 192, 384, 48, 128, 128)
    net.global_pool()
    net.flatten()
    net.fc("fc", 1000)
    return net


def _resnet(title, blocks, bottleneck) -> Net:
    net = Net(title, (3, 224, 224), "As in torchvision: convs without bias, each followed by batch norm "
              "(2 parameters per channel, counted); stride on the 3 × 3 conv of the first block of a stage; "
              "a 1 × 1 projection on the shortcut wherever the shape changes.")
    net.conv("conv1", 64, 7, 2, 3, bias=False, bn=True, op="conv 7×7, stride 2, pad 3 → 64, BN")
    net.pool("pool1", 3, 2, 1)
    for stage, (n, c) in enumerate(zip(blocks, (64, 128, 256, 512)), 2):
        net.begin()
        for i in range(n):
            stride = 2 if i == 0 and stage > 2 else 1
            (net.bottleneck if bottleneck else net.basic_block)(c, stride)
        kind = f"bottleneck 1×1 {c} → 3×3 {c} → 1×1 {4 * c}" if bottleneck else f"basic block 3×3 {c} → 3×3 {c}"
        net.end(f"conv{stage}_x", f"{n} × {kind}" + (", first with stride 2" if stage > 2 else ""))
    net.global_pool()
    net.flatten()
    net.fc("fc", 1000)
    return net


def resnet18() -> Net:
    return _resnet("ResNet-18", (2, 2, 2, 2), bottleneck=False)


def resnet50() -> Net:
    return _resnet("ResNet-50", (3, 4, 6, 3), bottleneck=True)


def densenet121() -> Net:
    growth = 32
    net = Net("DenseNet-121", (3, 224, 224), f"Growth rate k = {growth}: every dense layer is BN-ReLU-1×1 conv "
              f"({4 * growth} channels)-BN-ReLU-3×3 conv ({growth} channels), and its output is concatenated to its "
              "input. Transitions halve the channels with a 1 × 1 conv and the size with a 2 × 2 average pool. "
              "As in torchvision (7,978,856 parameters).")
    net.conv("conv0", 64, 7, 2, 3, bias=False, bn=True, op="conv 7×7, stride 2, pad 3 → 64, BN")
    net.pool("pool0", 3, 2, 1)
    for i, n in enumerate((6, 12, 24, 16), 1):
        c_in = net.shape[0]
        net.begin()
        for _ in range(n):
            net.dense_layer(growth)
        net.end(f"dense block {i}", f"{n} dense layers: {c_in} + {n} × {growth} channels")
        if i < 4:
            c = net.shape[0]
            net.begin()
            net.batch_norm()
            net.conv("", c // 2, 1, bias=False)
            net.pool("", 2, kind="avg")
            net.end(f"transition {i}", f"BN, 1×1 conv → {c // 2}, avg pool 2×2")
    net.batch_norm("final BN")
    net.global_pool()
    net.flatten()
    net.fc("fc", 1000)
    return net


NETS = {
    "lenet5": lenet5,
    "alexnet": alexnet,
    "vgg16": vgg16,
    "nin": nin,
    "googlenet": googlenet,
    "resnet18": resnet18,
    "resnet50": resnet50,
    "densenet121": densenet121,
}

# name: (year, ImageNet input, what it introduced)
MILESTONES = {
    "lenet5": ("1998", "32 × 32 grey digits", "conv → pool → conv → pool → FC: the template"),
    "alexnet": ("2012", "227 × 227", "ReLU, dropout, GPUs, data augmentation; won ILSVRC 2012 (15.3 % top-5 error)"),
    "vgg16": ("2014", "224 × 224", "only 3 × 3 convs, depth 16-19; 2nd in ILSVRC 2014 classification"),
    "nin": ("2013", "224 × 224", "1 × 1 convs (MLP per pixel) and global average pooling instead of FC layers"),
    "googlenet": ("2014", "224 × 224", "inception modules, 1 × 1 reductions; won ILSVRC 2014 (6.67 % top-5)"),
    "resnet18": ("2015", "224 × 224", "residual connections, batch norm; ResNets won ILSVRC 2015 (3.57 % top-5)"),
    "resnet50": ("2015", "224 × 224", "bottleneck blocks 1 × 1 → 3 × 3 → 1 × 1"),
    "densenet121": ("2017", "224 × 224", "every layer gets all earlier feature maps (concatenation)"),
}


def summary_table() -> str:
    rows = ["| network | year | parameters | MACs per image | what it introduced |", "|---|---|--:|--:|---|"]
    for key, make in NETS.items():
        net = make()
        year, _, idea = MILESTONES[key]
        rows.append(f"| [{net.title}](#{key}) | {year} | {_macs(net.total_params)} | {_macs(net.total_macs)} "
                    f"| {idea} |")
    return "\n".join(rows) + "\n"


# ---------------------------------------------------------------- the exercises' networks, by the reference model_summary
# <!-- summary: NAME --> on a page becomes the layer table of exercise NAME's reference network, computed at build
# time by solutions/model_summary.py on the meta device (no weights are allocated, even for VGG-11's 129M).

SUMMARIES = {  # exercise: (what is built, from its solution module; the input shape)
    "lenet": (lambda m: m.lenet(), (1, 1, 28, 28)),
    "alexnet": (lambda m: m.alexnet(), (1, 1, 224, 224)),
    "vgg": (lambda m: m.vgg(((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))), (1, 1, 224, 224)),
    "nin": (lambda m: m.nin(), (1, 1, 224, 224)),
    "inception": (lambda m: m.Inception(192, 64, (96, 128), (16, 32), 32), (1, 192, 28, 28)),
    "residual_block": (lambda m: m.resnet18(), (1, 1, 224, 224)),
    "dense_block": (lambda m: m.DenseBlock(2, 3, 10), (4, 3, 8, 8)),
}
SUMMARY = __import__("re").compile(r"<!--\s*summary:\s*(\w+)\s*-->")


def _solution(name: str):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent.parent / "solutions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_kit_solution_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exercise_summary(name: str) -> str:
    """The layer table of an exercise's reference network, as a collapsible block (the marker's replacement)."""
    import torch

    make, shape = SUMMARIES[name]
    with torch.device("meta"):
        model = make(_solution(name))
    rows = _solution("model_summary").model_summary(model, shape)
    shape_text = lambda s: " × ".join(map(str, s[1:]))  # noqa: E731 - the batch axis is the input's
    lines = ["| layer | type | output (C × H × W) | parameters | MACs |", "|---|---|---|---:|---:|"]
    lines += [f"| `{r['name']}` | {r['type']} | {shape_text(r['output_shape'])} | {_count(r['params'])} | "
              f"{_macs(r['macs'])} |" for r in rows]
    lines.append(f"| **total** | | | **{_count(sum(r['params'] for r in rows))}** | "
                 f"**{_macs(sum(r['macs'] for r in rows))}** |")
    head = (f'??? example "The exercise\'s network, layer by layer: input {shape_text(shape)}, batch {shape[0]} '
            f'(computed at build time by the reference model_summary)"')
    return "\n".join([head, ""] + ["    " + line for line in lines]) + "\n"


def exercise_summaries(markdown: str) -> str:
    from pathlib import Path

    solutions = Path(__file__).resolve().parent.parent.parent / "solutions"
    return SUMMARY.sub(lambda m: exercise_summary(m.group(1)) if (solutions / f"{m.group(1)}.py").exists() else "",
                       markdown)
