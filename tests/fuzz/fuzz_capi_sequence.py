"""Fuzz target: random sequences of C ABI calls on random handles.

The fuzzed bytes choose up to 24 calls, each a C ABI function given handles drawn from
a pool that holds live arrays, symbols and executors, freed ones, NULL and foreign
pointers (addresses of unrelated memory). The header promises MXL_ERR_INVALID_HANDLE for
NULL, freed and foreign handles, and clean errors for bad sizes: never a crash.
"""
import atheris

from fuzzlib import ffi, lib, check_rc, read_array, main

DTYPES = [0, 1, 2, 3, 4, 5, 6, 7, 8, -1, 99]
_FOREIGN_MEMORY = ffi.new("char[4096]")  # real, readable memory that is no handle
# Parameter strings live for the process: a const char*[] does not keep the char[]
# buffers it points to alive, so they must be held elsewhere.
_INVOKE_KEYS = [ffi.new("char[]", b"scalar"), ffi.new("char[]", b"num_args")]
_INVOKE_VALS = [ffi.new("char[]", b"2"), ffi.new("char[]", b"2")]
_FC_KEYS, _FC_VALS = [ffi.new("char[]", b"num_hidden")], [ffi.new("char[]", b"3")]
HANDLE_TYPES = {"arrays": "mxl_ndarray", "symbols": "mxl_symbol", "executors": "mxl_executor"}


class Pool:
    """Handles of each kind: live, freed, NULL, foreign."""

    def __init__(self):
        self.arrays, self.symbols, self.executors = [], [], []
        self.freed = {"arrays": [], "symbols": [], "executors": []}

    def pick(self, fdp, kind):
        live = getattr(self, kind)
        choice = fdp.ConsumeIntInRange(0, 9)
        if choice < 6 and live:
            return live[fdp.ConsumeIntInRange(0, len(live) - 1)]
        freed = self.freed[kind]
        if choice < 8 and freed:
            return freed[fdp.ConsumeIntInRange(0, len(freed) - 1)]
        if choice == 8:
            return ffi.NULL
        return ffi.cast(HANDLE_TYPES[kind], _FOREIGN_MEMORY + fdp.ConsumeIntInRange(0, 4000))

    def forget(self, h, kind):
        live = getattr(self, kind)
        if h in live:
            live.remove(h)
            self.freed[kind].append(h)


def _shape(fdp):
    ndim = fdp.ConsumeIntInRange(-1, 11)
    dims = [fdp.PickValueInList([0, 1, 2, 3, -1, 1 << 31, 1 << 40, -(1 << 62)]) if fdp.ConsumeProbability() < 0.2
            else fdp.ConsumeIntInRange(0, 4) for _ in range(max(ndim, 0))]
    return ffi.new("int64_t[12]", dims), ndim


def call_create(fdp, pool):
    dims, ndim = _shape(fdp)
    out = ffi.new("mxl_ndarray*")
    if check_rc(lib.mxl_nd_create(dims, ndim, fdp.PickValueInList(DTYPES), fdp.PickValueInList([1, 1, 1, 2, 0, 7]),
                                  fdp.ConsumeIntInRange(-1, 2), out), "mxl_nd_create"):
        pool.arrays.append(out[0])


def call_free(fdp, pool):
    h = pool.pick(fdp, "arrays")
    if check_rc(lib.mxl_nd_free(h), "mxl_nd_free"):
        pool.forget(h, "arrays")


def call_info_read(fdp, pool):
    read_array(pool.pick(fdp, "arrays"))


def call_copy(fdp, pool):
    h = pool.pick(fdp, "arrays")
    nbytes = fdp.ConsumeIntInRange(0, 256)
    buf = ffi.new("char[256]")
    fn = lib.mxl_nd_sync_copy_from if fdp.ConsumeBool() else lib.mxl_nd_sync_copy_to
    check_rc(fn(h, buf, nbytes), "mxl_nd_sync_copy_from/to")
    check_rc(lib.mxl_nd_copy_to(h, pool.pick(fdp, "arrays")), "mxl_nd_copy_to")


