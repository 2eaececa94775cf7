"""Errors and small shared definitions (MXNet's mxnet.base)."""
import numbers

import numpy as np

from . import _lib
from ._lib import check_call  # noqa: F401  (re-exported like mxnet.base.check_call)

mx_real_t = np.float32
numeric_types = (numbers.Number, np.generic)
integer_types = (int, np.integer)
string_types = (str,)


class MXNetError(RuntimeError):
    """Error raised by mxlite (MXNet's name). `kind` is the MXL_ERR_* name of the
    failure, `code` its number."""

    def __init__(self, message, kind="MXL_ERR_INTERNAL", code=None):
        super().__init__(message)
        self.kind = kind
        self.code = code


# Kinds that also fit a standard Python exception get a subclass of both, so that
# `except mx.MXNetError` and `except IndexError` each catch them.
class MXNetValueError(MXNetError, ValueError):
    pass


class MXNetShapeError(MXNetError, ValueError):
    pass


class MXNetTypeError(MXNetError, TypeError):
    pass


class MXNetIndexError(MXNetError, IndexError):
    pass


class MXNetArithmeticError(MXNetError, ZeroDivisionError):
    pass


class MXNetMemoryError(MXNetError, MemoryError):
    pass


_CLASS_BY_KIND = {
    "MXL_ERR_INVALID_ARGUMENT": MXNetValueError,
    "MXL_ERR_SHAPE": MXNetShapeError,
    "MXL_ERR_DTYPE": MXNetTypeError,
    "MXL_ERR_INDEX": MXNetIndexError,
    "MXL_ERR_ARITHMETIC": MXNetArithmeticError,
    "MXL_ERR_OUT_OF_MEMORY": MXNetMemoryError,
}


def error_for(code, message):
    """The exception for an MXL_ERR_* code returned by the library."""
    kind = _lib.ERR_NAMES.get(code, "MXL_ERR_INTERNAL")
    cls = _CLASS_BY_KIND.get(kind, MXNetError)
    return cls(message, kind, code)


def blas_name():
    """Which BLAS the GEMM kernels use ("scipy_openblas", "openblas", ..., or "builtin")."""
    p = _lib.ffi.new("const char**")
    check_call(_lib.lib.mxl_blas_info(p))
    return _lib.ffi.string(p[0]).decode()


def engine_info():
    """(kind, cpu_workers): "threaded" or "naive" (MXLITE_ENGINE), and the CPU pool size."""
    kind, n = _lib.ffi.new("const char**"), _lib.ffi.new("int*")
    check_call(_lib.lib.mxl_engine_info(kind, n))
    return _lib.ffi.string(kind[0]).decode(), int(n[0])


def storage_stats(ctx=None):
    """(in_use, peak, pooled) bytes of device memory for ctx (default cpu(0))."""
    dev_type, dev_id = (1, 0) if ctx is None else (ctx.device_typeid, ctx.device_id)
    v = [_lib.ffi.new("uint64_t*") for _ in range(3)]
    check_call(_lib.lib.mxl_storage_stats(dev_type, dev_id, *v))
    return tuple(int(x[0]) for x in v)
