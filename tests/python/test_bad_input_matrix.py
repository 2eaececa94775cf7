"""Bad-input matrix, C ABI part (issue 5, point 6).

One row per bad input the C ABI must refuse with a clear error (kind + message
fragments), never a crash: handles that are NULL, freed or foreign, for every handle
kind; sizes that are negative, overflow 64 bits or ask for more memory than exists;
wrong dtypes and devices; bad buffers; missing, unwritable and corrupt files; bad
output slots. The operator-level cases (bad params, shapes, dtypes, sizes) and corrupt
.params bytes live in the conformance table (tests/conformance/cases/error.json and
io.json), which every language runs; these rows need raw ABI calls that only a C-level
caller can make, so they run here through cffi.

All rows run in one child process (a crash must fail the rows, not the test run); a
row whose call crashes the child fails naming that row.
"""
import json
import os
import subprocess
import sys
import textwrap

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

H, ARG, SHAPE, DTYPE = "MXL_ERR_INVALID_HANDLE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_SHAPE", "MXL_ERR_DTYPE"
NF, DEV, IO, OOM, INDEX = "MXL_ERR_NOT_FOUND", "MXL_ERR_DEVICE", "MXL_ERR_IO", "MXL_ERR_OUT_OF_MEMORY", "MXL_ERR_INDEX"
TMP_MARK = "mxl_badinput_"  # the child's temp folder name starts with this

