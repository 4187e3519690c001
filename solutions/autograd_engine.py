"""A tiny autograd engine: micrograd-style scalar Values with reverse-mode backward(), in plain Python."""
from __future__ import annotations

import math


class Value:
    """Reference solution: each node keeps its inputs and their local derivatives (computed in the
    forward pass); backward() walks an iterative topological order with this call's own gradients."""

    def __init__(self, data: float) -> None:
        self.data = float(data)
        self.grad = 0.0
        self._prev: tuple[Value, ...] = ()
        self._local: tuple[float, ...] = ()  # d self / d input, one per input

    @staticmethod
    def _node(data: float, prev: tuple, local: tuple) -> Value:
        out = Value(data)
        out._prev, out._local = prev, local
        return out

    def __repr__(self) -> str:
        return f"Value(data={self.data}, grad={self.grad})"

    # ---- operations: a Value on either side, a number on the other is a constant
    def __add__(self, other):
        if isinstance(other, Value):
            return Value._node(self.data + other.data, (self, other), (1.0, 1.0))
        return Value._node(self.data + other, (self,), (1.0,))

    def __mul__(self, other):
        if isinstance(other, Value):
            return Value._node(self.data * other.data, (self, other), (other.data, self.data))
        return Value._node(self.data * other, (self,), (float(other),))

    def __truediv__(self, other):
        if isinstance(other, Value):
            a, b = self.data, other.data
            return Value._node(a / b, (self, other), (1.0 / b, -a / (b * b)))
        return Value._node(self.data / other, (self,), (1.0 / other,))

    def __rtruediv__(self, other):  # other / self, other a number
        return Value._node(other / self.data, (self,), (-other / (self.data * self.data),))

    def __pow__(self, p):
        return Value._node(self.data ** p, (self,), (p * self.data ** (p - 1),))

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):  # other - self
        return (-self) + other

    __radd__ = __add__
    __rmul__ = __mul__

    def exp(self) -> Value:
        e = math.exp(self.data)
        return Value._node(e, (self,), (e,))

    def log(self) -> Value:
        return Value._node(math.log(self.data), (self,), (1.0 / self.data,))

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        return Value._node(t, (self,), (1.0 - t * t,))

    def relu(self) -> Value:
        return Value._node(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,))

    # ---- reverse mode
    def backward(self) -> None:
        topo, seen, stack = [], set(), [(self, False)]
        while stack:  # iterative DFS: a node goes into topo after all its inputs
            v, expanded = stack.pop()
            if expanded:
                topo.append(v)
            elif id(v) not in seen:  # marked when expanded, not when pushed: else an input may come late
                seen.add(id(v))
                stack.append((v, True))
                stack.extend((child, False) for child in v._prev if id(child) not in seen)
        grads = {id(self): 1.0}  # this call's gradients, not the .grad left by an earlier call
        for v in reversed(topo):  # every user of v has passed its share before v passes its own
            g = grads.pop(id(v), 0.0)
            v.grad += g
            for child, d in zip(v._prev, v._local):
                grads[id(child)] = grads.get(id(child), 0.0) + d * g
