"""Reports 2 x MACs."""
from _base import summary

EXPECTED_MISTAKE = "FLOPs reported as multiply-adds"


def model_summary(model, input_shape):
    return summary(model, input_shape, flops=True)