# (id, Python expression returning the rc of one C ABI call, kind, message fragments).
# Names available to the expressions: lib, ffi, A (a live 2x3 float32 array), FREED (a
# freed array), FOREIGN (a pointer into unrelated memory), NULL, SYM / FREED_SYM /
# FOREIGN_SYM, EX / FREED_EX / FOREIGN_EX, BUF (a 1 KiB buffer), out/sym_out/ex_out
# (out-parameters), dims(*d), OP (the op handle of elemwise_add), TMP (a temp folder).
ROWS = [
    # --- array handles
    ("nd_info_null", "lib.mxl_nd_info(NULL, I, D, I, I, I)", H, ["NULL"]),
    ("nd_info_freed", "lib.mxl_nd_info(FREED, I, D, I, I, I)", H, ["not a live"]),
    ("nd_info_foreign", "lib.mxl_nd_info(FOREIGN, I, D, I, I, I)", H, ["not a live"]),
    ("nd_free_twice", "lib.mxl_nd_free(FREED)", H, ["double free"]),
    ("nd_free_null", "lib.mxl_nd_free(NULL)", H, ["NULL"]),
    ("nd_free_foreign", "lib.mxl_nd_free(FOREIGN)", H, ["not live"]),
    ("nd_wait_freed", "lib.mxl_nd_wait_to_read(FREED)", H, ["not a live"]),
    ("nd_wait_write_foreign", "lib.mxl_nd_wait_to_write(FOREIGN)", H, ["not a live"]),
    ("nd_copy_to_freed_dst", "lib.mxl_nd_copy_to(A, FREED)", H, ["not a live"]),
    ("nd_copy_to_null_src", "lib.mxl_nd_copy_to(NULL, A)", H, ["NULL"]),
    ("nd_sync_copy_to_freed", "lib.mxl_nd_sync_copy_to(FREED, BUF, 24)", H, ["not a live"]),
    ("nd_reshape_foreign", "lib.mxl_nd_reshape(FOREIGN, dims(6), 1, 0, out)", H, ["not a live"]),
    ("nd_slice_null", "lib.mxl_nd_slice(NULL, 0, 1, out)", H, ["NULL"]),
    ("nd_data_ptr_freed", "lib.mxl_nd_data_ptr(FREED, P)", H, ["not a live"]),
    ("nd_to_dlpack_foreign", "lib.mxl_nd_to_dlpack(FOREIGN, DL)", H, ["not a live"]),
    ("invoke_freed_input", "invoke(OP, [A, FREED])", H, ["not a live"]),
    ("invoke_foreign_out_slot", "invoke(OP, [A, A], outs=[FOREIGN])", H, ["not a live"]),
    ("save_freed_array", "lib.mxl_nd_save(path('x.params'), 1, ffi.new('mxl_ndarray[1]', [FREED]), NULL)", H,
     ["not a live"]),
    ("mark_variable_freed_grad", "lib.mxl_autograd_mark_variable(A, FREED, 1)", H, ["not a live"]),
    ("backward_foreign_head", "lib.mxl_autograd_backward(1, ffi.new('mxl_ndarray[1]', [FOREIGN]), NULL, 0, NULL, 0, NULL)",
     H, ["not a live"]),
    # --- symbol and executor handles
    ("symbol_list_null", "lib.mxl_symbol_list(NULL, 0, I, NAMES)", H, ["NULL"]),
    ("symbol_free_twice", "lib.mxl_symbol_free(FREED_SYM)", H, ["double free"]),
    ("symbol_to_json_foreign", "lib.mxl_symbol_to_json(FOREIGN_SYM, S)", H, ["not a live"]),
    ("symbol_compose_freed_arg", "lib.mxl_symbol_compose(ATOMIC, NULL, 1, NULL, ffi.new('mxl_symbol[1]', [FREED_SYM]), sym_out)",
     H, ["not a live"]),
    ("symbol_group_foreign", "lib.mxl_symbol_group(1, ffi.new('mxl_symbol[1]', [FOREIGN_SYM]), sym_out)", H,
     ["not a live"]),
    ("bind_freed_symbol", "lib.mxl_executor_bind(FREED_SYM, 1, 0, 0, NULL, NULL, NULL, 0, NULL, ex_out)", H,
     ["not a live"]),
    ("bind_freed_arg", "lib.mxl_executor_bind(SYM, 1, 0, 1, ffi.new('mxl_ndarray[1]', [FREED]), NULL, NULL, 0, NULL, ex_out)",
     H, ["not a live"]),
    ("executor_forward_freed", "lib.mxl_executor_forward(FREED_EX, 0)", H, ["not a live"]),
    ("executor_forward_foreign", "lib.mxl_executor_forward(FOREIGN_EX, 0)", H, ["not a live"]),
    ("executor_free_null", "lib.mxl_executor_free(NULL)", H, ["NULL"]),
    ("executor_outputs_null", "lib.mxl_executor_outputs(NULL, I, OUTS)", H, ["NULL"]),
    # --- sizes: negative, overflowing, huge, too many dims
    ("create_negative_dim", "lib.mxl_nd_create(dims(2, -3), 2, 0, 1, 0, out)", SHAPE, ["negative", "(2, -3)"]),
    ("create_negative_ndim", "lib.mxl_nd_create(dims(2), -1, 0, 1, 0, out)", SHAPE, ["ndim", "-1"]),
    ("create_too_many_dims", "lib.mxl_nd_create(dims(*[1] * 11), 11, 0, 1, 0, out)", SHAPE, ["11", "10"]),
    ("create_elements_overflow", "lib.mxl_nd_create(dims(2 ** 32, 2 ** 32), 2, 0, 1, 0, out)", SHAPE, ["overflows"]),
    ("create_bytes_overflow", "lib.mxl_nd_create(dims(2 ** 31, 2 ** 31), 2, 6, 1, 0, out)", OOM, ["overflows"]),
    ("create_huge_alloc", "lib.mxl_nd_create(dims(2 ** 40, 2 ** 12), 2, 0, 1, 0, out)", OOM, ["out of memory"]),
    ("create_null_shape", "lib.mxl_nd_create(NULL, 2, 0, 1, 0, out)", ARG, ["shape"]),
    ("create_null_out", "lib.mxl_nd_create(dims(2), 1, 0, 1, 0, NULL)", ARG, ["out"]),
    ("reshape_overflow", "lib.mxl_nd_reshape(A, dims(2 ** 32, 2 ** 32), 2, 0, out)", SHAPE, ["overflows"]),
    ("reshape_size_mismatch", "lib.mxl_nd_reshape(A, dims(7), 1, 0, out)", SHAPE, ["(2, 3)"]),
    ("reshape_too_many_dims", "lib.mxl_nd_reshape(A, dims(*[1] * 11), 11, 0, out)", SHAPE, ["11"]),
    ("slice_out_of_range", "lib.mxl_nd_slice(A, 1, 5, out)", INDEX, ["slice"]),
    ("at_out_of_range", "lib.mxl_nd_at(A, 2, out)", INDEX, ["2"]),
    ("at_huge_negative", "lib.mxl_nd_at(A, -2 ** 62, out)", INDEX, ["out of bounds"]),
    ("sync_copy_from_short", "lib.mxl_nd_sync_copy_from(A, BUF, 23)", ARG, ["23", "24"]),
    ("sync_copy_to_long", "lib.mxl_nd_sync_copy_to(A, BUF, 2 ** 63)", ARG, ["24"]),
    ("sync_copy_from_null_data", "lib.mxl_nd_sync_copy_from(A, NULL, 24)", ARG, ["NULL"]),
    # --- dtypes and devices
    ("create_bad_dtype", "lib.mxl_nd_create(dims(2), 1, 42, 1, 0, out)", DTYPE, ["42"]),
    ("create_negative_dtype", "lib.mxl_nd_create(dims(2), 1, -1, 1, 0, out)", DTYPE, ["-1"]),
    ("create_bad_device_type", "lib.mxl_nd_create(dims(2), 1, 0, 7, 0, out)", ARG, ["device type 7"]),
    ("create_bad_cpu_id", "lib.mxl_nd_create(dims(2), 1, 0, 1, -5, out)", ARG, ["device id -5"]),
    ("create_missing_gpu", "lib.mxl_nd_create(dims(2), 1, 0, 2, 99, out)", DEV, ["gpu(99)"]),
    ("random_seed_bad_device", "lib.mxl_random_seed(1, 9, 0)", ARG, ["device type 9"]),
    # --- operators, symbols, invoke slots
    ("op_find_unknown", "lib.mxl_op_find(b'no_such_op', OPOUT)", NF, ["no_such_op"]),
    ("op_find_null", "lib.mxl_op_find(NULL, OPOUT)", ARG, ["NULL"]),
    ("op_info_null", "lib.mxl_op_flags(NULL, I)", H, ["operator handle"]),
    ("invoke_too_few_slots", "invoke(OP, [A, A], nslots=0)", ARG, ["elemwise_add"]),
    ("invoke_negative_inputs", "invoke(OP, [A, A], ninputs=-1)", ARG, ["elemwise_add"]),
    ("invoke_out_wrong_shape", "invoke(OP, [A, A], outs=[B4])", SHAPE, ["elemwise_add"]),
    ("symbol_json_garbage", "lib.mxl_symbol_from_json(b'{not json', sym_out)", ARG, ["JSON"]),
    ("symbol_json_bad_node_ref", "lib.mxl_symbol_from_json(BAD_GRAPH, sym_out)", ARG, ["node"]),
    ("symbol_json_null", "lib.mxl_symbol_from_json(NULL, sym_out)", ARG, ["NULL"]),
    ("symbol_list_bad_which", "lib.mxl_symbol_list(SYM, 9, I, NAMES)", ARG, ["9"]),
    ("bind_wrong_arg_count", "lib.mxl_executor_bind(SYM, 1, 0, 0, NULL, NULL, NULL, 0, NULL, ex_out)", ARG,
     ["arguments"]),
    ("dlpack_import_null", "lib.mxl_nd_from_dlpack(NULL, out)", ARG, ["NULL"]),
    # --- files
    ("load_missing_file", "lib.mxl_nd_load(path('missing.params'), I, ARRAYS, NAMES2)", IO, ["missing.params"]),
    ("load_directory", "lib.mxl_nd_load(TMP.encode(), I, ARRAYS, NAMES2)", IO, [TMP_MARK]),
    ("load_null_name", "lib.mxl_nd_load(NULL, I, ARRAYS, NAMES2)", ARG, ["NULL"]),
    ("save_unwritable_dir", "lib.mxl_nd_save(path('no/such/dir/x.params'), 1, ffi.new('mxl_ndarray[1]', [A]), NULL)",
     IO, ["x.params"]),
    ("symbol_load_missing", "lib.mxl_symbol_load(path('missing.json'), sym_out)", IO, ["missing.json"]),
    ("symbol_load_not_json", "lib.mxl_symbol_load(write('garbage.json', b'\\x00\\xff'), sym_out)", None,
     ["garbage.json"]),
    ("symbol_save_unwritable", "lib.mxl_symbol_save(SYM, path('no/such/dir/s.json'))", IO, ["s.json"]),
]
CHILD = textwrap.dedent(r'''
    import json, os, sys, tempfile
    import mxlite
    from mxlite._lib import ffi, lib, ERR_NAMES
    rows = json.loads(sys.stdin.read())
    TMP = tempfile.mkdtemp(prefix="mxl_badinput_")
    NULL = ffi.NULL
    I, D, P = ffi.new("int*"), ffi.new("int64_t[16]"), ffi.new("void**")
    S, NAMES, NAMES2 = ffi.new("const char**"), ffi.new("const char***"), ffi.new("const char***")
    ARRAYS, OUTS, DL = ffi.new("mxl_ndarray**"), ffi.new("mxl_ndarray**"), ffi.new("DLManagedTensorVersioned**")
    BUF = ffi.new("char[1024]")
    out, sym_out, ex_out, OPOUT = ffi.new("mxl_ndarray*"), ffi.new("mxl_symbol*"), ffi.new("mxl_executor*"), ffi.new("mxl_op*")
    _memory = ffi.new("char[256]")
    FOREIGN = ffi.cast("mxl_ndarray", _memory + 8)
    FOREIGN_SYM = ffi.cast("mxl_symbol", _memory + 16)
    FOREIGN_EX = ffi.cast("mxl_executor", _memory + 24)
    def dims(*d):
        return ffi.new("int64_t[]", list(d) or [0])
    def path(name):
        return os.path.join(TMP, name).encode()
    def write(name, data):
        with open(os.path.join(TMP, name), "wb") as f:
            f.write(data)
        return path(name)
    def new_array(*shape):
        h = ffi.new("mxl_ndarray*")
        assert lib.mxl_nd_create(dims(*shape), len(shape), 0, 1, 0, h) == 0
        return h[0]
    A, B4, FREED = new_array(2, 3), new_array(4), new_array(2)
    assert lib.mxl_nd_sync_copy_from(A, BUF, 24) == 0
    assert lib.mxl_nd_free(FREED) == 0
    assert lib.mxl_symbol_variable(b"data", sym_out) == 0
    SYM = sym_out[0]
    assert lib.mxl_symbol_variable(b"gone", sym_out) == 0
    FREED_SYM = sym_out[0]
    assert lib.mxl_symbol_free(FREED_SYM) == 0
    assert lib.mxl_executor_bind(SYM, 1, 0, 1, ffi.new("mxl_ndarray[1]", [A]), NULL, NULL, 0, NULL, ex_out) == 0
    FREED_EX = ex_out[0]
    assert lib.mxl_executor_free(FREED_EX) == 0
    EX = None
    assert lib.mxl_op_find(b"elemwise_add", OPOUT) == 0
    OP = OPOUT[0]
    fc = ffi.new("mxl_op*")
    assert lib.mxl_op_find(b"FullyConnected", fc) == 0
    atomic = ffi.new("mxl_symbol*")
    # The char[] buffers are named: a pointer array does not keep them alive (ASan).
    fc_key, fc_val = ffi.new("char[]", b"num_hidden"), ffi.new("char[]", b"2")
    assert lib.mxl_symbol_create_atomic(fc[0], 1, ffi.new("const char*[1]", [fc_key]),
                                        ffi.new("const char*[1]", [fc_val]), atomic) == 0
    ATOMIC = atomic[0]
    BAD_GRAPH = json.dumps({"nodes": [{"op": "null", "name": "x", "inputs": []},
                                      {"op": "relu", "name": "r", "inputs": [[7, 0, 0]]}],
                            "arg_nodes": [0], "heads": [[1, 0, 0]]}).encode()
    def invoke(op, inputs, outs=None, nslots=None, ninputs=None):
        slots = ffi.new("mxl_ndarray[4]", list(outs or []))
        n = ffi.new("int*", len(outs) if outs else (4 if nslots is None else nslots))
        rc = lib.mxl_imperative_invoke(op, len(inputs) if ninputs is None else ninputs,
                                       ffi.new("mxl_ndarray[]", inputs or [NULL]), 0, NULL, NULL, n, slots)
        if rc == 0:
            for i in range(n[0]):
                rc = rc or lib.mxl_nd_wait_to_read(slots[i])
        return rc
    for row_id, expr in rows:
        print("START", row_id, flush=True)
        rc = eval(expr)
        msg = ffi.string(lib.mxl_last_error()).decode("utf-8", "replace") if rc else ""
        print("RESULT " + json.dumps([row_id, ERR_NAMES.get(rc, "OK" if rc == 0 else str(rc)), msg]), flush=True)
''')


