"""Numbers on the topic pages on generative models, LLM practice, segmentation, scale and
deployment, and hyper-parameter search: computed here at build time (NumPy and torch), never typed.

Each function returns Markdown for one marker of MARKERS (<!-- kv-cache -->, ...); the formulas
the papers give are checked against direct computations in tests/test_site_teaching.py.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np


def _table(head: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i == 0 else "--:" for i in range(len(head))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- generative models

def kl_gaussian(mu: float, sigma: float) -> float:
    """KL(N(mu, sigma²) ‖ N(0, 1)), the closed form in the VAE's ELBO."""
    return 0.5 * (mu * mu + sigma * sigma - 1 - 2 * math.log(sigma))


def vae_kl_table() -> str:
    import torch
    from torch.distributions import Normal, kl_divergence

    rows = []
    rng = np.random.default_rng(0)
    for mu, sigma in [(0.0, 1.0), (1.0, 1.0), (0.0, 0.5), (2.0, 0.1), (-1.0, 2.0)]:
        z = rng.normal(mu, sigma, 200_000)
        log_q = -0.5 * ((z - mu) / sigma) ** 2 - math.log(sigma)
        log_p = -0.5 * z ** 2
        torch_kl = kl_divergence(Normal(torch.tensor(mu), torch.tensor(sigma)), Normal(0.0, 1.0)).item()
        rows.append([f"{mu:g}", f"{sigma:g}", f"{kl_gaussian(mu, sigma):.4f}", f"{torch_kl:.4f}",
                     f"{np.mean(log_q - log_p):.4f}"])
    return _table(["μ", "σ", "closed form ½(μ² + σ² − 1 − log σ²)", "torch kl_divergence",
                   "Monte Carlo, 200 000 samples of E_q[log q − log p]"], rows)


def gan_value_table() -> str:
    """V(D*, G) = −log 4 + 2 JSD(p ‖ q) for p = N(0, 1) and q = N(μ, 1), integrated on a grid."""
    x = np.linspace(-20, 24, 400_001)
    dx = x[1] - x[0]
    p = np.exp(-x ** 2 / 2) / math.sqrt(2 * math.pi)
    rows = []
    for mu in (0.0, 0.5, 1.0, 2.0, 4.0):
        q = np.exp(-(x - mu) ** 2 / 2) / math.sqrt(2 * math.pi)
        m = (p + q) / 2
        with np.errstate(divide="ignore", invalid="ignore"):
            d_star = np.where(p + q > 0, p / (p + q), 0.5)
            value = np.nansum(p * np.log(np.clip(d_star, 1e-300, None)) + q * np.log(np.clip(1 - d_star, 1e-300, None))) * dx
            jsd = 0.5 * np.nansum(np.where(p > 0, p * np.log(p / m), 0)) * dx + \
                0.5 * np.nansum(np.where(q > 0, q * np.log(q / m), 0)) * dx
        rows.append([f"{mu:g}", f"{jsd:.4f}", f"{value:.4f}", f"{-math.log(4) + 2 * jsd:.4f}"])
    return _table(["μ (q = N(μ, 1), p = N(0, 1))", "JSD(p ‖ q) (nats)", "V(D*, G), integrated",
                   "−log 4 + 2 JSD"], rows)


def ddpm_alpha_bar(T: int = 1000, beta_1: float = 1e-4, beta_T: float = 0.02) -> np.ndarray:
    """ᾱ_t = ∏_{s ≤ t} (1 − β_s) for DDPM's linear schedule; index t − 1 holds ᾱ_t."""
    betas = np.linspace(beta_1, beta_T, T)
    return np.cumprod(1 - betas)


def diffusion_table() -> str:
    alpha_bar = ddpm_alpha_bar()
    rows = []
    for t in (1, 10, 100, 250, 500, 750, 1000):
        a = alpha_bar[t - 1]
        rows.append([t, f"{a:.3g}", f"{math.sqrt(a):.3g}", f"{math.sqrt(1 - a):.3g}", f"{a / (1 - a):.3g}"])
    return _table(["t", "ᾱ_t", "signal weight √ᾱ_t", "noise weight √(1 − ᾱ_t)", "SNR ᾱ_t / (1 − ᾱ_t)"], rows)


