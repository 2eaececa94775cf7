"""Operators written in Python (MXNet's mx.operator): CustomOp, CustomOpProp, register.

Subclass CustomOpProp to describe an operator (its arguments, outputs, shapes,
types) and CustomOp to compute it, register the prop under a name, then use it as
``mx.nd.Custom(*data, op_type=name, **kwargs)`` or ``mx.sym.Custom(...)``::

    class Softmax(mx.operator.CustomOp):
        def forward(self, is_train, req, in_data, out_data, aux):
            x = in_data[0].asnumpy()
            y = np.exp(x - x.max(axis=1, keepdims=True))
            self.assign(out_data[0], req[0], mx.nd.array(y / y.sum(axis=1, keepdims=True)))
        def backward(self, req, out_grad, in_data, out_data, in_grad, aux):
            ...

    @mx.operator.register("softmax")
    class SoftmaxProp(mx.operator.CustomOpProp):
        def __init__(self):
            super().__init__(need_top_grad=False)
        def list_arguments(self):
            return ["data", "label"]
        ...

The core runs the registered operator "Custom" through C callbacks into this module
(c_api.h, "custom operators"): forward and backward run on the calling thread, in
program order, with NDArrays that may be read and written freely. Keyword arguments
reach the prop's __init__ as strings, as in MXNet.
"""
from . import _ops
from ._lib import ffi, lib, check_call
from .autograd import _error_text, _immortal
from .context import Context
from .ndarray import NDArray
from .ndarray.ndarray import _FLAG_TO_NP, dtype_flag

__all__ = ["CustomOp", "CustomOpProp", "register", "get_all_registered_operators"]

_REQ_NAMES = {0: "null", 1: "write", 2: "inplace", 3: "add"}


class CustomOp:
    """The computation of a custom operator (made by CustomOpProp.create_operator)."""

    def forward(self, is_train, req, in_data, out_data, aux):
        """Compute out_data from in_data; write with self.assign(out_data[i], req[i], value)."""
        raise NotImplementedError("%s.forward is not defined" % type(self).__name__)

    def backward(self, req, out_grad, in_data, out_data, in_grad, aux):
        """Compute in_grad; write with self.assign(in_grad[i], req[i], value)."""
        raise NotImplementedError("%s.backward is not defined" % type(self).__name__)

    def assign(self, dst, req, src):
        """Write src into dst as req says: 'null' skips, 'write'/'inplace' copy, 'add' adds."""
        if req == "null":
            return
        if req in ("write", "inplace"):
            dst[:] = src
        elif req == "add":
            dst[:] = dst + src
        else:
            raise ValueError("assign: req must be 'null', 'write', 'inplace' or 'add', got %r" % (req,))


class CustomOpProp:
    """Describes a custom operator. need_top_grad=False says backward does not read the
    gradient of the outputs (a loss layer), so executors need no head gradient."""

    def __init__(self, need_top_grad=True):
        self.need_top_grad_ = need_top_grad

    def infer_shape(self, in_shape):
        """(argument shapes, output shapes, aux shapes) from the argument shapes.
        Default: every output has the first argument's shape."""
        return in_shape, (in_shape[0],) * len(self.list_outputs()), ()

    def infer_type(self, in_type):
        """(argument types, output types, aux types). Default: all the first argument's."""
        t = in_type[0]
        return ([t] * len(in_type), [t] * len(self.list_outputs()),
                [t] * len(self.list_auxiliary_states()))

    def list_arguments(self):
        return ["data"]

    def list_outputs(self):
        return ["output"]

    def list_auxiliary_states(self):
        return []

    def declare_backward_dependency(self, out_grad, in_data, out_data):
        """The arrays backward reads (MXNet uses this to free the others early; mxlite
        keeps them all, and honours need_top_grad for the output gradients)."""
        deps = list(out_grad) if self.need_top_grad_ else []
        return deps + list(in_data) + list(out_data)

    def create_operator(self, ctx, in_shapes, in_dtypes):
        """The CustomOp that computes this operator on ctx."""
        return CustomOp()


_REGISTRY = {}      # op_type -> CustomOpProp subclass
_LIVE = {}          # address -> (ffi handle, object): props and operators C still uses


def _keep(obj):
    handle = ffi.new_handle(obj)
    _LIVE[int(ffi.cast("uintptr_t", handle))] = (handle, obj)
    return handle


def _obj(ptr):
    return _LIVE[int(ffi.cast("uintptr_t", ptr))][1]


def _fail(exc):
    lib.mxl_callback_set_error(_error_text(exc).encode("utf-8", "replace"))
    return 1


class _PropEntry:
    """A prop and the C strings of its last list() answer (kept until the next call)."""

    def __init__(self, op_type, prop):
        self.op_type = op_type
        self.prop = prop
        self.names = None
        self.num_args = len(prop.list_arguments())
        self.num_outs = len(prop.list_outputs())
        self.num_aux = len(prop.list_auxiliary_states())


