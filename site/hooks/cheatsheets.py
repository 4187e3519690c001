"""One printable page per theory topic (cheatsheets/<topic>.md, generated at build time).

Each sheet is the topic's formulas and shapes (written here, from the topic page) and a table of
PyTorch's defaults read from the signatures of the installed torch (`inspect.signature`), so the
numbers on the page are the ones `torch` uses. hooks.py adds the pages, a "Cheat sheets" section
of the navigation, and a link from each topic page; extra.css lays the sheets out for print.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sheet:
    title: str
    lines: list[str]                      # Markdown bullet points: formulas, shapes, conventions
    defaults: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (torch path, argument names)


SHEETS: dict[str, Sheet] = {
    "ml-basics": Sheet("Machine-learning basics", [
        r"Expected test error = bias² + variance + irreducible noise (squared loss).",
        r"Train / validation / test: tune on validation, report test once.",
        r"Precision \(= TP/(TP+FP)\), recall \(= TP/(TP+FN)\), \(F_1 = 2PR/(P+R)\).",
        r"L2 penalty \(\tfrac{\lambda}{2}\lVert w\rVert^2\) adds \(\lambda w\) to the gradient (weight decay for SGD).",
        r"Double descent: test error can fall, rise near interpolation and fall again, in model size and in epochs.",
    ]),
    "neural-networks": Sheet("Neural networks", [
        r"Linear layer: \(y = xW^\top + b\), \(x: (N, D_{in})\), \(W: (D_{out}, D_{in})\), \(b: (D_{out},)\).",
        r"\(\sigma'(x) = \sigma(x)(1 - \sigma(x))\) (at most 1/4); \(\tanh' = 1 - \tanh^2\); ReLU' = 1 for \(x > 0\).",
        r"GELU: \(x\,\Phi(x)\); `approximate='tanh'` is the tanh formula.",
        r"Softmax: subtract the row max before `exp`; \(\log\operatorname{softmax} = x - \operatorname{logsumexp}(x)\).",
    ], [("torch.nn.LeakyReLU", ("negative_slope",)), ("torch.nn.GELU", ("approximate",)),
        ("torch.nn.Dropout", ("p",))]),
    "losses": Sheet("Losses", [
        r"Cross-entropy takes **logits** \((N, C)\) and class indices \((N,)\): \(\operatorname{logsumexp}(z) - z_y\).",
        r"BCE with logits: \(\max(x, 0) - xy + \log(1 + e^{-\lvert x\rvert})\); gradient \(\sigma(x) - y\).",
        r"Smooth L1: \(\tfrac12 e^2/\beta\) for \(\lvert e\rvert < \beta\), else \(\lvert e\rvert - \tfrac12\beta\); gradient \(\operatorname{clip}(e/\beta, -1, 1)\).",
        r"`reduction='mean'` divides by the number of elements (cross-entropy: by the non-ignored targets, or the sum of their weights).",
    ], [("torch.nn.CrossEntropyLoss", ("ignore_index", "reduction", "label_smoothing")),
        ("torch.nn.SmoothL1Loss", ("beta", "reduction")), ("torch.nn.BCEWithLogitsLoss", ("reduction", "pos_weight"))]),
    "backprop": Sheet("Backpropagation", [
        r"\(y = xW^\top\): \(\partial L/\partial x = g W\), \(\partial L/\partial W = g^\top x\), bias: \(\sum_n g\).",
        r"A gradient has the shape of what it differentiates; broadcasting in the forward pass is a sum in the backward pass.",
        r"Softmax + cross-entropy: \(\partial L/\partial z = (\operatorname{softmax}(z) - \text{onehot}(y))/N\).",
        r"Check gradients with finite differences in float64: \((f(x + h) - f(x - h))/2h\).",
    ]),
    "optimisers": Sheet("Optimisers", [
        r"SGD momentum (PyTorch): \(v \leftarrow \mu v + g\), \(\theta \leftarrow \theta - \eta v\).",
        r"Adam: \(m \leftarrow \beta_1 m + (1-\beta_1)g\), \(v \leftarrow \beta_2 v + (1-\beta_2)g^2\), "
        r"\(\theta \leftarrow \theta - \eta\,\hat m/(\sqrt{\hat v} + \epsilon)\), \(\hat m = m/(1-\beta_1^t)\).",
        r"AdamW decays the weights directly, \(\theta \leftarrow \theta(1 - \eta\lambda)\), not through the gradient.",
        r"Clip by global norm: scale every gradient by \(\min(1, c/\lVert g\rVert_2)\).",
    ], [("torch.optim.SGD", ("lr", "momentum", "dampening", "nesterov", "weight_decay")),
        ("torch.optim.Adam", ("lr", "betas", "eps", "weight_decay")),
        ("torch.optim.AdamW", ("lr", "betas", "eps", "weight_decay")),
        ("torch.optim.RMSprop", ("lr", "alpha", "eps")),
        ("torch.nn.utils.clip_grad_norm_", ("norm_type",))]),
    "initialisation-and-stability": Sheet("Initialisation and stability", [
        r"Xavier / Glorot: \(\operatorname{Var} w = 2/(n_{in} + n_{out})\); Kaiming / He: \(\operatorname{Var} w = 2/n_{in}\) for ReLU.",
        r"Uniform with variance \(s^2\): bound \(\sqrt 3\, s\). Conv fans: \(n_{in} = C_{in} k_H k_W\).",
        r"fp16 overflows above 65504 (loss scaling); bf16 has fp32's range and 8 bits of precision.",
        r"A fully masked softmax row is NaN: \(-\infty - (-\infty)\).",
    ], [("torch.nn.init.kaiming_uniform_", ("a", "mode", "nonlinearity")),
        ("torch.nn.init.xavier_uniform_", ("gain",))]),
    "normalisation": Sheet("Normalisation", [
        r"\(y = \gamma\,(x - \mu)/\sqrt{\sigma^2 + \epsilon} + \beta\); \(\epsilon\) inside the square root.",
        r"BatchNorm: statistics over \((N, H, W)\) per channel; LayerNorm: over the last dims per sample.",
        r"Running stats: \(\hat\mu \leftarrow (1 - m)\hat\mu + m\mu\) with momentum \(m\); the running variance is unbiased (\(n - 1\)), the normalisation uses the biased one.",
        r"`model.eval()` switches BatchNorm to the running statistics and turns dropout off.",
    ], [("torch.nn.BatchNorm2d", ("eps", "momentum", "affine", "track_running_stats")),
        ("torch.nn.LayerNorm", ("eps", "elementwise_affine")), ("torch.nn.GroupNorm", ("eps",))]),
    "training-practice": Sheet("Training practice", [
        r"Learning-rate range test, then warm-up and cosine decay; scale the LR with the batch size (linear rule, with warm-up).",
        r"`optimizer.zero_grad()` every step (gradients accumulate); `model.train()` / `model.eval()`.",
        r"DataLoader workers reseed `random`, torch and NumPy's global RNG; a generator the dataset made itself is copied.",
        r"Mixed precision: autocast + a gradient scaler for fp16; bf16 needs no scaler.",
    ], [("torch.utils.data.DataLoader", ("batch_size", "num_workers", "drop_last", "pin_memory"))]),
    "cnn": Sheet("Convolutional networks", [
        r"Output size \(\lfloor (n + 2p - d(k - 1) - 1)/s \rfloor + 1\); ceil mode (pooling) rounds up.",
        r"Transposed: \((n - 1)s - 2p + d(k - 1) + \text{output\_padding} + 1\).",
        r"Parameters of a conv: \(C_{out}(C_{in} k^2/g + 1)\); MACs \(C_{out} H_{out} W_{out} C_{in} k^2/g\).",
        r"Receptive field: \(r_l = r_{l-1} + d_l(k_l - 1) j_{l-1}\), \(j_l = j_{l-1} s_l\).",
        r"PyTorch computes cross-correlation (no kernel flip); weights \((C_{out}, C_{in}/g, k_H, k_W)\).",
        r"Pooling's `stride=None` means stride = kernel size (windows side by side), not 1.",
    ], [("torch.nn.Conv2d", ("stride", "padding", "dilation", "groups", "bias")),
        ("torch.nn.MaxPool2d", ("stride", "padding", "ceil_mode")),
        ("torch.nn.AvgPool2d", ("stride", "padding", "count_include_pad"))]),
    "architectures": Sheet("Classic CNN architectures", [
        r"AlexNet: 8 layers, ~61 M parameters, most in the FC layers; VGG-16: 138 M, all 3×3 convs.",
        r"GoogLeNet: inception modules with 1×1 reductions, then global average pooling instead of big FC layers.",
        r"ResNet: \(y = x + F(x)\); projection shortcut (1×1, stride 2) where the shape changes.",
        r"FLOPs ≈ 2 × multiply-adds: check which one a paper quotes.",
    ]),
    "detection": Sheet("Object detection", [
        r"IoU \(= \lvert A \cap B\rvert / \lvert A \cup B\rvert\), boxes \((x_1, y_1, x_2, y_2)\), continuous coordinates (no +1).",
        r"NMS: sort by score, keep the best, drop those with IoU > threshold, repeat.",
        r"Per-class NMS by offsets: shift class \(c\) by \(c\,(\max - \min + 1)\) (or \(\max + 1\) when coordinates are ≥ 0).",
        r"Box encoding against an anchor (centre \(x_a\), width \(w_a\)): \(t_x = (x - x_a)/w_a\), \(t_w = \log(w/w_a)\).",
    ]),
    "rnn": Sheet("Recurrent networks", [
        r"RNN: \(h' = \tanh(x W_{ih}^\top + b_{ih} + h W_{hh}^\top + b_{hh})\).",
        r"LSTM gates in the order i, f, g, o: \(c' = f \odot c + i \odot g\), \(h' = o \odot \tanh(c')\).",
        r"GRU (PyTorch): \(n = \tanh(W_{in}x + b_{in} + r \odot (W_{hn}h + b_{hn}))\), \(h' = (1 - z) \odot n + z \odot h\).",
        r"`batch_first=False` by default: inputs \((L, N, H_{in})\).",
    ], [("torch.nn.RNNCell", ("bias", "nonlinearity")), ("torch.nn.LSTMCell", ("bias",)),
        ("torch.nn.GRUCell", ("bias",))]),
    "attention": Sheet("Attention", [
        r"\(\operatorname{softmax}(QK^\top/\sqrt{d_k})V\); shapes \((N, h, L, d)\), scores \((N, h, L_q, L_k)\).",
        r"Boolean masks: in `F.scaled_dot_product_attention` **True = attend**; in `nn.MultiheadAttention` "
        r"(`attn_mask`, `key_padding_mask`) **True = masked out**.",
        r"Causal mask: position \(i\) sees \(j \le i\); `torch.triu(ones, 1)` marks what to hide.",
        r"Sinusoidal encoding: \(PE[p, 2i] = \sin(p\,\omega_i)\), \(PE[p, 2i+1] = \cos(p\,\omega_i)\), \(\omega_i = 10000^{-2i/d}\).",
    ], [("torch.nn.MultiheadAttention", ("dropout", "bias", "batch_first"))]),
    "pytorch-multiplication": Sheet("Multiplication in PyTorch", [
        r"`*` is element-wise with broadcasting; `@` / `matmul` is the matrix product, batched over leading dims.",
        r"`mm` 2-D only, `bmm` 3-D with equal batch; `matmul` of 1-D vectors is a dot product (a scalar).",
        r"Broadcasting aligns shapes from the right; a dim of size 1 stretches.",
        r"`einsum('bij,bjk->bik', a, b)` names every axis: the clearest way to write a contraction.",
    ]),
}


def _value(default) -> str:
    if isinstance(default, str):
        return f"'{default}'"
    return repr(default)


def defaults_table(entries: list[tuple[str, tuple[str, ...]]]) -> str:
    """The defaults of each torch callable named, read from the installed torch's signatures."""
    import importlib

    rows = ["| PyTorch | defaults |", "|---|---|"]
    for path, names in entries:
        module, _, attr = path.rpartition(".")
        obj = getattr(importlib.import_module(module), attr)
        params = inspect.signature(obj).parameters
        shown = ", ".join(f"`{n}={_value(params[n].default)}`" for n in names)
        rows.append(f"| `{path.removeprefix('torch.')}` | {shown} |")
    return "\n".join(rows) + "\n"


def page(stem: str) -> str:
    import torch

    sheet = SHEETS[stem]
    body = "\n".join(f"- {line}" for line in sheet.lines)
    table = ("\n\n**Defaults** (read from torch " + torch.__version__.split("+")[0] + " when the site was built)\n\n"
             + defaults_table(sheet.defaults)) if sheet.defaults else "\n"
    return (f"# Cheat sheet: {sheet.title}\n\n"
            f'<div class="cheatsheet" markdown>\n\n{body}\n{table}\n</div>\n\n'
            f"[The full page](../topics/{stem}.md) · print this page for one sheet (Ctrl+P).\n")


def link(stem: str) -> str:
    return f"\n[Printable cheat sheet](../cheatsheets/{stem}.md){{ .md-button .cheatsheet-link }}\n"
