"""The wrapper hands the work to torch: no kernel at all."""
EXPECTED_MISTAKE = "calls the function it re-implements"


def matmul(a, b):
    return a @ b
