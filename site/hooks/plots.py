"""The theory site's plots: computed with NumPy at build time, drawn as SVG (svgplot.py).

Every figure is the output of the code below (seeded, so the bytes never change, with NumPy on
one BLAS thread as hooks.on_startup and tests/conftest.py set it), never a picture drawn by
hand: the curves are right because they are computed. The formulas that torch also implements
(LR schedules, optimiser steps) are checked against torch in tests/test_site_figures.py.

PLOTS maps a file name (served as assets/plots/<name>) to a function returning the SVG text.
"""
from __future__ import annotations

import math

import numpy as np

from svgplot import DIVERGING, PALETTE, Figure

W2 = 780                      # width of a two-panel figure
LEFT = (72, 42, 290, 220)     # (x, y, w, h) of the left panel
RIGHT = (462, 42, 290, 220)   # and of the right one
H2 = 320


def _erf(x):
    return np.vectorize(math.erf)(x)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


ACTIVATIONS = {
    # name: (f, f')
    "sigmoid": (sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x))),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "ReLU": (lambda x: np.maximum(x, 0), lambda x: np.where(x > 0, 1.0, np.where(x < 0, 0.0, np.nan))),
    "leaky ReLU (α = 0.1)": (lambda x: np.where(x > 0, x, 0.1 * x),
                             lambda x: np.where(x > 0, 1.0, np.where(x < 0, 0.1, np.nan))),
    "GELU": (lambda x: x * 0.5 * (1 + _erf(x / math.sqrt(2))),
             lambda x: 0.5 * (1 + _erf(x / math.sqrt(2))) + x * np.exp(-x * x / 2) / math.sqrt(2 * math.pi)),
    "SiLU / swish": (lambda x: x * sigmoid(x), lambda x: sigmoid(x) * (1 + x * (1 - sigmoid(x)))),
}


def activations() -> str:
    x = np.linspace(-4, 4, 321)
    fig = Figure(W2, H2, description="Common activation functions and their derivatives")
    left = fig.axes(LEFT, (-4, 4), (-1.5, 4), title="f(x)", xlabel="x")
    right = fig.axes(RIGHT, (-4, 4), (-0.2, 1.2), title="f ′(x)", xlabel="x")
    for k, (name, (f, df)) in enumerate(ACTIVATIONS.items()):
        colour = PALETTE[k]
        dash = "6 4" if name.startswith("leaky") else None
        left.line(x, f(x), color=colour, label=name, dash=dash)
        right.line(x, df(x), color=colour, dash=dash)
    left.legend("upper left")
    return fig.render()


def sigmoid_saturation() -> str:
    x = np.linspace(-8, 8, 321)
    fig = Figure(W2, H2, description="Sigmoid saturates; gradients vanish through depth")
    left = fig.axes(LEFT, (-8, 8), (-0.05, 1.05), title="sigmoid and its slope", xlabel="x")
    left.vspan(-8, -4, label="saturated: σ′ < 0.018")
    left.vspan(4, 8)
    left.line(x, sigmoid(x), label="σ(x)")
    left.line(x, sigmoid(x) * (1 - sigmoid(x)), label="σ′(x) = σ(1 − σ) ≤ 1/4")
    left.legend("upper left")

    # Backprop a random gradient through a 20-layer MLP and record its size at every layer.
    rng = np.random.default_rng(0)
    n, batch, depth = 128, 64, 20
    right = fig.axes(RIGHT, (1, depth), (1e-14, 10), logy=True, title="gradient size through depth",
                     xlabel="layer (20 = output)", ylabel="‖∂L/∂z‖ relative to layer 20")
    for k, (name, act, dact, std) in enumerate([
        ("sigmoid, Xavier init", sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z)), math.sqrt(1 / n)),
        ("tanh, Xavier init", np.tanh, lambda z: 1 - np.tanh(z) ** 2, math.sqrt(1 / n)),
        ("ReLU, He init", lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float), math.sqrt(2 / n)),
    ]):
        h = rng.standard_normal((batch, n)).astype(np.float32)
        weights, pre = [], []
        for _ in range(depth):
            w = (rng.standard_normal((n, n)) * std).astype(np.float32)
            z = h @ w
            weights.append(w)
            pre.append(z)
            h = act(z)
        g = rng.standard_normal((batch, n)).astype(np.float32)  # dL/dh at the top
        norms = []
        for w, z in zip(reversed(weights), reversed(pre)):
            gz = g * dact(z)
            norms.append(np.linalg.norm(gz))
            g = gz @ w.T
        norms = np.array(norms[::-1])
        right.line(np.arange(1, depth + 1), norms / norms[-1], color=PALETTE[k], label=name)
    right.legend("lower right")
    return fig.render()


