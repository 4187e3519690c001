"""No __radd__ or __rmul__: 2 + v and 2 * v raise TypeError."""
from _base import engine

EXPECTED_MISTAKE = "__radd__ / __rmul__ missing"

Value = engine(reflected=False)
