"""micrograd's recursive build_topo: RecursionError past about 1000 nodes."""
from _base import engine

EXPECTED_MISTAKE = "recursive topological sort"

Value = engine(recursive=True)
