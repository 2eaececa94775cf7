"""Shared helpers of the fuzz targets in this folder (atheris, libFuzzer for Python).

Each target drives libmxlite through its C ABI (cffi, mxlite._lib) with fuzzed bytes.
The contract under test is the header's: every call returns MXL_OK or an MXL_ERR_*
code with a message, never a crash. A crash (signal) is caught by libFuzzer, which
writes the input that caused it; an ABI contract violation (unknown code, empty
message) raises here, which atheris reports the same way.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "python"))

from mxlite._lib import ffi, lib, ERR_NAMES  # noqa: E402  (after the path is set)


class ContractViolation(AssertionError):
    """The library broke the error contract of c_api.h (not a crash, still a bug)."""


def check_rc(rc, call):
    """rc must be MXL_OK or a known MXL_ERR_* code that comes with a message."""
    if rc == 0:
        return True
    if rc not in ERR_NAMES:
        raise ContractViolation("%s returned %d, not an MXL_ERR_* code" % (call, rc))
    if rc == lib.MXL_ERR_INTERNAL:
        raise ContractViolation("%s raised an internal error (a bug by the header's definition): %s"
                                % (call, ffi.string(lib.mxl_last_error()).decode("utf-8", "replace")))
    msg = ffi.string(lib.mxl_last_error())
    if not msg:
        raise ContractViolation("%s returned %s with an empty message" % (call, ERR_NAMES[rc]))
    if lib.mxl_last_error_code() != rc:
        raise ContractViolation("%s returned %d but mxl_last_error_code() is %d"
                                % (call, rc, lib.mxl_last_error_code()))
    return False


def read_array(h):
    """Reads every byte of an array (forces pending work; touches all of its memory).
    Returns the bytes, or None when the array's pending work failed (a clean error)."""
    ndim, dims = ffi.new("int*"), ffi.new("int64_t[%d]" % lib.MXL_MAX_NDIM)
    dtype, dev_type, dev_id = ffi.new("int*"), ffi.new("int*"), ffi.new("int*")
    if not check_rc(lib.mxl_nd_info(h, ndim, dims, dtype, dev_type, dev_id), "mxl_nd_info"):
        return None
    size = 1
    for i in range(ndim[0]):
        size *= dims[i]
    itemsize = {0: 4, 1: 8, 2: 2, 3: 1, 4: 4, 5: 1, 6: 8, 7: 1}[dtype[0]]
    nbytes = size * itemsize
    if nbytes > (256 << 20):  # a valid but huge array: reading it proves nothing more
        return None
    buf = ffi.new("char[]", max(nbytes, 1))
    if not check_rc(lib.mxl_nd_sync_copy_to(h, buf, nbytes), "mxl_nd_sync_copy_to"):
        return None
    return ffi.buffer(buf, nbytes)[:]


# Address-space cap of a fuzzing process: an input that asks for a huge array must get
# MXL_ERR_OUT_OF_MEMORY from a failed allocation, not succeed on overcommitted memory
# and then exhaust the machine while the array is filled.
ADDRESS_SPACE_LIMIT = 3 << 30


def limit_memory():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def main(test_one_input):
    """Runs the target under atheris (argv: libFuzzer's options and corpus folders)."""
    import atheris
    limit_memory()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
