"""Checks of exercises/label_smoothing_cross_entropy.py against F.cross_entropy in float64.

The oracle is torch's own F.cross_entropy in float64 on CPU with every argument
(label_smoothing, ignore_index, reduction), and torch autograd through it for the gradients.
Classic mistakes are variants written out below in float64, used only to name them.
"""
from __future__ import annotations

import torch
from torch.nn.functional import cross_entropy as torch_ce  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close, \
    expect_on_device, mistakes

MISTAKE = mistakes("label_smoothing_cross_entropy")


def make_case(seed, shape, eps=0.0, ignore_index=-100, n_ignored=0, reduction="mean", scale=3.0,
              dtype=torch.float64, device="cpu"):
    """logits of `shape` = (N, C) or (C,) or (N, C, d1, ...); targets with n_ignored entries set to ignore_index."""
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(shape, generator=g, dtype=torch.float64) * scale
    C = shape[1] if len(shape) > 1 else shape[0]
    tshape = (shape[0], *shape[2:]) if len(shape) > 1 else ()
    target = torch.randint(0, C, tshape, generator=g)
    if n_ignored:
        flat = target.view(-1)
        flat[torch.randperm(flat.numel(), generator=g)[:n_ignored]] = ignore_index
    return dict(logits=logits.to(dtype=dtype, device=device), target=target.to(device), label_smoothing=eps,
                ignore_index=ignore_index, reduction=reduction)


def spec(logits, target, eps, ignore_index, reduction, *, k_minus_1=False, mean_all=False, no_mask=False,
         log_softmax=None):
    """Spec-literal float64 loss with the switches that make each classic mistake."""
    cls = 1 if logits.dim() > 1 else 0
    logp = log_softmax(logits, cls) if log_softmax else logits.log_softmax(cls)
    if logits.dim() == 1:
        logp, target = logp[None], target[None]
    C = logp.shape[1]
    keep = target != ignore_index
    t = torch.where(keep, target, torch.zeros_like(target))
    nll = -logp.gather(1, t.unsqueeze(1)).squeeze(1)
    if k_minus_1 and C > 1:
        rest = -logp.sum(1) - nll
        loss = (1 - eps) * nll + eps / (C - 1) * rest
    else:
        loss = (1 - eps) * nll + eps * (-logp.mean(1))
    if not no_mask:
        loss = torch.where(keep, loss, torch.zeros_like(loss))
    if logits.dim() == 1:
        loss, keep = loss[0], keep[0]
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.sum() / (keep.numel() if (mean_all or no_mask) else keep.sum())


def oracle(c64):
    return torch_ce(c64["logits"], c64["target"], ignore_index=c64["ignore_index"], reduction=c64["reduction"],
                    label_smoothing=c64["label_smoothing"])


def output_mistakes(c64):
    a = (c64["logits"], c64["target"], c64["label_smoothing"], c64["ignore_index"], c64["reduction"])
    m = {MISTAKE.mean_includes_ignored: lambda: spec(*a, mean_all=True),
         MISTAKE.ignored_not_masked: [lambda: spec(*a, no_mask=True), lambda: spec(*a[:3], -12345, a[4])]}
    if a[2]:
        m[MISTAKE.k_minus_1] = lambda: spec(*a, k_minus_1=True)
        m[MISTAKE.smoothing_ignored] = lambda: spec(a[0], a[1], 0.0, *a[3:])
    return m


def f64(c):
    return dict(c, logits=c["logits"].detach().to("cpu", torch.float64), target=c["target"].cpu())


def check_case(target, c):
    case = describe(**c)
    c64 = f64(c)
    got = call_unchanged(target.label_smoothing_cross_entropy, c["logits"], c["target"], case=case,
                         label_smoothing=c["label_smoothing"], ignore_index=c["ignore_index"],
                         reduction=c["reduction"])
    if not isinstance(got, torch.Tensor):
        raise CheckFailure(f"expected a torch.Tensor, your function returned {type(got).__name__}", case=case)
    expect_on_device(got, c["logits"].device, case=case)
    expected = oracle(c64)
    if isinstance(got, torch.Tensor) and not torch.isfinite(got).all() and torch.isfinite(expected).all():
        raise CheckFailure("your loss is not finite where torch's is", case=case, mistake=MISTAKE.log_of_softmax)
    expect_close(got, expected, case=case, dtype=c["logits"].dtype, mistakes=output_mistakes(c64))


