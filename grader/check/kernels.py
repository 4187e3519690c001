"""Triton exercises (framework = "triton"): the interpreter, the launch the rules require, the memory a
kernel may touch, and the speed check only a GPU can time.

- Where torch sees no CUDA device, the checks run the learner's `@triton.jit` kernels in Triton's
  interpreter (TRITON_INTERPRET=1: every program of the grid in turn, through NumPy, on CPU tensors).
  The runner sets the variable in the child's environment (grader.processes.child_env) and the plugin
  sets it again before any check module or learner file is imported (`use_interpreter_without_cuda`),
  which covers the in-process runs of the kit's tests; a value already set is left alone.
- Every fenced call of the learner's code (grader.learner.call) records the kernels it launches: each
  `kernel[grid](...)` ends in `KernelInterface.run` of a JITFunction (compiled) or an
  InterpretedFunction (interpreter), patched once here. After the call, the rules require a launch of
  a kernel defined in the learner's file, and (`writes_result`) that the returned tensor is one such a
  launch was given, so a wrapper that launches a kernel and returns a result computed by torch fails
  whatever torch function it used. The banned functions of [rules] are watched as for any torch
  exercise; torch calls made by Triton's own code (the interpreter copies arguments with torch) are
  not the learner's.
- In the interpreter every load and store is checked against the tensors the launch was given: an
  access outside them (the last block without a mask, a K loop past the edge) is stopped before it
  touches memory (the lane is masked off) and fails the check, naming the kernel's argument, how far
  past its end and the program; the exercise says which of its classic mistakes that is:

      LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.no_mask)            # in checks.py
      LAUNCH = KernelLaunch(out_of_bounds=..., writes_result=False)   # the wrapper reduces in torch

  A Triton exercise without a LAUNCH gets `KernelLaunch()`.
- `SPEED = kernel_speed(setup, limit=4, reference="torch.softmax")`: "speed against torch on cuda",
  timed with CUDA events against the torch function (grader.check.speed); where there is no CUDA it
  is skipped, saying why (`NO_CUDA_KERNELS`).

Nothing here imports triton until a Triton exercise's code is loaded.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

from ..catalog import Mistake

NO_CUDA_KERNELS = ("no CUDA device here: the kernels ran in Triton's interpreter, one program after another "
                   "on the CPU, so there is no kernel speed to time (it is timed on a GPU)")

OUT_OF_BOUNDS = Mistake("memory outside the tensors", "a load or store of the kernel reached addresses outside the "
                        "tensors it was given: mask every access that can fall past the end (mask=offs < n)",
                        "classic-mistakes")
NO_KERNEL = Mistake("result not computed by your kernel", "a Triton exercise computes its result in a @triton.jit "
                    "kernel of your file, launched as kernel[grid](...); the Python wrapper only allocates the output, "
                    "launches the kernel and returns what it wrote", "rules")


@dataclass(frozen=True)
class KernelLaunch:
    """LAUNCH = KernelLaunch(...): what a Triton exercise's calls must show (see the module docstring).

    `out_of_bounds`: the mistake an access outside the kernel's tensors is (the exercise's "no mask");
    `writes_result`: the returned tensor must be one a launch of the learner's kernel was given (False
    where the spec lets the wrapper finish in torch, e.g. the mean of per-row losses)."""

    out_of_bounds: Mistake = OUT_OF_BOUNDS
    writes_result: bool = True


_DECLARED: dict[str, KernelLaunch] = {}  # exercise -> its checks module's LAUNCH


def declare(exercise: str, spec: Any) -> None:
    """The plugin (grader.check.declare.install) registers a Triton exercise's LAUNCH here."""
    _DECLARED[exercise] = spec if isinstance(spec, KernelLaunch) else KernelLaunch()


