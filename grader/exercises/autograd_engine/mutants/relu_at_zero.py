"""relu's derivative is 1 for a >= 0: relu'(0) = 1."""
from _base import engine

EXPECTED_MISTAKE = "relu'(0) = 1"

Value = engine(relu0=1.0)
