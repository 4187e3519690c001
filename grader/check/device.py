"""New tensors on the input's device, checked on every machine.

A tensor made without `device=` (torch.rand(x.shape), torch.ones(L, L).tril()) lands on the CPU: right
on a CPU-only machine, a crash or a wrong device on a GPU. A check that runs only on CUDA cannot see it
where there is none. So the learner's call is watched (a TorchFunctionMode) and every tensor a factory
makes without `device=` is followed as "made on the CPU by default", with what torch computes from it
alone. Then, with the inputs on the CPU:

- an operation that takes such a tensor of one element or more together with an input (or anything
  computed from one) is the mix that fails on a GPU (a 0-d tensor, like torch.tensor(2.0), is allowed
  there, and here);
- an output that is such a tensor would be on the CPU beside a GPU input.

Moves (`.to(x.device)`, `.to(x)`, `.cuda()`, copies into a tensor, indexing with CPU indices) are what
works on a GPU, and pass; `*_like` and `x.new_*` factories take the input's device, and pass.

Why not run the code on PyTorch's `meta` device, which also exists everywhere: the first meta operation
imports ~800 modules (torch._dynamo, sympy; 1-6 s in every graded process), and code that reads values
(`.item()`, `if mask.any():`) cannot run there at all. Watching the CPU run has neither cost.
"""
from __future__ import annotations

from typing import Any, Callable

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._pytree import tree_flatten

from ..learner import LearnerCrash
from .failure import CheckFailure

try:  # the factories torch.set_default_device redirects: the ones that take device=
    from torch.utils._device import _device_constructors
    FACTORIES = set(_device_constructors())
except (ImportError, AttributeError):  # pragma: no cover - an older or newer torch
    FACTORIES = {torch.arange, torch.empty, torch.eye, torch.full, torch.linspace, torch.ones, torch.rand,
                 torch.randint, torch.randn, torch.randperm, torch.tensor, torch.zeros, torch.as_tensor}
FACTORIES |= {torch.from_numpy}

T = torch.Tensor
# Operations whose tensors may be on two devices on a GPU too.
MOVES = {T.to, T.cuda, T.copy_, T.type_as, T.__setitem__, T.index_put_, T.index_put, T.device.__get__}
INDEXING = {T.__getitem__}  # a CPU index into a GPU tensor works; the result is the indexed tensor's


def _tensors(*values) -> list[torch.Tensor]:
    return [t for t in tree_flatten(values)[0] if isinstance(t, torch.Tensor)]


def _moves(args, kwargs) -> bool:
    """A Tensor.to call that names a device (or a tensor to take one from), not only a dtype."""
    return any(isinstance(a, (torch.device, str, int, torch.Tensor)) and not isinstance(a, bool)
               for a in (*args[1:], kwargs.get("device"), kwargs.get("other")) if a is not None)


class _MadeOnCpu(TorchFunctionMode):
    """Follows the tensors made without device= (see the module's docstring); records the first mix."""

    def __init__(self) -> None:
        super().__init__()
        self.made: dict[int, torch.Tensor] = {}  # id -> tensor (held, so that an id is never reused)
        self.first: tuple[str, tuple[int, ...]] | None = None

    def _is_made(self, t: torch.Tensor) -> bool:
        return id(t) in self.made

    def _mark(self, out: Any) -> None:
        for t in _tensors(out):
            self.made[id(t)] = t

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        given = _tensors(args, kwargs)
        if func in FACTORIES:
            if kwargs.get("device") is None and not given:
                self._mark(out)
            return out
        if func is T.cpu:
            if out is not args[0]:  # on the CPU already, x.cpu() is x: marking it would mark the input
                self._mark(out)
            return out
        if func in MOVES:
            if func is not T.to or _moves(args, kwargs):
                for t in _tensors(out):  # a move to the CPU, where the inputs are, returns the same tensor
                    self.made.pop(id(t), None)
            elif any(self._is_made(t) for t in given):  # a dtype change keeps the device
                self._mark(out)
            return out
        if func in INDEXING:
            if given and self._is_made(given[0]):
                self._mark(out)
            return out
        made = [t for t in given if self._is_made(t)]
        if made:
            others = [t for t in given if not self._is_made(t)]
            big = [t for t in made if t.dim() > 0]
            if others and big:
                if self.first is None:
                    self.first = (getattr(func, "__name__", str(func)), tuple(big[0].shape))
            elif not others:
                self._mark(out)
        return out


ADVICE = ("create every new tensor on the input's device: device=x.device, or torch.zeros_like / "
          "torch.rand_like(x)")


def expect_new_tensors_on_device(run: Callable[[], Any], *, case: str, advice: str = ADVICE) -> None:
    """`run()` calls the learner's code on CPU inputs; no tensor it makes without device= may meet an
    input or be returned (see the module's docstring)."""
    watch = _MadeOnCpu()
    try:
        with watch:
            got = run()
    except LearnerCrash:
        if watch.first is None:
            return  # a crash is the other checks' to report, with its traceback
    if watch.first is not None:
        op, shape = watch.first
        raise CheckFailure(f"your code makes a tensor of shape {shape} without device= (so on the CPU) and "
                           f"combines it with the input in torch's {op}: with the input on a GPU this fails. "
                           f"{advice[0].upper()}{advice[1:]}", case=case)
    for value in _tensors(got):
        if watch._is_made(value):
            raise CheckFailure(f"your output of shape {tuple(value.shape)} is made without device= (so on the CPU "
                               f"whatever the input's device). {advice[0].upper()}{advice[1:]}", case=case)
