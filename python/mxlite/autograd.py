"""Imperative autograd (MXNet's mx.autograd).

While recording, the core keeps a tape of the operators applied to arrays that lead
to a variable (x.attach_grad()); backward applies each operator's registered
gradient -- the same one executors use.
"""
from ._lib import ffi, lib, check_call
from .ndarray import NDArray

__all__ = ["record", "pause", "train_mode", "predict_mode", "is_recording", "is_training",
           "set_recording", "set_training", "mark_variables", "backward", "grad", "Function"]

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


# ------------------------------------------------------------------ Function
def _error_text(exc):
    """'ValueError: boom' and the traceback, for a callback's error message."""
    import traceback
    return "%s: %s\n%s" % (type(exc).__name__, exc,
                           "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def _immortal(callback):
    """Keeps a cffi callback alive until the process ends. The core holds these
    callbacks in tape and graph nodes, which Python's shutdown may free after it has
    torn down the modules that own the callbacks; a freed callback would crash then."""
    import ctypes
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(callback))
    return callback


# The handles of live Functions (ffi.new_handle keeps the object reachable from C
# only while the handle itself is alive): released by the tape's free callback.
_FUNCTION_HANDLES = {}


@_immortal
@ffi.callback("int(void*, int, const mxl_ndarray*, int, const mxl_ndarray*)")
def _function_backward(user, num_ograds, ograds, num_igrads, igrads):
    try:
        func = ffi.from_handle(user)
        out_grads = [NDArray(ograds[i]) for i in range(num_ograds)]
        in_grads = [NDArray(igrads[i]) for i in range(num_igrads)]
        func._write_input_grads(out_grads, in_grads)
        return 0
    except BaseException as exc:  # noqa: BLE001 -- every error goes back through the C ABI
        lib.mxl_callback_set_error(_error_text(exc).encode("utf-8", "replace"))
        return 1


@_immortal
@ffi.callback("void(void*)")
def _function_free(user, _handles=_FUNCTION_HANDLES, _ffi=ffi):
    # bound as defaults: it may run while the interpreter exits and globals are gone
    _handles.pop(int(_ffi.cast("uintptr_t", user)), None)


class Function:
    """A differentiable function written in Python (MXNet's mx.autograd.Function).

    Subclass it and define ``forward(self, *inputs)`` and ``backward(self, *output_grads)``:
    forward computes the outputs from NDArrays (it runs with recording paused);
    backward returns one gradient per input. Call an instance like a function, once::

        class sigmoid(mx.autograd.Function):
            def forward(self, x):
                y = 1 / (1 + mx.nd.exp(-x))
                self.save_for_backward(y)
                return y
            def backward(self, dy):
                y, = self.saved_tensors
                return dy * y * (1 - y)

    While recording, the call becomes one node of the tape: gradients flow through it
    from later operators to earlier ones. An error raised in backward reaches the
    caller of backward() as an MXNetError naming the Function and the exception.
    """

    def __init__(self):
        self._used = False
        self.saved_tensors = ()

    def save_for_backward(self, *args):
        """Keep arrays (or anything) for backward, as self.saved_tensors."""
        self.saved_tensors = args

    def forward(self, *inputs):
        raise NotImplementedError("%s.forward is not defined" % type(self).__name__)

    def backward(self, *output_grads):
        raise NotImplementedError("%s.backward is not defined" % type(self).__name__)

    def __call__(self, *inputs):
        assert not self._used, \
            "Each Function instance can only be called once. Please create another instance."
        self._used = True
        for i, x in enumerate(inputs):
            if not isinstance(x, NDArray):
                raise TypeError("%s: input %d must be an NDArray, got %s"
                                % (type(self).__name__, i, type(x).__name__))
        with pause(train_mode=is_training()):
            outputs = self.forward(*inputs)
        single = isinstance(outputs, NDArray)
        outs = (outputs,) if single else tuple(outputs)
        for i, y in enumerate(outs):
            if not isinstance(y, NDArray):
                raise TypeError("%s.forward must return NDArrays, output %d is %s"
                                % (type(self).__name__, i, type(y).__name__))
        self._num_inputs = len(inputs)
        self._input_shapes = [x.shape for x in inputs]
        if is_recording():
            # The caller gets new handles to the outputs, and only they are linked to
            # the tape: forward's own objects (often kept in saved_tensors) stay
            # plain, so the Function holds no reference back to its tape node.
            outs = tuple(y.detach() for y in outs)
            outputs = outs[0] if single else outs
            handle = ffi.new_handle(self)
            _FUNCTION_HANDLES[int(ffi.cast("uintptr_t", handle))] = handle
            check_call(lib.mxl_autograd_record_function(
                type(self).__name__.encode(), len(inputs),
                ffi.new("mxl_ndarray[]", [x.handle for x in inputs]), len(outs),
                ffi.new("mxl_ndarray[]", [y.handle for y in outs]),
                _function_backward, _function_free, handle))
        return outputs

    def _write_input_grads(self, out_grads, in_grads):
        name = type(self).__name__
        rets = self.backward(*out_grads)
        if isinstance(rets, NDArray) or rets is None:
            rets = (rets,)
        rets = tuple(rets)
        if len(rets) != len(in_grads):
            raise ValueError("%s.backward returned %d gradient(s), but forward took %d input(s)"
                             % (name, len(rets), len(in_grads)))
        for i, (g, dst) in enumerate(zip(rets, in_grads)):
            if g is None:
                dst[:] = 0
                continue
            if not isinstance(g, NDArray):
                raise TypeError("%s.backward: gradient %d must be an NDArray, got %s"
                                % (name, i, type(g).__name__))
            if g.shape != dst.shape:
                raise ValueError("%s.backward: gradient %d has shape %s, but input %d has shape %s"
                                 % (name, i, g.shape, i, dst.shape))
            dst[:] = g
