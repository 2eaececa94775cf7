"""The operator registry as seen through the C ABI (mxl_op_list / mxl_op_info).

Bindings never list operators by hand: functions in mx.nd (and later mx.sym) are
generated from these descriptions at import time.
"""
import numbers

import numpy as np

from ._lib import ffi, lib, check_call


class OpInfo:
    """One registered operator: its handle and everything mxl_op_info tells."""

    __slots__ = ("name", "handle", "doc", "inputs", "variadic", "num_outputs",
                 "key_var_num_args", "params", "param_types", "param_defaults",
                 "param_docs", "required", "positional", "has_ctx", "has_dtype",
                 "_key_c", "address", "__weakref__")

    def __init__(self, name, handle):
        name_p = ffi.new("const char**")
        doc_p = ffi.new("const char**")
        nin = ffi.new("int*")
        in_names = ffi.new("const char***")
        nout = ffi.new("int*")
        kv = ffi.new("const char**")
        npar = ffi.new("int*")
        pn = ffi.new("const char***")
        pt = ffi.new("const char***")
        pd = ffi.new("const char***")
        pdoc = ffi.new("const char***")
        check_call(lib.mxl_op_info(handle, name_p, doc_p, nin, in_names, nout, kv, npar,
                                   pn, pt, pd, pdoc))
        s = _str
        self.handle = handle
        self.name = s(name_p[0])
        self.doc = s(doc_p[0])
        self.variadic = nin[0] < 0
        self.inputs = [] if self.variadic else [s(in_names[0][i]) for i in range(nin[0])]
        self.num_outputs = nout[0]
        self.key_var_num_args = s(kv[0])
        n = npar[0]
        self.params = [s(pn[0][i]) for i in range(n)]
        self.param_types = [s(pt[0][i]) for i in range(n)]
        self.param_defaults = [s(pd[0][i]) for i in range(n)]
        self.param_docs = [s(pdoc[0][i]) for i in range(n)]
        # A required parameter is reported with default "". A string parameter may
        # also default to "" (e.g. ctx), so strings and None-able ones count as optional.
        self.required = [p for p, d, t in zip(self.params, self.param_defaults, self.param_types)
                         if d == "" and "None" not in t and t != "string"]
        # MXNet's positional order after the inputs: required params, then the rest.
        rest = [p for p in self.params if p not in self.required]
        self.positional = [p for p in self.required + rest if p != self.key_var_num_args]
        self.has_ctx = "ctx" in self.params
        self.has_dtype = "dtype" in self.params
        self._key_c = {}
        self.address = None  # int(handle), made by the C accelerator's invoke on first use

    def key_c(self, key):
        """A C string for a parameter name, kept for the life of the process."""
        c = self._key_c.get(key)
        if c is None:
            c = self._key_c[key] = ffi.new("char[]", key.encode())
        return c

    def docstring(self):
        """MXNet-style docstring: description, then Parameters / Returns."""
        lines = [self.doc.rstrip(), "", "Parameters", "----------"]
        if self.variadic:
            lines += ["*data : NDArray[]", "    Positional input arrays."]
        for n in self.inputs:
            lines += ["%s : NDArray" % n, "    Input '%s'." % n]
        for n, t, d, doc in zip(self.params, self.param_types, self.param_defaults,
                                self.param_docs):
            if n == self.key_var_num_args and self.variadic:
                continue
            head = "%s : %s" % (n, t)
            head += ", required" if n in self.required else ", optional, default=%s" % (d or "None")
            lines.append(head)
            if doc:
                lines += ["    " + l for l in doc.splitlines()]
        lines += ["out : NDArray, optional", "    The output NDArray to hold the result.", "",
                  "Returns", "-------", "out : NDArray or list of NDArrays",
                  "    The output of this function."]
        return "\n".join(lines)


def _str(p):
    return "" if p == ffi.NULL else ffi.string(p).decode("utf-8")


def op_names():
    """Every operator name and alias, sorted (mxl_op_list)."""
    n = ffi.new("int*")
    names = ffi.new("const char***")
    check_call(lib.mxl_op_list(n, names))
    return [_str(names[0][i]) for i in range(n[0])]


_BY_CANONICAL = {}  # canonical op name -> OpInfo, shared by its aliases
_BY_NAME = {}


def get(name):
    """OpInfo for an operator name or alias (raises MXNetError kind NOT_FOUND)."""
    info = _BY_NAME.get(name)
    if info is None:
        h = ffi.new("mxl_op*")
        check_call(lib.mxl_op_find(name.encode(), h))
        info = OpInfo(name, h[0])
        info = _BY_CANONICAL.setdefault(info.name, info)
        _BY_NAME[name] = info
    return info


def exists(name):
    try:
        get(name)
        return True
    except Exception:  # noqa: BLE001 -- NOT_FOUND is the expected case
        return False


# ------------------------------------------------------- parameter values -> strings
def param_str(v):
    """A Python value as MXNet's parameter string: (2, 3) -> "(2, 3)", True ->
    "True", None -> "None", np.float32 -> "float32", cpu(0) -> "cpu(0)"."""
    t = type(v)
    if t is str:
        return v
    if t is int or t is float:
        return str(v)
    if t is bool or isinstance(v, np.bool_):
        return "True" if v else "False"
    if v is None:
        return "None"
    if t is tuple or t is list:
        return "(" + ", ".join(param_str(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, numbers.Integral):
        return str(int(v))
    if isinstance(v, numbers.Real):
        return str(float(v))
    if isinstance(v, type) or isinstance(v, np.dtype):
        return np.dtype(v).name
    if isinstance(v, np.ndarray):
        return param_str(v.tolist())
    return str(v)
