"""Fuzz target: the symbol JSON loader (mxl_symbol_from_json, i.e. mx.sym.load_json).

Any text must give a symbol or a clean error. A graph that loads is exercised further:
listed, written back to JSON and reloaded, and shape-inferred with nothing known.
"""
from fuzzlib import ffi, lib, check_rc, main


def exercise(sym):
    n, names = ffi.new("int*"), ffi.new("const char***")
    for which in range(4):
        check_rc(lib.mxl_symbol_list(sym, which, n, names), "mxl_symbol_list")
    out = ffi.new("mxl_symbol*")
    for fn in (lib.mxl_symbol_get_internals, lib.mxl_symbol_get_children):
        if check_rc(fn(sym, out), "mxl_symbol_get_internals/children"):
            check_rc(lib.mxl_symbol_free(out[0]), "mxl_symbol_free")
    js = ffi.new("const char**")
    if check_rc(lib.mxl_symbol_to_json(sym, js), "mxl_symbol_to_json"):
        text = ffi.string(js[0])
        again = ffi.new("mxl_symbol*")
        # What we wrote must load again.
        if not check_rc(lib.mxl_symbol_from_json(text, again), "mxl_symbol_from_json(to_json(s))"):
            raise AssertionError("a symbol's own JSON does not load: %s" % text[:300])
        check_rc(lib.mxl_symbol_free(again[0]), "mxl_symbol_free")
    i = ffi.new("int*")
    p_int, p_dims = ffi.new("const int**"), ffi.new("const int64_t**")
    check_rc(lib.mxl_symbol_infer_shape(sym, 0, ffi.NULL, ffi.NULL, ffi.NULL, i,
                                        n, p_int, p_dims, n, p_int, p_dims, n, p_int, p_dims),
             "mxl_symbol_infer_shape")
    p_types = ffi.new("const int**")
    check_rc(lib.mxl_symbol_infer_type(sym, 0, ffi.NULL, ffi.NULL, i, n, p_types, n, p_types, n, p_types),
             "mxl_symbol_infer_type")


def test_one_input(data):
    text = data.replace(b"\0", b" ")  # a C string ends at NUL; the loader sees the rest
    sym = ffi.new("mxl_symbol*")
    if check_rc(lib.mxl_symbol_from_json(text, sym), "mxl_symbol_from_json"):
        try:
            exercise(sym[0])
        finally:
            check_rc(lib.mxl_symbol_free(sym[0]), "mxl_symbol_free")


if __name__ == "__main__":
    main(test_one_input)
