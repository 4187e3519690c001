"""conv2d is a number, not a function."""
EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "'int' object is not callable"

conv2d = 42
