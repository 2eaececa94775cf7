"""Loads libmxlite through cffi in ABI mode (no compiler needed at import).

The cffi declarations are built from the text of c_api.h itself, so no declaration
is written twice: the header is the one place that states the ABI.
"""
import os
import re

import cffi

# The ABI major this binding was written for; the library must report the same.
ABI_MAJOR = 1

_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.dirname(os.path.dirname(_HERE))  # python/mxlite -> repo root


def _find_library():
    """MXLITE_LIBRARY, then the installed package's lib/, then a development build."""
    env = os.environ.get("MXLITE_LIBRARY")
    if env:
        if not os.path.isfile(env):
            raise ImportError("MXLITE_LIBRARY=%r: no such file" % env)
        return env
    candidates = [os.path.join(_HERE, "lib", "libmxlite.so"),
                  os.path.join(_HERE, "lib", "libmxlite.dylib"),
                  os.path.join(_REPO, "build", "libmxlite.so"),
                  os.path.join(_REPO, "build", "libmxlite.dylib")]
    for path in candidates:
        if os.path.isfile(path):
            return path
    raise ImportError("libmxlite not found; looked in: %s (set MXLITE_LIBRARY to its path)"
                      % ", ".join(candidates))


def _find_header():
    candidates = [os.path.join(_HERE, "include", "mxlite", "c_api.h"),
                  os.path.join(_REPO, "capi", "include", "mxlite", "c_api.h")]
    for path in candidates:
        if os.path.isfile(path):
            return path
    raise ImportError("mxlite/c_api.h not found; looked in: %s" % ", ".join(candidates))


_DEFINE_INT = re.compile(r"^#\s*define\s+\w+\s+-?(0x[0-9a-fA-F]+|\d+)[uUlL]*\s*$")


def cdef_from_header(text):
    """Turns c_api.h into declarations cffi's cdef accepts.

    Drops comments, preprocessor lines (except `#define NAME <integer>`, which cffi
    understands as constants), the `extern "C" {` / `}` wrapper and the MXL_API token.
    """
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    lines = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("#"):
            if _DEFINE_INT.match(s):
                lines.append(s)
            continue
        if s in ('extern "C" {', "}"):
            continue
        lines.append(line.replace("MXL_API", ""))
    return "\n".join(lines)


def _blas_hint():
    """Point the core at scipy_openblas32's BLAS when the user has not chosen one.
    The package is located, not imported (importing it costs a tenth of a second)."""
    if os.environ.get("MXLITE_BLAS_LIBRARY"):
        return
    import importlib.util
    spec = importlib.util.find_spec("scipy_openblas32")
    if spec is None or not spec.submodule_search_locations:
        return
    for pkg_dir in spec.submodule_search_locations:
        libdir = os.path.join(pkg_dir, "lib")
        names = sorted(os.listdir(libdir)) if os.path.isdir(libdir) else []
        for name in names:
            if name.startswith("libscipy_openblas") and name.endswith((".so", ".dylib", ".dll")):
                os.environ["MXLITE_BLAS_LIBRARY"] = os.path.join(libdir, name)
                return


HEADER_PATH = _find_header()
with open(HEADER_PATH) as _f:
    _CDEF = cdef_from_header(_f.read())

ffi = cffi.FFI()
ffi.cdef(_CDEF)
# MXNet's pre-versioned DLPack struct: only for exchanging with producers and
# consumers that still speak the legacy "dltensor" capsule. Not part of our ABI.
ffi.cdef("""
typedef struct DLManagedTensor {
  DLTensor dl_tensor;
  void* manager_ctx;
  void (*deleter)(struct DLManagedTensor* self);
} DLManagedTensor;
""")

_blas_hint()
LIBRARY_PATH = _find_library()
lib = ffi.dlopen(LIBRARY_PATH)

_version = lib.mxl_version()
if _version // 10000 != lib.MXL_ABI_VERSION_MAJOR or ABI_MAJOR != lib.MXL_ABI_VERSION_MAJOR:
    raise ImportError("mxlite: library %s has ABI version %d.%d.%d (major %d), but this "
                      "binding needs ABI major %d"
                      % (LIBRARY_PATH, _version // 10000, _version // 100 % 100, _version % 100,
                         _version // 10000, ABI_MAJOR))
ABI_VERSION = _version



def _load_fastpath():
    """The optional C accelerator of NDArray (_fastpath*.so next to the library), or None:
    absent (built without Python headers), disabled (MXLITE_FASTPATH=0), or not able to
    read this cffi's pointers. NDArray behaves the same either way, only slower without."""
    if os.environ.get("MXLITE_FASTPATH", "1") == "0":
        return None
    import importlib.machinery
    import importlib.util
    folder = os.path.dirname(os.path.abspath(LIBRARY_PATH))
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(folder, "_fastpath" + suffix)
        if not os.path.isfile(path):
            continue
        spec = importlib.util.spec_from_file_location("mxlite._fastpath", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sample = 0x5EED5EED0  # any value: init() looks for it inside a cdata
        if module.init(int(ffi.cast("uintptr_t", lib.mxl_nd_free)),
                       int(ffi.cast("uintptr_t", lib.mxl_nd_info)),
                       _handle_from_address, ffi.cast("mxl_ndarray", sample), sample):
            return module
        return None
    return None


def _handle_from_address(address):
    return ffi.cast("mxl_ndarray", address)


fastpath = _load_fastpath()

# Error code -> MXL_ERR_* name, read from the header's constants.
ERR_NAMES = {getattr(lib, n): n for n in dir(lib) if n.startswith("MXL_ERR_")}


def last_error():
    return ffi.string(lib.mxl_last_error()).decode("utf-8", "replace")


def check_call(rc):
    """Raises the MXNetError subclass matching rc, with the library's message."""
    if rc != 0:
        from .base import error_for
        raise error_for(rc, last_error())


def c_str(s):
    return ffi.new("char[]", s.encode("utf-8"))


def py_str(p):
    return ffi.string(p).decode("utf-8")