def init_variance() -> str:
    rng = np.random.default_rng(1)
    n, batch, depth = 256, 128, 30
    fig = Figure(W2, 340, description="Spread of pre-activations through depth for several initialisations")
    ax = fig.axes((80, 42, 440, 240), (0, depth), (1e-6, 1e2), logy=True,
                  title="std of the pre-activations z = W h, layer by layer", xlabel="layer", ylabel="std(z)")
    relu = lambda z: np.maximum(z, 0)  # noqa: E731
    for k, (name, act, std, dash) in enumerate([
        ("tanh, N(0, 1)", np.tanh, 1.0, None),
        ("tanh, N(0, 0.01²)", np.tanh, 0.01, None),
        ("tanh, Xavier: Var = 1/n", np.tanh, math.sqrt(1 / n), None),
        ("ReLU, Xavier: Var = 1/n", relu, math.sqrt(1 / n), "6 4"),
        ("ReLU, He: Var = 2/n", relu, math.sqrt(2 / n), "6 4"),
    ]):
        h = rng.standard_normal((batch, n)).astype(np.float32)
        stds = [1.0]
        for _ in range(depth):
            z = h @ (rng.standard_normal((n, n)).astype(np.float32) * std)
            stds.append(float(z.std()))
            h = act(z)
        ax.line(np.arange(depth + 1), stds, color=PALETTE[k], label=name, dash=dash)
    ax.legend((535, 50))
    return fig.render()


def dropout_masks() -> str:
    rng = np.random.default_rng(2)
    rows, cols = 8, 12
    fig = Figure(W2, 250, description="Inverted dropout masks for three drop probabilities")
    for k, p in enumerate((0.2, 0.5, 0.8)):
        keep = rng.random((rows, cols)) >= p
        box = (20 + k * 255, 52, 230, 153)
        ax = fig.axes(box, (0, cols), (0, rows), frame=False,
                      title=f"p = {p}: kept units × {1 / (1 - p):g}")
        ax.heat(np.where(keep, 1.0, 0.0), cmap=lambda t: "#2171b5" if t > 0.5 else "#eeeeee", vmin=0, vmax=1, gap=2)
        fig.text(box[0] + box[2] / 2, box[1] + box[3] + 20,
                 f"{keep.sum()} of {keep.size} kept ({keep.mean():.0%}); expected {1 - p:.0%}",
                 anchor="middle", size=11.5, color="#555")
    return fig.render()


