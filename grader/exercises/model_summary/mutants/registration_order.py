"""Lists the leaves in named_modules() order, once each."""
from _base import summary

EXPECTED_MISTAKE = "rows in registration order"


def model_summary(model, input_shape):
    return summary(model, input_shape, registration_order=True)
