"""Calls sys.exit(0) while being imported."""
import sys

EXPECTED_REASON = "import_error"
EXPECTED_MESSAGE = "sys.exit(0)"

sys.exit(0)