def _shape_list(ndims, dims, start, count):
    out = []
    for i in range(start, start + count):
        n = ndims[i]
        out.append(tuple(int(dims[i * lib.MXL_MAX_NDIM + d]) for d in range(n)) if n >= 0 else None)
    return out


def _check_count(entry, what, got, want):
    if len(got) != want:
        raise ValueError("%s.%s returned %d %s, expected %d"
                         % (type(entry.prop).__name__, what[0], len(got), what[1], want))


@_immortal
@ffi.callback("int(void*, const char*, int, const char**, const char**, void**, int*)")
def _create_prop(user, op_type, num_kwargs, keys, vals, prop_out, need_top_grad):
    try:
        name = ffi.string(op_type).decode()
        cls = _REGISTRY[name]
        kwargs = {ffi.string(keys[i]).decode(): ffi.string(vals[i]).decode() for i in range(num_kwargs)}
        prop = cls(**kwargs)
        prop_out[0] = _keep(_PropEntry(name, prop))
        need_top_grad[0] = 1 if getattr(prop, "need_top_grad_", True) else 0
        return 0
    except BaseException as exc:  # noqa: BLE001 -- reported through the C ABI
        return _fail(exc)


@_immortal
@ffi.callback("int(void*, int, int*, const char***)")
def _list(prop, which, n, names):
    try:
        entry = _obj(prop)
        p = entry.prop
        lst = {lib.MXL_LIST_ARGUMENTS: p.list_arguments, lib.MXL_LIST_OUTPUTS: p.list_outputs,
               lib.MXL_LIST_AUX: p.list_auxiliary_states}[which]()
        bufs = [ffi.new("char[]", str(s).encode()) for s in lst]
        arr = ffi.new("const char*[]", bufs) if bufs else ffi.NULL
        entry.names = (bufs, arr)
        n[0] = len(bufs)
        names[0] = arr
        return 0
    except BaseException as exc:  # noqa: BLE001
        return _fail(exc)


@_immortal
@ffi.callback("int(void*, int, int*, int64_t*)")
def _infer_shape(prop, num, ndims, dims):
    try:
        entry = _obj(prop)
        in_shape = _shape_list(ndims, dims, 0, entry.num_args)
        # unknown shapes reach the prop empty, as in MXNet
        res = entry.prop.infer_shape([list(s) if s is not None else [] for s in in_shape])
        if len(res) not in (2, 3):
            raise ValueError("%s.infer_shape must return (in_shapes, out_shapes[, aux_shapes])"
                             % type(entry.prop).__name__)
        ins, outs = res[0], res[1]
        aux = res[2] if len(res) == 3 else ()
        _check_count(entry, ("infer_shape", "input shapes"), ins, entry.num_args)
        _check_count(entry, ("infer_shape", "output shapes"), outs, entry.num_outs)
        _check_count(entry, ("infer_shape", "aux shapes"), aux, entry.num_aux)
        for i, s in enumerate(list(ins) + list(outs) + list(aux)):
            s = tuple(int(d) for d in s)
            if len(s) > lib.MXL_MAX_NDIM:
                raise ValueError("infer_shape: shape %s has more than %d dimensions" % (s, lib.MXL_MAX_NDIM))
            ndims[i] = len(s)
            for d, v in enumerate(s):
                dims[i * lib.MXL_MAX_NDIM + d] = v
        return 0
    except BaseException as exc:  # noqa: BLE001
        return _fail(exc)


@_immortal
@ffi.callback("int(void*, int, int*)")
def _infer_type(prop, num, dtypes):
    try:
        entry = _obj(prop)
        in_type = [_FLAG_TO_NP[dtypes[i]] if dtypes[i] >= 0 else None for i in range(entry.num_args)]
        res = entry.prop.infer_type(in_type)
        if len(res) not in (2, 3):
            raise ValueError("%s.infer_type must return (in_types, out_types[, aux_types])"
                             % type(entry.prop).__name__)
        ins, outs = res[0], res[1]
        aux = res[2] if len(res) == 3 else ()
        _check_count(entry, ("infer_type", "input types"), ins, entry.num_args)
        _check_count(entry, ("infer_type", "output types"), outs, entry.num_outs)
        _check_count(entry, ("infer_type", "aux types"), aux, entry.num_aux)
        for i, t in enumerate(list(ins) + list(outs) + list(aux)):
            dtypes[i] = -1 if t is None else dtype_flag(t)
        return 0
    except BaseException as exc:  # noqa: BLE001
        return _fail(exc)