@pytest.fixture(scope="module")
def outcomes():
    env = dict(os.environ, PYTHONPATH=os.path.join(REPO, "python"))
    proc = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps([[r[0], r[1]] for r in ROWS]),
                          env=env, capture_output=True, text=True, timeout=300)
    results, started = {}, None
    for line in proc.stdout.splitlines():
        if line.startswith("START "):
            started = line.split(" ", 1)[1]
        elif line.startswith("RESULT "):
            row_id, kind, msg = json.loads(line[len("RESULT "):])
            results[row_id] = (kind, msg)
    crashed = None if proc.returncode == 0 else (started, proc.returncode, proc.stderr[-2000:])
    return results, crashed


def test_matrix_size():
    """The issue asks for at least 60 bad inputs; this table and the conformance table
    together hold many more (the conformance error/io cases are counted by their runner)."""
    assert len(ROWS) >= 60 and len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row_id,expr,kind,fragments", ROWS, ids=[r[0] for r in ROWS])
def test_bad_input(outcomes, row_id, expr, kind, fragments):
    results, crashed = outcomes
    if row_id not in results:
        where, rc, err = crashed or (None, 0, "")
        pytest.fail("no result for %s: the child died (exit %s) while running row %s\n%s" % (row_id, rc, where, err))
    got_kind, msg = results[row_id]
    assert got_kind != "OK", "%s: %s succeeded" % (row_id, expr)
    assert got_kind != "MXL_ERR_INTERNAL", "%s: internal error: %s" % (row_id, msg)
    if kind is not None:
        assert got_kind == kind, "%s: expected %s, got %s: %s" % (row_id, kind, got_kind, msg)
    for fragment in fragments:
        assert fragment in msg, "%s: message %r lacks %r" % (row_id, msg, fragment)