def bn_normalise() -> str:
    rng = np.random.default_rng(3)
    channels = [(-3.0, 0.5), (1.0, 2.0), (4.0, 1.0)]
    fig = Figure(W2, H2, description="Per-channel histograms before and after batch normalisation")
    left = fig.axes(LEFT, (-6, 10), (0, 0.9), title="before: each channel its own scale", xlabel="activation",
                    ylabel="density")
    right = fig.axes(RIGHT, (-4, 4), (0, 0.9), title="after (x − μ_B) / √(σ²_B + ε)", xlabel="normalised activation")
    bins_l, bins_r = np.linspace(-6, 10, 65), np.linspace(-4, 4, 41)
    for k, (mean, std) in enumerate(channels):
        x = rng.normal(mean, std, size=4096)
        xhat = (x - x.mean()) / np.sqrt(x.var() + 1e-5)
        for ax, data, bins, label in ((left, x, bins_l, f"channel {k}: μ = {mean:g}, σ = {std:g}"),
                                      (right, xhat, bins_r, None)):
            density, edges = np.histogram(data, bins=bins, density=True)
            xs = np.repeat(edges, 2)[1:-1]
            ys = np.repeat(density, 2)
            ax.area(xs, np.zeros_like(ys), ys, color=PALETTE[k], opacity=0.18)
            ax.line(xs, ys, color=PALETTE[k], width=1.5, label=label)
    z = np.linspace(-4, 4, 200)
    right.line(z, np.exp(-z * z / 2) / math.sqrt(2 * math.pi), color="#000", width=1.2, dash="4 3", label="N(0, 1)")
    left.legend("upper right")
    right.legend("upper right")
    return fig.render()


def bn_running_stats() -> str:
    rng = np.random.default_rng(4)
    steps, batch, mean, std = 200, 16, 2.0, 1.5
    fig = Figure(W2, 350, description="Batch statistics and running averages in batch normalisation")
    left = fig.axes(LEFT, (0, steps), (-0.5, 3.5), title="mean of one channel", xlabel="training step")
    right = fig.axes(RIGHT, (0, steps), (0, 4.5), title="variance of that channel", xlabel="training step")
    batches = rng.normal(mean, std, size=(steps, batch))
    bm, bv = batches.mean(1), batches.var(1, ddof=1)  # running_var uses the unbiased batch variance
    left.points(np.arange(1, steps + 1), bm, color="#bbbbbb", r=1.8, label=f"batch statistic (B = {batch})")
    right.points(np.arange(1, steps + 1), bv, color="#bbbbbb", r=1.8)
    for k, m in enumerate((0.1, 0.01)):
        rm, rv = [0.0], [1.0]  # PyTorch initialises running_mean = 0, running_var = 1
        for t in range(steps):
            rm.append((1 - m) * rm[-1] + m * bm[t])
            rv.append((1 - m) * rv[-1] + m * bv[t])
        left.line(np.arange(steps + 1), rm, color=PALETTE[k], label=f"running, momentum {m}")
        right.line(np.arange(steps + 1), rv, color=PALETTE[k])
    left.hline(mean, color="#000", label="true value")
    right.hline(std ** 2, color="#000")
    left.legend((LEFT[0], 310), columns=4, width=170)
    return fig.render()


def norm_axes() -> str:
    """Which elements of an (N, C, H·W) activation share one mean and variance."""
    n, c = 4, 6
    fig = Figure(W2, 250, description="The elements that share statistics in batch, layer, instance and group norm")
    specs = [
        ("BatchNorm", lambda i, j, s: j == 1),
        ("LayerNorm", lambda i, j, s: i == 1),
        ("InstanceNorm", lambda i, j, s: i == 1 and j == 1),
        ("GroupNorm (2 groups)", lambda i, j, s: i == 1 and j < 3),
    ]
    for k, (name, chosen) in enumerate(specs):
        x0 = 24 + k * 190
        fig.text(x0 + 80, 32, name, anchor="middle", size=13.5, weight="600")
        cell = 22
        for i in range(n):
            for j in range(c):
                # Each (sample, channel) is a stack of H·W pixels: drawn as a square with a shadow.
                x, y = x0 + j * cell + 10, 52 + i * (cell + 12)
                fill = PALETTE[0] if chosen(i, j, None) else "#e9edf3"
                for s in (2, 1, 0):
                    fig.extra.append(f'<rect x="{x + 3 * s}" y="{y - 3 * s}" width="{cell - 4}" height="{cell - 4}" '
                                     f'fill="{fill}" stroke="#fff" opacity="{1 - 0.25 * s}"/>')
        fig.text(x0 + 80, 52 + n * (cell + 12) + 8, "→ C (channels)", anchor="middle", size=11, color="#555")
    fig.text(12, 52 + 2 * 34, "N", size=12, color="#555")
    fig.text(W2 / 2, 238, "rows: samples (N); columns: channels (C); each square stacks its H×W pixels. "
             "Blue: the elements averaged for one statistic.", anchor="middle", size=11.5, color="#555")
    return fig.render()