@_immortal
@ffi.callback("int(void*, int, int, int, const int*, const int64_t*, const int*, void**)")
def _create_operator(prop, dev_type, dev_id, num, ndims, dims, dtypes, op_out):
    try:
        entry = _obj(prop)
        shapes = _shape_list(ndims, dims, 0, entry.num_args)
        types = [_FLAG_TO_NP[dtypes[i]] for i in range(entry.num_args)]
        op = entry.prop.create_operator(Context(Context.devtype2str[dev_type], dev_id),
                                        [list(s) for s in shapes], types)
        if not isinstance(op, CustomOp):
            raise TypeError("%s.create_operator must return a CustomOp, got %s"
                            % (type(entry.prop).__name__, type(op).__name__))
        op_out[0] = _keep(op)
        return 0
    except BaseException as exc:  # noqa: BLE001
        return _fail(exc)


def _arrays(arrays, start, count):
    return [NDArray(arrays[i]) if arrays[i] != ffi.NULL else None for i in range(start, start + count)]


@_immortal
@ffi.callback("int(void*, int, int, int, int, const mxl_ndarray*, const int*)")
def _forward(op, is_train, num_in, num_out, num_aux, arrays, reqs):
    try:
        in_data = _arrays(arrays, 0, num_in)
        out_data = _arrays(arrays, num_in, num_out)
        aux = _arrays(arrays, num_in + num_out, num_aux)
        req = [_REQ_NAMES[reqs[i]] for i in range(num_out)]
        _obj(op).forward(is_train=bool(is_train), req=req, in_data=in_data, out_data=out_data, aux=aux)
        return 0
    except BaseException as exc:  # noqa: BLE001
        return _fail(exc)


@_immortal
@ffi.callback("int(void*, int, int, int, int, const mxl_ndarray*, const int*)")
def _backward(op, is_train, num_in, num_out, num_aux, arrays, reqs):
    try:
        out_grad = _arrays(arrays, 0, num_out)
        in_data = _arrays(arrays, num_out, num_in)
        out_data = _arrays(arrays, num_out + num_in, num_out)
        in_grad = _arrays(arrays, 2 * num_out + num_in, num_in)
        aux = _arrays(arrays, 2 * num_out + 2 * num_in, num_aux)
        req = [_REQ_NAMES[reqs[i]] for i in range(num_in)]
        _obj(op).backward(req=req, out_grad=out_grad, in_data=in_data, out_data=out_data,
                          in_grad=in_grad, aux=aux)
        return 0
    except BaseException as exc:  # noqa: BLE001
        return _fail(exc)


@_immortal
@ffi.callback("void(void*)")
def _release(ptr, _live=_LIVE, _ffi=ffi):
    # bound as defaults: it may run while the interpreter exits and globals are gone
    _live.pop(int(_ffi.cast("uintptr_t", ptr)), None)


_FNS = ffi.new("mxl_custom_op_fns*")
_FNS.user = ffi.NULL
_FNS.create_prop = _create_prop
_FNS.list = _list
_FNS.infer_shape = _infer_shape
_FNS.infer_type = _infer_type
_FNS.create_operator = _create_operator
_FNS.forward = _forward
_FNS.backward = _backward
_FNS.free_prop = _release
_FNS.free_op = _release
_FNS.free_user = ffi.NULL


def register(reg_name):
    """Class decorator: registers a CustomOpProp subclass as op_type `reg_name`."""
    def do_register(prop_cls):
        if not (isinstance(prop_cls, type) and issubclass(prop_cls, CustomOpProp)):
            raise TypeError("mx.operator.register(%r): expected a CustomOpProp subclass, got %r"
                            % (reg_name, prop_cls))
        _REGISTRY[reg_name] = prop_cls
        check_call(lib.mxl_custom_op_register(reg_name.encode(), _FNS))
        return prop_cls
    return do_register


def get_all_registered_operators():
    """Names of the registered custom operator types."""
    n = ffi.new("int*")
    names = ffi.new("const char***")
    check_call(lib.mxl_custom_op_list(n, names))
    return [ffi.string(names[0][i]).decode() for i in range(n[0])]


def _custom_nd(*data, op_type=None, out=None, name=None, **kwargs):
    from .ndarray.ndarray import invoke
    if op_type is None:
        raise TypeError("Custom: op_type is required (the name given to mx.operator.register)")
    if len(data) == 1 and isinstance(data[0], (list, tuple)):
        data = tuple(data[0])
    for i, a in enumerate(data):
        if not isinstance(a, NDArray):
            raise TypeError("Custom: input %d must be an NDArray, got %s" % (i, type(a).__name__))
    keys = ["op_type"] + list(kwargs)
    vals = [str(op_type)] + [_ops.param_str(kwargs[k]) for k in kwargs]
    return invoke(_ops.get("Custom"), list(data), keys, vals, out)


_custom_nd.__name__ = _custom_nd.__qualname__ = "Custom"
_custom_nd.__doc__ = ("``mx.nd.Custom(*data, op_type=..., **kwargs)``: runs the custom operator registered "
                      "as op_type on the arrays data (in the prop's list_arguments() order); kwargs reach "
                      "the prop's ``__init__`` as strings.\n\n" + _ops.get("Custom").docstring())
