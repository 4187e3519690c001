"""tanh's derivative as 1 - a**2, the input squared instead of the output."""
from _base import engine

EXPECTED_MISTAKE = "tanh derivative from the input"

Value = engine(tanh_from_input=True)
