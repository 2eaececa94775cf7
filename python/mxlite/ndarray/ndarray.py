"""NDArray: an asynchronous n-dimensional array living on a device (MXNet's mx.nd.NDArray).

Every computation is pushed to the engine and returns at once; reading values
(asnumpy, asscalar, repr, ...) waits. Operators come from the registry; the Python
arithmetic operators have a lean path of their own because they are the hot path.
"""
import numbers
import operator
import threading

import numpy as np

from .. import _dlpack
from .. import _ops
from .._lib import ffi, lib, check_call, fastpath as _fastpath
from ..base import mx_real_t
from ..context import Context, current_context

__all__ = ["NDArray", "array", "empty", "zeros", "ones", "full", "arange", "eye", "linspace", "waitall",
           "save", "load", "from_dlpack", "to_dlpack_for_read", "to_dlpack_for_write",
           "from_numpy", "concatenate", "moveaxis", "onehot_encode", "split_v2",
           "add", "subtract", "multiply", "divide", "true_divide", "modulo", "power", "maximum",
           "minimum", "equal", "not_equal", "greater", "greater_equal", "lesser", "lesser_equal",
           "logical_and", "logical_or", "logical_xor"]

# ------------------------------------------------------------------- dtypes
# MXNet's type flags (c_api.h MXL_FLOAT32 ...) <-> numpy scalar types.
_FLAG_TO_NP = {
    lib.MXL_FLOAT32: np.float32, lib.MXL_FLOAT64: np.float64, lib.MXL_FLOAT16: np.float16,
    lib.MXL_UINT8: np.uint8, lib.MXL_INT32: np.int32, lib.MXL_INT8: np.int8,
    lib.MXL_INT64: np.int64, lib.MXL_BOOL: np.bool_,
}
_NP_TO_FLAG = {np.dtype(t): f for f, t in _FLAG_TO_NP.items()}
_DEVTYPES = Context.devtype2str


def dtype_flag(dtype):
    """MXNet type flag of a dtype given as a name, numpy type or numpy dtype."""
    if dtype is None:
        return lib.MXL_FLOAT32
    try:
        return _NP_TO_FLAG[np.dtype(dtype)]
    except (KeyError, TypeError):
        raise TypeError("unsupported dtype %r; supported: %s"
                        % (dtype, ", ".join(np.dtype(t).name for t in _FLAG_TO_NP.values())))


def _np_dtype(dtype):
    return _FLAG_TO_NP[dtype_flag(dtype)]


def _as_numpy(source, dtype):
    """A C-contiguous NumPy array of dtype. Converts, then casts: the cast wraps
    out-of-range values like MXNet did (NumPy 2 refuses np.asarray([-2], np.uint8))."""
    src = np.asarray(source)
    if src.dtype != dtype:
        src = src.astype(dtype)
    return np.asarray(src, order="C")


def _shape_tuple(shape):
    if isinstance(shape, numbers.Integral):
        return (int(shape),)
    return tuple(int(d) for d in shape)


# ------------------------------------------------------------ call buffers
# Scratch cffi arrays reused by the hot paths; per thread because cffi releases
# the GIL during the C call.
_CAP = 16      # inputs / params that fit the scratch arrays
_CAP_OUT = 64  # output slots; also the room given to ops with a variable count


class _Scratch(threading.local):
    def __init__(self):
        self.nout = ffi.new("int*")
        self.h = ffi.new("mxl_ndarray*")
        self.ndim = ffi.new("int*")
        self.dims = ffi.new("int64_t[%d]" % lib.MXL_MAX_NDIM)
        self.dtype = ffi.new("int*")
        self.devtype = ffi.new("int*")
        self.devid = ffi.new("int*")
        # One-struct calls (mxl_imperative_invoke_args) for the operator fast paths:
        # everything but the op, the input handles, the output slot and the scalar
        # is set here once, so a + b costs a few field stores and one foreign call.
        self.binary = self._args(2, 0)
        self.scalar = self._args(1, 1)
        self.scalar[0].keys = _SCALAR_KEYS
        # (inputs, keys, values, output slots, output count) for generic op calls
        self.generic = (ffi.new("mxl_ndarray[%d]" % _CAP), ffi.new("const char*[%d]" % _CAP),
                        ffi.new("const char*[%d]" % _CAP), ffi.new("mxl_ndarray[%d]" % _CAP_OUT),
                        self.nout)

    @staticmethod
    def _args(n_in, n_par):
        a = ffi.new("mxl_invoke_args*")
        ins = ffi.new("mxl_ndarray[%d]" % n_in)
        slot = ffi.new("mxl_ndarray[1]")
        a.inputs, a.outputs = ins, slot
        a.num_inputs, a.num_params, a.num_outputs = n_in, n_par, 1
        return a, ins, slot, (ins, slot)  # the last item keeps the buffers alive


# Scalar parameter key, as a ready-made C array ("scalar" -> "2.0").
_SCALAR_KEY = ffi.new("char[]", b"scalar")
_SCALAR_KEYS = ffi.new("const char*[1]", [_SCALAR_KEY])
_scratch = _Scratch()
_NULL = ffi.NULL
_invoke_c = lib.mxl_imperative_invoke
_invoke_args = lib.mxl_imperative_invoke_args


def _handle_new(shape, dtype_flag_, ctx):
    shape = _shape_tuple(shape)
    out = ffi.new("mxl_ndarray*")
    check_call(lib.mxl_nd_create(ffi.new("int64_t[]", shape) if shape else _NULL, len(shape),
                                 dtype_flag_, ctx.device_typeid, ctx.device_id, out))
    return out[0]


# ----------------------------------------------------------------- NDArray
class _PyNumber:
    """a + b, a - b, a * b, a / b (reflected and in-place too) and -a in Python. The
    whole behaviour when the C accelerator (mxlite/_fastpath.c) is absent; with it,
    the general cases it hands back (numpy operands, lists, numpy scalars)."""
    __slots__ = ()

    def __add__(self, other):
        return _binary(self, other, _ADD)

    def __radd__(self, other):
        return _binary(self, other, _ADD)

    def __iadd__(self, other):
        return _binary(self, other, _ADD, self)

    def __sub__(self, other):
        return _binary(self, other, _SUB)

    def __rsub__(self, other):
        return _rbinary(self, other, _SUB, _RSUB)

    def __isub__(self, other):
        return _binary(self, other, _SUB, self)

    def __mul__(self, other):
        return _binary(self, other, _MUL)

    def __rmul__(self, other):
        return _binary(self, other, _MUL)

    def __imul__(self, other):
        return _binary(self, other, _MUL, self)

    def __truediv__(self, other):
        return _binary(self, other, _DIV)

    def __rtruediv__(self, other):
        return _rbinary(self, other, _DIV, _RDIV)

    def __itruediv__(self, other):
        return _binary(self, other, _DIV, self)

    def __neg__(self):
        return _scalar_op(_NEG_OP, self, -1.0)