def use_interpreter_without_cuda() -> None:
    """TRITON_INTERPRET=1 where torch has no CUDA device (unless already set). It must come before triton is
    first imported in the process: triton decorates its own library functions (tl.max, tl.sum) then, and
    kernels calling them fail in the interpreter with "Cannot call @triton.jit'd outside of the scope of a
    kernel" if they were decorated for the compiler."""
    if "TRITON_INTERPRET" in os.environ:
        return
    import torch

    if not torch.cuda.is_available():
        os.environ["TRITON_INTERPRET"] = "1"


def interpreted() -> bool:
    return os.environ.get("TRITON_INTERPRET", "0").lower() in ("1", "true", "on", "yes")


def kernel_speed(setup: Callable, *, limit: float, reference: str):
    """SPEED of a Triton exercise: timed on CUDA only (see the module docstring)."""
    from .declare import Speed

    return Speed(setup, limit={"cuda": limit}, reference={"cuda": reference}, no_cuda=NO_CUDA_KERNELS)


def in_padded_buffer(values, *, pad: int = 64, row_pad: int = 0, fill: float = float("nan")):
    """`values` (1-D or 2-D) copied into a larger buffer filled with `fill` (NaN), returned as a view of it:
    `pad` elements of fill before and after, and for 2-D `row_pad` more after each row (the row stride is
    then N + row_pad). A kernel that reads past a row or past the end reads NaN; one that assumes a
    contiguous input reads the wrong elements."""
    import torch

    if values.dim() == 1:
        buffer = torch.full((values.numel() + 2 * pad,), fill, dtype=values.dtype, device=values.device)
        buffer[pad:pad + values.numel()] = values
        return buffer[pad:pad + values.numel()]
    rows, cols = values.shape
    width = cols + row_pad
    buffer = torch.full((rows * width + 2 * pad,), fill, dtype=values.dtype, device=values.device)
    view = buffer[pad:pad + rows * width].view(rows, width)[:, :cols]
    view.copy_(values)
    return view


def read_with_row_stride_n(view, row_pad: int):
    """The rows a kernel reads from an `in_padded_buffer(values, row_pad=row_pad)` view when it takes N (the
    row's length) for the row stride: consecutive runs of N elements of the buffer, its NaN pads included
    (float64, on the CPU: a mistake's variant)."""
    import torch

    rows, cols = view.shape
    full = torch.full((rows, cols + row_pad), float("nan"), dtype=torch.float64)
    full[:, :cols] = view.double().cpu()
    return full.flatten()[:rows * cols].view(rows, cols)


# ---------------------------------------------------------------- what a call launched

@dataclass
class Launch:
    kernel: str                       # the kernel's name
    file: str                         # where it is defined
    grid: Any
    programs: int | None = None       # how many programs the grid had (None where it could not be evaluated)
    storages: set = field(default_factory=set)  # data_ptr of the storage of every tensor argument


@dataclass
class _Range:
    name: str   # the kernel's parameter the tensor was given as
    low: int    # first byte of the tensor's elements
    high: int   # one past the last byte
    numel: int
    itemsize: int


