"""Symbol: an immutable graph of operators and variables (MXNet's mx.sym.Symbol).

Graph work (composition, naming counters' fallback, inference, JSON) happens in the
core through the C ABI; this module is the Pythonic surface.
"""
import numbers
import json as _json
import warnings

import numpy as np

from .. import _ops
from .._lib import ffi, lib, check_call, py_str
from ..attribute import AttrScope
from ..base import MXNetValueError
from ..context import Context, current_context
from ..name import NameManager
from ..ndarray import NDArray
from ..ndarray import ndarray as _ndmod

__all__ = ["Symbol", "Variable", "var", "Group", "load", "load_json", "zeros", "ones", "full", "arange", "eye",
           "linspace", "split_v2",
           "maximum", "minimum", "pow", "power", "hypot"]

_LIST = {"arguments": 0, "outputs": 1, "aux": 2, "inputs": 3}


def _strs(n, arr):
    return [py_str(arr[i]) for i in range(n)]


def _dtype_name(t):
    return np.dtype(t).name if t is not None else None


class Symbol:
    """A symbolic graph. Symbols are immutable: operators return new ones."""

    __slots__ = ("handle", "__weakref__")

    def __init__(self, handle):
        self.handle = handle

    def __del__(self, _free=lib.mxl_symbol_free):
        h = getattr(self, "handle", None)
        if h is not None:
            _free(h)
            self.handle = None

    # ------------------------------------------------------------ structure
    def _list(self, which):
        n = ffi.new("int*")
        names = ffi.new("const char***")
        check_call(lib.mxl_symbol_list(self.handle, _LIST[which], n, names))
        return _strs(n[0], names[0])

    def list_arguments(self):
        return self._list("arguments")

    def list_outputs(self):
        return self._list("outputs")

    def list_auxiliary_states(self):
        return self._list("aux")

    def list_inputs(self):
        return self._list("inputs")

    @property
    def name(self):
        p = ffi.new("const char**")
        found = ffi.new("int*")
        check_call(lib.mxl_symbol_name(self.handle, p, found))
        return py_str(p[0]) if found[0] else None

    def __len__(self):
        n = ffi.new("int*")
        check_call(lib.mxl_symbol_num_outputs(self.handle, n))
        return n[0]

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __getitem__(self, index):
        if isinstance(index, str):
            outs = self.list_outputs()
            matches = [i for i, n in enumerate(outs) if n == index]
            if not matches:
                raise ValueError("cannot find output that matches name %r (outputs: %s)" % (index, outs))
            if len(matches) > 1:
                raise ValueError("there are multiple outputs named %r" % index)
            index = matches[0]
        if isinstance(index, slice):
            return Group([self[i] for i in range(len(self))[index]])
        if not isinstance(index, (int, np.integer)):
            raise TypeError("symbol index must be an int, a slice or an output name, got %r" % (index,))
        n = len(self)
        if index < -n or index >= n:
            raise IndexError("symbol output index %d is out of range for %d output(s)" % (index, n))
        out = ffi.new("mxl_symbol*")
        check_call(lib.mxl_symbol_get_output(self.handle, int(index) % n, out))
        return Symbol(out[0])

    def get_internals(self):
        out = ffi.new("mxl_symbol*")
        check_call(lib.mxl_symbol_get_internals(self.handle, out))
        return Symbol(out[0])

    def get_children(self):
        out = ffi.new("mxl_symbol*")
        check_call(lib.mxl_symbol_get_children(self.handle, out))
        child = Symbol(out[0])
        return child if len(child) else None

    def __repr__(self):
        name = self.name
        if name is not None:
            return "<Symbol %s>" % name
        return "<Symbol group [%s]>" % ", ".join(s.name or "?" for s in self)

    def __copy__(self):
        return self.__deepcopy__(None)

    def __deepcopy__(self, memo):
        # Immutable: a new handle to the same graph is a faithful copy.
        return Group([self]) if len(self) > 1 else self[0]

    def __reduce__(self):
        return (load_json, (self.tojson(),))

    def __call__(self, *args, **kwargs):
        """Compose: replace free variables by other symbols, net(data=other)."""
        name = kwargs.pop("name", None)
        return _compose(self, name, args, kwargs)

    # ----------------------------------------------------------- attributes
    def attr(self, key):
        p = ffi.new("const char**")
        found = ffi.new("int*")
        check_call(lib.mxl_symbol_get_attr(self.handle, key.encode(), p, found))
        return py_str(p[0]) if found[0] else None

    def list_attr(self, recursive=False):
        if recursive:
            raise DeprecationWarning("Symbol.list_attr with recursive=True has been deprecated. "
                                     "Please use attr_dict instead.")
        return dict(self._attr_pairs(False))

    def attr_dict(self):
        out = {}
        for k, v in self._attr_pairs(True):
            node, key = k.split("$", 1)
            out.setdefault(node, {})[key] = v
        return out

    def _attr_pairs(self, recursive):
        n = ffi.new("int*")
        pairs = ffi.new("const char***")
        check_call(lib.mxl_symbol_list_attr(self.handle, 1 if recursive else 0, n, pairs))
        flat = _strs(2 * n[0], pairs[0])
        return list(zip(flat[::2], flat[1::2]))

    def _set_attr(self, **kwargs):
        for k, v in kwargs.items():
            if not isinstance(v, str):
                raise ValueError("attribute %r must be a string, got %r" % (k, v))
            check_call(lib.mxl_symbol_set_attr(self.handle, k.encode(), v.encode()))

    # ------------------------------------------------------------ inference
    def _known_shapes(self, args, kwargs):
        names, shapes = [], []
        if args:
            argn = self.list_arguments()
            if len(args) > len(argn):
                raise ValueError("infer_shape: %d positional shapes for %d arguments" % (len(args), len(argn)))
            for n, s in zip(argn, args):
                if s is not None:
                    names.append(n)
                    shapes.append(s)
        for n, s in kwargs.items():
            if s is not None:
                names.append(n)
                shapes.append(s)
        return names, shapes

    def _infer_shape(self, args, kwargs):
        names, shapes = self._known_shapes(args, kwargs)
        inputs = set(self.list_inputs())
        for n in names:
            if n not in inputs:
                raise MXNetValueError("infer_shape: the symbol has no input named %r (inputs: %s)"
                                      % (n, sorted(inputs)))
        shapes = [tuple(int(d) for d in (s if isinstance(s, (tuple, list)) else (s,))) for s in shapes]
        c_names = [ffi.new("char[]", n.encode()) for n in names]
        ndims = ffi.new("int[]", [len(s) for s in shapes] or [0])
        dims = ffi.new("int64_t[]", [d for s in shapes for d in s] or [0])
        complete = ffi.new("int*")
        nums = [ffi.new("int*") for _ in range(3)]
        nd = [ffi.new("const int**") for _ in range(3)]
        dd = [ffi.new("const int64_t**") for _ in range(3)]
        check_call(lib.mxl_symbol_infer_shape(
            self.handle, len(names), ffi.new("const char*[]", c_names) if names else ffi.NULL, ndims, dims,
            complete, nums[0], nd[0], dd[0], nums[1], nd[1], dd[1], nums[2], nd[2], dd[2]))
        result = []
        for k in range(3):
            shapes_k, off = [], 0
            for i in range(nums[k][0]):
                n = nd[k][0][i]
                if n < 0:
                    shapes_k.append(None)
                else:
                    shapes_k.append(tuple(int(dd[k][0][off + j]) for j in range(n)))
                    off += n
            result.append(shapes_k)
        return result, bool(complete[0])

    def infer_shape(self, *args, **kwargs):
        """(arg_shapes, out_shapes, aux_shapes) in list order, or (None, None, None)
        when some shapes cannot be decided (with a warning naming them)."""
        (arg, out, aux), complete = self._infer_shape(args, kwargs)
        if not complete:
            unknown = [n for n, s in zip(self.list_arguments(), arg) if s is None]
            warnings.warn("Cannot decide shape for the following arguments (0s in shape means unknown "
                          "dimensions). Consider providing them as input:\n" +
                          "\n".join("\t%s: ()" % n for n in unknown), stacklevel=2)
            return None, None, None
        return arg, out, aux

    def infer_shape_partial(self, *args, **kwargs):
        """Like infer_shape, with () for shapes that cannot be decided."""
        res, _ = self._infer_shape(args, kwargs)
        return tuple([s if s is not None else () for s in part] for part in res)

    def infer_type(self, *args, **kwargs):
        """(arg_types, out_types, aux_types) as numpy types, or (None, None, None)."""
        names, types = [], []
        argn = self.list_arguments()
        for n, t in list(zip(argn, args)) + list(kwargs.items()):
            if t is not None:
                names.append(n)
                types.append(_ndmod.dtype_flag(t))
        c_names = [ffi.new("char[]", n.encode()) for n in names]
        complete = ffi.new("int*")
        nums = [ffi.new("int*") for _ in range(3)]
        tt = [ffi.new("const int**") for _ in range(3)]
        check_call(lib.mxl_symbol_infer_type(
            self.handle, len(names), ffi.new("const char*[]", c_names) if names else ffi.NULL,
            ffi.new("int[]", types or [0]), complete, nums[0], tt[0], nums[1], tt[1], nums[2], tt[2]))
        if not complete[0]:
            return None, None, None
        flags = _ndmod._FLAG_TO_NP
        return tuple([flags[tt[k][0][i]] for i in range(nums[k][0])] for k in range(3))

    # ------------------------------------------------------------- save/load
    def tojson(self):
        p = ffi.new("const char**")
        check_call(lib.mxl_symbol_to_json(self.handle, p))
        return py_str(p[0])

    def save(self, fname, remove_amp_cast=True):
        check_call(lib.mxl_symbol_save(self.handle, str(fname).encode()))

    # --------------------------------------------------------------- binding
    def simple_bind(self, ctx=None, grad_req="write", type_dict=None, stype_dict=None, group2ctx=None,
                    shared_arg_names=None, shared_exec=None, shared_buffer=None, **kwargs):
        """Allocate arguments, gradients and aux states from input shapes and bind.
        stype_dict is accepted for MXNet compatibility: every array is dense here."""
        from ..executor import simple_bind
        return simple_bind(self, ctx, grad_req, type_dict, shared_exec, kwargs, group2ctx,
                           shared_arg_names, shared_buffer)

    def bind(self, ctx, args, args_grad=None, grad_req="write", aux_states=None, group2ctx=None,
             shared_exec=None):
        """Bind to the given arrays. shared_exec is accepted for MXNet compatibility: the
        arrays are the caller's, and each executor plans its own intermediate buffers."""
        from ..executor import Executor, check_group2ctx, _ctx
        check_group2ctx(self, _ctx(ctx), group2ctx)
        return Executor(self, ctx, args, args_grad, grad_req, aux_states)

    def eval(self, ctx=None, **kwargs):
        """Bind to the given arrays, run forward, return the outputs."""
        ex = self.bind(ctx or current_context(), kwargs, grad_req="null")
        return ex.forward()

    # ------------------------------------------------------------ operators
    def _op(self, other, op, scalar_op, rscalar=False):
        if isinstance(other, Symbol):
            return _call(op, [self, other] if not rscalar else [other, self])
        if isinstance(other, (int, float, np.number, bool)):
            return _call(scalar_op, [self], scalar=other)
        raise TypeError("type %s not supported" % type(other).__name__)

    def __add__(self, o): return self._op(o, "_Plus", "_PlusScalar")
    def __radd__(self, o): return self._op(o, "_Plus", "_PlusScalar")
    def __sub__(self, o): return self._op(o, "_Minus", "_MinusScalar")
    def __rsub__(self, o): return self._op(o, "_Minus", "_RMinusScalar", True)
    def __mul__(self, o): return self._op(o, "_Mul", "_MulScalar")
    def __rmul__(self, o): return self._op(o, "_Mul", "_MulScalar")
    def __truediv__(self, o): return self._op(o, "_Div", "_DivScalar")
    def __rtruediv__(self, o): return self._op(o, "_Div", "_RDivScalar", True)
    def __mod__(self, o): return self._op(o, "_Mod", "_ModScalar")
    def __rmod__(self, o): return self._op(o, "_Mod", "_RModScalar", True)
    def __pow__(self, o): return self._op(o, "_Power", "_PowerScalar")
    def __rpow__(self, o): return self._op(o, "_Power", "_rpower_scalar", True)
    def __neg__(self): return self.__mul__(-1.0)
    def __abs__(self): return _call("abs", [self])
    def __eq__(self, o): return self._op(o, "_equal", "_equal_scalar")
    def __ne__(self, o): return self._op(o, "_not_equal", "_not_equal_scalar")
    def __gt__(self, o): return self._op(o, "_greater", "_greater_scalar")
    def __ge__(self, o): return self._op(o, "_greater_equal", "_greater_equal_scalar")
    def __lt__(self, o): return self._op(o, "_lesser", "_lesser_scalar")
    def __le__(self, o): return self._op(o, "_lesser_equal", "_lesser_equal_scalar")
    __hash__ = object.__hash__

    def __bool__(self):
        raise NotImplementedError("the truth value of a Symbol is undefined")