# ---------------------------------------------------------------- LLM practice

BPE_CORPUS = {"low": 5, "lower": 2, "newest": 6, "widest": 3}  # word: count (Sennrich et al.'s example)


def bpe_merges(corpus: dict[str, int], merges: int) -> list[tuple[str, str, int]]:
    """Train byte-pair encoding: repeatedly merge the most frequent adjacent pair of symbols
    (ties: the pair seen first), words ending in the end-of-word symbol </w>."""
    words = {tuple(w) + ("</w>",): c for w, c in corpus.items()}
    out = []
    for _ in range(merges):
        pairs: Counter = Counter()
        for symbols, count in words.items():
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += count
        if not pairs:
            break
        best = max(pairs, key=lambda p: pairs[p])  # max keeps the first of equal counts
        out.append((best[0], best[1], pairs[best]))
        merged = {}
        for symbols, count in words.items():
            s, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    s.append(symbols[i] + symbols[i + 1])
                    i += 2
                else:
                    s.append(symbols[i])
                    i += 1
            merged[tuple(s)] = count
        words = merged
    return out


def bpe_table() -> str:
    rows = [[k + 1, f"`{a}` + `{b}`", f"`{a + b}`", count] for k, (a, b, count) in enumerate(bpe_merges(BPE_CORPUS, 8))]
    corpus = ", ".join(f"{w} ×{c}" for w, c in BPE_CORPUS.items())
    return f"Corpus: {corpus}.\n\n" + _table(["merge", "pair", "new symbol", "count"], rows)


DECODING_LOGITS = [3.0, 2.5, 2.0, 1.0, 0.5, 0.0, -0.5, -1.0, -2.0, -3.0]


def softmax(x, temperature: float = 1.0) -> np.ndarray:
    z = np.asarray(x, dtype=float) / temperature
    e = np.exp(z - z.max())
    return e / e.sum()


def top_p_set(probs: np.ndarray, p: float) -> np.ndarray:
    """The nucleus: the fewest most-probable tokens whose probabilities sum to at least p."""
    order = np.argsort(-probs, kind="stable")
    cumulative = np.cumsum(probs[order])
    return order[: int(np.searchsorted(cumulative, p - 1e-12) + 1)]


def decoding_table() -> str:
    rows = []
    for temperature in (0.5, 1.0, 2.0):
        probs = softmax(DECODING_LOGITS, temperature)
        entropy = -(probs * np.log(probs)).sum()
        rows.append([f"{temperature:g}", f"{probs[0]:.3f}", f"{probs[:3].sum():.3f}", len(top_p_set(probs, 0.9)),
                     f"{entropy:.3f}", f"{math.exp(entropy):.2f}"])
    logits = ", ".join(f"{v:g}" for v in DECODING_LOGITS)
    return (f"Logits of a 10-token vocabulary: {logits}.\n\n" +
            _table(["temperature", "p(greedy token)", "mass of the top-3 (top-k = 3)", "top-p = 0.9 set size",
                    "entropy (nats)", "perplexity e^H"], rows))


# (name, layers, query heads, key/value heads, head dim): the published configurations
KV_MODELS = [
    ("Llama-2-7B (multi-head)", 32, 32, 32, 128),
    ("Llama-2-70B (grouped-query, 8 KV heads)", 80, 64, 8, 128),
    ("Mistral-7B (grouped-query, 8 KV heads)", 32, 32, 8, 128),
]


def kv_cache_bytes(layers: int, kv_heads: int, head_dim: int, tokens: int, batch: int = 1, bytes_per: int = 2) -> int:
    """Keys and values (2) of every layer, KV head and position, in fp16/bf16 (2 bytes)."""
    return 2 * layers * kv_heads * head_dim * tokens * batch * bytes_per


def kv_cache_table() -> str:
    rows = []
    for name, layers, heads, kv_heads, head_dim in KV_MODELS:
        per_token = kv_cache_bytes(layers, kv_heads, head_dim, 1)
        rows.append([name, f"{per_token / 2 ** 10:,.0f} KiB", f"{kv_cache_bytes(layers, kv_heads, head_dim, 4096) / 2 ** 30:.2f} GiB",
                     f"{kv_cache_bytes(layers, kv_heads, head_dim, 4096, batch=32) / 2 ** 30:.0f} GiB"])
    return _table(["model", "per token", "one sequence of 4096 tokens", "batch of 32 × 4096"], rows)