def _softmax(s, axis=-1):
    s = s - s.max(axis=axis, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=axis, keepdims=True)


def attention_weights() -> str:
    rng = np.random.default_rng(5)
    t, d = 8, 64
    q, k = rng.standard_normal((t, d)), rng.standard_normal((t, d))
    scores = q @ k.T
    causal = np.triu(np.ones((t, t), dtype=bool), 1)
    panels = [
        ("softmax(QKᵀ): not scaled", _softmax(scores), None),
        ("softmax(QKᵀ / √d)", _softmax(scores / math.sqrt(d)), None),
        ("… with a causal mask", _softmax(np.where(causal, -np.inf, scores / math.sqrt(d))), causal),
    ]
    fig = Figure(W2, 300, description="Attention weights with and without the 1/sqrt(d) scale and with a causal mask")
    for j, (title, weights, masked) in enumerate(panels):
        box = (40 + j * 235, 48, 200, 200)
        labels = [(i + 0.5, str(i)) for i in range(t)]
        ax = fig.axes(box, (0, t), (t, 0), title=title, xticks=labels, yticks=labels, grid=False)
        ax.heat(weights, vmin=0, vmax=1, annotate=lambda v: f"{v:.2f}"[1:] if v < 0.995 else "1", gap=1,
                masked=masked)
    fig.text(W2 / 2, 290, f"8 queries (rows) × 8 keys (columns), d = {d}, entries of q and k drawn from N(0, 1); "
             "each row sums to 1", anchor="middle", size=11.5, color="#555")
    return fig.render()


def positional_encoding() -> str:
    positions, d = 48, 48
    pos = np.arange(positions)[:, None]
    i = np.arange(0, d, 2)[None, :]
    angle = pos / 10000 ** (i / d)
    pe = np.zeros((positions, d))
    pe[:, 0::2], pe[:, 1::2] = np.sin(angle), np.cos(angle)
    fig = Figure(W2, 340, description="Sinusoidal positional encodings and their dot products")
    ax = fig.axes((60, 42, 260, 240), (0, d), (positions, 0), title=f"PE[pos, i], d = {d}",
                  xlabel="dimension i", ylabel="position",
                  xticks=[(v, str(v)) for v in range(0, d + 1, 8)], yticks=[(v, str(v)) for v in range(0, positions + 1, 8)])
    ax.heat(pe, cmap=DIVERGING, vmin=-1, vmax=1)
    fig.colorbar((330, 42, 12, 240), DIVERGING, -1, 1, ticks=(-1, 0, 1))
    offsets = np.arange(-60, 61)
    right = fig.axes((462, 42, 290, 240), (-60, 60), (-5, 35), title="PE(p) · PE(p + k), for any p",
                     xlabel="offset k")
    right.line(offsets, np.cos(offsets[:, None] / 10000 ** (np.arange(0, d, 2) / d)).sum(1))
    return fig.render()


# ---------------------------------------------------------------- learning-rate schedules
# The same formulas as torch.optim.lr_scheduler (checked in tests/test_site_figures.py).