# ------------------------------------------------------------------ creation
def _new_symbol(fn, *args):
    out = ffi.new("mxl_symbol*")
    check_call(fn(*args, out))
    return Symbol(out[0])


def Variable(name, attr=None, shape=None, lr_mult=None, wd_mult=None, dtype=None, init=None,
             stype=None, **kwargs):
    """A free variable: an input, a weight, anything bound later."""
    if not isinstance(name, str):
        raise TypeError("Variable: name must be a string, got %r" % (name,))
    s = _new_symbol(lib.mxl_symbol_variable, name.encode())
    attr = AttrScope.current.get(attr)
    if shape is not None:
        attr["__shape__"] = str(tuple(shape))
    if lr_mult is not None:
        attr["__lr_mult__"] = str(lr_mult)
    if wd_mult is not None:
        attr["__wd_mult__"] = str(wd_mult)
    if dtype is not None:
        attr["__dtype__"] = str(_ndmod.dtype_flag(dtype))
    if init is not None:
        attr["__init__"] = init if isinstance(init, str) else init.dumps()
    if stype is not None:
        attr["__storage_type__"] = str(stype)
    for k, v in kwargs.items():
        if k.startswith("__") and k.endswith("__"):
            attr[k] = str(v)
        else:
            raise ValueError("Variable: unknown attribute %r; wrap custom attributes as __%s__" % (k, k))
    if attr:
        s._set_attr(**attr)
    return s


