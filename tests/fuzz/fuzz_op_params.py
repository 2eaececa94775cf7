"""Fuzz target: operator parameter parsing and checking (mxl_imperative_invoke).

Picks an operator from the registry, gives it fuzzed parameters (mostly its own
parameter names with tricky values: negatives, overflowing numbers, malformed tuples,
wrong enum names) and small fuzzed input arrays of fuzzed shapes and dtypes, runs it
and reads every output. Every outcome must be a result or a clean error.
"""
import os

import atheris

from fuzzlib import ffi, lib, check_rc, read_array, main

DTYPES = [0, 1, 2, 3, 4, 5, 6, 7]
ITEMSIZE = {0: 4, 1: 8, 2: 2, 3: 1, 4: 4, 5: 1, 6: 8, 7: 1}
# Values that stress the parsers: every one is either valid for some parameter or a
# mistake a user can make.
TRICKY_VALUES = [
    "", "0", "1", "2", "3", "-1", "-2", "1.5", "-0.5", "1e9", "1e309", "nan", "inf", "-inf",
    "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "True", "False", "true", "None", "none", "()", "(,)", "(1,)",
    "(2, 3)", "(-1,)", "(0,)", "(0, 0)", "(-3, -4)", "(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)",
    "(2147483648, 2147483648)", "(4294967296, 4294967296)", "(1000000, 1000000, 1000000)",
    "[1, 2]", "(1, 2", "1, 2)", "((1))", "(a, b)", "float32", "float16", "int64", "uint8",
    "bool", "nonsense", "relu", "sigmoid", "max", "avg", "valid", "full", "clip", "wrap",
    "raise", "NCHW", "NHWC", "\u00e9", "1 2", " 3 ", "0x10", "+4",
]


def _op_table():
    n, names = ffi.new("int*"), ffi.new("const char***")
    check_rc(lib.mxl_op_list(n, names), "mxl_op_list")
    table = []
    for i in range(n[0]):
        name = ffi.string(names[0][i])
        op = ffi.new("mxl_op*")
        check_rc(lib.mxl_op_find(name, op), "mxl_op_find")
        cname, doc, nin, in_names = ffi.new("const char**"), ffi.new("const char**"), ffi.new("int*"), ffi.new("const char***")
        nout, key_var, npar = ffi.new("int*"), ffi.new("const char**"), ffi.new("int*")
        pn, pt, pd, pdoc = (ffi.new("const char***") for _ in range(4))
        check_rc(lib.mxl_op_info(op[0], cname, doc, nin, in_names, nout, key_var, npar, pn, pt, pd, pdoc),
                 "mxl_op_info")
        params = [ffi.string(pn[0][j]).decode() for j in range(npar[0])]
        table.append((name.decode(), op[0], nin[0], params))
    return table


# Hidden backward ops (_backward_*) are internal: autograd calls them with consistent
# shapes, but the ABI lets anyone call them, so they are fuzzed too (MXL_FUZZ_HIDDEN_OPS=0
# leaves them out, e.g. to look for bugs in public ops only).
OPS = [o for o in _op_table() if os.environ.get("MXL_FUZZ_HIDDEN_OPS", "1") != "0" or not o[0].startswith("_backward_")]


def make_array(fdp):
    ndim = fdp.ConsumeIntInRange(0, 4)
    dims = [fdp.ConsumeIntInRange(0, 5) for _ in range(ndim)]
    dtype = fdp.PickValueInList(DTYPES)
    shape = ffi.new("int64_t[]", dims or [1])
    out = ffi.new("mxl_ndarray*")
    if not check_rc(lib.mxl_nd_create(shape, ndim, dtype, lib.MXL_CPU, 0, out), "mxl_nd_create"):
        return None
    size = 1
    for d in dims:
        size *= d
    nbytes = size * ITEMSIZE[dtype]
    data = fdp.ConsumeBytes(nbytes).ljust(nbytes, b"\0")
    if dtype == 7:  # bool: only 0/1 bytes are valid values
        data = bytes(b & 1 for b in data)
    check_rc(lib.mxl_nd_sync_copy_from(out[0], data, nbytes), "mxl_nd_sync_copy_from")
    return out[0]


def test_one_input(data):
    fdp = atheris.FuzzedDataProvider(data)
    name, op, num_inputs, param_names = OPS[fdp.ConsumeIntInRange(0, len(OPS) - 1)]
    keys, vals = [], []
    for _ in range(fdp.ConsumeIntInRange(0, 4)):
        if param_names and fdp.ConsumeProbability() < 0.9:
            key = fdp.PickValueInList(param_names)
        else:
            key = fdp.ConsumeUnicodeNoSurrogates(8)
        if fdp.ConsumeProbability() < 0.8:
            val = fdp.PickValueInList(TRICKY_VALUES)
        else:
            val = fdp.ConsumeUnicodeNoSurrogates(16)
        keys.append(ffi.new("char[]", key.encode("utf-8", "replace").replace(b"\0", b"")))
        vals.append(ffi.new("char[]", val.encode("utf-8", "replace").replace(b"\0", b"")))
    n_in = num_inputs if num_inputs >= 0 and fdp.ConsumeProbability() < 0.9 else fdp.ConsumeIntInRange(0, 4)
    inputs = [make_array(fdp) for _ in range(n_in)]
    inputs = [h for h in inputs if h is not None]
    outputs = ffi.new("mxl_ndarray[8]")
    nout = ffi.new("int*", 8)
    ok = check_rc(lib.mxl_imperative_invoke(op, len(inputs), ffi.new("mxl_ndarray[]", inputs or [ffi.NULL]),
                                            len(keys), ffi.new("const char*[]", keys or [ffi.NULL]),
                                            ffi.new("const char*[]", vals or [ffi.NULL]), nout, outputs),
                  "mxl_imperative_invoke(%s)" % name)
    if ok:
        for i in range(nout[0]):
            read_array(outputs[i])
            check_rc(lib.mxl_nd_free(outputs[i]), "mxl_nd_free")
    for h in inputs:
        read_array(h)  # ops that write their inputs (optimizer updates) fail there
        check_rc(lib.mxl_nd_free(h), "mxl_nd_free")


if __name__ == "__main__":
    main(test_one_input)