def call_view(fdp, pool):
    h = pool.pick(fdp, "arrays")
    out = ffi.new("mxl_ndarray*")
    which = fdp.ConsumeIntInRange(0, 2)
    if which == 0:
        dims, ndim = _shape(fdp)
        for i in range(max(ndim, 0)):
            if fdp.ConsumeProbability() < 0.2:
                dims[i] = fdp.ConsumeIntInRange(-5, 0)  # reshape codes 0, -1, -2, -3, -4 and beyond
        rc = lib.mxl_nd_reshape(h, dims, ndim, fdp.ConsumeIntInRange(0, 1), out)
    elif which == 1:
        rc = lib.mxl_nd_slice(h, fdp.ConsumeIntInRange(-6, 6), fdp.ConsumeIntInRange(-6, 6), out)
    else:
        rc = lib.mxl_nd_at(h, fdp.ConsumeIntInRange(-6, 6), out)
    if check_rc(rc, "mxl_nd_reshape/slice/at"):
        pool.arrays.append(out[0])


def call_wait(fdp, pool):
    h = pool.pick(fdp, "arrays")
    check_rc([lib.mxl_nd_wait_to_read, lib.mxl_nd_wait_to_write][fdp.ConsumeIntInRange(0, 1)](h), "mxl_nd_wait")
    ptr = ffi.new("void**")
    check_rc(lib.mxl_nd_data_ptr(h, ptr), "mxl_nd_data_ptr")


def call_invoke(fdp, pool):
    name = fdp.PickValueInList([b"elemwise_add", b"_plus_scalar", b"sum", b"dot", b"take", b"Reshape",
                                b"broadcast_mul", b"_zeros", b"sgd_update", b"Concat", b"copyto"])
    op = ffi.new("mxl_op*")
    if not check_rc(lib.mxl_op_find(name, op), "mxl_op_find"):
        return
    inputs = ffi.new("mxl_ndarray[4]", [pool.pick(fdp, "arrays") for _ in range(4)])
    keys = ffi.new("const char*[2]", _INVOKE_KEYS)
    vals = ffi.new("const char*[2]", _INVOKE_VALS)
    outs = ffi.new("mxl_ndarray[4]")
    if fdp.ConsumeBool():
        outs[0] = pool.pick(fdp, "arrays")
    nout = ffi.new("int*", fdp.ConsumeIntInRange(-1, 4))
    if check_rc(lib.mxl_imperative_invoke(op[0], fdp.ConsumeIntInRange(-1, 4), inputs, fdp.ConsumeIntInRange(0, 2),
                                          keys, vals, nout, outs), "mxl_imperative_invoke"):
        for i in range(nout[0]):
            if outs[i] not in pool.arrays:
                pool.arrays.append(outs[i])


def call_symbol(fdp, pool):
    which = fdp.ConsumeIntInRange(0, 4)
    out = ffi.new("mxl_symbol*")
    if which == 0:
        if check_rc(lib.mxl_symbol_variable(b"v%d" % fdp.ConsumeIntInRange(0, 3), out), "mxl_symbol_variable"):
            pool.symbols.append(out[0])
    elif which == 1:
        op = ffi.new("mxl_op*")
        check_rc(lib.mxl_op_find(b"FullyConnected", op), "mxl_op_find")
        keys = ffi.new("const char*[1]", _FC_KEYS)
        vals = ffi.new("const char*[1]", _FC_VALS)
        atomic = ffi.new("mxl_symbol*")
        if check_rc(lib.mxl_symbol_create_atomic(op[0], 1, keys, vals, atomic), "mxl_symbol_create_atomic"):
            args = ffi.new("mxl_symbol[2]", [pool.pick(fdp, "symbols") for _ in range(2)])
            if check_rc(lib.mxl_symbol_compose(atomic[0], ffi.NULL, fdp.ConsumeIntInRange(0, 2), ffi.NULL, args, out),
                        "mxl_symbol_compose"):
                pool.symbols.append(out[0])
            check_rc(lib.mxl_symbol_free(atomic[0]), "mxl_symbol_free")
    elif which == 2:
        h = pool.pick(fdp, "symbols")
        if check_rc(lib.mxl_symbol_free(h), "mxl_symbol_free"):
            pool.forget(h, "symbols")
    elif which == 3:
        n, names = ffi.new("int*"), ffi.new("const char***")
        check_rc(lib.mxl_symbol_list(pool.pick(fdp, "symbols"), fdp.ConsumeIntInRange(-1, 4), n, names),
                 "mxl_symbol_list")
        js = ffi.new("const char**")
        check_rc(lib.mxl_symbol_to_json(pool.pick(fdp, "symbols"), js), "mxl_symbol_to_json")
    else:
        sym = pool.pick(fdp, "symbols")
        n = fdp.ConsumeIntInRange(0, 4)
        args = ffi.new("mxl_ndarray[4]", [pool.pick(fdp, "arrays") for _ in range(4)])
        reqs = ffi.new("int[4]", [fdp.PickValueInList([0, 1, 3, 2, -1]) for _ in range(4)])
        ex = ffi.new("mxl_executor*")
        if check_rc(lib.mxl_executor_bind(sym, 1, 0, n, args, ffi.NULL, reqs, 0, ffi.NULL, ex), "mxl_executor_bind"):
            pool.executors.append(ex[0])