var = Variable


def Group(symbols):
    """One symbol whose outputs are the outputs of all of `symbols`."""
    symbols = list(symbols)
    if not symbols or any(not isinstance(s, Symbol) for s in symbols):
        raise TypeError("Group expects a non-empty list of Symbols")
    arr = ffi.new("mxl_symbol[]", [s.handle for s in symbols])
    return _new_symbol(lib.mxl_symbol_group, len(symbols), arr)


def load_json(json_str):
    """A symbol from MXNet JSON (as written by tojson / MXNet 1.x)."""
    if not isinstance(json_str, str):
        raise TypeError("load_json expects a string")
    return _new_symbol(lib.mxl_symbol_from_json, json_str.encode())


def load(fname):
    """A symbol from a JSON file (Symbol.save / MXNet's *-symbol.json)."""
    return _new_symbol(lib.mxl_symbol_load, str(fname).encode())


# ---------------------------------------------------- operator functions
def _compose(sym, name, args, kwargs):
    if args and kwargs:
        raise TypeError("compose accepts positional or keyword inputs, not both")
    syms = list(args) if args else list(kwargs.values())
    for s in syms:
        if not isinstance(s, Symbol):
            raise TypeError("compose: inputs must be Symbols, got %s" % type(s).__name__)
    key_bufs = [ffi.new("char[]", k.encode()) for k in kwargs]  # alive for the call
    keys = ffi.new("const char*[]", key_bufs) if kwargs else ffi.NULL
    arr = ffi.new("mxl_symbol[]", [s.handle for s in syms]) if syms else ffi.NULL
    return _new_symbol(lib.mxl_symbol_compose, sym.handle, (name or "").encode(), len(syms), keys, arr)