def mixtral_parameters() -> tuple[int, int]:
    """Total and active (top-2 of 8 experts) parameters of Mixtral 8x7B, from its configuration."""
    d, ffn, layers, vocab, heads, kv_heads, head_dim, experts, top = 4096, 14336, 32, 32000, 32, 8, 128, 8, 2
    attention = d * heads * head_dim * 2 + d * kv_heads * head_dim * 2   # W_q, W_o; W_k, W_v
    expert = 3 * d * ffn                                                 # SwiGLU: gate, up, down
    router, norms = d * experts, 2 * d
    shared = layers * (attention + router + norms) + 2 * vocab * d + d   # embeddings and head untied
    return shared + layers * experts * expert, shared + layers * top * expert


def moe_table() -> str:
    total, active = mixtral_parameters()
    return _table(["Mixtral 8x7B", "parameters"], [["total (8 experts per layer)", f"{total / 1e9:.1f} B"],
                                                   ["active per token (top-2 routing)", f"{active / 1e9:.1f} B"]])


def perplexity_table() -> str:
    import torch
    import torch.nn.functional as F

    gen = torch.Generator().manual_seed(0)
    vocab, tokens = 1000, 4096
    targets = torch.randint(vocab, (tokens,), generator=gen)
    rows = []
    for name, logits in [("uniform over 1000 tokens", torch.zeros(tokens, vocab)),
                         ("right token gets logit +5", F.one_hot(targets, vocab) * 5.0),
                         ("right token gets logit +10", F.one_hot(targets, vocab) * 10.0)]:
        nll = F.cross_entropy(logits.double(), targets).item()
        rows.append([name, f"{nll:.3f}", f"{math.exp(nll):.2f}"])
    return _table(["model (vocabulary 1000)", "mean cross-entropy (nats)", "perplexity"], rows)


# ---------------------------------------------------------------- segmentation

def unet_sizes(size: int = 572, depth: int = 4) -> list[tuple[str, int]]:
    """The original U-Net: two unpadded 3×3 convs per level, 2×2 max pool down, 2×2 up-convolution up."""
    steps, s = [("input", size)], size
    for level in range(depth):
        s -= 4
        steps.append((f"down {level + 1}: two 3×3 convs", s))
        s //= 2
        steps.append(("max pool 2×2", s))
    s -= 4
    steps.append(("bottom: two 3×3 convs", s))
    for level in range(depth):
        s *= 2
        steps.append(("up-convolution 2×2", s))
        s -= 4
        steps.append((f"up {level + 1}: two 3×3 convs", s))
    return steps


def unet_table() -> str:
    return _table(["step", "height = width"], [[name, s] for name, s in unet_sizes()])


def roi_quantisation_table() -> str:
    """How much of a box survives snapping its edges to the feature grid (RoIPool's quantisation):
    IoU between the box and the snapped box. Halves round up, as C++'s std::round does."""
    rows = []
    for stride in (4, 16, 32):
        for box in ([13, 13, 45, 45], [40, 40, 200, 120]):
            scaled = np.array(box, dtype=float) / stride
            rounded = np.floor(scaled + 0.5) * stride
            a = np.array(box, dtype=float)
            inter = np.prod(np.clip(np.minimum(a[2:], rounded[2:]) - np.maximum(a[:2], rounded[:2]), 0, None))
            union = np.prod(a[2:] - a[:2]) + np.prod(rounded[2:] - rounded[:2]) - inter
            rows.append([stride, f"{box}", f"{rounded.astype(int).tolist()}", f"{inter / union:.2f}"])
    return _table(["feature stride", "box (pixels)", "edges snapped to the stride", "IoU with the box"], rows)


def dice_iou_table() -> str:
    return _table(["IoU", "Dice = 2 IoU / (1 + IoU)"], [[f"{i:g}", f"{2 * i / (1 + i):.3f}"] for i in (0.1, 0.25, 0.5, 0.75, 0.9)])


# ---------------------------------------------------------------- scale and deployment

