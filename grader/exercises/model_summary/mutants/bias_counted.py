"""Adds one MAC per output element for the bias."""
from _base import summary

EXPECTED_MISTAKE = "bias additions counted as multiply-adds"


def model_summary(model, input_shape):
    return summary(model, input_shape, bias=True)