def _call(op_name, inputs, name=None, attr=None, **params):
    return _make_op(_ops.get(op_name), op_name)(*inputs, name=name, attr=attr, **params)


_OP_CACHE = {}


def _make_op(info, public_name):
    key = (info.name, public_name)  # one public name can mean two ops: gamma, random.gamma
    f = _OP_CACHE.get(key)
    if f is not None:
        return f
    hint = public_name.lower()
    param_set = set(info.params)
    input_names = info.inputs

    def op_function(*args, name=None, attr=None, **kwargs):
        sym_kwargs, params = {}, {}
        for k, v in kwargs.items():
            if isinstance(v, Symbol):
                sym_kwargs[k] = v
            elif k in param_set:
                if v is not None or k in ("axis",):
                    params[k] = v
            elif k in input_names:
                if v is not None:
                    raise TypeError("%s: input %r must be a Symbol, got %s" % (info.name, k, type(v).__name__))
            else:
                params[k] = v  # the core names the unknown parameter
        pos = []
        for a in args:
            if isinstance(a, Symbol):
                pos.append(a)
            else:
                raise TypeError("%s: positional arguments must be Symbols, got %s (pass parameters by name)"
                                % (info.name, type(a).__name__))
        if info.variadic and info.key_var_num_args and info.key_var_num_args not in params:
            params[info.key_var_num_args] = len(pos) + len(sym_kwargs)
        keys = list(params)
        vals = [_ops.param_str(params[k]) for k in keys]
        kbuf = [ffi.new("char[]", k.encode()) for k in keys]
        vbuf = [ffi.new("char[]", v.encode()) for v in vals]
        atomic = _new_symbol(lib.mxl_symbol_create_atomic, info.handle, len(keys),
                             ffi.new("const char*[]", kbuf) if keys else ffi.NULL,
                             ffi.new("const char*[]", vbuf) if keys else ffi.NULL)
        nm = NameManager.current.get(name, hint)
        if pos and sym_kwargs:
            # positional first, then by input name: expand to names
            names = list(input_names)
            merged = dict(zip(names, pos))
            for k, v in sym_kwargs.items():
                if k in merged:
                    raise TypeError("%s: input %r given twice" % (info.name, k))
                merged[k] = v
            out = _compose(atomic, nm, (), merged)
        else:
            out = _compose(atomic, nm, tuple(pos), sym_kwargs)
        attrs = AttrScope.current.get(attr)
        if attrs:
            out._set_attr(**attrs)
        return out

    op_function.__name__ = public_name
    op_function.__qualname__ = public_name
    op_function.__doc__ = info.docstring().replace("NDArray", "Symbol")
    _OP_CACHE[key] = op_function
    return op_function