NAMED_CASES = {
    "(N, C), plain cross-entropy": dict(seed=0, shape=(5, 4)),
    "(N, C), label_smoothing=0.1": dict(seed=1, shape=(6, 5), eps=0.1),
    "(N, C), label_smoothing=0.3, two ignored": dict(seed=2, shape=(7, 6), eps=0.3, n_ignored=2),
    "ignore_index=-100, no smoothing, three ignored": dict(seed=3, shape=(8, 3), n_ignored=3),
    "ignore_index=0 (a real class id)": dict(seed=4, shape=(8, 4), eps=0.2, ignore_index=0, n_ignored=0),
    "reduction='sum', ignored rows": dict(seed=5, shape=(6, 5), eps=0.1, n_ignored=2, reduction="sum"),
    "reduction='none', ignored rows": dict(seed=6, shape=(6, 5), eps=0.1, n_ignored=2, reduction="none"),
    "(N, C, T): a sequence of tokens": dict(seed=7, shape=(2, 5, 4), eps=0.1, n_ignored=3),
    "(N, C, H, W), reduction='none'": dict(seed=8, shape=(2, 3, 2, 2), eps=0.2, n_ignored=1, reduction="none"),
    "unbatched: logits (C,), target ()": dict(seed=9, shape=(5,), eps=0.1),
    "two classes, label_smoothing=1.0": dict(seed=10, shape=(4, 2), eps=1.0, n_ignored=1),
    "huge logits (scale 1000), smoothing": dict(seed=11, shape=(4, 6), eps=0.1, scale=1000.0),
    "float32": dict(seed=12, shape=(16, 10), eps=0.1, n_ignored=4, dtype=torch.float32),
}


def check_gradients(target, c):
    case = describe(**c)
    leaf = c["logits"].detach().clone().requires_grad_(True)
    out = call(target.label_smoothing_cross_entropy, leaf, c["target"], label_smoothing=c["label_smoothing"],
               ignore_index=c["ignore_index"], reduction=c["reduction"])
    if not isinstance(out, torch.Tensor) or out.grad_fn is None:
        raise CheckFailure("your loss has no grad_fn: autograd cannot compute any gradient through it",
                           case=case, mistake=MISTAKE.outside_autograd)
    g = torch.randn(out.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64).to(out)
    (got,) = call(lambda: torch.autograd.grad((out * g).sum(), [leaf]))
    c64 = f64(c)
    x = c64["logits"].clone().requires_grad_(True)
    (expected,) = torch.autograd.grad((oracle(dict(c64, logits=x)) * g.double().cpu()).sum(), [x])
    expect_close(got, expected, case=case, dtype=leaf.dtype, what="the gradient of `logits`")


GRAD_CASES = {
    "(N, C), smoothing 0.1, ignored rows": dict(seed=20, shape=(6, 5), eps=0.1, n_ignored=2),
    "(N, C, T), reduction='none'": dict(seed=21, shape=(2, 4, 3), eps=0.2, n_ignored=1, reduction="none"),
}


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    shape = (r(1, 9), r(2, 9), *[r(1, 4) for _ in range(r(0, 2))])
    n = shape[0] * (shape[2] if len(shape) > 2 else 1)
    return make_case(seed, shape, eps=[0.0, 0.05, 0.1, 0.5][r(0, 4)], ignore_index=[-100, 1][r(0, 2)],
                     n_ignored=r(0, n), reduction=["mean", "sum", "none"][r(0, 3)],
                     dtype=[torch.float64, torch.float32][seed % 2], device=device)


def check_random(target, seeds, device="cpu"):
    for seed in seeds:
        check_case(target, random_case(seed, device))
    check_gradients(target, make_case(30, (5, 4), eps=0.1, n_ignored=1, device=device))


CASES = [Cases(lambda target, p: check_case(target, make_case(**p)), NAMED_CASES),
         Cases(lambda target, p: check_gradients(target, make_case(**p)), GRAD_CASES, name="gradients match autograd"),
         Cases(check_random, {"cpu": range(4)}, cuda=True, name="random cases")]

DEVICE = OnDevice(lambda target, device: call(target.label_smoothing_cross_entropy,
                                              *list(make_case(44, (6, 5), eps=0.1, n_ignored=2, dtype=torch.float32,
                                                              device=device).values())[:2], label_smoothing=0.1),
                  case="logits (6, 5) float32, two targets ignored, label_smoothing=0.1")


def speed_setup(target, device):
    shape = {"cpu": (4096, 512), "cuda": (16384, 32000)}[device]
    c = make_case(0, shape, eps=0.1, n_ignored=shape[0] // 8, dtype=torch.float32, device=device)
    return (lambda: target.label_smoothing_cross_entropy(c["logits"], c["target"], label_smoothing=0.1),
            lambda: torch_ce(c["logits"], c["target"], label_smoothing=0.1), describe(**c))


SPEED = Speed(speed_setup, limit={"cpu": 20, "cuda": 20}, reference="torch cross_entropy")
