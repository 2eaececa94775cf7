"""Fuzz target: the symbol JSON loader (mxl_symbol_from_json, i.e. mx.sym.load_json).

Any text must give a symbol or a clean error. A graph that loads is exercised further:
listed, written back to JSON and reloaded, and shape-inferred with nothing known.
"""
import copy
import json
import os

import atheris

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


# Byte-level mutations of JSON rarely keep it JSON, so inputs that do not start like JSON drive
# structured edits of a valid graph (from the seed corpus): node references, op names,
# attributes and heads replaced by fuzzed values. That reaches the graph checks.
_BASES = []
for _name in sorted(n for n in os.listdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "symbol_json")) if n.endswith(".json")):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "symbol_json", _name)) as _f:
        _BASES.append(json.load(_f))
_ODD = [0, 1, 2, -1, 7, 1 << 31, -(1 << 40), "0", None, [], {}, [0], [0, 0], [[0, 0, 0]], 1.5, "relu", "null",
        "FullyConnected", "(2, 2)", "-1", True]


def _structured(fdp):
    graph = copy.deepcopy(fdp.PickValueInList(_BASES))
    for _ in range(fdp.ConsumeIntInRange(1, 4)):
        nodes = graph.get("nodes") or [{}]
        node = nodes[fdp.ConsumeIntInRange(0, len(nodes) - 1)]
        what = fdp.ConsumeIntInRange(0, 6)
        if what == 0 and node.get("inputs"):
            entry = node["inputs"][fdp.ConsumeIntInRange(0, len(node["inputs"]) - 1)]
            entry[fdp.ConsumeIntInRange(0, len(entry) - 1)] = fdp.PickValueInList(_ODD)
        elif what == 1:
            node["op"] = fdp.PickValueInList(_ODD + ["Convolution", "BatchNorm", "Concat", "_backward_sum"])
        elif what == 2:
            attrs = node.setdefault("attrs", {})
            key = fdp.PickValueInList(list(attrs) + ["num_hidden", "kernel", "num_args", "axis", "__shape__"])
            attrs[key] = fdp.PickValueInList(_ODD) if fdp.ConsumeBool() else fdp.ConsumeUnicodeNoSurrogates(10)
        elif what == 3:
            graph["heads"] = [[fdp.PickValueInList(_ODD), fdp.PickValueInList(_ODD), 0]]
        elif what == 4:
            graph["arg_nodes"] = [fdp.PickValueInList(_ODD)]
        elif what == 5:
            del nodes[fdp.ConsumeIntInRange(0, len(nodes) - 1):]
        else:
            node["inputs"] = [[fdp.ConsumeIntInRange(-2, 12), fdp.ConsumeIntInRange(-1, 3), 0]]
    return json.dumps(graph).encode()


def test_one_input(data):
    if data[:1] not in (b"{", b"[") and _BASES:  # JSON seeds and their mutants go in raw
        text = _structured(atheris.FuzzedDataProvider(data))
    else:
        text = data.replace(b"\0", b" ")  # a C string ends at NUL; the loader sees the rest
    sym = ffi.new("mxl_symbol*")
    if check_rc(lib.mxl_symbol_from_json(text, sym), "mxl_symbol_from_json"):
        try:
            exercise(sym[0])
        finally:
            check_rc(lib.mxl_symbol_free(sym[0]), "mxl_symbol_free")


if __name__ == "__main__":
    main(test_one_input)
