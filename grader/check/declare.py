"""Declarations: what a check module states, and the standard checks the plugin makes of them.

A check module holds only what is specific to its exercise: the oracle, the cases, the mistakes.
What every exercise needs is declared at module level and made into checks by the plugin:

    CASES = Cases(check, named={"smallest: …": params, …}, random=random_params, seeds=4, cuda=False)
        "matches torch [<name>]" for each named case, "random case [seed <n>]" for each seed and,
        with cuda=True, "matches torch on cuda" (every case again, on CUDA; skipped where there is none).
        `check(target, params)` runs one case on the learner's module (with cuda, `device=` too).
        Several groups: CASES = [Cases(...), Cases(..., name="gradients match autograd")].
    CASES = Cases.spanning(check, Space(kernel_size=Arg(...), stride=..., valid=...), named={...})
        the same, with the named cases of a covering design over the arguments the docstring allows
        after the hand-written ones, and random cases that draw every argument (see cases.Space).
    SPEED = Speed(setup, limit=25, reference="torch conv2d")
        "speed against torch" (and "speed against torch on cuda" when `limit` has a "cuda" entry):
        `setup(target, device)` returns (learner call, reference call, case text); the learner's
        first call is checked (a crash is reported as a crash) and time-boxed, then it is timed
        against the reference (see speed.measure).
    DEVICE = OnDevice(run, case="x (4, 6) float32, p=0.5")
        "new tensors on the input's device": `run(target, device)` calls the learner on inputs made on
        `device`; a tensor it makes without device= (on the CPU, whatever the input's device) must neither
        meet an input nor be returned: seen on every machine, without a GPU (see check.device).
    TOLERANCE = {"float32": (rtol, atol)}
        overrides of compare.DEFAULT_TOLERANCE for this module's expect_close calls.
    LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.no_mask)   (framework "triton" only; see check.kernels)
        what every call must show: a launch of the learner's own @triton.jit kernel, the result written by
        it, and (interpreter) no load or store outside the kernel's tensors, which is that mistake.
    SPEED = kernel_speed(setup, limit=4, reference="torch.softmax")   (Triton: timed on CUDA only)
    The rules check, "<check>" from exercise.toml's [rules], needs no declaration.

Generated checks take the place of the declaration in the module's order (see `order`).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Mapping

import numpy as np
import pytest
import torch

from ..catalog import Exercise
from .cases import NO_CUDA, Space, describe, skip_without_cuda
from .device import ADVICE, expect_new_tensors_on_device
from .rules import expect_rules
from .speed import expect_fast, measure


@dataclass(frozen=True)
class Cases:
    check: Callable[..., None]
    named: Mapping[str, Any] = field(default_factory=dict)
    random: Callable[[int], Any] | None = None
    seeds: int = 4
    cuda: bool = False
    name: str = "matches torch"
    random_name: str = "random case"
    space: Space | None = None  # the arguments the cases span (cases.Space), when declared

    @classmethod
    def spanning(cls, check: Callable[..., None], space: Space, named: Mapping[str, Any] | None = None,
                 **options: Any) -> Cases:
        """The cases of `space`: its covering design after the hand-written `named` ones (their names
        kept), and random cases drawn from every argument of it."""
        generated = space.named()
        clash = sorted(set(generated) & set(named or {}))
        if clash:
            raise ValueError(f"generated case names {clash} are already named cases")
        return cls(check, {**(named or {}), **generated}, space.random, space=space, **options)

    def every_case(self) -> list[Any]:
        return [*self.named.values(), *(self.random(s) for s in range(self.seeds) if self.random)]


@dataclass(frozen=True)
class OnDevice:
    """DEVICE = OnDevice(run, case): "new tensors on the input's device", on every machine:
    `run(target, device)` calls the learner's code on inputs made on `device` (the CPU here), watched for
    tensors made without device= (see check.device)."""

    run: Callable[[ModuleType, torch.device], Any]
    case: str
    name: str = "new tensors on the input's device"
    advice: str = ADVICE


@dataclass(frozen=True)
class Speed:
    setup: Callable[[ModuleType, str], tuple[Callable[[], Any], Callable[[], Any], str]]
    limit: float | Mapping[str, float]
    reference: str | Mapping[str, str]
    name: str = "speed against torch"
    rounds: int = 11  # at most; fewer once the verdict cannot change (see speed.measure)
    budget_s: float = 4.0
    no_cuda: str = NO_CUDA  # why the CUDA check is skipped where there is no GPU (kernels.kernel_speed says more)

    def per_device(self, value, device: str):
        return value[device] if isinstance(value, Mapping) else value

    @property
    def devices(self) -> list[str]:
        return list(self.limit) if isinstance(self.limit, Mapping) else ["cpu"]


def numpy_speed(name, reference, make, *, limit, reference_name):
    """SPEED of a NumPy exercise: `make()` gives ({name: value} passed by position, {name: value} by
    keyword); the learner's `name` is timed on them, `reference` on the same with arrays as tensors."""
    def setup(target, device):
        args, kwargs = make()
        tensors = [torch.from_numpy(a) if isinstance(a, np.ndarray) else a for a in args.values()]
        fn = getattr(target, name)
        return (lambda: fn(*args.values(), **kwargs), lambda: reference(*tensors, **kwargs),
                describe(**args, **kwargs))
    return Speed(setup, limit=limit, reference=reference_name)