class Recorder:
    """The launches of the fenced call under way, and the accesses outside their tensors."""

    def __init__(self):
        self.active = False
        self.launches: list[Launch] = []
        self.outside: list[str] = []      # what each access outside the tensors did (the first few)
        self.outside_count = self.outside_shown = 0
        self.ranges: list[_Range] | None = None  # the tensors of the launch under way (interpreter)
        self.installed = False

    # -- patching triton, once

    def install(self) -> None:
        if self.installed:
            return
        import triton.runtime.jit as jit

        classes = [jit.JITFunction]
        try:
            from triton.runtime import interpreter
            classes.append(interpreter.InterpretedFunction)
            self._sanitise(interpreter)
        except ImportError:  # pragma: no cover - a triton without the interpreter
            pass
        for cls in classes:
            self._patch_run(cls)
        self.installed = True

    def _patch_run(self, cls) -> None:
        original = cls.run
        recorder = self

        def run(kernel, *args, grid, warmup, **kwargs):
            if warmup or not recorder.active:
                return original(kernel, *args, grid=grid, warmup=warmup, **kwargs)
            return recorder.launch(kernel, original, args, kwargs, grid)

        run.__wrapped__ = original
        cls.run = run

    def launch(self, kernel, original, args, kwargs, grid):
        fn = getattr(kernel, "fn", None)
        code = getattr(fn, "__code__", None)
        names = list(getattr(kernel, "arg_names", None) or [])
        bound = list(zip(names, args)) + list(kwargs.items())
        record = Launch(getattr(fn, "__name__", "kernel"), code.co_filename if code else "", grid, _programs(grid, bound))
        ranges = []
        for name, value in bound:
            if hasattr(value, "data_ptr") and hasattr(value, "untyped_storage"):
                record.storages.add(value.untyped_storage().data_ptr())
                ranges.append(_extent(name, value))
        self.launches.append(record)
        self.ranges = ranges
        try:
            return original(kernel, *args, grid=grid, warmup=False, **kwargs)
        finally:
            self.ranges = None

    # -- the interpreter's loads and stores

    def _sanitise(self, interpreter) -> None:
        builder = interpreter.InterpreterBuilder
        load, store = builder.create_masked_load, builder.create_masked_store
        handle = interpreter.TensorHandle
        recorder = self

        def create_masked_load(self, ptrs, mask, other, cache_policy, is_volatile):
            if recorder.ranges is not None:
                mask = handle(recorder.inside(self, ptrs, mask.data, "loads"), mask.dtype)
            return load(self, ptrs, mask, other, cache_policy, is_volatile)

        def create_masked_store(self, ptrs, value, mask, cache_policy):
            if recorder.ranges is not None:
                mask = handle(recorder.inside(self, ptrs, mask.data, "stores"), mask.dtype)
            return store(self, ptrs, value, mask, cache_policy)

        builder.create_masked_load, builder.create_masked_store = create_masked_load, create_masked_store

    def inside(self, builder, ptrs, mask, verb: str):
        """`mask` with the lanes outside every tensor of the launch turned off (each one noted)."""
        import numpy as np

        addresses = np.asarray(ptrs.data).astype(np.uint64)
        mask = np.broadcast_to(np.asarray(mask, dtype=bool), addresses.shape)
        itemsize = max(ptrs.get_element_ty().primitive_bitwidth // 8, 1)
        ok = np.zeros(addresses.shape, dtype=bool)
        for r in self.ranges:
            ok |= (addresses >= r.low) & (addresses + itemsize <= r.high)
        outside = mask & ~ok
        if outside.any():
            count = int(outside.sum())
            self.outside_count += count
            if len(self.outside) < 3:
                self.outside.append(self._describe(builder, addresses[outside], count, verb))
                self.outside_shown += count
            return mask & ok
        return mask

    def _describe(self, builder, addresses, count: int, verb: str) -> str:
        first = int(addresses.min())
        program = tuple(int(i) for i in getattr(builder, "grid_idx", ()) or ())
        where = f"program {program[0] if program[1:] in ((0, 0), ()) and program else program}"
        below = [r for r in self.ranges if r.low <= first]
        if below:
            r = max(below, key=lambda r: r.low)
            past = (first - r.high) // r.itemsize
            what = f"element {r.numel + past} of {r.name} (it has {r.numel}: {past + 1} past its end)"
        elif self.ranges:
            r = min(self.ranges, key=lambda r: r.low)
            what = f"{(r.low - first) // r.itemsize} elements before the start of {r.name}"
        else:
            what = "an address the launch was given no tensor for"
        return f"{where} {verb} {count} lane{'s' if count > 1 else ''} outside its tensors, the first at {what}"

    # -- one fenced call

    def start(self) -> None:
        self.active = True
        self.launches, self.outside, self.outside_count, self.outside_shown = [], [], 0, 0

    def stop(self) -> None:
        self.active = False
        self.ranges = None


def _programs(grid, bound) -> int | None:
    """The number of programs of a launch's grid (a tuple, or a function of the arguments, as triton calls it)."""
    try:
        shape = grid(dict(bound)) if callable(grid) else grid
        total = 1
        for size in tuple(shape):
            total *= int(size)
        return total
    except Exception:  # noqa: BLE001 - the launch itself reports a bad grid
        return None


def launched_programs() -> int | None:
    """How many programs the learner's launches of the last fenced call ran (None if unknown): evidence
    for a check that must tell "the grid is one program" from "every program did the first block"."""
    from ..learner import _is_learner_or_helper_file

    counts = [launch.programs for launch in RECORDER.launches if _is_learner_or_helper_file(launch.file)]
    return None if not counts or None in counts else sum(counts)


def _extent(name: str, tensor) -> _Range:
    """The bytes a tensor's elements occupy (a view's, not its whole storage's)."""
    itemsize = tensor.element_size()
    if tensor.numel() == 0:
        return _Range(name, tensor.data_ptr(), tensor.data_ptr(), 0, itemsize)
    last = sum((size - 1) * stride for size, stride in zip(tensor.shape, tensor.stride()))
    return _Range(name, tensor.data_ptr(), tensor.data_ptr() + (last + 1) * itemsize, tensor.numel(), itemsize)


RECORDER = Recorder()


class KernelWatch:
    """What grader.learner's fence asks of one Triton exercise's calls."""

    no_kernel = NO_KERNEL

    def __init__(self, exercise: str):
        self.exercise = exercise

    @staticmethod
    def library_dir() -> str | None:
        return triton_dir()

    @property
    def spec(self) -> KernelLaunch:
        """The exercise's LAUNCH: registered by the plugin, else read from its checks module (the site's
        "See it fail" panels run the checks without the plugin)."""
        if self.exercise not in _DECLARED:
            import importlib

            try:
                module = importlib.import_module(f"grader.exercises.{self.exercise}.checks")
            except ImportError:
                module = None
            declare(self.exercise, getattr(module, "LAUNCH", None))
        return _DECLARED[self.exercise]

    def start(self) -> None:
        try:
            RECORDER.install()  # imports triton the first time; without it there is no launch to watch
        except ImportError:
            return
        RECORDER.start()

    def stop(self) -> None:
        RECORDER.stop()

    def verdict(self, fn, result, is_learners: Callable[[str], bool]) -> list[str]:
        """After a call that returned: raise for an access outside the tensors; return the rules'
        findings (no launch of the learner's kernel, a result no launch was given)."""
        from .cases import last_case
        from .failure import CheckFailure

        name = getattr(fn, "__name__", "your function")
        if RECORDER.outside:
            more = RECORDER.outside_count - RECORDER.outside_shown
            detail = "\n  ".join(RECORDER.outside) + (f"\n  … and {more} more lanes" if more > 0 else "")
            raise CheckFailure(
                f"your kernel reached memory outside the tensors it was given (on a GPU that reads garbage, "
                f"corrupts other data or crashes; the interpreter stopped those lanes):\n  {detail}",
                case=last_case(), mistake=self.spec.out_of_bounds)
        own = [launch for launch in RECORDER.launches if is_learners(launch.file)]
        if not own:
            others = sorted({launch.kernel for launch in RECORDER.launches})
            return [f"{name} returned without launching a @triton.jit kernel of your file"
                    + (f" (it launched {', '.join(others)}, defined elsewhere)" if others else "")]
        if self.spec.writes_result:
            storages = set().union(*(launch.storages for launch in own))
            tensors = result if isinstance(result, (tuple, list)) else (result,)
            for tensor in tensors:
                if hasattr(tensor, "untyped_storage") and tensor.untyped_storage().data_ptr() not in storages:
                    return [f"{name} returned a tensor that none of its kernel launches was given: return the "
                            f"output your kernel wrote ({', '.join(sorted({l.kernel for l in own}))})"]
        return []


def watch(exercise: str) -> KernelWatch:
    return KernelWatch(exercise)


def triton_dir() -> str | None:
    """triton's package folder, once it is imported (its frames are library code, not the learner's)."""
    module = sys.modules.get("triton")
    file = getattr(module, "__file__", None)
    return os.path.dirname(file) + os.sep if file else None
