"""Hooks every module, containers too."""
from _base import summary

EXPECTED_MISTAKE = "container modules listed"


def model_summary(model, input_shape):
    return summary(model, input_shape, containers=True)