def zero_memory_gb(params: float, gpus: int, stage: int, k: int = 12) -> float:
    """Model states per GPU (GB) with mixed-precision Adam: 2Ψ fp16 weights, 2Ψ fp16 gradients,
    KΨ optimiser states (fp32 weights, m, v: K = 12), sharded by ZeRO stage 0-3 over `gpus`."""
    weights, grads, states = 2 * params, 2 * params, k * params
    if stage >= 1:
        states /= gpus
    if stage >= 2:
        grads /= gpus
    if stage >= 3:
        weights /= gpus
    return (weights + grads + states) / 1e9


def zero_table() -> str:
    rows = []
    for stage, name in enumerate(["data parallel (no sharding)", "ZeRO-1: optimiser states", "ZeRO-2: + gradients",
                                  "ZeRO-3 / FSDP: + parameters"]):
        rows.append([name, f"{zero_memory_gb(7.5e9, 64, stage):.1f} GB", f"{zero_memory_gb(7e9, 8, stage):.1f} GB"])
    return _table(["what is sharded", "Ψ = 7.5 B, 64 GPUs (the ZeRO paper's example)", "Ψ = 7 B, 8 GPUs"], rows)


def quantisation_table() -> str:
    """Symmetric int8 of a weight matrix with a few outlier rows: per-tensor against per-channel scales."""
    import torch

    gen = torch.Generator().manual_seed(0)
    w = torch.randn(256, 512, generator=gen, dtype=torch.float64) * 0.02
    w[:4] *= 20  # four output channels with large weights, as trained networks have

    def quantise(w, scale):
        return torch.clamp(torch.round(w / scale), -127, 127) * scale

    per_tensor = quantise(w, w.abs().max() / 127)
    per_channel = quantise(w, w.abs().amax(1, keepdim=True) / 127)
    rows = []
    for name, q, scale in [("per tensor", per_tensor, w.abs().max() / 127),
                           ("per output channel", per_channel, w.abs().amax(1, keepdim=True) / 127)]:
        error = (q - w)
        predicted = (scale ** 2 / 12).mean().item()  # uniform rounding noise: Δ²/12
        sqnr = 10 * math.log10((w ** 2).mean().item() / (error ** 2).mean().item())
        normal_rows = error[4:].pow(2).mean().item() / w[4:].pow(2).mean().item()
        rows.append([name, f"{(error ** 2).mean().item():.3g}", f"{predicted:.3g}", f"{sqnr:.1f} dB",
                     f"{100 * math.sqrt(normal_rows):.1f}%"])
    return _table(["int8 scale", "mean squared error", "Δ²/12 predicted", "signal-to-noise",
                   "relative error of the 252 ordinary rows"], rows)


def fp16_underflow_table() -> str:
    import torch

    gen = torch.Generator().manual_seed(1)
    grads = torch.exp(torch.randn(1_000_000, generator=gen, dtype=torch.float64) * 2.5 - 18)  # |g| ~ e^-18 ± 2.5
    rows = []
    for scale in (1, 2 ** 8, 2 ** 16):
        half = (grads * scale).to(torch.float16)
        rows.append([f"{scale:,}", f"{100 * (half == 0).double().mean().item():.1f}%",
                     f"{100 * torch.isinf(half).double().mean().item():.2f}%"])
    return _table(["loss scale", "gradients flushed to 0 in fp16", "overflowed to inf"], rows)


def pipeline_bubble_table() -> str:
    rows = [[p] + [f"{100 * (p - 1) / (m + p - 1):.0f}%" for m in (1, 4, 16, 64)] for p in (2, 4, 8, 16)]
    return _table(["pipeline stages p", "m = 1 micro-batch", "m = 4", "m = 16", "m = 64"], rows)


def allreduce_table() -> str:
    rows = [[n, f"{2 * (n - 1) / n:.3f}"] for n in (2, 4, 8, 64, 1024)]
    return _table(["GPUs N", "data each GPU sends in a ring all-reduce (× gradient size)"], rows)


def distillation_table() -> str:
    logits = [4.0, 1.0, 0.5, -1.0]
    rows = [[f"{t:g}"] + [f"{v:.3f}" for v in softmax(logits, t)] for t in (1, 2, 4, 10)]
    return (f"Teacher logits {logits}:\n\n" + _table(["temperature T", "class 0", "class 1", "class 2", "class 3"], rows))


