"""What the convolution, pooling and output-size exercises share, so that no check module imports another's.

- `numpy_speed`: the speed declaration of a NumPy exercise timed against a torch function
  (conv2d, depthwise_separable_conv2d, conv_transpose2d, max_pool2d, avg_pool2d);
- `out_size`: the floor formula of a convolution or a pooling along one axis;
- the pooling checks: cases, shape diagnoses and the mistakes both poolings can make
  (`pool_cases`, `pool_speed`, `POOL_TOLERANCE`: max_pool2d, avg_pool2d);
- `conv_space`, `conv_params`: the cases of the convolutions (conv2d, depthwise_separable_conv2d,
  conv_transpose2d), a covering design over their arguments;
- `Grid` and `torch_length`: output sizes checked against torch on a dense grid of arguments
  (conv_output_size, pool_output_size, conv_transpose_output_size).
"""
from __future__ import annotations

import functools
import inspect
import itertools
import zlib

import numpy as np
import torch

from grader.learner import LearnerCrash, LearnerProblem

from grader.check import (Arg, Cases, Space, call, call_unchanged, describe, expect_close, expect_int, expect_int_on_grid,
                          matching_mistake, numpy_speed, pair, record_reproduced, reproduced_mistake)
from grader.check.mistakes import _ways, gives_at, mistake_explaining_most


def call_given_pairs(fn, *args, case, pair_mistake, **kwargs):
    """`call_unchanged(fn, *args, **kwargs)`; where it crashes on a case with a pair-valued argument (an
    (h, w) kernel, stride or padding), crashes again with each pair (a, b) made (a, a), and runs with each
    pair made the int a, the code cannot take a pair at all: the crash then names `pair_mistake` (inferred,
    not reproduced). (a, a) keeps every shape of the int call, so a crash that depends on a shape or on
    one component (x[p:-p] at p = 0) is not mistaken for it."""
    try:
        return call_unchanged(fn, *args, case=case, **kwargs)
    except LearnerCrash as crash:
        is_pair = lambda v: isinstance(v, tuple) and len(v) == 2 and all(isinstance(i, int) for i in v)  # noqa: E731
        if any(map(is_pair, [*args, *kwargs.values()])):
            def runs(cut):
                fresh = lambda v: cut(v) if is_pair(v) else v.copy() if isinstance(v, np.ndarray) else v  # noqa: E731
                try:
                    call(fn, *map(fresh, args), **{k: fresh(v) for k, v in kwargs.items()})
                    return True
                except LearnerProblem:
                    return False
            if not runs(lambda v: (v[0], v[0])) and runs(lambda v: v[0]):
                crash.mistake = pair_mistake
        raise


def out_size(size, k, s, p):
    return (size + 2 * p - k) // s + 1


# Pooling (max_pool2d, avg_pool2d): the TOLERANCE of both, tighter than the default.
POOL_TOLERANCE = {"float32": (1e-5, 1e-5), "float64": (1e-10, 1e-12)}


