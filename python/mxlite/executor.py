"""Executor: a Symbol bound to arrays (MXNet's mx.executor.Executor).

Binding, the gradient graph and the memory plan are built by the core; forward and
backward push prepared work to the engine and return at once.
"""
import numpy as np

from ._lib import ffi, lib, check_call, py_str
from .base import MXNetValueError
from .context import Context, current_context
from .ndarray import NDArray, zeros
from .ndarray import ndarray as _ndmod

_REQ = {"null": 0, "write": 1, "add": 3, "inplace": 1}


def _ctx(ctx):
    if ctx is None:
        return current_context()
    if isinstance(ctx, (list, tuple)):
        if len(ctx) != 1:
            raise MXNetValueError("bind: one context expected, got %d (use Module for several devices)" % len(ctx))
        ctx = ctx[0]
    if not isinstance(ctx, Context):
        raise TypeError("ctx must be a Context, got %r" % (ctx,))
    return ctx


def check_group2ctx(symbol, ctx, group2ctx):
    """Validates bind's group2ctx (ctx_group name -> Context) against the graph.

    Every CPU context is the same host memory, so groups mapped to CPU contexts run in
    the executor's one engine graph on the host, as MXNet computes them. A group
    mapped to another device than the executor's would need copies between devices
    inside the graph, which this executor does not place: that is an error, not a
    silent fallback."""
    if not group2ctx:
        return
    if not isinstance(group2ctx, dict):
        raise TypeError("bind: group2ctx must be a dict of ctx_group name -> Context, got %s"
                        % type(group2ctx).__name__)
    used = {a.get("__ctx_group__", a.get("ctx_group")) for a in symbol.attr_dict().values()} - {None}
    for group, gctx in group2ctx.items():
        if not isinstance(gctx, Context):
            raise TypeError("bind: group2ctx[%r] must be a Context, got %r" % (group, gctx))
        same_memory = gctx == ctx or (gctx.device_type == "cpu" and ctx.device_type == "cpu")
        if group in used and not same_memory:
            raise MXNetValueError(
                "bind: group2ctx places ctx_group %r on %s but the executor is on %s; "
                "one executor over several devices is not supported (bind one executor "
                "per device, or use Module with a context list)" % (group, gctx, ctx))


def _as_list(what, values, names, allow_missing=False):
    """args given as a list (list order) or a dict (by name) -> list in `names` order."""
    if values is None:
        return [None] * len(names)
    if isinstance(values, dict):
        out = []
        for n in names:
            if n not in values:
                if allow_missing:
                    out.append(None)
                    continue
                raise MXNetValueError("key `%s` is missing in `%s`" % (n, what))
            out.append(values[n])
        return out
    values = list(values)
    if len(values) != len(names):
        raise MXNetValueError("`%s` has %d arrays but the symbol has %d (%s)"
                              % (what, len(values), len(names), ", ".join(names)))
    return values


def _reqs(grad_req, names):
    if isinstance(grad_req, str):
        reqs = [grad_req] * len(names)
    elif isinstance(grad_req, dict):
        reqs = [grad_req.get(n, "null") for n in names]
    else:
        reqs = list(grad_req)
        if len(reqs) != len(names):
            raise MXNetValueError("grad_req has %d entries for %d arguments" % (len(reqs), len(names)))
    for n, r in zip(names, reqs):
        if r not in _REQ:
            raise MXNetValueError("grad_req %r for argument %r is not one of 'write', 'add', 'null'" % (r, n))
    return reqs