if _fastpath is not None:
    _Storage = _fastpath.NDArrayBase  # handle, _meta, _grad and + - * / in C
else:
    class _Storage(_PyNumber):
        """The pure-Python storage of NDArray: the handle it owns and the caches."""
        __slots__ = ("handle", "_meta", "_grad", "__weakref__")

        def __del__(self, _free=lib.mxl_nd_free, _lib=lib):
            # Default arguments keep the library reachable during interpreter shutdown.
            try:
                h = self.handle
            except AttributeError:  # construction failed before the handle was set
                return
            if h is not None:
                self.handle = None
                _free(h)


class NDArray(_Storage):
    """An array on a device. Created by mx.nd.array / zeros / ones / ops, not directly."""

    # _meta caches (shape, dtype flag, device type, device id): they never change
    # for a handle, and the hot paths fill it without asking the library.
    __slots__ = ()
    # numpy defers to our reflected operators (np_array + nd -> nd.__radd__).
    __array_priority__ = 1000.0
    writable = True

    def __init__(self, handle):
        self.handle = handle
        self._meta = None
        self._grad = None

    # ---------------------------------------------------------- metadata
    def _load_meta(self):
        s = _scratch
        check_call(lib.mxl_nd_info(self.handle, s.ndim, s.dims, s.dtype, s.devtype, s.devid))
        n = s.ndim[0]
        m = self._meta = (tuple(s.dims[0:n]) if n > 0 else (), s.dtype[0], s.devtype[0], s.devid[0])
        return m

    @property
    def shape(self):
        return (self._meta or self._load_meta())[0]

    @property
    def dtype(self):
        return _FLAG_TO_NP[(self._meta or self._load_meta())[1]]

    @property
    def context(self):
        m = self._meta or self._load_meta()
        return Context(_DEVTYPES[m[2]], m[3])

    ctx = context

    @property
    def size(self):
        n = 1
        for d in self.shape:
            n *= d
        return n

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def stype(self):
        return "default"

    @property
    def T(self):
        if self.ndim < 2:
            return self
        return _call("transpose", self)

    # ---------------------------------------------------------- sync
    def wait_to_read(self):
        check_call(lib.mxl_nd_wait_to_read(self.handle))

    def wait_to_write(self):
        check_call(lib.mxl_nd_wait_to_write(self.handle))

    def asnumpy(self):
        """A NumPy copy of the values (waits for pending writes)."""
        res = np.empty(self.shape, dtype=self.dtype)
        check_call(lib.mxl_nd_sync_copy_to(self.handle, ffi.from_buffer(res), res.nbytes))
        return res

    def asscalar(self):
        if self.size != 1:
            raise ValueError("The current array is not a scalar")
        return self.asnumpy().reshape(())[()]

    def __array__(self, dtype=None, copy=None):
        a = self.asnumpy()
        return a if dtype is None else a.astype(dtype, copy=False)

    def _sync_copyfrom(self, source):
        """Blocking copy of a NumPy array (or anything np.asarray takes) of the same
        shape into this array, converting to this array's dtype."""
        src = _as_numpy(source, self.dtype)
        if src.shape != self.shape:
            raise ValueError("array shape %s does not match the destination's %s"
                             % (src.shape, self.shape))
        check_call(lib.mxl_nd_sync_copy_from(self.handle, ffi.from_buffer(src), src.nbytes))

    # ---------------------------------------------------------- copies
    def copyto(self, other):
        """Copies into `other` (an NDArray: same shape, dtype converted) or to a new
        array on `other` (a Context). Returns the destination."""
        if isinstance(other, NDArray):
            if other.handle == self.handle:
                return other
            check_call(lib.mxl_nd_copy_to(self.handle, other.handle))
            return other
        if isinstance(other, Context):
            dst = NDArray(_handle_new(self.shape, (self._meta or self._load_meta())[1], other))
            check_call(lib.mxl_nd_copy_to(self.handle, dst.handle))
            return dst
        raise TypeError("copyto does not support type %s" % type(other).__name__)

    def copy(self):
        return self.copyto(self.context)

    def as_in_context(self, context):
        if self.context == context:
            return self
        return self.copyto(context)

    as_in_ctx = as_in_context

    def astype(self, dtype, copy=True):
        flag = dtype_flag(dtype)
        if not copy and flag == (self._meta or self._load_meta())[1]:
            return self
        dst = NDArray(_handle_new(self.shape, flag, self.context))
        check_call(lib.mxl_nd_copy_to(self.handle, dst.handle))
        return dst

    # ---------------------------------------------------------- views
    def reshape(self, *shape, **kwargs):
        """A view with a new shape; accepts MXNet's codes 0, -1, -2, -3, -4 and
        reverse=True. reshape((2, 3)), reshape(2, 3) and reshape(shape=(2, 3)) work."""
        reverse = kwargs.pop("reverse", False)
        if len(shape) == 1 and not isinstance(shape[0], numbers.Integral):
            shape = shape[0]
        elif not shape:
            shape = kwargs.pop("shape", None)
            if shape is None:
                raise TypeError("reshape: shape is required")
        if kwargs:
            raise TypeError("reshape: unexpected keyword arguments %s" % sorted(kwargs))
        shape = _shape_tuple(shape)
        if _is_recording():  # a view would not be on the tape: record the op instead
            return _call("Reshape", self, shape=shape, reverse=reverse)
        out = ffi.new("mxl_ndarray*")
        check_call(lib.mxl_nd_reshape(self.handle, ffi.new("int64_t[]", shape) if shape else _NULL,
                                      len(shape), 1 if reverse else 0, out))
        return NDArray(out[0])

    # ------------------------------------------------------------ autograd
    def attach_grad(self, grad_req="write", stype=None):
        """Allocate a gradient array (x.grad) and mark x as a variable for autograd."""
        from .. import autograd
        autograd.mark_variables([self], [zeros(self.shape, self.context, self.dtype)], grad_req)

    @property
    def grad(self):
        return self._grad

    def backward(self, out_grad=None, retain_graph=False, train_mode=True):
        """Gradients of this array (recorded under autograd.record) into attached grads."""
        from .. import autograd
        autograd.backward([self], [out_grad] if out_grad is not None else None, retain_graph, train_mode)

    def detach(self):
        """The same values, cut off from the autograd tape."""
        out = ffi.new("mxl_ndarray*")
        check_call(lib.mxl_nd_reshape(self.handle, ffi.new("int64_t[]", self.shape) if self.shape else _NULL,
                                      len(self.shape), 0, out))
        return NDArray(out[0])

    def reshape_like(self, *args, **kwargs):
        return _call("reshape_like", self, *args, **kwargs)

    def flatten(self, inplace=False):
        if inplace:
            return self.reshape(0, -1)
        return _call("Flatten", self)

    def expand_dims(self, axis, inplace=False):
        if inplace:
            shape = list(self.shape)
            axis = axis + len(shape) + 1 if axis < 0 else axis
            shape.insert(axis, 1)
            return self.reshape(shape)
        return _call("expand_dims", self, axis=axis)

    def squeeze(self, axis=None, inplace=False):
        if inplace:
            shape = self.shape
            axes = range(len(shape)) if axis is None else (
                [axis] if isinstance(axis, numbers.Integral) else axis)
            axes = {a % len(shape) for a in axes if shape[a % len(shape)] == 1}
            return self.reshape([d for i, d in enumerate(shape) if i not in axes])
        return _call("squeeze", self, axis=axis)

    def transpose(self, *axes):
        if len(axes) == 1 and not isinstance(axes[0], numbers.Integral):
            axes = axes[0]
        if axes is None or len(axes) == 0:
            return _call("transpose", self)
        return _call("transpose", self, axes=tuple(axes))

    # ---------------------------------------------------------- python protocol
    def __repr__(self):
        shape_info = "x".join(str(d) for d in self.shape)
        return "\n%s\n<%s %s @%s>" % (str(self.asnumpy()), type(self).__name__, shape_info,
                                      self.context)

    def __len__(self):
        shape = self.shape
        if not shape:
            raise TypeError("len() of unsized object")
        return shape[0]

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __bool__(self):
        n = self.size
        if n == 0:
            return False
        if n == 1:
            return bool(self.asscalar())
        raise ValueError("The truth value of an NDArray with multiple elements is ambiguous.")

    def _scalar_value(self, kind):
        if self.size != 1:
            raise TypeError("only size-1 arrays can be converted to Python %s" % kind)
        return self.asscalar()

    def __float__(self):
        return float(self._scalar_value("float"))

    def __int__(self):
        return int(self._scalar_value("int"))

    def __index__(self):
        if not np.issubdtype(self.dtype, np.integer):
            raise TypeError("only integer size-1 arrays can be used as an index")
        return int(self._scalar_value("int"))

    __hash__ = object.__hash__

    def __reduce__(self):
        # Pickles by value (the handle is process-local).
        return (array, (self.asnumpy(), self.context, self.dtype))

    # ---------------------------------------------------------- DLPack
    def __dlpack__(self, stream=None, max_version=None, dl_device=None, copy=None):
        """DLPack export: shares memory (zero copy). Consumers that ask for DLPack >= 1
        get a "dltensor_versioned" capsule, others the legacy "dltensor"."""
        if copy:
            return self.copy().__dlpack__(max_version=max_version)
        if dl_device is not None and tuple(dl_device) != self.__dlpack_device__():
            raise BufferError("__dlpack__: cannot export %s to device %s without a copy"
                              % (self.context, tuple(dl_device)))
        if max_version is not None and max_version[0] >= 1:
            return _dlpack.export_versioned(self.handle)
        return _dlpack.export_legacy(self.handle)

    def __dlpack_device__(self):
        m = self._meta or self._load_meta()
        return (m[2], m[3])  # our device type numbers are DLPack's kDLCPU / kDLCUDA

    def to_dlpack_for_read(self):
        """A legacy "dltensor" capsule sharing this array's memory (like MXNet)."""
        return to_dlpack_for_read(self)

    def to_dlpack_for_write(self):
        return to_dlpack_for_write(self)

    # ---------------------------------------------------------- arithmetic
    # + - * / and their reflected and in-place forms: _PyNumber or the C base type.
    def __mod__(self, other):
        return _binary(self, other, _MOD)

    def __rmod__(self, other):
        return _rbinary(self, other, _MOD, _RMOD)

    def __imod__(self, other):
        return _binary(self, other, _MOD, self)

    def __pow__(self, other):
        return _binary(self, other, _POW)

    def __rpow__(self, other):
        return _rbinary(self, other, _POW, _RPOW)

    def __ipow__(self, other):
        return _binary(self, other, _POW, self)

    def __eq__(self, other):
        return _binary(self, other, _EQ)

    def __ne__(self, other):
        return _binary(self, other, _NE)

    def __gt__(self, other):
        return _binary(self, other, _GT)

    def __ge__(self, other):
        return _binary(self, other, _GE)

    def __lt__(self, other):
        return _binary(self, other, _LT)

    def __le__(self, other):
        return _binary(self, other, _LE)

    def __pos__(self):
        return self

    def __abs__(self):
        return _call("abs", self)

    # ---------------------------------------------------------- indexing
    def __getitem__(self, key):
        # Fast path: an int on a >= 2-d array is a view of one row.
        if type(key) is int:
            shape = self.shape
            if len(shape) >= 2:
                _check_index(key, 0, shape)
                out = _scratch.h
                check_call(lib.mxl_nd_at(self.handle, key, out))
                return NDArray(out[0])
        target = _resolve_index(self, key)
        if isinstance(target, NDArray):
            return target
        return _slice_copy(self, target)

    def __setitem__(self, key, value):
        target = _resolve_index(self, key, for_write=True)
        if isinstance(target, NDArray):
            _assign_whole(target, value)
        else:
            _assign_slice(self, target, value)


