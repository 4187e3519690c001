"""Shared check helpers, where the exercises' own cases do not reach every branch (no CUDA here)."""
import numpy as np
import pytest
import torch

from grader.check import (a_mistake_has_shape, call, CheckFailure, expect_new_tensors_on_device, expect_on_device,
                         matching_mistake, Mistake,
                         skip_without_cuda)


def test_an_output_on_another_device_fails_with_the_two_devices_and_the_advice():
    # The meta device stands in for CUDA: a tensor that is not where the inputs are.
    with pytest.raises(CheckFailure) as failure:
        expect_on_device(torch.empty(2, device="meta"), torch.device("cpu"), case="x (2,)", what="your h_new",
                         advice="use torch.zeros_like(x)")
    assert failure.value.message == "your h_new is on meta, the input on cpu: use torch.zeros_like(x)"
    assert failure.value.case == "x (2,)"


@pytest.mark.parametrize("got", [torch.zeros(2), np.zeros(2), None], ids=["same device", "numpy", "None"])
def test_an_output_on_the_inputs_device_or_not_a_tensor_passes(got):
    expect_on_device(got, torch.device("cpu"), case="x (2,)")


def refuses():
    raise RuntimeError("this variant does not apply to the case")


def test_mistake_variants_are_matched_by_shape_and_by_value_skipping_those_that_do_not_apply():
    wide, tall = Mistake("wide", "w", "a"), Mistake("tall", "t", "a")
    mistakes = {wide: [refuses, lambda: torch.ones(2, 3)], tall: lambda: torch.zeros(3, 2)}
    assert a_mistake_has_shape(mistakes, (2, 3)) and a_mistake_has_shape(mistakes, (3, 2))
    assert not a_mistake_has_shape(mistakes, (6,))
    assert matching_mistake(np.zeros((3, 2)), mistakes, rtol=1e-6, atol=1e-6) is tall
    assert matching_mistake(np.ones((2, 3)) + 1e-3, mistakes, rtol=1e-6, atol=1e-6) is None


def test_cuda_checks_skip_saying_why_only_where_there_is_no_cuda():
    skip_without_cuda("cpu")  # never skips
    if torch.cuda.is_available():
        skip_without_cuda()
    else:
        with pytest.raises(pytest.skip.Exception, match="no CUDA device here"):
            skip_without_cuda()


# New tensors on the input's device (check.device): seen on a CPU-only machine.
X = torch.rand(4, 3)
CPU_HABITS = {
    "mask from torch.rand(x.shape)": lambda: X * (torch.rand(X.shape) > 0.5),
    "mask cast to x's dtype keeps its device": lambda: X * (torch.rand(4, 3) > 0.5).to(X.dtype),
    "torch.ones(L, L).tril() in masked_fill": lambda: X.masked_fill(torch.ones(4, 3, dtype=torch.bool).tril(), 0.0),
    "returns torch.ones(3)": lambda: torch.ones(3),
    "a zero bias from torch.zeros(n)": lambda: X + torch.zeros(3),
    "a CPU copy combined": lambda: X.double().cpu() @ torch.ones(3, 2, dtype=torch.float64),
}
DEVICE_RIGHT = {
    "torch.rand_like(x)": lambda: X * (torch.rand_like(X) > 0.5),
    "device=x.device": lambda: X * (torch.rand(X.shape, device=X.device) > 0.5),
    "made on the CPU, then moved": lambda: X + torch.zeros(3).to(X.device),
    "made on the CPU, then .to(x)": lambda: X + torch.zeros(3).to(X),
    "a 0-d tensor": lambda: X * torch.tensor(2.0),
    "indexing with CPU indices": lambda: X[torch.arange(2)],
    "x.new_zeros": lambda: X + X.new_zeros(3),
    "a crash is not this check's": lambda: X @ torch.ones(5, 5, device=X.device),
    "x.cpu() of a CPU input is the input": lambda: (X.cpu().numpy(), X * 2)[1],
}


@pytest.mark.parametrize("run", list(CPU_HABITS.values()), ids=list(CPU_HABITS))
def test_a_tensor_made_without_device_that_meets_the_input_or_is_returned_fails_on_a_cpu_only_machine(run):
    def learner():
        return call(run)
    with pytest.raises(CheckFailure, match="without device="):
        expect_new_tensors_on_device(learner, case="x (4, 3)")


@pytest.mark.parametrize("run", list(DEVICE_RIGHT.values()), ids=list(DEVICE_RIGHT))
def test_tensors_on_the_inputs_device_moved_there_or_0_d_pass(run):
    expect_new_tensors_on_device(lambda: call(run), case="x (4, 3)")


def test_the_speed_line_shows_times_that_divide_to_the_ratio_it_judges():
    # Costs that vary from round to round, so the median of per-round ratios (the verdict, 1.0 here)
    # and the ratio of separately taken median times (0.75) disagree: only the times of one real
    # round can agree with the verdict.
    import re
    import time

    from grader.check.speed import measure

    def work(cpu_seconds):  # the speed check times CPU time: spend exactly this much
        end = time.process_time() + cpu_seconds
        while time.process_time() < end:
            pass

    unit = 5e-3
    mine = iter([3, 2, 8, 8, 2, 3])  # the first call, then one per round
    torch_ = iter([4, 4, 4, 2, 8, 8, 2])  # warm-up, calibration, then one per round
    result = measure(lambda: work(next(mine) * unit), lambda: work(next(torch_) * unit),
                     limit=50, reference_name="torch", rounds=5, budget_s=60)
    assert result.learner_s / result.reference_s == pytest.approx(result.ratio)
    shown = re.match(r"yours ([\d.]+) ms, torch ([\d.]+) ms of CPU time per call: ([\d.]+)×", result.line())
    yours, theirs, ratio = map(float, shown.groups())
    assert yours / theirs == pytest.approx(ratio, abs=0.06)
    assert "median of 5 interleaved rounds" in result.line()


def test_the_too_slow_message_says_what_was_measured_without_asserting_a_loop():
    from grader.check.speed import SLOW

    assert "timed against torch on the same input" in SLOW.explanation
    assert "usual causes" in SLOW.explanation.lower() and "are the usual cause" not in SLOW.explanation