class Executor:
    """The result of Symbol.bind / simple_bind."""

    def __init__(self, symbol, ctx, args, args_grad=None, grad_req="write", aux_states=None):
        self._symbol = symbol
        self._ctx = ctx = _ctx(ctx)
        arg_names = symbol.list_arguments()
        aux_names = symbol.list_auxiliary_states()
        self.arg_arrays = _as_list("args", args, arg_names)
        for n, a in zip(arg_names, self.arg_arrays):
            if not isinstance(a, NDArray):
                raise TypeError("bind: argument %r must be an NDArray, got %s" % (n, type(a).__name__))
        if args_grad is None:
            grads = [None] * len(arg_names)
            reqs = ["null"] * len(arg_names)
        else:
            grads = _as_list("args_grad", args_grad, arg_names, allow_missing=True)
            reqs = _reqs(grad_req, arg_names)
            reqs = [r if g is not None else "null" for r, g in zip(reqs, grads)]
        self.grad_arrays = [g if r != "null" else None for g, r in zip(grads, reqs)]
        self._grad_req = dict(zip(arg_names, reqs))
        self.aux_arrays = _as_list("aux_states", aux_states, aux_names)
        for n, a in zip(aux_names, self.aux_arrays):
            if not isinstance(a, NDArray):
                raise TypeError("bind: auxiliary state %r must be an NDArray, got %s" % (n, type(a).__name__))
        h = ffi.new("mxl_executor*")
        na, nx = len(arg_names), len(aux_names)
        check_call(lib.mxl_executor_bind(
            symbol.handle, ctx.device_typeid, ctx.device_id, na,
            ffi.new("mxl_ndarray[]", [a.handle for a in self.arg_arrays]) if na else ffi.NULL,
            ffi.new("mxl_ndarray[]", [g.handle if g is not None else ffi.NULL for g in self.grad_arrays])
            if na else ffi.NULL,
            ffi.new("int[]", [_REQ[r] for r in reqs]) if na else ffi.NULL,
            nx, ffi.new("mxl_ndarray[]", [a.handle for a in self.aux_arrays]) if nx else ffi.NULL, h))
        self.handle = h[0]
        n = ffi.new("int*")
        outs = ffi.new("mxl_ndarray**")
        check_call(lib.mxl_executor_outputs(self.handle, n, outs))
        self.outputs = [NDArray(outs[0][i]) for i in range(n[0])]
        self._arg_names, self._aux_names = arg_names, aux_names
        self._output_names = symbol.list_outputs()

    def __del__(self, _free=lib.mxl_executor_free):
        h = getattr(self, "handle", None)
        if h is not None:
            _free(h)
            self.handle = None

    # ---------------------------------------------------------------- views
    @property
    def arg_dict(self):
        return dict(zip(self._arg_names, self.arg_arrays))

    @property
    def grad_dict(self):
        return {n: g for n, g in zip(self._arg_names, self.grad_arrays) if g is not None}

    @property
    def aux_dict(self):
        return dict(zip(self._aux_names, self.aux_arrays))

    @property
    def output_dict(self):
        return dict(zip(self._output_names, self.outputs))

    # ------------------------------------------------------------------- run
    def forward(self, is_train=False, **kwargs):
        """Run the graph (asynchronously). kwargs copy new values into arguments."""
        for k, v in kwargs.items():
            if k not in self.arg_dict:
                raise MXNetValueError("forward: unknown argument %r (arguments: %s)" % (k, self._arg_names))
            self.arg_dict[k][:] = v
        check_call(lib.mxl_executor_forward(self.handle, 1 if is_train else 0))
        return self.outputs

    def backward(self, out_grads=None, is_train=True):
        """Gradients into grad_arrays. out_grads: one NDArray per output (optional
        for loss outputs such as SoftmaxOutput)."""
        if out_grads is None:
            grads = []
        elif isinstance(out_grads, NDArray):
            grads = [out_grads]
        elif isinstance(out_grads, dict):
            grads = [out_grads.get(n) for n in self._output_names]
        else:
            grads = list(out_grads)
        for g in grads:
            if g is not None and not isinstance(g, NDArray):
                raise TypeError("backward: out_grads must be NDArrays, got %s" % type(g).__name__)
        arr = ffi.new("mxl_ndarray[]", [g.handle if g is not None else ffi.NULL for g in grads]) if grads else ffi.NULL
        check_call(lib.mxl_executor_backward(self.handle, len(grads), arr))

    # ----------------------------------------------------------------- misc
    def copy_params_from(self, arg_params, aux_params=None, allow_extra_params=False):
        for name, array in arg_params.items():
            if name in self.arg_dict:
                array.copyto(self.arg_dict[name])
            elif not allow_extra_params:
                raise MXNetValueError("copy_params_from: %r is not an argument of this executor" % name)
        for name, array in (aux_params or {}).items():
            if name in self.aux_dict:
                array.copyto(self.aux_dict[name])
            elif not allow_extra_params:
                raise MXNetValueError("copy_params_from: %r is not an auxiliary state of this executor" % name)

    def reshape(self, partial_shaping=False, allow_up_sizing=False, **kwargs):
        """A new executor for new input shapes, sharing the arrays whose shape is unchanged."""
        arg_shapes, _, aux_shapes = self._symbol.infer_shape(**kwargs)
        if arg_shapes is None:
            raise MXNetValueError("reshape: cannot infer every shape from %s" % kwargs)
        args, grads = [], []
        for n, a, g, s in zip(self._arg_names, self.arg_arrays, self.grad_arrays, arg_shapes):
            if a.shape == s:
                args.append(a)
                grads.append(g)
            else:
                if n not in kwargs and not partial_shaping:
                    raise MXNetValueError("reshape: shape of %r changes from %s to %s; pass partial_shaping=True"
                                          % (n, a.shape, s))
                if np.prod(s) > np.prod(a.shape) and not allow_up_sizing:
                    raise MXNetValueError("reshape: %r grows from %s to %s; pass allow_up_sizing=True"
                                          % (n, a.shape, s))
                args.append(zeros(s, ctx=self._ctx, dtype=a.dtype))
                grads.append(None if g is None else zeros(s, ctx=self._ctx, dtype=g.dtype))
        aux = [a if a.shape == s else zeros(s, ctx=self._ctx, dtype=a.dtype)
               for a, s in zip(self.aux_arrays, aux_shapes)]
        return Executor(self._symbol, self._ctx, args, grads, [self._grad_req[n] for n in self._arg_names], aux)

    def memory_stats(self):
        """(planned_bytes, naive_bytes) of the memory plan."""
        p, n = ffi.new("uint64_t*"), ffi.new("uint64_t*")
        check_call(lib.mxl_executor_memory(self.handle, p, n))
        return int(p[0]), int(n[0])

    def fusion_stats(self):
        """(fused_kernels, fused_nodes): elementwise chains compiled into one GPU kernel
        at bind time, and the graph nodes they replace (docs/gpu.md); (0, 0) on the
        CPU, with MXLITE_FUSION=0, or when fusion is unavailable (see debug_str)."""
        g, n = ffi.new("int*"), ffi.new("int*")
        check_call(lib.mxl_executor_fusion(self.handle, g, n))
        return int(g[0]), int(n[0])

    def debug_str(self):
        p = ffi.new("const char**")
        check_call(lib.mxl_executor_debug_str(self.handle, p))
        return py_str(p[0])


