"""Defines nothing (an emptied file)."""
EXPECTED_REASON = "import_error"
EXPECTED_MESSAGE = "does not define conv2d"
