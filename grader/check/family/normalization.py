"""What the normalisation exercises' checks share (batch_norm, layer_norm, dropout).

Cases are dicts of tensors (x, weight, bias, …) and settings; the oracle is torch in float64 on CPU,
and torch autograd through it for the gradients.
"""
from __future__ import annotations

from typing import Callable, Mapping

import torch

from .. import Cases, CheckFailure, Mistake, call, describe, expect_close, expect_on_device


def f64(t):
    """A detached float64 copy on the CPU (None stays None)."""
    return None if t is None else t.detach().to("cpu", torch.float64).clone()


def f64_case(c: dict) -> dict:
    """The case with every tensor as a float64 copy on the CPU, for the oracle and the mistakes."""
    return {k: f64(v) if isinstance(v, torch.Tensor) else v for k, v in c.items()}


def grad_leaves(c: dict) -> dict:
    """Fresh copies of x, weight and bias (those not None) that require grad: what gradients are taken of."""
    return {k: c[k].detach().clone().requires_grad_(True) for k in ("x", "weight", "bias") if c[k] is not None}


def case_text(**params) -> str:
    """The case line, with the device of `x` when it is not the CPU."""
    x = params["x"]
    return describe(**params) + ("" if x.device.type == "cpu" else f", device={x.device.type!r}")


def weight_and_bias(w, b, which: str):
    """(weight, bias) as a case asks for them: "both", "weight" (bias None) or "none"."""
    return (w if which in ("both", "weight") else None), (b if which == "both" else None)


def mean_var(x, dims, correction=0):
    """The mean and the variance (biased unless `correction`) over `dims`, kept for broadcasting."""
    return x.mean(dims, keepdim=True), x.var(dims, correction=correction, keepdim=True)


def normalise(x, mean, var, weight, bias, eps, *, eps_outside=False):
    """y = (x - mean) / sqrt(var + eps) * weight + bias, all broadcastable to x (weight, bias may be None)."""
    y = (x - mean) / (var.sqrt() + eps if eps_outside else (var + eps).sqrt())
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y


def affine_ignored(plain, weight) -> list:
    """The variants of "weight or bias ignored": the output without both, and without the bias only."""
    return [lambda: plain, lambda: plain * weight if weight is not None else plain]


def expect_tensor(out, *, case: str) -> None:
    if not isinstance(out, torch.Tensor):
        raise CheckFailure(f"expected a torch.Tensor, your function returned {type(out).__name__}", case=case)


def expect_output(got, expected, x, *, case: str, mistakes, recheck: Callable[[], None],
                  cancellation: Mistake) -> None:
    """The output on x's device and close to the float64 oracle `expected`, else the mistake that explains it.

    A float32 mismatch that no variant explains, on data with a large mean, is `cancellation` when
    `recheck` (the same case with the data centred, a shift the output ignores) passes.
    """
    expect_on_device(got, x.device, case=case)
    try:
        expect_close(got, expected, case=case, dtype=x.dtype, mistakes=mistakes)
    except CheckFailure as failure:
        if failure.mistake is None and x.dtype == torch.float32 and x.double().mean().abs() > 50:
            try:
                recheck()
            except CheckFailure:
                raise failure from None
            failure.mistake = cancellation
        raise


def reference_grads(forward: Callable[..., torch.Tensor], leaves: Mapping[str, torch.Tensor], g64) -> dict:
    """name -> gradient of sum(forward(**leaves) * g64), in float64 on the CPU."""
    ref = {k: f64(v).requires_grad_(True) for k, v in leaves.items()}
    y = forward(**ref)
    return dict(zip(ref, torch.autograd.grad((y * g64).sum(), list(ref.values()))))


def expect_gradients(out, leaves: Mapping[str, torch.Tensor], forward: Callable[..., torch.Tensor], *, case: str,
                     outside_autograd: Mistake, mistakes: Mapping[Mistake, Callable[..., torch.Tensor]] = {}) -> None:
    """The gradients of sum(out * g), g fixed and random, with respect to each of `leaves` (name -> the
    tensor given to the learner) against autograd through `forward(**leaves)` in float64.

    `mistakes` maps each mistake to the forward that makes it: its gradients name it.
    """
    if out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: autograd cannot compute any gradient through it",
                           case=case, mistake=outside_autograd)
    g = torch.randn(out.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64).to(out)
    # A scalar loss: autograd.grad with grad_outputs imports sympy (~1.5 s) in recent torch.
    got = call(lambda: torch.autograd.grad((out * g).sum(), list(leaves.values()), allow_unused=True))
    g64 = f64(g)
    expected = reference_grads(forward, leaves, g64)
    for (name, leaf), grad in zip(leaves.items(), got):
        if grad is None:
            raise CheckFailure(f"no gradient reaches `{name}`: it is not connected to your output",
                               case=case, mistake=outside_autograd)
        variants = {m: lambda fn=fn, name=name: reference_grads(fn, leaves, g64)[name] for m, fn in mistakes.items()}
        expect_close(grad, expected[name], case=case, dtype=leaf.dtype, mistakes=variants,
                     what=f"the gradient of `{name}`")


def normalisation_cases(check_case, check_gradients, make_case, named: dict, gradients: dict, random_case,
                        gradient_case: dict) -> list[Cases]:
    """"matches torch [<case>]", "gradients match autograd [<case>]", and every random case (and one
    gradient case) in one check per device: "random cases [cpu]" and "random cases on cuda".

    check_case(target, case) and check_gradients(target, case) take a case made by make_case(**params);
    random_case(seed, device) makes one too.
    """
    def check_random(target, seeds, device="cpu"):
        for seed in seeds:
            check_case(target, random_case(seed, device))
        check_gradients(target, make_case(**gradient_case, device=device))

    return [Cases(lambda target, params: check_case(target, make_case(**params)), named),
            Cases(lambda target, params: check_gradients(target, make_case(**params)), gradients,
                  name="gradients match autograd"),
            Cases(check_random, {"cpu": range(4)}, cuda=True, name="random cases")]