def ceil_out_size(size, k, s, p, starts_inside=True):
    """The output size with ceil instead of floor; PyTorch's ceil_mode=True also drops a last window that
    would start in the right padding."""
    n = -(-(size + 2 * p - k) // s) + 1
    return n - 1 if starts_inside and (n - 1) * s >= size + p else n


def make_input(seed, N, C, H, W, dtype=np.float64, negative=False):
    x = np.random.default_rng(seed).standard_normal((N, C, H, W))
    if negative:  # every value below -1: a zero from the padding would win a max
        x = -np.abs(x) - 1
    return x.astype(dtype)


def check_pool(fn, torch_fn, x, kernel_size, stride, padding, M, own):
    """Call the learner's pooling, compare with torch_fn in float64, name the classic mistakes: M holds
    the exercise's mistakes (those both poolings share among them), `own` maps the mistakes only this
    pooling makes to their variants, functions of (X, k, s, p)."""
    case = describe(x=x, kernel_size=kernel_size, stride=stride, padding=padding)
    kwargs = {**({} if stride is None else {"stride": stride}), **({"padding": padding} if padding else {})}
    # stride omitted when None: the default must be right
    got = call_given_pairs(fn, x, kernel_size, case=case, pair_mistake=M.square_only, **kwargs)

    X = torch.from_numpy(x).double()
    k, s, p = pair(kernel_size), pair(kernel_size if stride is None else stride), pair(padding)
    ref = lambda k=k, s=s, p=p, **kw: torch_fn(X, k, s, p, **kw)  # noqa: E731
    H, W = x.shape[2:]
    given_pairs = any(not isinstance(a, int) for a in (kernel_size, stride, padding) if a is not None)
    squared = M.square_only if not given_pairs else M.pair_as_int
    mistakes = {}
    if s != (1, 1):  # stride None read as 1, or a given stride never used
        mistakes[M.stride_one if stride is None else M.stride_ignored] = lambda: ref(s=(1, 1))
    if p != (0, 0):
        mistakes[M.padding_ignored] = lambda: ref(p=(0, 0))
    mistakes[M.rounded_up] = lambda: ref(ceil_mode=True)
    for mistake, variant in own.items():
        mistakes[mistake] = lambda variant=variant: variant(X, k, s, p)
    if (k[0], s[0], p[0]) != (k[1], s[1], p[1]):
        # Height parameters used for the width too: each way is a variant (torch refuses some: skipped).
        mistakes[squared] = [lambda a=a, b=b, c=c: ref(k=(k[0], k[0] if a else k[1]), s=(s[0], s[0] if b else s[1]),
                                                       p=(p[0], p[0] if c else p[1]))
                             for a in (0, 1) for b in (0, 1) for c in (0, 1) if a or b or c]
        # Given pairs, reading one as a number looks exactly like square-only code: both explain it (the
        # run tells them apart: only square-only code also fails on integer arguments with H != W).
        mistakes.setdefault(M.square_only, mistakes[squared])

    def shape_hint(got_shape, expected_shape):
        mistake = matching_mistake(got, mistakes, rtol=1e-4, atol=1e-4)  # a whole variant first: it names the cause
        if mistake is not None:
            return mistake
        if len(got_shape) != 4 or got_shape[:2] != expected_shape[:2]:
            return None
        (gH, gW), (eH, eW) = got_shape[2:], expected_shape[2:]
        if gH == eH and gW != eW and H != W and gW == out_size(H, k[0], s[0], p[0]):
            return M.square_only  # the input's height used for its width: square-only, whatever the arguments
        if gH == eH and gW != eW and gW == out_size(W, k[0], s[0], p[0]):
            return squared
        for rule in (True, False):  # ceil with or without PyTorch's "last window starts inside" rule
            if (gH, gW) == (ceil_out_size(H, k[0], s[0], p[0], rule), ceil_out_size(W, k[1], s[1], p[1], rule)):
                return M.rounded_up
        if abs(gH - eH) <= 1 and abs(gW - eW) <= 1:
            return M.off_by_one
        return None

    expect_close(got, ref(), case=case, dtype=x.dtype, mistakes=mistakes, shape_hint=shape_hint)


# (seed, N, C, H, W, kernel_size, stride, padding, extra)
POOL_CASES = {
    "smallest: 1x1x2x2 input, 2x2 kernel": (0, 1, 1, 2, 2, 2, None, 0, {}),
    "stride defaults to kernel_size": (1, 1, 1, 6, 6, 2, None, 0, {}),
    "overlapping windows (stride 1)": (2, 1, 2, 5, 5, 3, 1, 0, {}),
    "stride larger than the kernel": (3, 1, 2, 9, 9, 2, 3, 0, {}),
    "padding 1 (3x3, stride 2, as in ResNet)": (4, 2, 2, 7, 7, 3, 2, 1, {}),
    "all-negative input with padding": (5, 2, 2, 6, 6, 3, 2, 1, {"negative": True}),
    "kernel = input size (global pooling)": (6, 2, 3, 5, 7, (5, 7), None, 0, {}),
    "kernel = padded input size": (7, 1, 2, 4, 4, 6, None, 1, {}),
    "non-square input and kernel": (8, 2, 3, 6, 9, (2, 3), None, 0, {}),
    "kernel, stride and padding as pairs": (9, 2, 2, 7, 6, (3, 2), (2, 1), (1, 0), {}),
    "batch of 1": (10, 1, 3, 6, 6, 2, None, 0, {}),
    "rows no window reaches are dropped": (11, 1, 1, 5, 7, 2, None, 0, {}),
    "1x1 kernel, stride 2 (subsampling)": (12, 2, 2, 5, 6, 1, 2, 0, {}),
    "float32 input": (13, 2, 3, 8, 8, 3, 2, 1, {"dtype": np.float32}),
}


def int_or_pair(low, high, *, unequal_only=False):
    """A draw for a kernel/stride/padding argument: an int or a pair in [low, high), each form as often."""
    def draw(rng):
        a, b = (int(v) for v in rng.integers(low, high, size=2))
        return a if rng.integers(2) and not unequal_only else (a, b)
    return draw


def _pool_valid(case):
    """The docstring's rules: 0 <= padding <= kernel // 2 on each axis, the kernel within the padded input."""
    (kH, kW), (pH, pW) = pair(case["kernel_size"]), pair(case["padding"])
    return pH <= kH // 2 and pW <= kW // 2 and case["H"] + 2 * pH >= kH and case["W"] + 2 * pW >= kW


def _pool_label(case):
    stride = "stride default" if case["stride"] is None else f"stride {case['stride']}"
    dtype = "" if case["dtype"] is np.float64 else f", {np.dtype(case['dtype'])}"
    return (f"kernel {case['kernel_size']}, {stride}, padding {case['padding']}, "
            f"{case['N']}x{case['C']}x{case['H']}x{case['W']} input{dtype}" + (", all negative" * case["negative"]))


# Every pair unequal with stride 1 and stride 2, odd and even sizes, stride None; random cases draw
# every argument, ints and pairs alike.
POOL_SPACE = Space(
    kernel_size=Arg([2, 3, (3, 2), (2, 3)], draw=int_or_pair(1, 5)),
    stride=Arg([None, 1, 2, (1, 2), (2, 1)],
               draw=lambda rng: None if rng.integers(3) == 0 else int_or_pair(1, 4)(rng)),
    padding=Arg([0, 1, (1, 0), (0, 1)], draw=int_or_pair(0, 3)),
    H=Arg([5, 6], draw=lambda rng: int(rng.integers(1, 10))),
    W=Arg([4, 7], draw=lambda rng: int(rng.integers(1, 10))),
    N=Arg([2], draw=lambda rng: int(rng.integers(1, 4))),
    C=Arg([2], draw=lambda rng: int(rng.integers(1, 4))),
    dtype=Arg([np.float64], draw=lambda rng: [np.float32, np.float64][int(rng.integers(2))]),
    negative=Arg([False], draw=lambda rng: bool(rng.integers(2))),
    valid=_pool_valid, label=_pool_label, salt=500)


def _seed(case):
    """An input seed of its own for each case, the same on every run."""
    return zlib.crc32(_pool_label(case).encode())


def pool_cases(name, torch_fn, M, own):
    """CASES of a pooling exercise: the learner's `name` against `torch_fn` (see check_pool)."""
    def check(target, params):
        if isinstance(params, dict):  # a case of POOL_SPACE
            c = params
            params = (_seed(c), c["N"], c["C"], c["H"], c["W"], c["kernel_size"], c["stride"], c["padding"],
                      {"dtype": c["dtype"], "negative": c["negative"]})
        seed, N, C, H, W, kernel_size, stride, padding, extra = params
        x = make_input(seed, N, C, H, W, **extra)
        check_pool(getattr(target, name), torch_fn, x, kernel_size, stride, padding, M, own)
    return Cases.spanning(check, POOL_SPACE, POOL_CASES)


def pool_speed(name, torch_fn, *, limit):
    """Measured (loaded 2-core machine): max: tap loop 0.3x, sliding_window_view 4-7x, a loop over output
    pixels 100-140x torch; avg: tap loop 0.8x, sliding_window_view 5-9x, prefix sums 8-15x, pixel loop 500x+."""
    def case():  # kernel 3, stride 2, padding 1: 256 x 256 outputs
        return {"x": make_input(0, 1, 1, 512, 512, dtype=np.float32), "kernel_size": 3}, {"stride": 2, "padding": 1}
    return numpy_speed(name, torch_fn, case, limit=limit, reference_name=f"torch {name}")


# Convolutions (conv2d, depthwise_separable_conv2d, conv_transpose2d): one space of arguments, each
# exercise's own validity rule and extra arguments (conv2d's bias).
def conv_space(valid, *, salt, **extra):
    """The Space of a convolution's cases: kernel (kH, kW), stride, padding (ints and pairs, unequal ones
    with stride 1 and 2), odd and even H and W, channels and dtype drawn in the random cases."""
    return Space(
        kernel=Arg([2, 3, (3, 2), (2, 3)], draw=int_or_pair(1, 5)),
        stride=Arg([1, 2, (1, 2), (2, 1)], draw=int_or_pair(1, 4)),
        padding=Arg([0, 1, (1, 0), (0, 2)], draw=int_or_pair(0, 3)),
        H=Arg([5, 6], draw=lambda rng: int(rng.integers(1, 9))),
        W=Arg([4, 7], draw=lambda rng: int(rng.integers(1, 9))),
        N=Arg([2], draw=lambda rng: int(rng.integers(1, 4))),
        C=Arg([3], draw=lambda rng: int(rng.integers(1, 5))),
        O=Arg([2], draw=lambda rng: int(rng.integers(1, 5))),
        dtype=Arg([np.float64], draw=lambda rng: [np.float32, np.float64][int(rng.integers(2))]),
        **extra, valid=valid, label=_conv_label, salt=salt)


def _conv_label(case):
    extra = "".join(f", {k} {v}" for k, v in case.items()
                    if k not in ("kernel", "stride", "padding", "H", "W", "N", "C", "O", "dtype"))
    dtype = "" if case["dtype"] is np.float64 else f", {np.dtype(case['dtype'])}"
    return (f"kernel {case['kernel']}, stride {case['stride']}, padding {case['padding']}, "
            f"{case['N']}x{case['C']}x{case['H']}x{case['W']} input, {case['O']} out{extra}{dtype}")


def conv_params(params):
    """A conv_space case as the keyword arguments of an exercise's make_case (a named case unchanged)."""
    if "kernel" not in params:
        return params
    kH, kW = pair(params["kernel"])
    rest = {k: v for k, v in params.items() if k != "kernel"}
    return dict(seed=zlib.crc32(_conv_label(params).encode()), kH=kH, kW=kW, **rest)


def fits_padded(case):
    """A convolution's rule: the kernel within the padded input."""
    (kH, kW), (pH, pW) = pair(case["kernel"]), pair(case["padding"])
    return case["H"] + 2 * pH >= kH and case["W"] + 2 * pW >= kW


# Output sizes (conv_output_size, pool_output_size, conv_transpose_output_size).
def torch_length(op, *args, **kwargs):
    """The last dimension of torch's `op(*args, **kwargs)`, or None where torch rejects the arguments."""
    try:
        return op(*args, **kwargs).shape[-1]
    except RuntimeError:
        return None


class Grid:
    """Every combination of a dense grid of an output-size function's arguments (`axes`, the first
    varying slowest: smallest input first), torch's size for each one it accepts (`torch_size(**point)`,
    None where it refuses), and the classic mistakes (`variants`) that reproduce a learner's answers on
    all of them."""

    def __init__(self, torch_size, variants, *, oracle, text, **axes):
        self.torch_size, self.variants, self.oracle, self.text = torch_size, variants, oracle, text
        self.points = [dict(zip(axes, values)) for values in itertools.product(*axes.values())]
        self._diagnoses = {}

    def case(self, *args, **kwargs):
        """A named case: every argument of torch_size, its defaults filled in."""
        bound = inspect.signature(self.torch_size).bind(*args, **kwargs)
        bound.apply_defaults()
        return dict(bound.arguments)

    @functools.cached_property
    def valid(self):
        """(point, torch's size) for every point torch accepts (computed once)."""
        return [(c, n) for c in self.points if (n := self.torch_size(**c)) is not None]

    def diagnosis(self, fn):
        """The mistake fn makes on this grid, worked out once per function (every named case a wrong function
        fails asks again): the one whose variant gives fn's answers on the whole grid, else the one whose
        variant explains the most of its wrong answers (mistakes.mistake_explaining_most), else None."""
        try:
            return self._diagnoses[fn]  # the function itself is the key: an id could be reused
        except KeyError:
            pass
        except TypeError:  # an unhashable callable: no memory
            return self._diagnose(fn)
        found = self._diagnoses[fn] = self._diagnose(fn)
        return found

    def _diagnose(self, fn):
        cases = [c for c, _ in self.valid]
        exact = reproduced_mistake(fn, self.variants, cases)
        if exact is not None:
            return exact
        try:
            answers = call(lambda: [fn(**c) for c in cases])
        except LearnerProblem:
            return None
        return mistake_explaining_most(answers, self.variants, cases, [n for _, n in self.valid])

    def explained(self, fn):
        """(params, got) -> the grid's diagnosis of fn where one of its variants gives `got` at `params`
        (recorded as reproduced), else None: a mistake is named only on a point it explains."""
        def at(params, got):
            mistake = self.diagnosis(fn)
            if mistake is None or not gives_at(dict(_ways(self.variants))[mistake], params, got):
                return None
            return record_reproduced(mistake)
        return at

    def expect_layer(self, fn, params, expected, layer):
        """The learner's `fn(**params)` must give `expected`, the size the torch `layer` gave."""
        got = call(fn, **params)
        expect_int(got, expected, case=describe(**params) + f" ({layer} gives {expected})",
                   diagnose=lambda: self.explained(fn)(params, got))

    def expect(self, fn):
        """The dense-grid check: `fn` right on every valid point."""
        expect_int_on_grid(fn, self.valid, oracle=self.oracle, grid=self.text, explained=self.explained(fn))