def call_executor(fdp, pool):
    ex = pool.pick(fdp, "executors")
    which = fdp.ConsumeIntInRange(0, 3)
    if which == 0:
        check_rc(lib.mxl_executor_forward(ex, fdp.ConsumeIntInRange(0, 1)), "mxl_executor_forward")
    elif which == 1:
        check_rc(lib.mxl_executor_backward(ex, 0, ffi.NULL), "mxl_executor_backward")
    elif which == 2:
        n, outs = ffi.new("int*"), ffi.new("mxl_ndarray**")
        if check_rc(lib.mxl_executor_outputs(ex, n, outs), "mxl_executor_outputs"):
            pool.arrays.extend(outs[0][i] for i in range(n[0]))
    elif check_rc(lib.mxl_executor_free(ex), "mxl_executor_free"):
        pool.forget(ex, "executors")


def call_autograd(fdp, pool):
    check_rc(lib.mxl_autograd_mark_variable(pool.pick(fdp, "arrays"), pool.pick(fdp, "arrays"),
                                            fdp.PickValueInList([0, 1, 3, 7])), "mxl_autograd_mark_variable")
    heads = ffi.new("mxl_ndarray[2]", [pool.pick(fdp, "arrays") for _ in range(2)])
    check_rc(lib.mxl_autograd_backward(fdp.ConsumeIntInRange(0, 2), heads, ffi.NULL, 0, ffi.NULL, 0, ffi.NULL),
             "mxl_autograd_backward")


def call_dlpack(fdp, pool):
    t = ffi.new("DLManagedTensorVersioned**")
    if check_rc(lib.mxl_nd_to_dlpack(pool.pick(fdp, "arrays"), t), "mxl_nd_to_dlpack"):
        out = ffi.new("mxl_ndarray*")
        if check_rc(lib.mxl_nd_from_dlpack(t[0], out), "mxl_nd_from_dlpack"):
            pool.arrays.append(out[0])  # owns t now
        else:
            t[0].deleter(t[0])


CALLS = [call_create, call_create, call_free, call_info_read, call_copy, call_view, call_wait, call_invoke,
         call_symbol, call_executor, call_autograd, call_dlpack]


def test_one_input(data):
    fdp = atheris.FuzzedDataProvider(data)
    pool = Pool()
    try:
        for _ in range(fdp.ConsumeIntInRange(1, 24)):
            fdp.PickValueInList(CALLS)(fdp, pool)
        rc = lib.mxl_waitall()
        if rc:
            check_rc(rc, "mxl_waitall")
    finally:  # no leaks across inputs: free what is still live
        for ex in pool.executors:
            lib.mxl_executor_free(ex)
        for s in pool.symbols:
            lib.mxl_symbol_free(s)
        for h in pool.arrays:
            lib.mxl_nd_free(h)
        lib.mxl_waitall()


if __name__ == "__main__":
    main(test_one_input)
