"""Imperative autograd (MXNet's mx.autograd).

While recording, the core keeps a tape of the operators applied to arrays that lead
to a variable (x.attach_grad()); backward applies each operator's registered
gradient -- the same one executors use.
"""
from ._lib import ffi, lib, check_call
from .ndarray import NDArray

__all__ = ["record", "pause", "train_mode", "predict_mode", "is_recording", "is_training",
           "set_recording", "set_training", "mark_variables", "backward", "grad"]

_REQ = {"null": 0, "write": 1, "add": 3}


def set_recording(is_recording):
    prev = ffi.new("int*")
    check_call(lib.mxl_autograd_set_recording(1 if is_recording else 0, prev))
    return bool(prev[0])


def set_training(train_mode):
    prev = ffi.new("int*")
    check_call(lib.mxl_autograd_set_training(1 if train_mode else 0, prev))
    return bool(prev[0])


def is_recording():
    v = ffi.new("int*")
    check_call(lib.mxl_autograd_is_recording(v))
    return bool(v[0])


def is_training():
    v = ffi.new("int*")
    check_call(lib.mxl_autograd_is_training(v))
    return bool(v[0])


class _Scope:
    """Sets recording / training for a block and restores them after."""

    def __init__(self, recording, training):
        self._rec, self._train = recording, training
        self._prev = None

    def __enter__(self):
        rec = set_recording(self._rec) if self._rec is not None else None
        train = set_training(self._train) if self._train is not None else None
        self._prev = (rec, train)
        return self

    def __exit__(self, *exc):
        rec, train = self._prev
        if self._rec is not None:
            set_recording(rec)
        if self._train is not None:
            set_training(train)


def record(train_mode=True):
    """Record operators for backward (and run them in training mode by default)."""
    return _Scope(True, train_mode)


def pause(train_mode=False):
    """Stop recording inside a record() block."""
    return _Scope(False, train_mode)


def train_mode():
    return _Scope(None, True)


def predict_mode():
    return _Scope(None, False)


def mark_variables(variables, gradients, grad_reqs="write"):
    """Mark arrays as variables whose gradients go into `gradients`."""
    if isinstance(variables, NDArray):
        variables, gradients = [variables], [gradients]
    reqs = [grad_reqs] * len(variables) if isinstance(grad_reqs, str) else list(grad_reqs)
    if len(gradients) != len(variables) or len(reqs) != len(variables):
        raise ValueError("mark_variables: variables, gradients and grad_reqs must have one entry each")
    for v, g, r in zip(variables, gradients, reqs):
        if r not in _REQ:
            raise ValueError("grad_req %r is not one of 'write', 'add', 'null'" % (r,))
        check_call(lib.mxl_autograd_mark_variable(v.handle, g.handle if g is not None else ffi.NULL, _REQ[r]))
        v._grad = g


def _heads(heads, head_grads):
    if isinstance(heads, NDArray):
        heads = [heads]
        head_grads = [head_grads] if head_grads is not None else None
    heads = list(heads)
    if head_grads is None:
        head_grads = [None] * len(heads)
    if len(head_grads) != len(heads):
        raise ValueError("backward: %d head gradients for %d heads" % (len(head_grads), len(heads)))
    return (ffi.new("mxl_ndarray[]", [h.handle for h in heads]),
            ffi.new("mxl_ndarray[]", [g.handle if g is not None else ffi.NULL for g in head_grads]), len(heads))


def backward(heads, head_grads=None, retain_graph=False, train_mode=True):
    """Compute the gradients of heads into the attached gradient arrays."""
    h, g, n = _heads(heads, head_grads)
    check_call(lib.mxl_autograd_backward(n, h, g, 0, ffi.NULL, 1 if train_mode else 0, ffi.NULL))


def grad(heads, variables, head_grads=None, retain_graph=None, create_graph=False, train_mode=True):
    """Gradients of heads with respect to variables, returned (not written)."""
    if create_graph:
        raise NotImplementedError("grad: create_graph=True (higher-order gradients) is not supported yet")
    single = isinstance(variables, NDArray)
    variables = [variables] if single else list(variables)
    h, g, n = _heads(heads, head_grads)
    out = ffi.new("mxl_ndarray[]", len(variables))
    check_call(lib.mxl_autograd_backward(n, h, g, len(variables),
                                         ffi.new("mxl_ndarray[]", [v.handle for v in variables]),
                                         1 if train_mode else 0, out))
    res = [NDArray(out[i]) for i in range(len(variables))]
    return res