# ------------------------------------------------------------ the fast invoke path
_new = _Storage.__new__
_rec_flag = ffi.new("int*")


def _is_recording():
    lib.mxl_autograd_is_recording(_rec_flag)
    return _rec_flag[0] != 0


def _scalar_op(op, a, v, out=None):
    """op(a, scalar=v): the hot path behind a + 1.0."""
    args, ins, slot, _ = _scratch.scalar
    args.op = op
    ins[0] = a.handle
    slot[0] = _NULL if out is None else out.handle
    val = _scalar_val(v)  # (array, string): both must live until the call returns
    args.vals = val[0]
    rc = _invoke_args(args)  # on success num_outputs stays 1: these ops have one output
    if rc:
        check_call(rc)
    if out is not None:
        return out
    r = _new(NDArray)
    r._grad = None
    r.handle = slot[0]
    r._meta = a._meta  # same shape, dtype and device as the input
    return r


# Scalar parameter strings, kept as ready-made C arrays ("2.0").
_scalar_cache = {}


def _scalar_val(v):
    c = _scalar_cache.get(v)
    if c is None:
        if isinstance(v, (bool, np.bool_)):
            text = "1" if v else "0"
        elif isinstance(v, numbers.Integral):
            text = str(int(v))
        else:
            text = repr(float(v))
        sc = ffi.new("char[]", text.encode())
        c = (ffi.new("const char*[1]", [sc]), sc)
        # NaN never hits a dict, and 0.0 == -0.0 would share one entry: not cached.
        if v == v and v != 0 and len(_scalar_cache) < 4096:
            _scalar_cache[v] = c
    # The pair, not c[0]: storing a cdata in a struct field does not keep it alive, and
    # uncached values (0, NaN) would be freed before the call (found by ASan).
    return c


