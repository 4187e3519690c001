"""Shared by the Triton kernel exercises' checks: an out-of-bounds guard for the interpreter.

On the GPU a load or store past the end of a tensor reads garbage or corrupts memory silently; in
Triton's interpreter (TRITON_INTERPRET=1) it reads or writes the host's memory through a raw pointer,
which can abort the whole process ("malloc assertion failure"). `bounds_guard()` checks every lane a
kernel loads or stores while the mask is on: its address must lie inside the storage of one tensor
passed to that launch. Otherwise the access raises `OutOfBounds` (which lanes, which argument it ran
past, load or store), before any byte is touched, and `last_violation()` tells the check what it was,
so it can name the missing mask. Without the interpreter (compiled on CUDA) the guard does nothing.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Violation:
    kind: str        # "load" or "store"
    argument: str    # the kernel argument whose tensor the lanes ran past ("" when none is near)
    lanes: int       # how many active lanes were outside
    total: int       # active lanes in that access


class OutOfBounds(IndexError):
    pass


_state = {"ranges": [], "last": None, "installed": False}


def last_violation() -> Violation | None:
    """The out-of-bounds access that stopped the last guarded call, or None."""
    return _state["last"]


def reset() -> None:
    _state["last"] = None


def _ranges_of(fn, args_hst, kwargs_hst):
    import inspect
    try:
        bound = inspect.getcallargs(fn, *args_hst, **kwargs_hst)
    except TypeError:
        bound = dict(enumerate(args_hst))
    ranges = []
    for name, arg in bound.items():
        if hasattr(arg, "untyped_storage"):
            storage = arg.untyped_storage()
            ranges.append((str(name), storage.data_ptr(), storage.data_ptr() + storage.nbytes()))
    return ranges


def _check(kind, ptrs, mask, itemsize):
    address = np.asarray(ptrs.data, dtype=np.uint64).reshape(-1)
    active = np.broadcast_to(np.asarray(mask.data, dtype=bool), ptrs.data.shape).reshape(-1)
    address = address[active].astype(np.int64)
    if address.size == 0:
        return
    ranges = _state["ranges"]
    first = int(address.min())
    # All the lanes of one access come from one tensor: the one holding the lowest address, else the
    # nearest one below it (the tensor the offsets started from).
    below = [r for r in ranges if r[1] <= first] or ranges
    name, lo, hi = max(below, key=lambda r: r[1]) if below else ("", 0, 0)
    outside = (address < lo) | (address + itemsize > hi)
    if outside.any():
        _state["last"] = Violation(kind, name if ranges else "", int(outside.sum()), int(address.size))
        past = f" past the end of `{name}`" if name else ""
        raise OutOfBounds(
            f"out-of-bounds {kind}: {int(outside.sum())} of the {int(address.size)} active lanes of a "
            f"tl.{kind}{past} point outside every tensor the kernel was given (is a mask missing there?)")


def install() -> bool:
    """Install the guard in Triton's interpreter (once); False when the interpreter is not in use."""
    if _state["installed"]:
        return True
    if os.environ.get("TRITON_INTERPRET") != "1":
        return False
    from triton.runtime import interpreter as interp

    executor, builder = interp.GridExecutor, interp.InterpreterBuilder
    init_args, load, store = executor._init_args_hst, builder.create_masked_load, builder.create_masked_store

    def guarded_init_args(self, args_dev, kwargs):
        args_hst, kwargs_hst = init_args(self, args_dev, kwargs)
        _state["ranges"] = _ranges_of(self.fn, args_hst, kwargs_hst)
        return args_hst, kwargs_hst

    def guarded_load(self, ptrs, mask, other, cache_policy, is_volatile):
        _check("load", ptrs, mask, np.dtype(interp._get_np_dtype(ptrs.get_element_ty())).itemsize)
        return load(self, ptrs, mask, other, cache_policy, is_volatile)

    def guarded_store(self, ptrs, value, mask, cache_policy):
        _check("store", ptrs, mask, np.dtype(value.data.dtype).itemsize)
        return store(self, ptrs, value, mask, cache_policy)

    executor._init_args_hst = guarded_init_args
    builder.create_masked_load, builder.create_masked_store = guarded_load, guarded_store
    _state["installed"] = True
    return True


def call_guarded(fn, *args, case: str, out_of_bounds=None, **kwargs):
    """`call_unchanged` under the guard. An out-of-bounds load or store fails the check with the guard's
    message; `out_of_bounds(violation)` gives the mistake it shows (recorded: the access was seen)."""
    from grader.check import CheckFailure, call_unchanged, record_reproduced
    from grader.learner import LearnerCrash

    install()
    reset()
    try:
        return call_unchanged(fn, *args, case=case, **kwargs)
    except LearnerCrash as exc:
        violation = last_violation()
        if violation is None:
            raise
        mistake = record_reproduced(out_of_bounds(violation) if out_of_bounds else None)
        raise CheckFailure(str(exc), case=case, mistake=mistake) from None