def simple_bind(symbol, ctx, grad_req, type_dict, shared_exec, shapes, group2ctx=None,
                shared_arg_names=None, shared_buffer=None):
    """Allocates what `symbol` needs for `shapes` and binds it. Arrays are shared, by
    name and when the shape matches, with shared_buffer (a dict that also receives the
    new arrays, like MXNet's) and with shared_exec's arguments; shared_arg_names, when
    given, limits the sharing to those names."""
    ctx = _ctx(ctx)
    check_group2ctx(symbol, ctx, group2ctx)
    arg_shapes, _, aux_shapes = symbol.infer_shape(**shapes)
    if arg_shapes is None:
        partial = symbol.infer_shape_partial(**shapes)[0]
        missing = [n for n, s in zip(symbol.list_arguments(), partial) if not s]
        raise MXNetValueError("simple_bind: cannot infer the shapes of %s from %s" % (missing, shapes))
    types = {k: _ndmod.dtype_flag(v) for k, v in (type_dict or {}).items()}
    arg_types, _, aux_types = symbol.infer_type(**{k: _ndmod._FLAG_TO_NP[v] for k, v in types.items()})
    if arg_types is None:
        arg_types = [np.float32] * len(arg_shapes)
        aux_types = [np.float32] * len(aux_shapes)
    names = symbol.list_arguments()
    reqs = _reqs(grad_req, names)
    shared = dict(shared_buffer) if shared_buffer is not None else {}
    if shared_exec is not None:
        shared.update(shared_exec.arg_dict)
    if shared_arg_names is not None:
        shared = {n: a for n, a in shared.items() if n in set(shared_arg_names)}
    args = []
    for n, s, t in zip(names, arg_shapes, arg_types):
        a = shared.get(n)
        if a is None or a.shape != s or a.context != ctx:
            a = zeros(s, ctx=ctx, dtype=t)
            if shared_buffer is not None and (shared_arg_names is None or n in shared_arg_names):
                shared_buffer[n] = a
        args.append(a)
    grads = [zeros(s, ctx=ctx, dtype=t) if r != "null" else None for s, t, r in zip(arg_shapes, arg_types, reqs)]
    aux = [zeros(s, ctx=ctx, dtype=t) for s, t in zip(aux_shapes, aux_types)]
    return Executor(symbol, ctx, args, grads, reqs, aux)
