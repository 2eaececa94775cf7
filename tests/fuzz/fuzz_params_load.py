"""Fuzz target: the .params reader (mxl_nd_load, i.e. mx.nd.load).

Any file content must load or fail with a clean error; arrays that load must be whole:
every byte of each is read back (a wrongly sized array would be read past its end).
"""
import os
import tempfile

from fuzzlib import ffi, lib, check_rc, read_array, main

_DIR = tempfile.mkdtemp(prefix="mxl_fuzz_params_")
_PATH = os.path.join(_DIR, "input.params")


def test_one_input(data):
    with open(_PATH, "wb") as f:
        f.write(data)
    n, arrays, names = ffi.new("int*"), ffi.new("mxl_ndarray**"), ffi.new("const char***")
    if not check_rc(lib.mxl_nd_load(_PATH.encode(), n, arrays, names), "mxl_nd_load"):
        return
    handles = [arrays[0][i] for i in range(n[0])]
    if names[0] != ffi.NULL:
        for i in range(n[0]):
            ffi.string(names[0][i])
    for h in handles:
        read_array(h)
    for h in handles:
        check_rc(lib.mxl_nd_free(h), "mxl_nd_free")


if __name__ == "__main__":
    main(test_one_input)
