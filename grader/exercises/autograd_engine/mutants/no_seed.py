"""backward() never sets the output's gradient to 1.0: everything stays 0."""
from _base import engine

EXPECTED_MISTAKE = "backward not seeding 1.0"

Value = engine(seed=0.0)
