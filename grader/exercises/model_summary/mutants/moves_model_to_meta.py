"""Moves the caller's model to meta in place."""
from _base import summary

EXPECTED_MISTAKE = "the caller's model changed"


def model_summary(model, input_shape):
    return summary(model, input_shape, move=True)
