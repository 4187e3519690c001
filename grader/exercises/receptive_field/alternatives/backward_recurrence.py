"""Correct: the backward recurrence, from the output unit down to the input: r <- (r - 1) * s + d(k - 1) + 1."""


def receptive_field(layers):
    r = 1  # one unit of the last layer
    for layer in reversed(list(layers)):
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) > 2 else 1
        r = (r - 1) * s + d * (k - 1) + 1  # r units of this layer's output need this many of its input
    return r