def _test_name(name: str) -> str:
    return "test_" + name.replace(" ", "_")


def _named_check(cases: Cases):
    @pytest.mark.parametrize("params", list(cases.named.values()), ids=list(cases.named))
    def check(target, params):
        cases.check(target, params)
    return check


def _random_check(cases: Cases):
    @pytest.mark.parametrize("seed", range(cases.seeds), ids=lambda s: f"seed {s}")
    def check(target, seed):
        cases.check(target, cases.random(seed))
    return check


def _cuda_check(cases: Cases):
    @pytest.mark.cuda
    def check(target):
        skip_without_cuda()
        for params in cases.every_case():
            cases.check(target, params, device="cuda")
    return check


def _device_check(spec: OnDevice):
    def check(target):
        expect_new_tensors_on_device(lambda: spec.run(target, "cpu"), case=spec.case, advice=spec.advice)
    return check


def _speed_check(speed: Speed, device: str):
    def check(target):
        skip_without_cuda(device, speed.no_cuda)
        learner, reference, case = speed.setup(target, device)
        result = measure(learner, reference, limit=speed.per_device(speed.limit, device),
                         reference_name=speed.per_device(speed.reference, device), device=device,
                         rounds=speed.rounds, budget_s=speed.budget_s, first_call=True)
        expect_fast(result, case=case)
    check = pytest.mark.speed(check)
    return pytest.mark.cuda(check) if device == "cuda" else check


def _rules_check():
    @pytest.mark.rules
    def check(target_file, exercise):
        expect_rules(target_file, exercise.rules)
    return check


def standard_checks(module: ModuleType, exercise: Exercise) -> dict[str, Callable]:
    """name -> test function for every declaration of `module` (and the rules of `exercise`).

    Each function carries `declared_at`, the line of its declaration, so that the plugin can run it
    where the declaration stands among the module's own checks (the rules check after them all).
    """
    lines = _declaration_lines(module)
    made: dict[str, Callable] = {}

    def add(name: str, check: Callable, line: int) -> None:
        name = _test_name(name)
        check.__name__ = check.__qualname__ = name
        check.__module__ = module.__name__
        check.declared_at = line
        made[name] = check

    groups = getattr(module, "CASES", None)
    for cases in [g for g in (groups if isinstance(groups, list) else [groups]) if isinstance(g, Cases)]:
        if cases.named:
            add(cases.name, _named_check(cases), lines.get("CASES", 0))
        if cases.random:
            add(cases.random_name, _random_check(cases), lines.get("CASES", 0))
        if cases.cuda:
            add(cases.name + " on cuda", _cuda_check(cases), lines.get("CASES", 0))
    spec = getattr(module, "DEVICE", None)
    if isinstance(spec, OnDevice):
        add(spec.name, _device_check(spec), lines.get("DEVICE", 0))
    speed = getattr(module, "SPEED", None)
    if isinstance(speed, Speed):
        for device in speed.devices:
            add(speed.name + ("" if device == "cpu" else f" on {device}"), _speed_check(speed, device),
                lines.get("SPEED", 0))
    if exercise.rules:
        add(exercise.rules.check, _rules_check(), 10**9)
    clash = sorted(n for n in made if n in vars(module))
    if clash:
        raise TypeError(f"{module.__name__} defines {clash}, which its declarations already make")
    return made


def install(module: ModuleType, exercise: Exercise) -> None:
    """Add the standard checks to `module`'s namespace, where pytest collects them (once: a module
    stays imported between runs in one process)."""
    if exercise.framework == "triton":  # what its calls must launch (grader.check.kernels)
        from .kernels import declare as declare_launch

        declare_launch(exercise.name, getattr(module, "LAUNCH", None))
    if not getattr(module, "_standard_checks_installed", False):
        for name, check in standard_checks(module, exercise).items():
            setattr(module, name, check)
        module._standard_checks_installed = True


def order(function: Callable) -> int:
    """Where a check stands in its module: its declaration's line, or its own."""
    code = getattr(function, "__code__", None)
    return getattr(function, "declared_at", code.co_firstlineno if code else 0)


def _declaration_lines(module: ModuleType) -> dict[str, int]:
    """The line of each top-level declaration (CASES, DEVICE, SPEED) in the module's source."""
    try:
        tree = ast.parse(open(module.__file__, encoding="utf-8").read())
    except (OSError, SyntaxError, TypeError):
        return {}
    return {t.id: node.lineno for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name) and t.id in ("CASES", "DEVICE", "SPEED")}