def zeros(shape, dtype=None, **kwargs):
    return _call("_zeros", [], shape=tuple(shape), dtype=_dtype_name(dtype) or "float32", **kwargs)


def ones(shape, dtype=None, **kwargs):
    return _call("_ones", [], shape=tuple(shape), dtype=_dtype_name(dtype) or "float32", **kwargs)


def full(shape, val, dtype=None, **kwargs):
    """A symbol of the given shape filled with val."""
    return _call("_full", [], shape=tuple(shape), value=float(val), dtype=_dtype_name(dtype) or "float32", **kwargs)


def arange(start, stop=None, step=1.0, repeat=1, infer_range=False, name=None, dtype=None):
    """Evenly spaced values in [start, stop) (MXNet's mx.sym.arange)."""
    return _call("_arange", [], name=name, start=start, stop=stop, step=step, repeat=repeat,
                 infer_range=infer_range, dtype=_dtype_name(dtype) or "float32")


def eye(N, M=0, k=0, dtype=None, **kwargs):
    """A 2-D symbol with ones on the k-th diagonal (MXNet's mx.sym.eye; M=0 means N columns)."""
    return _call("_eye", [], N=N, M=M, k=k, dtype=_dtype_name(dtype) or "float32", **kwargs)


def linspace(start, stop, num, endpoint=True, name=None, dtype=None):
    """num evenly spaced values from start to stop (MXNet's mx.sym.linspace)."""
    return _call("_linspace", [], name=name, start=start, stop=stop, num=num, endpoint=endpoint,
                 dtype=_dtype_name(dtype) or "float32")


