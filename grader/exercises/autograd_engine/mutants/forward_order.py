"""Walks the topological order forwards (reversed() forgotten): inputs before the nodes that use them."""
from _base import engine

EXPECTED_MISTAKE = "not a reverse topological order"

Value = engine(order="forward")