_numeric = (int, float, bool, np.generic)


def _binary(lhs, rhs, ops, out=None):
    """lhs <op> rhs for an NDArray lhs: the hot path behind a + b. ops = (elemwise,
    broadcast, scalar) op handles: elemwise when the shapes are equal, broadcast
    otherwise, the scalar op when rhs is a number."""
    if type(rhs) is NDArray or isinstance(rhs, NDArray):
        ma = lhs._meta or lhs._load_meta()
        mb = rhs._meta or rhs._load_meta()
        same = ma[0] == mb[0]
        args, ins, slot, _ = _scratch.binary
        args.op = ops[0] if same else ops[1]
        ins[0] = lhs.handle
        ins[1] = rhs.handle
        slot[0] = _NULL if out is None else out.handle
        rc = _invoke_args(args)
        if rc:
            check_call(rc)
        if out is not None:
            return out
        r = _new(NDArray)
        r._grad = None
        r.handle = slot[0]
        r._meta = ma if same else None  # elemwise: same shape, dtype and device
        return r
    if isinstance(rhs, _numeric):
        if ops[2] is None:
            raise TypeError("operand type %s is not supported here" % type(rhs).__name__)
        return _scalar_op(ops[2], lhs, rhs, out)
    if isinstance(rhs, (np.ndarray, list, tuple)):
        return _binary(lhs, array(rhs, ctx=lhs.context, dtype=lhs.dtype), ops, out)
    return NotImplemented


def _rbinary(arr, other, ops, rscalar):
    """other <op> arr, reached when `other` (a number or array-like) did not handle it."""
    if isinstance(other, _numeric):
        if rscalar is None:
            raise TypeError("operand type %s is not supported here" % type(other).__name__)
        return _scalar_op(rscalar, arr, other)
    if isinstance(other, NDArray):
        return _binary(other, arr, ops)
    if isinstance(other, (np.ndarray, list, tuple)):
        return _binary(array(other, ctx=arr.context, dtype=arr.dtype), arr, ops)
    return NotImplemented


# ------------------------------------------------------------ indexing helpers
def _check_index(i, axis, shape):
    n = shape[axis]
    if i < -n or i >= n:
        raise IndexError("index %d is out of bounds for axis %d with size %d" % (i, axis, n))
    return i + n if i < 0 else i


class _SliceSpec:
    """A basic index that is not a view: begin/end/step per axis for the slice ops,
    the axes indexed by an int (dropped from the result) and the final shape."""
    __slots__ = ("begin", "end", "step", "sliced_shape", "result_shape")

    def __init__(self, begin, end, step, sliced_shape, result_shape):
        self.begin, self.end, self.step = begin, end, step
        self.sliced_shape, self.result_shape = sliced_shape, result_shape


def _resolve_index(arr, key, for_write=False):
    """Turns an index into either a view NDArray (contiguous pieces, like MXNet) or
    a _SliceSpec (strided or multi-axis slices, served by the slice ops)."""
    shape = arr.shape
    ndim = len(shape)
    if isinstance(key, (NDArray, np.ndarray, list)) and not (
            isinstance(key, list) and any(isinstance(k, slice) for k in key)):
        if for_write:
            raise TypeError("assignment through an array index is not supported")
        return _advanced_index(arr, key)
    if not isinstance(key, tuple):
        key = (key,)
    # Expand Ellipsis and check the count.
    n_real = sum(1 for k in key if k is not None and k is not Ellipsis)
    if n_real > ndim:
        raise IndexError("too many indices for array: array is %d-dimensional, but %d were "
                         "indexed" % (ndim, n_real))
    if any(k is Ellipsis for k in key):
        i = next(i for i, k in enumerate(key) if k is Ellipsis)
        key = key[:i] + (slice(None),) * (ndim - n_real) + tuple(
            k for k in key[i + 1:] if k is not Ellipsis)
    else:
        key = key + (slice(None),) * (ndim - n_real)
    # Per axis: an int index, or (start, stop, step, length) of a slice; None = new axis.
    items = []
    axis = 0
    for k in key:
        if k is None:
            items.append(None)
            continue
        if isinstance(k, numbers.Integral) and not isinstance(k, (bool, np.bool_)):
            items.append(_check_index(int(k), axis, shape))
        elif isinstance(k, slice):
            start, stop, step = k.indices(shape[axis])
            items.append((start, stop, step, len(range(start, stop, step))))
        elif isinstance(k, NDArray) and k.size == 1 and np.issubdtype(k.dtype, np.integer):
            items.append(_check_index(int(k.asscalar()), axis, shape))
        else:
            raise TypeError("index of type %s is not supported on axis %d (use ints, slices, "
                            "Ellipsis or None in a tuple)" % (type(k).__name__, axis))
        axis += 1
    real = [it for it in items if it is not None]
    # Final shape: ints drop their axis (all ints -> (1,) like MXNet), None adds one.
    result_shape = []
    for it in items:
        if it is None:
            result_shape.append(1)
        elif isinstance(it, tuple):
            result_shape.append(it[3])
    all_ints = ndim > 0 and all(isinstance(it, int) for it in real)
    if all_ints and not any(it is None for it in items):
        result_shape = [1]
    # A view when: leading ints, then at most one step-1 slice, then whole axes.
    p = 0
    while p < ndim and isinstance(real[p], int):
        p += 1
    view = True
    for j in range(p, ndim):
        if isinstance(real[j], int):  # an int after a slice: strided
            view = False
            break
        start, stop, step, length = real[j]
        whole = start == 0 and stop == shape[j] and step == 1
        if not whole and not (j == p and step == 1):
            view = False
            break
    if view:
        v = arr
        for j in range(p):
            if j == ndim - 1:  # the last axis: keep it as size 1 (MXNet's scalar rule)
                v = _view_slice(v, real[j], real[j] + 1)
            else:
                v = _view_at(v, real[j])
        if p < ndim:
            start, stop, step, length = real[p]
            if not (start == 0 and stop == shape[p]):
                v = _view_slice(v, start, start + length)
        if tuple(result_shape) != v.shape:
            v = v.reshape(result_shape)
        return v
    begin, end, step, sliced = [], [], [], []
    for j, it in enumerate(real):
        if isinstance(it, int):
            begin.append(it), end.append(it + 1), step.append(1), sliced.append(1)
        else:
            start, stop, st, length = it
            if st < 0 and stop < 0:
                stop = None  # runs past index 0: "to the start"
            begin.append(start), end.append(stop), step.append(st), sliced.append(length)
    return _SliceSpec(tuple(begin), tuple(end), tuple(step), tuple(sliced), tuple(result_shape))


