"""Shared check helpers whose failing branch no exercise case reaches on a machine without CUDA."""
import numpy as np
import pytest
import torch

from grader.checking import CheckFailure, expect_on_device


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
