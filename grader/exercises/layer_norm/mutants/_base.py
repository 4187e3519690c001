"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""


def trailing_dims(normalized_shape):
    k = 1 if isinstance(normalized_shape, int) else len(normalized_shape)
    return tuple(range(-k, 0))


def affine(y, weight, bias):
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y