def _view_at(a, i):
    out = ffi.new("mxl_ndarray*")
    check_call(lib.mxl_nd_at(a.handle, i, out))
    return NDArray(out[0])


def _view_slice(a, begin, end):
    out = ffi.new("mxl_ndarray*")
    check_call(lib.mxl_nd_slice(a.handle, begin, end, out))
    return NDArray(out[0])


def _slice_copy(arr, spec):
    r = _call("slice", arr, begin=spec.begin, end=spec.end, step=spec.step)
    if r.shape != spec.result_shape:
        r = r.reshape(spec.result_shape)
    return r


def _advanced_index(arr, key):
    """x[idx] with an integer array/list: rows gathered along axis 0 (a copy)."""
    idx = key.asnumpy() if isinstance(key, NDArray) else np.asarray(key)
    if idx.dtype == np.bool_:
        raise TypeError("boolean mask indexing is not supported")
    if not isinstance(key, NDArray):
        key = array(idx, ctx=arr.context, dtype=np.int64)
    n = arr.shape[0] if arr.ndim else 0
    bad = idx[(idx < -n) | (idx >= n)]
    if bad.size:
        raise IndexError("index %d is out of bounds for axis 0 with size %d" % (bad.flat[0], n))
    return _call("take", arr, key, axis=0, mode="wrap")


def _value_array(value, shape, like):
    """value as an NDArray of `like`'s dtype and device, broadcast to shape."""
    if isinstance(value, NDArray):
        if value.dtype is not like.dtype or value.context != like.context:
            value = value.as_in_context(like.context).astype(like.dtype, copy=False)
        if value.shape == shape:
            return value
        vshape = value.shape
        if len(vshape) < len(shape):  # numpy-style: missing leading axes are 1
            value = value.reshape((1,) * (len(shape) - len(vshape)) + vshape)
        return _call("broadcast_to", value, shape=shape)
    src = np.broadcast_to(_as_numpy(value, like.dtype), shape)
    return array(src, ctx=like.context, dtype=like.dtype)


def _assign_whole(target, value):
    """target[:] = value for a contiguous target (the array or a view of it)."""
    if isinstance(value, NDArray):
        if value.handle == target.handle:
            return
        src = _value_array(value, target.shape, target)
        check_call(lib.mxl_nd_copy_to(src.handle, target.handle))
    elif isinstance(value, _numeric):
        _call("_full", shape=target.shape, value=float(value), dtype=target.dtype,
              ctx=target.context, out=target)
    else:
        src = np.broadcast_to(_as_numpy(value, target.dtype), target.shape)
        target._sync_copyfrom(src)


def _assign_slice(arr, spec, value):
    """arr[spec] = value through the slice-assign ops (writes arr in place)."""
    if isinstance(value, _numeric):
        _call("_slice_assign_scalar", arr, scalar=float(value), begin=spec.begin, end=spec.end,
              step=spec.step, out=arr)
        return
    v = _value_array(value, spec.result_shape, arr)
    if v.shape != spec.sliced_shape:
        v = v.reshape(spec.sliced_shape)
    _call("_slice_assign", arr, v, begin=spec.begin, end=spec.end, step=spec.step, out=arr)


# ------------------------------------------------------------ generic op calls
_value_cache = {}


def _value_c(text):
    """A C string for a parameter value. Values repeat (axis=1, shapes, dtypes), so
    they are kept; the cache is bounded so odd values cannot grow it forever."""
    c = _value_cache.get(text)
    if c is None:
        c = ffi.new("char[]", text.encode())
        if len(_value_cache) < 8192:
            _value_cache[text] = c
    return c


def _num_slots(info, keys, vals):
    """Output slots to give an op called without out=: its output count, or plenty of
    room when the count depends on its parameters."""
    nslot = info.num_outputs
    if nslot < 0:
        nslot = _CAP_OUT
        if "num_outputs" in keys:
            nslot = max(nslot, int(float(vals[list(keys).index("num_outputs")])) + 1)
    return nslot


def invoke(info, inputs, keys, vals, out=None):
    """Runs a registry op. inputs: NDArrays; keys/vals: parameter strings;
    out: None, an NDArray or a list of them. Returns an NDArray or a list."""
    ins, karr, varr, slots, nout = _scratch.generic
    n_in = len(inputs)
    if n_in:
        if n_in > _CAP:
            ins = ffi.new("mxl_ndarray[]", n_in)
        ins[0:n_in] = [x.handle for x in inputs]
    n_par = len(keys)
    if n_par:
        if n_par > _CAP:
            karr = ffi.new("const char*[]", n_par)
            varr = ffi.new("const char*[]", n_par)
        karr[0:n_par] = [info.key_c(k) for k in keys]
        keep = [_value_c(v) for v in vals]  # referenced until the call returns
        varr[0:n_par] = keep
    if out is not None:
        outs_list = [out] if isinstance(out, NDArray) else list(out)
        nslot = len(outs_list)
        slots = ffi.new("mxl_ndarray[]", [o.handle for o in outs_list])
    else:
        nslot = _num_slots(info, keys, vals)
        if nslot > _CAP_OUT:
            slots = ffi.new("mxl_ndarray[]", nslot)
        elif nslot == 1:
            slots[0] = _NULL
        else:
            slots[0:nslot] = [_NULL] * nslot
    nout[0] = nslot
    rc = _invoke_c(info.handle, n_in, ins, n_par, karr, varr, nout, slots)
    if rc:
        check_call(rc)
    if out is not None:
        return out
    n = nout[0]
    if n == 1:
        r = _new(NDArray)
        r._grad = None
        r.handle = slots[0]
        r._meta = None
        return r
    return [NDArray(slots[i]) for i in range(n)]


