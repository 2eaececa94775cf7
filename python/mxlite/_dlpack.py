"""DLPack capsules (the Python side of the exchange protocol).

The C ABI speaks DLManagedTensorVersioned (DLPack >= 1.0). Python passes it around in
a PyCapsule named "dltensor_versioned"; a consumer renames the capsule to
"used_dltensor_versioned" and becomes responsible for calling the deleter. Legacy
consumers and producers (MXNet's to_dlpack_for_read, old frameworks) use the
unversioned DLManagedTensor in a "dltensor" capsule; both are supported here.

cffi handles the structs and C callbacks; the few CPython capsule functions are
reached through ctypes.pythonapi, which can return Python objects.
"""
import ctypes

from ._lib import ffi, lib, check_call

_api = ctypes.pythonapi
_api.PyCapsule_New.restype = ctypes.py_object
_api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
_api.PyCapsule_IsValid.restype = ctypes.c_int
_api.PyCapsule_IsValid.argtypes = [ctypes.py_object, ctypes.c_char_p]
_api.PyCapsule_GetPointer.restype = ctypes.c_void_p
_api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_api.PyCapsule_SetName.restype = ctypes.c_int
_api.PyCapsule_SetName.argtypes = [ctypes.py_object, ctypes.c_char_p]
# The destructor gets the capsule as a raw pointer (it is being destroyed); these
# keep the GIL held (PYFUNCTYPE) while they look at it.
_IsValidRaw = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p)(
    ("PyCapsule_IsValid", _api))
_GetPointerRaw = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p)(
    ("PyCapsule_GetPointer", _api))

VERSIONED = b"dltensor_versioned"
USED_VERSIONED = b"used_dltensor_versioned"
LEGACY = b"dltensor"
USED_LEGACY = b"used_dltensor"

_DESTRUCTOR = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


def _addr(p):
    return int(ffi.cast("uintptr_t", p))


@_DESTRUCTOR
def _versioned_capsule_destructor(cap):
    # Still carrying its original name: nobody consumed it, so we delete it.
    if _IsValidRaw(cap, VERSIONED):
        t = ffi.cast("DLManagedTensorVersioned*", _GetPointerRaw(cap, VERSIONED))
        if t.deleter != ffi.NULL:
            t.deleter(t)


@_DESTRUCTOR
def _legacy_capsule_destructor(cap):
    if _IsValidRaw(cap, LEGACY):
        t = ffi.cast("DLManagedTensor*", _GetPointerRaw(cap, LEGACY))
        if t.deleter != ffi.NULL:
            t.deleter(t)


_VDESTR = ctypes.cast(_versioned_capsule_destructor, ctypes.c_void_p).value
_LDESTR = ctypes.cast(_legacy_capsule_destructor, ctypes.c_void_p).value

# Legacy wrappers alive until their deleter runs: address -> (struct, inner pointer).
_LEGACY_WRAPPERS = {}


@ffi.callback("void(DLManagedTensor*)")
def _legacy_of_versioned_deleter(t):
    # A legacy struct we made around a versioned one: delete the inner tensor.
    _, inner = _LEGACY_WRAPPERS.pop(_addr(t), (None, None))
    if inner is not None and inner.deleter != ffi.NULL:
        inner.deleter(inner)


@ffi.callback("void(DLManagedTensorVersioned*)")
def _versioned_of_legacy_deleter(t):
    # A versioned struct we made around a legacy one (import of a "dltensor").
    _, inner = _LEGACY_WRAPPERS.pop(_addr(t), (None, None))
    if inner is not None and inner.deleter != ffi.NULL:
        inner.deleter(inner)


def export_versioned(handle):
    """A "dltensor_versioned" capsule sharing the array's memory."""
    out = ffi.new("DLManagedTensorVersioned**")
    check_call(lib.mxl_nd_to_dlpack(handle, out))
    return _api.PyCapsule_New(_addr(out[0]), VERSIONED, _VDESTR)


def export_legacy(handle):
    """A legacy "dltensor" capsule (DLManagedTensor) sharing the array's memory."""
    out = ffi.new("DLManagedTensorVersioned**")
    check_call(lib.mxl_nd_to_dlpack(handle, out))
    inner = out[0]
    wrap = ffi.new("DLManagedTensor*")
    wrap.dl_tensor = inner.dl_tensor
    wrap.manager_ctx = ffi.NULL
    wrap.deleter = _legacy_of_versioned_deleter
    _LEGACY_WRAPPERS[_addr(wrap)] = (wrap, inner)
    return _api.PyCapsule_New(_addr(wrap), LEGACY, _LDESTR)


def import_capsule(capsule):
    """Takes a DLPack capsule (versioned or legacy) and returns a new array handle
    that uses its memory. The capsule is marked used, as the protocol requires."""
    if _api.PyCapsule_IsValid(capsule, VERSIONED):
        t = ffi.cast("DLManagedTensorVersioned*", _api.PyCapsule_GetPointer(capsule, VERSIONED))
        out = ffi.new("mxl_ndarray*")
        check_call(lib.mxl_nd_from_dlpack(t, out))
        _api.PyCapsule_SetName(capsule, USED_VERSIONED)
        return out[0]
    if _api.PyCapsule_IsValid(capsule, LEGACY):
        inner = ffi.cast("DLManagedTensor*", _api.PyCapsule_GetPointer(capsule, LEGACY))
        wrap = ffi.new("DLManagedTensorVersioned*")
        wrap.version.major = lib.DLPACK_MAJOR_VERSION
        wrap.version.minor = lib.DLPACK_MINOR_VERSION
        wrap.manager_ctx = ffi.NULL
        wrap.deleter = _versioned_of_legacy_deleter
        wrap.flags = 0
        wrap.dl_tensor = inner.dl_tensor
        _LEGACY_WRAPPERS[_addr(wrap)] = (wrap, inner)
        out = ffi.new("mxl_ndarray*")
        rc = lib.mxl_nd_from_dlpack(wrap, out)
        if rc != 0:
            del _LEGACY_WRAPPERS[_addr(wrap)]
            check_call(rc)
        _api.PyCapsule_SetName(capsule, USED_LEGACY)
        return out[0]
    raise TypeError("expected a DLPack capsule named 'dltensor_versioned' or 'dltensor' "
                    "that has not been consumed yet")
