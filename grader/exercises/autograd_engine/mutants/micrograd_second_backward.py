"""micrograd's backward: out.grad = 1.0, then every _backward adds to the .grad left by an earlier call."""
from _base import engine

EXPECTED_MISTAKE = "a second backward() does not add the same gradients"

Value = engine(stale=True)