def _invoke_fast(info, inputs, keys, vals, out=None):
    """invoke() through the C accelerator: the same contract, one foreign call, and no
    cffi view of the arrays' handles is ever made."""
    nslot = info.num_outputs if out is not None or info.num_outputs >= 0 else _num_slots(info, keys, vals)
    addr = info.address
    if addr is None:
        addr = info.address = int(ffi.cast("uintptr_t", info.handle))
    return _fastpath.invoke(addr, inputs, keys, vals, out, nslot)


if _fastpath is not None:
    invoke = _invoke_fast  # noqa: F811 - the C path replaces the cffi one

_param_str = _ops.param_str


def make_op_function(info, public_name=None):
    """The Python function for a registry op: f(*inputs, out=None, name=None, **params).

    Positional arguments fill the inputs, then the parameters in MXNet's order
    (required ones first). Inputs may also be passed by name; variadic ops take any
    number of positional arrays and get their count parameter filled in."""
    input_names = info.inputs
    n_inputs = len(input_names)
    positional = info.positional
    param_set = set(info.params)
    variadic = info.variadic
    num_key = info.key_var_num_args
    fill_ctx = info.has_ctx and not input_names and not variadic
    op_name = public_name or info.name

    def op_function(*args, out=None, name=None, **kwargs):
        if not kwargs and len(args) == n_inputs and not variadic:
            # Fast path: just the input arrays, no parameters.
            for a in args:
                if not isinstance(a, NDArray):
                    break
            else:
                return invoke(info, args, (), (), out)
        inputs = []
        keys = []
        vals = []
        if variadic:
            if len(args) == 1 and isinstance(args[0], (list, tuple)):
                args = tuple(args[0])
            for i, a in enumerate(args):
                if not isinstance(a, NDArray):
                    raise TypeError("%s: positional argument %d must be an NDArray, got %s"
                                    % (op_name, i, type(a).__name__))
            inputs = list(args)
            if num_key and num_key not in kwargs:
                keys.append(num_key)
                vals.append(str(len(inputs)))
        else:
            nargs = len(args)
            if nargs > n_inputs + len(positional):
                raise TypeError("%s: takes at most %d positional arguments (%d given)"
                                % (op_name, n_inputs + len(positional), nargs))
            for i in range(min(nargs, n_inputs)):
                a = args[i]
                if a is None:
                    continue
                if not isinstance(a, NDArray):
                    raise TypeError("%s: argument '%s' must be an NDArray, got %s"
                                    % (op_name, input_names[i], type(a).__name__))
                inputs.append(a)
            if nargs < n_inputs and kwargs:
                # Inputs given by name, in the op's input order.
                for iname in input_names[nargs:]:
                    a = kwargs.pop(iname, None)
                    if a is None:
                        continue
                    if not isinstance(a, NDArray):
                        raise TypeError("%s: argument '%s' must be an NDArray, got %s"
                                        % (op_name, iname, type(a).__name__))
                    inputs.append(a)
            for i in range(n_inputs, nargs):
                p = positional[i - n_inputs]
                if p in kwargs:
                    raise TypeError("%s: got multiple values for argument '%s'" % (op_name, p))
                keys.append(p)
                vals.append(_param_str(args[i]))
        for k, v in kwargs.items():
            if v is None and k not in param_set:
                continue  # an absent optional input passed as None
            keys.append(k)
            vals.append(_param_str(v))
        if fill_ctx and "ctx" not in kwargs:
            keys.append("ctx")
            vals.append(str(current_context()))
        return invoke(info, inputs, keys, vals, out)

    op_function.__name__ = op_name
    op_function.__qualname__ = op_name
    op_function.__doc__ = info.docstring()
    return op_function


_FUNCS = {}


def _call(name, *args, **kwargs):
    """Calls a registry op by name (used by NDArray methods)."""
    f = _FUNCS.get(name)
    if f is None:
        f = _FUNCS[name] = make_op_function(_ops.get(name), name)
    return f(*args, **kwargs)


# ------------------------------------------------------------ operator tables
def _handles(elem, bcast, scalar):
    def h(name):
        return _ops.get(name).handle if name and _ops.exists(name) else None
    b = h(bcast)
    return (h(elem) or b, b, h(scalar))


def _init_operator_tables():
    global _ADD, _SUB, _RSUB, _MUL, _DIV, _RDIV, _MOD, _RMOD, _POW, _RPOW
    global _EQ, _NE, _GT, _GE, _LT, _LE, _NEG_OP
    _ADD = _handles("elemwise_add", "broadcast_add", "_plus_scalar")
    _SUB = _handles("elemwise_sub", "broadcast_sub", "_minus_scalar")
    _MUL = _handles("elemwise_mul", "broadcast_mul", "_mul_scalar")
    _DIV = _handles("elemwise_div", "broadcast_div", "_div_scalar")
    _MOD = _handles("_mod", "broadcast_mod", "_mod_scalar")
    _POW = _handles("_power", "broadcast_power", "_power_scalar")
    _EQ = _handles("_equal", "broadcast_equal", "_equal_scalar")
    _NE = _handles("_not_equal", "broadcast_not_equal", "_not_equal_scalar")
    _GT = _handles("_greater", "broadcast_greater", "_greater_scalar")
    _GE = _handles("_greater_equal", "broadcast_greater_equal", "_greater_equal_scalar")
    _LT = _handles("_lesser", "broadcast_lesser", "_lesser_scalar")
    _LE = _handles("_lesser_equal", "broadcast_lesser_equal", "_lesser_equal_scalar")
    # Scalar forms of the reflected operators (2 - x, 2 / x, 2 % x, 2 ** x).
    _RSUB = _handles(None, None, "_rminus_scalar")[2]
    _RDIV = _handles(None, None, "_rdiv_scalar")[2]
    _RMOD = _handles(None, None, "_rmod_scalar")[2]
    _RPOW = _handles(None, None, "_rpower_scalar")[2]
    _NEG_OP = _MUL[2]
    if _fastpath is not None:
        _configure_fastpath()