def split_v2(ary, indices_or_sections, axis=0, squeeze_axis=False, name=None):
    """Splits ary along axis (MXNet's mx.sym.split_v2): into indices_or_sections equal parts
    when it is an int, else at the positions it lists (numpy.split)."""
    from ..ndarray.ndarray import _split_v2_params
    return _call("_split_v2", [ary], name=name, axis=axis, squeeze_axis=squeeze_axis,
                 **_split_v2_params(indices_or_sections, None))


def _binary_function(name, elem, scalar, rscalar, py):
    """mx.sym.maximum & co.: two symbols use the elementwise op, a number on either
    side the scalar op (rscalar on the left), two numbers give a number."""
    def f(left, right):
        if isinstance(left, Symbol) and isinstance(right, Symbol):
            return _call(elem, [left, right])
        if isinstance(left, Symbol) and isinstance(right, numbers.Number):
            return _call(scalar, [left], scalar=right)
        if isinstance(left, numbers.Number) and isinstance(right, Symbol):
            return _call(rscalar, [right], scalar=left)
        if isinstance(left, numbers.Number) and isinstance(right, numbers.Number):
            return py(left, right)
        raise TypeError("%s: operands must be Symbols or numbers, got %s and %s"
                        % (name, type(left).__name__, type(right).__name__))
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "%s(left, right): %s of two symbols, or of a symbol and a number." % (name, elem)
    return f


maximum = _binary_function("maximum", "_Maximum", "_MaximumScalar", "_MaximumScalar", max)
minimum = _binary_function("minimum", "_Minimum", "_MinimumScalar", "_MinimumScalar", min)
power = _binary_function("power", "_Power", "_PowerScalar", "_RPowerScalar", lambda b, e: b ** e)
pow = power  # noqa: A001 - MXNet's name
hypot = _binary_function("hypot", "_Hypot", "_HypotScalar", "_HypotScalar", lambda x, y: (x * x + y * y) ** 0.5)


_FLUENT = ("reshape", "flatten", "transpose", "sum", "mean", "max", "min", "prod", "argmax", "argmin",
           "exp", "log", "sqrt", "square", "relu", "sigmoid", "tanh", "softmax", "log_softmax", "abs",
           "expand_dims", "squeeze", "slice", "slice_axis", "take", "pick", "one_hot", "clip", "tile",
           "repeat", "flip", "sort", "argsort", "topk", "norm", "broadcast_to", "split", "swapaxes")


def _register_ops(module_globals, internal):
    for name in _ops.op_names():
        f = _make_op(_ops.get(name), name)
        if name.startswith("_"):
            setattr(internal, name, f)
        elif name not in module_globals:
            module_globals[name] = f
    for meth in _FLUENT:
        opname = {"split": "SliceChannel"}.get(meth, meth)
        if _ops.exists(opname) and not hasattr(Symbol, meth):
            def method(self, *args, _f=_make_op(_ops.get(opname), opname), _m=meth, **kwargs):
                if _m == "reshape" and args and "shape" not in kwargs:
                    kwargs["shape"] = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
                    args = ()
                return _f(self, *args, **kwargs)
            method.__name__ = meth
            setattr(Symbol, meth, method)
