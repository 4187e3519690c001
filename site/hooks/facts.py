"""Tables of facts on the theory site that are computed, not typed, and checked against torch
in tests/test_site_figures.py.

- <!-- float-formats -->: range and precision of fp32, fp16, bf16 and fp8, from their bit layouts;
- <!-- matmul-examples -->: what PyTorch's multiplications return for a few shapes;
- inline numbers in the prose (<!-- fact: NAME -->): the float32 digits E[x²] − E[x]² loses
  (batch_norm), the standard error of a sample standard deviation (init).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FloatFormat:
    name: str
    torch_name: str
    exponent_bits: int
    mantissa_bits: int
    finite_only: bool = False   # "fn" fp8: no infinities, the top exponent holds normal numbers too
    note: str = ""

    @property
    def bias(self) -> int:
        return 2 ** (self.exponent_bits - 1) - 1

    @property
    def max(self) -> float:
        if self.finite_only:  # the all-ones pattern is NaN; the largest number has mantissa 1…10
            return 2.0 ** (2 ** self.exponent_bits - 1 - self.bias) * (2 - 2 * 2.0 ** -self.mantissa_bits)
        return 2.0 ** (2 ** self.exponent_bits - 2 - self.bias) * (2 - 2.0 ** -self.mantissa_bits)

    @property
    def min_normal(self) -> float:
        return 2.0 ** (1 - self.bias)

    @property
    def min_subnormal(self) -> float:
        return 2.0 ** (1 - self.bias - self.mantissa_bits)

    @property
    def eps(self) -> float:
        """The gap between 1 and the next number: 2^-mantissa_bits."""
        return 2.0 ** -self.mantissa_bits


FLOAT_FORMATS = [
    FloatFormat("fp32", "float32", 8, 23, note="the default"),
    FloatFormat("tf32", "", 8, 10, note="a matmul mode of Ampere and later GPUs: fp32's range, fp16's precision, stored as fp32"),
    FloatFormat("fp16", "float16", 5, 10, note="overflows above 65504, so training needs loss scaling"),
    FloatFormat("bf16", "bfloat16", 8, 7, note="fp32's range, only 8 bits of precision (2-3 significant digits)"),
    FloatFormat("fp8 E4M3", "float8_e4m3fn", 4, 3, finite_only=True, note="no infinities: its top exponent holds finite numbers; for weights and activations"),
    FloatFormat("fp8 E5M2", "float8_e5m2", 5, 2, note="wider range, less precision; for gradients"),
]


def _sci(v: float) -> str:
    if 1e-3 <= v < 1e6:
        return f"{v:g}"
    mantissa, exponent = f"{v:.2e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{mantissa} × 10{superscript}"


def float_formats_table() -> str:
    import math

    rows = ["| format | bits (sign · exp · mantissa) | largest | smallest normal | smallest subnormal "
            "| ε (gap above 1) | digits |",
            "|---|---|--:|--:|--:|--:|--:|"]
    notes = []
    for f in FLOAT_FORMATS:
        digits = f"{(f.mantissa_bits + 1) * math.log10(2):.1f}"
        subnormal = _sci(f.min_subnormal) if f.torch_name else "—"  # tf32 is a compute mode, stored as fp32
        rows.append(f"| {f.name} | 1 · {f.exponent_bits} · {f.mantissa_bits} | {_sci(f.max)} | {_sci(f.min_normal)} "
                    f"| {subnormal} | {_sci(f.eps)} | {digits} |")
        notes.append(f"- **{f.name}**: {f.note}.")
    table = '<div class="float-table" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"
    return table + "\n" + "\n".join(notes) + "\n"


# (expression, shape of a, shape of b, result: a shape tuple or the word "error")
MATMUL_EXAMPLES = [
    ("a * b", (3,), (3,), (3,)),
    ("a * b", (2, 3), (3,), (2, 3)),
    ("a * b", (2, 1), (1, 3), (2, 3)),
    ("a * b", (4,), (4, 1), (4, 4)),
    ("a * b", (2, 3), (2,), "error"),
    ("torch.dot(a, b)", (3,), (3,), ()),
    ("torch.dot(a, b)", (2, 3), (3,), "error"),
    ("a @ b", (3,), (3,), ()),
    ("a @ b", (2, 3), (3,), (2,)),
    ("a @ b", (3,), (3, 4), (4,)),
    ("a @ b", (2, 3), (3, 4), (2, 4)),
    ("torch.mm(a, b)", (2, 3), (3, 4), (2, 4)),
    ("torch.mm(a, b)", (5, 2, 3), (3, 4), "error"),
    ("a @ b", (5, 2, 3), (3, 4), (5, 2, 4)),
    ("torch.bmm(a, b)", (5, 2, 3), (5, 3, 4), (5, 2, 4)),
    ("torch.bmm(a, b)", (5, 2, 3), (3, 4), "error"),
    ("a @ b", (5, 1, 2, 3), (7, 3, 4), (5, 7, 2, 4)),
    ("a @ b", (2, 3), (2, 3), "error"),
    ("a @ b.T", (2, 3), (2, 3), (2, 2)),
    ("torch.einsum('bij,bjk->bik', a, b)", (5, 2, 3), (5, 3, 4), (5, 2, 4)),
    ("torch.outer(a, b)", (2,), (3,), (2, 3)),
]


def _shape(s) -> str:
    if s == "error":
        return "error"
    return "scalar `()`" if s == () else "`(" + ", ".join(map(str, s)) + ("," if len(s) == 1 else "") + ")`"


def matmul_examples_table() -> str:
    rows = ["| expression | `a` | `b` | result |", "|---|---|---|---|"]
    for expr, a, b, result in MATMUL_EXAMPLES:
        shown = "**error**" if result == "error" else _shape(result)
        rows.append(f"| `{expr}` | {_shape(a)} | {_shape(b)} | {shown} |")
    return "\n".join(rows) + "\n"


# batch_norm's float32 case with a large mean: per channel 16 · 4 · 4 = 256 values around 300, spread 1.
CANCELLATION_CASE = dict(count=256, mean=300.0, std=1.0, seed=15)


def variance_by_cancellation(count: int, mean: float, std: float, seed: int) -> tuple[float, float]:
    """(E[x²] − E[x]² computed in float32, the variance in float64 two-pass) of one channel."""
    import torch

    g = torch.Generator().manual_seed(seed)
    x = torch.randn(count, generator=g, dtype=torch.float64) * std + mean
    x32 = x.float()
    naive = float((x32 * x32).mean() - x32.mean() ** 2)
    return naive, float(x.var(unbiased=False))


def bn_cancellation() -> str:
    import math

    c = CANCELLATION_CASE
    naive, true = variance_by_cancellation(**c)
    lost = math.log10(c["mean"] ** 2 / c["std"] ** 2)       # E[x²] is about mean²/var times the variance
    digits = 24 * math.log10(2)                              # float32: 24 significant bits
    return (f"loses about {lost:.0f} of float32's {digits:.0f} significant digits: on {c['count']} such values "
            f"\\(\\mathbb E[x^2] - \\mathbb E[x]^2\\) in float32 gives {naive:.4f} where the variance is {true:.4f}")


INIT_DRAWS = 256 * 64   # the init checks' weight shapes, (256, 64) and (64, 256)
INIT_MARGIN = 7         # standard errors the checks allow


def init_std_error() -> str:
    import math

    se = 1 / math.sqrt(2 * INIT_DRAWS)
    return (f"about {100 * se:.2f}% at \\(n = {INIT_DRAWS:,}\\)".replace(",", "\\,") +
            f", so {INIT_MARGIN} standard errors are {100 * INIT_MARGIN * se:.1f}%")


def inception_3a_saving() -> str:
    """Multiply-adds of GoogLeNet module 3a's 5 × 5 branch (28 × 28, 192 channels in, 32 out),
    with and without its 1 × 1 reduction to 16 channels."""
    pixels, c_in, reduced, c_out = 28 * 28, 192, 16, 32
    direct = pixels * c_out * c_in * 25
    conv5 = pixels * c_out * reduced * 25
    reduce = pixels * reduced * c_in
    return (f"{direct / conv5:.0f} times fewer multiply-adds for the 5 × 5 convolution itself "
            f"({direct / 1e6:.1f} M against {conv5 / 1e6:.1f} M), {direct / (conv5 + reduce):.1f} times fewer "
            f"for the branch with its 1 × 1 reduction ({(conv5 + reduce) / 1e6:.1f} M)")


# AlexNet's layers split between the two GPUs: (name, C_in, C_out, k); each half sees C_in / 2.
ALEXNET_GROUPED = [("conv2", 96, 256, 5), ("conv4", 384, 384, 3), ("conv5", 384, 256, 3)]


def alexnet_groups() -> str:
    import architectures

    total = architectures.alexnet().total_params
    saved = sum(c_out * (c_in // 2) * k * k for _, c_in, c_out, k in ALEXNET_GROUPED)
    names = ", ".join(n for n, *_ in ALEXNET_GROUPED)
    return (f"in the paper {names} are split into two groups, one per GPU, each reading only its half of the "
            f"input channels; that saves {saved / 1e6:.2f} M weights, {(total - saved) / 1e6:.2f} M in all "
            f"(the paper's \"60 million\")")


MARKERS = {
    "<!-- fact: inception-3a-saving -->": inception_3a_saving,
    "<!-- fact: alexnet-groups -->": alexnet_groups,
    "<!-- float-formats -->": float_formats_table,
    "<!-- matmul-examples -->": matmul_examples_table,
    "<!-- fact: bn-cancellation -->": bn_cancellation,
    "<!-- fact: init-std-error -->": init_std_error,
}