def _configure_fastpath():
    def addr(h):
        return None if h is None else int(ffi.cast("uintptr_t", h))

    P = _PyNumber
    sets = [(_ADD, _ADD[2], P.__add__, P.__radd__, P.__iadd__),
            (_SUB, _RSUB, P.__sub__, P.__rsub__, P.__isub__),
            (_MUL, _MUL[2], P.__mul__, P.__rmul__, P.__imul__),
            (_DIV, _RDIV, P.__truediv__, P.__rtruediv__, P.__itruediv__)]
    _fastpath.configure(NDArray, addr(_invoke_args), check_call,
                        [(addr(ops[0]), addr(ops[1]), addr(ops[2]), addr(rscalar), f, rf, inf)
                         for ops, rscalar, f, rf, inf in sets], addr(_NEG_OP))


# ------------------------------------------------------------ MXNet's binary functions
def _ufunc(lhs, rhs, bcast, scalar, rscalar, py, name):
    """mx.nd.add & co. (MXNet's rules): two arrays broadcast, a number on either side
    uses the scalar op (rscalar when the number is on the left), two numbers give a
    number."""
    lhs_num = isinstance(lhs, numbers.Number)
    rhs_num = isinstance(rhs, numbers.Number)
    if lhs_num and rhs_num:
        return py(lhs, rhs)
    if isinstance(lhs, NDArray) and rhs_num:
        return _call(scalar, lhs, scalar=rhs)
    if lhs_num and isinstance(rhs, NDArray):
        return _call(rscalar, rhs, scalar=lhs)
    if isinstance(lhs, NDArray) and isinstance(rhs, NDArray):
        return _call(bcast, lhs, rhs)
    bad = lhs if not (lhs_num or isinstance(lhs, NDArray)) else rhs
    raise TypeError("%s: operands must be NDArrays or numbers, got %s" % (name, type(bad).__name__))


def _make_ufunc(name, stem, py, doc, scalar=None, rscalar=None):
    """The function `name`: broadcast_<stem> for two arrays, _<stem>_scalar (or the
    names given) for an array and a number."""
    bcast = "broadcast_" + stem
    scalar = scalar or "_%s_scalar" % stem
    rscalar = rscalar or scalar

    def f(lhs, rhs):
        return _ufunc(lhs, rhs, bcast, scalar, rscalar, py, name)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = ("%s, elementwise with broadcasting; either side may be a number "
                 "(%s for two arrays, %s with a number)." % (doc, bcast, scalar))
    return f


def _flag(test):
    return lambda x, y: 1 if test(x, y) else 0


add = _make_ufunc("add", "add", operator.add, "lhs + rhs", "_plus_scalar")
subtract = _make_ufunc("subtract", "sub", operator.sub, "lhs - rhs", "_minus_scalar", "_rminus_scalar")
multiply = _make_ufunc("multiply", "mul", operator.mul, "lhs * rhs")
divide = _make_ufunc("divide", "div", operator.truediv, "lhs / rhs", None, "_rdiv_scalar")
true_divide = divide
modulo = _make_ufunc("modulo", "mod", operator.mod, "lhs % rhs", None, "_rmod_scalar")
power = _make_ufunc("power", "power", operator.pow, "lhs ** rhs", None, "_rpower_scalar")
maximum = _make_ufunc("maximum", "maximum", lambda x, y: x if x > y else y, "The larger of lhs and rhs")
minimum = _make_ufunc("minimum", "minimum", lambda x, y: x if x < y else y, "The smaller of lhs and rhs")
equal = _make_ufunc("equal", "equal", _flag(operator.eq), "1 where lhs == rhs, else 0")
not_equal = _make_ufunc("not_equal", "not_equal", _flag(operator.ne), "1 where lhs != rhs, else 0")
greater = _make_ufunc("greater", "greater", _flag(operator.gt), "1 where lhs > rhs, else 0",
                      None, "_lesser_scalar")
greater_equal = _make_ufunc("greater_equal", "greater_equal", _flag(operator.ge), "1 where lhs >= rhs, else 0",
                            None, "_lesser_equal_scalar")
lesser = _make_ufunc("lesser", "lesser", _flag(operator.lt), "1 where lhs < rhs, else 0",
                     None, "_greater_scalar")
lesser_equal = _make_ufunc("lesser_equal", "lesser_equal", _flag(operator.le), "1 where lhs <= rhs, else 0",
                           None, "_greater_equal_scalar")
logical_and = _make_ufunc("logical_and", "logical_and", _flag(lambda x, y: x and y),
                          "1 where both are nonzero, else 0")
logical_or = _make_ufunc("logical_or", "logical_or", _flag(lambda x, y: x or y),
                         "1 where either is nonzero, else 0")
logical_xor = _make_ufunc("logical_xor", "logical_xor", _flag(lambda x, y: bool(x) != bool(y)),
                          "1 where exactly one is nonzero, else 0")


# ------------------------------------------------------------ creation
def _ctx(ctx):
    return current_context() if ctx is None else ctx


def empty(shape, ctx=None, dtype=None):
    """A new array with uninitialized values."""
    return NDArray(_handle_new(shape, dtype_flag(dtype), _ctx(ctx)))


def zeros(shape, ctx=None, dtype=None, **kwargs):
    return _call("_zeros", shape=_shape_tuple(shape), ctx=_ctx(ctx),
                 dtype=_np_dtype(dtype), **kwargs)


def ones(shape, ctx=None, dtype=None, **kwargs):
    return _call("_ones", shape=_shape_tuple(shape), ctx=_ctx(ctx),
                 dtype=_np_dtype(dtype), **kwargs)


def full(shape, val, ctx=None, dtype=mx_real_t, out=None):
    return _call("_full", shape=_shape_tuple(shape), value=float(val), ctx=_ctx(ctx),
                 dtype=_np_dtype(dtype), out=out)


def arange(start, stop=None, step=1.0, repeat=1, infer_range=None, ctx=None, dtype=mx_real_t):
    """Evenly spaced values in [start, stop) (MXNet's arange; repeat repeats each)."""
    kwargs = {}
    if infer_range is not None:
        kwargs["infer_range"] = infer_range
    return _call("_arange", start=start, stop=stop, step=step, repeat=repeat, ctx=_ctx(ctx),
                 dtype=_np_dtype(dtype), **kwargs)