def pruning_table() -> str:
    rng = np.random.default_rng(3)
    w = rng.standard_normal((512, 512))
    rows = []
    for sparsity in (0.5, 0.8, 0.9, 0.95):
        threshold = np.quantile(np.abs(w), sparsity)
        kept = np.where(np.abs(w) > threshold, w, 0)
        rows.append([f"{sparsity:.0%}", f"{np.linalg.norm(kept) ** 2 / np.linalg.norm(w) ** 2:.1%}"])
    return _table(["weights set to zero (the smallest magnitudes)", "share of Σ w² kept (Gaussian weights)"], rows)


# ---------------------------------------------------------------- hyper-parameter search

def random_search_table() -> str:
    rows = [[n, f"{1 - 0.95 ** n:.1%}", f"{1 - 0.99 ** n:.1%}"] for n in (10, 30, 60, 100, 300)]
    return _table(["random trials n", "P(at least one in the best 5 %)", "P(at least one in the best 1 %)"], rows)


def grid_versus_random_table() -> str:
    """Distinct values of the one parameter that matters, in 9 trials over two parameters."""
    rng = np.random.default_rng(4)
    grid = {(a, b) for a in np.linspace(0, 1, 3) for b in np.linspace(0, 1, 3)}
    random = rng.uniform(0, 1, (9, 2))
    return _table(["9 trials", "distinct values of parameter 1", "distinct values of parameter 2"],
                  [["3 × 3 grid", len({a for a, _ in grid}), len({b for _, b in grid})],
                   ["random", len(set(np.round(random[:, 0], 9))), len(set(np.round(random[:, 1], 9)))]])


def hyperband_table(n: int = 81, eta: int = 3, max_budget: int = 81) -> str:
    """One bracket of successive halving: n configurations, keep 1/eta of them, eta times the budget."""
    rows, configs, budget, total = [], n, max_budget // n, 0
    while configs >= 1:
        rows.append([configs, budget, configs * budget])
        total += configs * budget
        configs //= eta
        budget *= eta
    rows.append(["total", "", total])
    return _table(["configurations trained", "epochs each", "epochs in the round"], rows)


def log_uniform_table() -> str:
    rng = np.random.default_rng(5)
    uniform = rng.uniform(1e-5, 1e-1, 100_000)
    log_uniform = 10 ** rng.uniform(-5, -1, 100_000)
    rows = []
    for lo, hi in [(1e-5, 1e-4), (1e-4, 1e-3), (1e-3, 1e-2), (1e-2, 1e-1)]:
        rows.append([f"[{lo:g}, {hi:g})", f"{np.mean((uniform >= lo) & (uniform < hi)):.1%}",
                     f"{np.mean((log_uniform >= lo) & (log_uniform < hi)):.1%}"])
    return _table(["learning-rate decade", "uniform on [1e-5, 0.1]", "log-uniform on [1e-5, 0.1]"], rows)


MARKERS = {
    "<!-- vae-kl -->": vae_kl_table,
    "<!-- gan-value -->": gan_value_table,
    "<!-- diffusion-schedule -->": diffusion_table,
    "<!-- bpe-merges -->": bpe_table,
    "<!-- decoding -->": decoding_table,
    "<!-- kv-cache -->": kv_cache_table,
    "<!-- moe-params -->": moe_table,
    "<!-- perplexity -->": perplexity_table,
    "<!-- unet-sizes -->": unet_table,
    "<!-- roi-quantisation -->": roi_quantisation_table,
    "<!-- dice-iou -->": dice_iou_table,
    "<!-- zero-memory -->": zero_table,
    "<!-- int8-error -->": quantisation_table,
    "<!-- fp16-underflow -->": fp16_underflow_table,
    "<!-- pipeline-bubble -->": pipeline_bubble_table,
    "<!-- allreduce -->": allreduce_table,
    "<!-- distillation -->": distillation_table,
    "<!-- pruning -->": pruning_table,
    "<!-- random-search -->": random_search_table,
    "<!-- grid-vs-random -->": grid_versus_random_table,
    "<!-- hyperband -->": hyperband_table,
    "<!-- log-uniform -->": log_uniform_table,
}