def step_lr(epochs, base=0.1, step=30, gamma=0.1):
    return np.array([base * gamma ** (e // step) for e in range(epochs)])


def exponential_lr(epochs, base=0.1, gamma=0.95):
    return np.array([base * gamma ** e for e in range(epochs)])


def cosine_lr(epochs, base=0.1, t_max=90, eta_min=0.0):
    return np.array([eta_min + (base - eta_min) * (1 + math.cos(math.pi * e / t_max)) / 2 for e in range(epochs)])


def one_cycle_lr(total, max_lr=1e-3, pct_start=0.3, div_factor=25.0, final_div_factor=1e4):
    initial, final = max_lr / div_factor, max_lr / div_factor / final_div_factor
    phase_end = pct_start * total - 1

    def anneal(start, end, pct):
        return end + (start - end) / 2 * (math.cos(math.pi * pct) + 1)

    return np.array([anneal(initial, max_lr, t / phase_end) if t <= phase_end
                     else anneal(max_lr, final, (t - phase_end) / (total - 1 - phase_end)) for t in range(total)])


def warmup_cosine_lr(total, peak=1e-3, warmup=100):
    return np.array([peak * t / warmup if t < warmup else
                     peak * 0.5 * (1 + math.cos(math.pi * (t - warmup) / (total - warmup))) for t in range(total)])


def inverse_sqrt_lr(total, peak=1e-3, warmup=100):
    """The original transformer's schedule, scaled to reach `peak` at the end of the warm-up."""
    t = np.arange(1, total + 1)
    return peak * np.minimum(t / warmup, np.sqrt(warmup / t))


def lr_schedules() -> str:
    fig = Figure(W2, 370, description="Learning-rate schedules")
    epochs = 100
    left = fig.axes(LEFT, (0, epochs), (0, 0.105), title="per epoch, base lr 0.1", xlabel="epoch",
                    ylabel="learning rate")
    e = np.arange(epochs)
    left.line(e, step_lr(epochs), label="StepLR (×0.1 every 30)")
    left.line(e, exponential_lr(epochs), label="ExponentialLR (γ = 0.95)")
    left.line(e, cosine_lr(epochs, t_max=epochs), label="CosineAnnealingLR")
    left.legend((LEFT[0], 310))
    total = 1000
    right = fig.axes(RIGHT, (0, total), (0, 1.05e-3), title="per step, peak lr 10⁻³", xlabel="step",
                     yticks=[(v * 1e-4, f"{v:g}e−4" if v < 10 else "1e−3") if v else (0, "0") for v in range(0, 11, 2)])
    s = np.arange(total)
    right.line(s, warmup_cosine_lr(total), label="warm-up 100 + cosine")
    right.line(s, one_cycle_lr(total), label="OneCycleLR")
    right.line(s, inverse_sqrt_lr(total), label="warm-up + 1/√t")
    right.legend((RIGHT[0], 310))
    return fig.render()


# ---------------------------------------------------------------- optimisers
# Update rules written as torch.optim writes them (checked in tests/test_site_figures.py).
QUADRATIC = np.array([1.0, 40.0])  # f(x, y) = (x² + 40 y²) / 2: a narrow valley along x
START = np.array([-4.5, 0.6])


def quadratic_grad(p):
    return QUADRATIC * p


def run_sgd(steps, lr, momentum=0.0, nesterov=False, start=START):
    p, buf, path = start.astype(float).copy(), None, [start.astype(float).copy()]
    for _ in range(steps):
        g = quadratic_grad(p)
        if momentum:
            buf = g.copy() if buf is None else momentum * buf + g
            g = g + momentum * buf if nesterov else buf
        p = p - lr * g
        path.append(p.copy())
    return np.array(path)


def run_adam(steps, lr, betas=(0.9, 0.999), eps=1e-8, start=START):
    p, m, v, path = start.astype(float).copy(), 0.0, 0.0, [start.astype(float).copy()]
    for t in range(1, steps + 1):
        g = quadratic_grad(p)
        m = betas[0] * m + (1 - betas[0]) * g
        v = betas[1] * v + (1 - betas[1]) * g * g
        m_hat, v_hat = m / (1 - betas[0] ** t), v / (1 - betas[1] ** t)
        p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
        path.append(p.copy())
    return np.array(path)


def run_rmsprop(steps, lr, alpha=0.99, eps=1e-8, start=START):
    p, v, path = start.astype(float).copy(), 0.0, [start.astype(float).copy()]
    for _ in range(steps):
        g = quadratic_grad(p)
        v = alpha * v + (1 - alpha) * g * g
        p = p - lr * g / (np.sqrt(v) + eps)
        path.append(p.copy())
    return np.array(path)


OPTIMISER_RUNS = {
    "SGD, lr 0.045": lambda steps: run_sgd(steps, 0.045),
    "SGD + momentum 0.6, lr 0.05": lambda steps: run_sgd(steps, 0.05, momentum=0.6),
    "RMSprop, lr 0.05": lambda steps: run_rmsprop(steps, 0.05),
    "Adam, lr 0.3": lambda steps: run_adam(steps, 0.3),
}


def optimisers() -> str:
    steps = 40
    fig = Figure(W2, 330, description="Optimiser trajectories on an ill-conditioned quadratic")
    left = fig.axes((60, 42, 400, 230), (-5, 1), (-0.8, 0.8), title="f(x, y) = (x² + 40y²) / 2, 40 steps",
                    xlabel="x", ylabel="y")
    for level in (0.05, 0.3, 1, 2.5, 5, 8, 12, 17.3):
        left.ellipse(0, 0, math.sqrt(2 * level / QUADRATIC[0]), math.sqrt(2 * level / QUADRATIC[1]), color="#d0d0d0")
    right = fig.axes((560, 42, 190, 230), (0, steps), (1e-6, 1e2), logy=True, title="f after each step", xlabel="step")
    for k, (name, run) in enumerate(OPTIMISER_RUNS.items()):
        path = run(steps)
        left.line(path[:, 0], path[:, 1], color=PALETTE[k], width=1.6, label=name)
        left.points(path[:, 0], path[:, 1], color=PALETTE[k], r=1.8)
        right.line(np.arange(steps + 1), 0.5 * (path ** 2 * QUADRATIC).sum(1), color=PALETTE[k])
    left.points([0], [0], color="#000", r=3.5)
    left.legend("lower right")
    return fig.render()


# ---------------------------------------------------------------- losses

def losses_regression() -> str:
    e = np.linspace(-3, 3, 301)
    beta = 1.0
    smooth = np.where(np.abs(e) < beta, 0.5 * e * e / beta, np.abs(e) - 0.5 * beta)
    fig = Figure(W2, H2, description="Regression losses and their gradients")
    left = fig.axes(LEFT, (-3, 3), (0, 4.5), title="loss of one residual e = ŷ − y", xlabel="e")
    right = fig.axes(RIGHT, (-3, 3), (-3.2, 3.2), title="gradient ∂loss/∂ŷ", xlabel="e")
    left.line(e, e * e, label="MSE: e²")
    left.line(e, np.abs(e), label="L1: |e|")
    left.line(e, smooth, label="smooth L1 (β = 1)")
    right.line(e, 2 * e, color=PALETTE[0])
    right.line(e, np.where(e > 0, 1.0, np.where(e < 0, -1.0, np.nan)), color=PALETTE[1])
    right.line(e, np.clip(e / beta, -1, 1), color=PALETTE[2])
    left.legend("upper right")
    return fig.render()


def losses_classification() -> str:
    z = np.linspace(-6, 6, 301)
    p = sigmoid(z)
    fig = Figure(W2, H2, description="Binary cross-entropy versus squared error on probabilities, for a positive example")
    left = fig.axes(LEFT, (-6, 6), (0, 6.5), title="loss when the label is y = 1", xlabel="logit z")
    right = fig.axes(RIGHT, (-6, 6), (-1.1, 0.15), title="gradient ∂loss/∂z", xlabel="logit z")
    left.line(z, np.logaddexp(0, -z), label="BCE: −log σ(z)")
    left.line(z, (1 - p) ** 2, label="squared error: (1 − σ(z))²")
    left.line(z, (z < 0).astype(float), label="0-1 loss", dash="5 4")
    right.line(z, p - 1, color=PALETTE[0])
    right.line(z, -2 * (1 - p) * p * (1 - p), color=PALETTE[1])
    right.vspan(-6, -3)
    right.text(-5.8, -0.95, "confidently wrong", size=11, color="#555")
    left.legend("upper right")
    return fig.render()


def bias_variance() -> str:
    """Least-squares polynomial fits: bias and variance computed exactly (the fit is linear in y)."""
    rng = np.random.default_rng(6)
    n, sigma = 15, 0.3
    x = np.sort(rng.uniform(0, 1, n))                  # one fixed design; only the noise is random
    f = lambda t: np.sin(2 * np.pi * t)  # noqa: E731
    grid = np.linspace(0, 1, 200)
    y = f(x) + sigma * rng.standard_normal(n)          # one training set, for the left panel
    degrees = np.arange(0, 12)
    bias2, var, train, fits = [], [], [], {}
    for deg in degrees:
        design = np.polynomial.legendre.legvander(2 * x - 1, deg)   # a well-conditioned basis on [-1, 1]
        at_grid = np.polynomial.legendre.legvander(2 * grid - 1, deg)
        fit = at_grid @ np.linalg.pinv(design)                       # (grid, n): prediction = fit @ y
        hat = design @ np.linalg.pinv(design)                        # (n, n): fitted values = hat @ y
        bias2.append(np.mean((fit @ f(x) - f(grid)) ** 2))           # E[prediction] = fit @ f(x)
        var.append(sigma ** 2 * np.mean((fit ** 2).sum(1)))          # Var = σ² Σ_j fit_ij²
        train.append((np.sum((f(x) - hat @ f(x)) ** 2) + sigma ** 2 * (n - deg - 1)) / n)
        if deg in (1, 3, 11):
            fits[deg] = fit @ y
    bias2, var, train = map(np.array, (bias2, var, train))
    fig = Figure(W2, 390, description="Under- and overfitting a polynomial, and the bias-variance decomposition")
    left = fig.axes(LEFT, (0, 1), (-1.8, 1.8), title=f"one training set of {n} noisy points", xlabel="x")
    left.line(grid, f(grid), color="#000", width=1.3, dash="4 3", label="truth sin(2πx)")
    for k, deg in enumerate(fits):
        left.line(grid, fits[deg], color=PALETTE[k], label=f"degree {deg}")
    left.points(x, y, color="#000", r=3)
    left.legend((LEFT[0], 318), columns=2, width=125)
    right = fig.axes(RIGHT, (0, 11), (1e-4, 10), logy=True, title="expected errors (exact, σ = 0.3)",
                     xlabel="polynomial degree (model capacity)")
    right.line(degrees, bias2, label="bias²")
    right.line(degrees, var, label="variance")
    right.line(degrees, bias2 + var + sigma ** 2, label="test MSE")
    right.line(degrees, train, label="training MSE", dash="5 4")
    right.hline(sigma ** 2, label="noise σ²")
    right.legend((RIGHT[0], 318), columns=2, width=125)
    return fig.render()


def rnn_gradients() -> str:
    rng = np.random.default_rng(7)
    n, steps = 64, 60
    fig = Figure(W2, 330, description="Gradient size through time in recurrent networks")
    ax = fig.axes((80, 42, 400, 230), (0, steps), (1e-8, 1e6), logy=True,
                  title="‖∂h_T / ∂h_(T−k)‖ for a random direction", xlabel="steps back in time k",
                  ylabel="gradient size")
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))  # orthogonal: every singular value is 1
    u = rng.standard_normal((n, n)) / math.sqrt(n)
    for k, (name, rho, nonlinear) in enumerate([
        ("linear, W = 1.2·Q: explodes", 1.2, False),
        ("linear, W = 0.8·Q: vanishes", 0.8, False),
        ("tanh, W = 1.0·Q", 1.0, True),
        ("tanh, W = 3.0·Q: explodes too", 3.0, True),
    ]):
        w = rho * q
        hs, h = [], np.zeros(n)
        for _ in range(steps):
            h = w @ h + u @ rng.standard_normal(n)
            if nonlinear:
                h = np.tanh(h)
            hs.append(h)
        g = rng.standard_normal(n)
        g /= np.linalg.norm(g)
        sizes = [1.0]
        for h in reversed(hs[1:]):
            g = w.T @ (g * (1 - h * h) if nonlinear else g)
            sizes.append(float(np.linalg.norm(g)))
        ax.line(np.arange(len(sizes)), sizes, color=PALETTE[k], label=name)
    ax.line(np.arange(steps), 0.95 ** np.arange(steps), color=PALETTE[4], dash="6 4",
            label="LSTM cell path: ∏ f_t, f ≈ 0.95")
    ax.legend((495, 50))
    return fig.render()


def receptive_field() -> str:
    """1-D stacks of 3-tap convolutions: plain, strided and dilated, and what one output unit sees."""
    fig = Figure(W2, 300, description="Receptive field of stacked convolutions: plain, strided, dilated")
    configs = [
        ("k = 3, stride 1, three layers: RF 7", [(3, 1, 1)] * 3),
        ("k = 3, strides 2, 2, 1: RF 15", [(3, 2, 1), (3, 2, 1), (3, 1, 1)]),
        ("k = 3, dilations 1, 2, 4: RF 15", [(3, 1, 1), (3, 1, 2), (3, 1, 4)]),
    ]
    width, centre, gap = 17, 8, 14
    for col, (title, layers) in enumerate(configs):
        x0 = 22 + col * 258
        fig.text(x0 + width * gap / 2, 28, title, anchor="middle", size=12.5, weight="600")
        # Units sit at input coordinates: layer l has a unit at every multiple of its jump (product of strides).
        jumps = [1]
        for _, s, _ in layers:
            jumps.append(jumps[-1] * s)
        # Walk down from the centre unit of the top layer: which units does it depend on?
        deps = {len(layers): {centre}}
        for li in range(len(layers), 0, -1):
            k, _, d = layers[li - 1]
            step = d * jumps[li - 1]
            deps[li - 1] = {p + (t - (k - 1) // 2) * step for p in deps[li] for t in range(k)}
        x = lambda p: x0 + p * gap  # noqa: E731
        y = lambda li: 250 - li * 62  # noqa: E731
        for li in range(len(layers), 0, -1):
            k, _, d = layers[li - 1]
            for p in sorted(deps[li]):
                for t in range(k):
                    q = p + (t - (k - 1) // 2) * d * jumps[li - 1]
                    fig.extra.append(f'<line x1="{x(p)}" y1="{y(li) + 5}" x2="{x(q)}" y2="{y(li - 1) - 5}" '
                                     f'stroke="{PALETTE[0]}" stroke-width="1.2" opacity="0.6"/>')
        for li in range(len(layers) + 1):
            for p in range(0, width, jumps[li]):
                on = p in deps[li]
                fig.extra.append(f'<circle cx="{x(p)}" cy="{y(li)}" r="5" fill="{PALETTE[0] if on else "#dde3ec"}"/>')
            label = "input" if li == 0 else f"layer {li}"
            fig.text(x0 - 14, y(li) - 10, label, size=10.5, color="#777")
    return fig.render()


PLOTS = {
    "activations.svg": activations,
    "sigmoid-saturation.svg": sigmoid_saturation,
    "init-variance.svg": init_variance,
    "dropout-masks.svg": dropout_masks,
    "bn-normalise.svg": bn_normalise,
    "bn-running-stats.svg": bn_running_stats,
    "norm-axes.svg": norm_axes,
    "attention-weights.svg": attention_weights,
    "positional-encoding.svg": positional_encoding,
    "lr-schedules.svg": lr_schedules,
    "optimisers.svg": optimisers,
    "losses-regression.svg": losses_regression,
    "losses-classification.svg": losses_classification,
    "bias-variance.svg": bias_variance,
    "rnn-gradients.svg": rnn_gradients,
    "receptive-field.svg": receptive_field,
}


def render_all() -> dict[str, str]:
    return {name: make() for name, make in PLOTS.items()}
