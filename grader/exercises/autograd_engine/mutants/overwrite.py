"""Each _backward assigns child.grad = local * out.grad: a node used twice keeps only the last share."""
from _base import engine

EXPECTED_MISTAKE = "gradients overwritten, not accumulated"

Value = engine(overwrite=True)