def eye(N, M=0, k=0, ctx=None, dtype=None, **kwargs):
    """A 2-D array with ones on the k-th diagonal (MXNet's mx.nd.eye; M=0 means N columns)."""
    return _call("_eye", N=N, M=M, k=k, ctx=_ctx(ctx), dtype=_np_dtype(mx_real_t if dtype is None else dtype),
                 **kwargs)


def linspace(start, stop, num, endpoint=True, ctx=None, dtype=mx_real_t):
    """num evenly spaced values from start to stop, stop included when endpoint (MXNet's mx.nd.linspace)."""
    return _call("_linspace", start=start, stop=stop, num=num, endpoint=endpoint, ctx=_ctx(ctx),
                 dtype=_np_dtype(mx_real_t if dtype is None else dtype))


def array(source_array, ctx=None, dtype=None):
    """An NDArray copied from an NDArray, a NumPy array, a list or a scalar. The
    dtype defaults to the source's for an NDArray and to float32 otherwise (MXNet)."""
    if isinstance(source_array, NDArray):
        dst = empty(source_array.shape, ctx, source_array.dtype if dtype is None else dtype)
        return source_array.copyto(dst)
    dt = _np_dtype(mx_real_t if dtype is None else dtype)
    src = _as_numpy(source_array, dt)
    arr = empty(src.shape, ctx, dt)
    check_call(lib.mxl_nd_sync_copy_from(arr.handle, ffi.from_buffer(src), src.nbytes))
    return arr


def from_numpy(ndarray, zero_copy=True):
    """An NDArray from a NumPy array; zero_copy shares memory through DLPack."""
    if zero_copy and ndarray.flags["C_CONTIGUOUS"] and ndarray.flags["WRITEABLE"]:
        return from_dlpack(ndarray)
    return array(ndarray, dtype=ndarray.dtype)


def waitall():
    """Waits for all pushed work; raises the first asynchronous error since the last call."""
    check_call(lib.mxl_waitall())


# ------------------------------------------------------------ DLPack
def to_dlpack_for_read(data):
    data.wait_to_read()
    return _dlpack.export_legacy(data.handle)


def to_dlpack_for_write(data):
    data.wait_to_write()
    return _dlpack.export_legacy(data.handle)


def from_dlpack(dlpack):
    """An NDArray sharing memory with a DLPack capsule or any object with __dlpack__
    (NumPy arrays, PyTorch tensors, ...)."""
    if hasattr(dlpack, "__dlpack__"):
        try:
            capsule = dlpack.__dlpack__(max_version=(1, 0))
        except TypeError:  # a producer that predates DLPack 1.0
            capsule = dlpack.__dlpack__()
    else:
        capsule = dlpack
    return NDArray(_dlpack.import_capsule(capsule))


# ------------------------------------------------------------ save / load
def save(fname, data):
    """Saves an NDArray, a list of them or a str -> NDArray dict (MXNet .params)."""
    if isinstance(data, NDArray):
        data = [data]
    if isinstance(data, dict):
        names = list(data.keys())
        arrays = [data[k] for k in names]
        if not all(isinstance(k, str) for k in names):
            raise TypeError("save: dict keys must be str")
        keep = [ffi.new("char[]", k.encode()) for k in names]
        cnames = ffi.new("const char*[]", keep)
    elif isinstance(data, (list, tuple)):
        arrays = list(data)
        cnames = _NULL
    else:
        raise TypeError("save: data must be an NDArray, a list or a dict of NDArrays")
    if not all(isinstance(a, NDArray) for a in arrays):
        raise TypeError("save: every value must be an NDArray")
    handles = ffi.new("mxl_ndarray[]", [a.handle for a in arrays]) if arrays else _NULL
    check_call(lib.mxl_nd_save(str(fname).encode(), len(arrays), handles, cnames))


def load(fname):
    """Loads a file written by save (or MXNet): a list or a dict of NDArrays."""
    n = ffi.new("int*")
    arrays = ffi.new("mxl_ndarray**")
    names = ffi.new("const char***")
    check_call(lib.mxl_nd_load(str(fname).encode(), n, arrays, names))
    res = [NDArray(arrays[0][i]) for i in range(n[0])]
    if names[0] == _NULL:
        return res
    return {ffi.string(names[0][i]).decode(): res[i] for i in range(n[0])}


# ------------------------------------------------------------ small helpers
def concatenate(arrays, axis=0, always_copy=True):
    if not always_copy and len(arrays) == 1:
        return arrays[0]
    return _call("Concat", *arrays, dim=axis)


def moveaxis(tensor, source, destination):
    axes = list(range(tensor.ndim))
    src = source % tensor.ndim
    dst = destination % tensor.ndim
    axes.pop(src)
    axes.insert(dst, src)
    return _call("transpose", tensor, axes=tuple(axes))


def _split_v2_params(indices_or_sections, axis_size):
    """The _split_v2 parameters of split_v2's indices_or_sections (shared with mx.sym.split_v2):
    an int N gives N equal parts (checked when the axis size is known), a tuple the split points."""
    if isinstance(indices_or_sections, (int, np.integer)) and not isinstance(indices_or_sections, bool):
        sections = int(indices_or_sections)
        if sections < 1:
            raise ValueError("split_v2: indices_or_sections must be a positive number of sections, got %d" % sections)
        if axis_size is not None and axis_size % sections:
            raise ValueError("split_v2: an axis of size %d cannot be split into %d equal sections"
                             % (axis_size, sections))
        return {"sections": sections}
    if isinstance(indices_or_sections, (tuple, list)):
        return {"indices": (0,) + tuple(int(i) for i in indices_or_sections)}
    raise ValueError("split_v2: indices_or_sections must be an int or a tuple of ints, got %r"
                     % (indices_or_sections,))


def split_v2(ary, indices_or_sections, axis=0, squeeze_axis=False):
    """Splits ary along axis (MXNet's mx.nd.split_v2): into indices_or_sections equal parts
    when it is an int, else at the positions it lists (numpy.split). squeeze_axis drops the
    axis from parts of length 1. Returns a list of NDArrays (one NDArray for one part)."""
    params = _split_v2_params(indices_or_sections, ary.shape[axis])
    return _call("_split_v2", ary, axis=axis, squeeze_axis=squeeze_axis, **params)


def onehot_encode(indices, out):
    return _call("one_hot", indices, depth=out.shape[1], dtype=out.dtype, out=out)
