"""Counts a shared module's or tied weight's parameters at every call."""
from _base import summary

EXPECTED_MISTAKE = "shared parameters counted twice"


def model_summary(model, input_shape):
    return summary(model, input_shape, shared_twice=True)
