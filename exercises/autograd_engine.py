"""A tiny autograd engine: micrograd-style scalar Values with reverse-mode backward(), in plain Python."""
from __future__ import annotations

import math  # noqa: F401 - math.exp, math.log and math.tanh are allowed


class Value:
    """A scalar in a computation graph, with its gradient: reverse-mode automatic differentiation.

    Value(data) wraps a Python number. `.data` is its value (a float), `.grad` its gradient, 0.0 until
    a backward() reaches it. Every operation returns a NEW Value that remembers its inputs and how to
    pass a gradient back to them (the local derivatives); inputs are never changed.

    Operations (all tested, each against torch autograd in float64):
        - a + b, a - b, a * b, a / b, with a Value on either side or both: the other side may be a
          Python int or float (2 * v, v + 1, 1 - v, 3 / v), a constant that gets no gradient. The
          reflected forms (__radd__, __rsub__, __rmul__, __rtruediv__) are required; so is -a.
        - a ** p for a number p (int or float, not a Value): d/da = p * a ** (p - 1). The checks use
          a fractional p only on a > 0, and negative powers only away from 0.
        - a.exp(), a.log() (natural, for a > 0), a.tanh() (d/da = 1 - tanh(a)^2, the OUTPUT's
          square), a.relu() = max(a, 0) with relu'(a) = 1 for a > 0 and 0 for a <= 0: relu'(0) = 0,
          as torch.
        - out.backward(): for every node v of out's graph (out itself, the inputs, and everything
          between), ADD d out / d v to v.grad. Seed out's own gradient with 1.0, then visit the nodes
          in a reverse topological order (a node only after every node that uses it), each passing
          its gradient times its local derivatives on to its inputs. A node used several times
          (x * x, or an input of two nodes) receives the SUM of the contributions: accumulate, never
          overwrite.

    Conventions (tested):
        - Gradients accumulate across calls, as in torch: out.backward() a second time, without
          setting the .grad attributes back to 0.0, adds the same gradients again, so every node's
          .grad doubles (out's own becomes 2.0). Each call must therefore compute its gradients
          afresh and ADD them: a node's gradient left from an earlier call must not be propagated
          again.
        - A leaf that out does not depend on keeps its .grad; a number combined with a Value gets no
          gradient (it is not a node the caller can see).
        - Deep graphs: a chain of 5000 operations must work. Python's recursion limit is 1000, so
          build the topological order with an explicit stack or loop, not a recursive function
          (micrograd's recursive build_topo raises RecursionError there).
        - Floats are Python floats (double precision); values and gradients are compared with
          torch float64 (relative tolerance 1e-9).

    Rules:
        - Plain Python: do not import numpy, torch, scipy or jax (the math module is fine).
        - No speed check: a pure-Python engine is judged on its gradients and on deep graphs.
    """

    def __init__(self, data: float) -> None:
        # TODO: self.data = float(data); self.grad = 0.0; remember the inputs and the local derivatives.
        raise NotImplementedError("autograd_engine: implement Value in exercises/autograd_engine.py")

    # TODO: __add__, __radd__, __neg__, __sub__, __rsub__, __mul__, __rmul__, __truediv__,
    # __rtruediv__ and __pow__, each returning a new Value with its inputs and local derivatives.

    def exp(self) -> Value:
        # TODO: e^a, local derivative e^a.
        raise NotImplementedError("autograd_engine: implement Value.exp in exercises/autograd_engine.py")

    def log(self) -> Value:
        # TODO: ln a, local derivative 1 / a.
        raise NotImplementedError("autograd_engine: implement Value.log in exercises/autograd_engine.py")

    def tanh(self) -> Value:
        # TODO: t = tanh a, local derivative 1 - t ** 2.
        raise NotImplementedError("autograd_engine: implement Value.tanh in exercises/autograd_engine.py")

    def relu(self) -> Value:
        # TODO: max(a, 0), local derivative 1.0 if a > 0 else 0.0.
        raise NotImplementedError("autograd_engine: implement Value.relu in exercises/autograd_engine.py")

    def backward(self) -> None:
        # TODO: a topological order without recursion; gradients of this call, added to every node's .grad.
        raise NotImplementedError("autograd_engine: implement Value.backward in exercises/autograd_engine.py")
