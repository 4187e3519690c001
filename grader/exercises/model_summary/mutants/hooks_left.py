"""Never removes its hooks."""
from _base import summary

EXPECTED_MISTAKE = "hooks left registered"


def model_summary(model, input_shape):
    return summary(model, input_shape, keep_hooks=True)
