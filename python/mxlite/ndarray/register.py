"""Generates the mx.nd operator functions from the registry at import time.

Every op name and alias becomes a function: names starting with "_" go to
mx.nd._internal, the others to mx.nd.op (re-exported as mx.nd.*). Prefixes MXNet
uses for sub-namespaces (_contrib_, _linalg_, _random_, _sample_, _image_) also put
the op, without its prefix, into mx.nd.contrib / linalg / random / sample / image.
"""
from .. import _ops
from . import ndarray as _nd

SUBMODULE_PREFIXES = ("_contrib_", "_linalg_", "_random_", "_sample_", "_image_")

# NDArray methods MXNet defines as calls of the op of the same name (x.sum(axis=1)).
# They are attached only when the registry has that op.
FLUENT_METHODS = (
    "zeros_like", "ones_like", "broadcast_axes", "repeat", "pad", "swapaxes", "split",
    "slice", "slice_axis", "slice_like", "take", "one_hot", "pick", "sort", "topk",
    "argmax", "argmax_channel", "argmin", "argsort", "clip", "abs", "sign", "tile", "flip",
    "diag", "sum", "nansum", "prod", "nanprod", "mean", "max", "min", "norm", "round", "rint",
    "fix", "floor", "ceil", "trunc", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
    "degrees", "radians", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "exp",
    "expm1", "log", "log10", "log2", "log1p", "sqrt", "rsqrt", "cbrt", "rcbrt", "square",
    "reciprocal", "relu", "sigmoid", "softmax", "log_softmax", "softmin", "broadcast_to",
    "broadcast_like", "shape_array", "size_array",
)
# Method name -> op name where they differ.
_FLUENT_OP = {"split": "SliceChannel"}


def register_all(op_module, internal_module, submodules):
    """Fills op_module / internal_module (and submodules: prefix -> module) with
    one function per registry name. Returns {name: function}."""
    funcs = {}
    for name in _ops.op_names():
        info = _ops.get(name)
        f = _nd.make_op_function(info, name)
        funcs[name] = f
        _nd._FUNCS[name] = f
        if name.startswith("_"):
            setattr(internal_module, name, f)
            for prefix in SUBMODULE_PREFIXES:
                if name.startswith(prefix) and len(name) > len(prefix):
                    short = name[len(prefix):]
                    mod = submodules.get(prefix)
                    if mod is not None and not hasattr(mod, short):
                        setattr(mod, short, f)
        else:
            setattr(op_module, name, f)
    return funcs


def attach_methods(funcs):
    """NDArray.sum / .mean / ... for the fluent methods whose op is registered."""
    for meth in FLUENT_METHODS:
        opname = _FLUENT_OP.get(meth, meth)
        if opname not in funcs or meth in _nd.NDArray.__dict__:
            continue
        setattr(_nd.NDArray, meth, _method(funcs[opname], meth))


def _method(f, meth):
    def method(self, *args, **kwargs):
        return f(self, *args, **kwargs)
    method.__name__ = meth
    method.__qualname__ = "NDArray." + meth
    method.__doc__ = "Same as mx.nd.%s(self, ...).\n\n%s" % (f.__name__, f.__doc__)
    return method
