#!/usr/bin/env python3
"""Regenerates tests/conformance/cases/*.json from the NumPy reference.

    python3 tests/conformance/generate.py [OUT_DIR]     (default: tests/conformance/cases)

Imports NumPy and reference/ only -- never mxlite: the expected values state what the
right answer is. Deterministic (every random input is seeded), so running it twice
gives identical files; commit them with the reference change that caused them.
The format is described in README.md.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from reference import cases as table  # noqa: E402
from reference import errors, gradients, programs  # noqa: E402
from reference.programs import param_string  # noqa: E402

CASES_DIR = os.path.join(HERE, "cases")
GRAD_TOL = {"rtol": 1e-4, "atol": 1e-5}
# Gradient cases per operator: the first few forward cases that can be differentiated.
GRAD_CASES_PER_OP = 2


# ------------------------------------------------------------------ encoding
def encode(a):
    """An array in the case format: float bits as little-endian hex, integers exact."""
    a = np.asarray(a)
    if a.dtype == np.bool_:
        return {"dtype": "bool", "shape": list(a.shape), "values": a.astype(int).ravel().tolist()}
    if a.dtype.kind == "f":
        le = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("<"))
        return {"dtype": a.dtype.name, "shape": list(a.shape), "hex": le.tobytes().hex()}
    if a.dtype.kind in "iu":
        return {"dtype": a.dtype.name, "shape": list(a.shape), "values": a.ravel().tolist()}
    raise TypeError("cannot encode dtype %s" % a.dtype)


def encode_params(op, params, num_inputs):
    out = {k: param_string(v) for k, v in params.items()}
    count = table.VARIADIC_COUNT.get(op)
    if count and count not in out:
        out[count] = str(num_inputs)
    return out


def as_list(x):
    return list(x) if isinstance(x, (list, tuple)) else [x]


# ------------------------------------------------------------------ operator cases
def registered_ops():
    """The case table's operators that the registry has (in table order)."""
    return [op for op, cs in table.OPS.items()
            if isinstance(cs, list) and op not in table.NOT_YET_REGISTERED]


def keyword_cases(op):
    """Forward cases whose parameters are all named (positional ones test a binding's
    calling convention, not the operator)."""
    return [c for c in table.OPS[op] if not c.args]


def forward_cases():
    out = []
    for op in registered_ops():
        for i, c in enumerate(keyword_cases(op)):
            exp = [np.asarray(e) for e in as_list(c.expected())]
            expect = {"outputs": [encode(e) for e in exp], "rtol": c.rtol, "atol": c.atol}
            if c.updates:
                expect["updated_inputs"] = [{"index": k, "value": encode(v)}
                                            for k, v in sorted(c.expected_updates().items())]
            out.append({"id": "forward/%s/%d" % (op, i), "action": "invoke", "op": op,
                        "params": encode_params(op, c.params, len(c.inputs)),
                        "inputs": [encode(x) for x in c.inputs], "expect": expect})
    for op, specs in table.RANDOM.items():
        for i, spec in enumerate(specs):
            params, dtype, shape, props = spec[:4]
            inputs = spec[4] if len(spec) > 4 else []  # per-element parameters (_sample_*)
            expect = dict({"dtype": dtype, "shape": list(shape)}, **props)
            out.append({"id": "forward/%s/%d" % (op, i), "action": "invoke", "op": op,
                        "params": encode_params(op, params, len(inputs)),
                        "inputs": [encode(x) for x in inputs],
                        "expect": {"outputs": [expect], "rtol": 0, "atol": 0}})
    return out


def _grad_inputs(op, inputs):
    skip = gradients.NO_GRADIENT_INPUTS.get(op, set())
    if op not in gradients.ZERO_GRADIENT:  # there, index inputs are checked to get zeros
        skip = skip | table.INDEX_INPUTS.get(op, set())
    return [i for i, x in enumerate(inputs) if x.dtype.kind == "f" and i not in skip]


def _differentiable_case(op, c):
    if not _grad_inputs(op, c.inputs):
        return False
    return all(np.asarray(e).dtype.kind == "f" for e in as_list(c.expected()))


def gradient_cases():
    rng = np.random.RandomState(1)
    out = []
    for op in registered_ops():
        if op in gradients.NOT_DIFFERENTIABLE:
            continue
        chosen = [c for c in keyword_cases(op) if _differentiable_case(op, c)][:GRAD_CASES_PER_OP]
        for i, c in enumerate(chosen):
            out.append(_gradient_case("gradient/%s/%d" % (op, i), op, c.inputs, c.params, c.ref, rng))
        if op == "BatchNorm":
            # In training BatchNorm normalizes with the batch's statistics.
            for i, c in enumerate(chosen):
                params = dict(c.params)
                fix = params.get("fix_gamma", True)
                eps = params.get("eps", 1e-3)

                def train_ref(x, g, b, m, v, fix=fix, eps=eps):
                    return table.ops.batchnorm_train(x, g, b, m, v, eps=eps, fix_gamma=fix)[0]
                out.append(_gradient_case("gradient/BatchNorm/train%d" % i, op, c.inputs, params,
                                          train_ref, rng, is_train=True))
    for op, specs in table.RANDOM_GRADIENT.items():  # written out: the outputs are random
        for i, (inputs, params, heads, grads) in enumerate(specs):
            out.append({"id": "gradient/%s/%d" % (op, i), "action": "grad", "op": op,
                        "params": encode_params(op, params, len(inputs)),
                        "inputs": [encode(x) for x in inputs],
                        "grad_inputs": [k for k, x in enumerate(inputs) if x.dtype.kind == "f"],
                        "is_train": True, "head_grads": [encode(h) for h in heads],
                        "expect": dict({"grads": [encode(g) for g in grads]}, **GRAD_TOL)})
    return out


def _gradient_case(case_id, op, inputs, params, ref, rng, is_train=None):
    if is_train is None:
        is_train = op not in gradients.NOT_TRAINING and op != "BatchNorm"
    zero = op in gradients.ZERO_GRADIENT
    # float64 so that finite differences are precise: every float input, indices too
    # (layers such as SoftmaxOutput want one dtype for all inputs). Piecewise-constant
    # ops keep their dtypes: their gradient is zero whatever the precision.
    xs = [x if zero or x.dtype.kind != "f" else x.astype(np.float64) for x in inputs]
    wrt = _grad_inputs(op, xs)
    outs = [np.asarray(o) for o in as_list(ref(*xs))]
    if op in gradients.LOSS_GRADIENT:
        head = None
        grads = gradients.LOSS_GRADIENT[op](xs, params)
        wrt = [0]
    else:
        head = [rng.uniform(0.5, 1.5, o.shape).astype(o.dtype) for o in outs]
        if zero:
            grads = [np.zeros_like(xs[i]) for i in wrt]
        else:
            grads = gradients.finite_difference(ref, xs, wrt, head)
    return {"id": case_id, "action": "grad", "op": op,
            "params": encode_params(op, params, len(xs)),
            "inputs": [encode(x) for x in xs], "grad_inputs": wrt, "is_train": is_train,
            "head_grads": None if head is None else [encode(h) for h in head],
            "expect": dict({"grads": [encode(g) for g in grads]}, **GRAD_TOL)}


def error_cases():
    out = []
    names = registered_ops() + list(table.RANDOM)
    for ec in errors.family_cases(set(names)):
        out.append(_error_case(ec))
    for op in registered_ops():
        c = keyword_cases(op)[0]
        out.append(_error_case(errors.unknown_param_case(op, c.inputs, c.params)))
        if len(c.inputs) == 1 and op not in table.VARIADIC_COUNT:
            out.append(_error_case(errors.no_input_case(op, c.params)))
    for op, specs in table.RANDOM.items():
        inputs = specs[0][4] if len(specs[0]) > 4 else []
        out.append(_error_case(errors.unknown_param_case(op, inputs, specs[0][0])))
    return out


def _error_case(ec):
    return {"id": "error/%s/%s" % (ec.op, ec.tag), "action": "invoke", "op": ec.op,
            "params": encode_params(ec.op, ec.params, len(ec.inputs)),
            "inputs": [encode(x) for x in ec.inputs],
            "expect_error": {"kind": ec.kind, "contains": ec.contains}}


# ------------------------------------------------------------------ programs
def _encode_expect(expect):
    out = {}
    for k, v in expect.items():
        if k in ("outputs",):
            out[k] = [encode(a) for a in v]
        elif k in ("grads", "aux", "arrays"):
            out[k] = {n: encode(a) for n, a in v.items()} if isinstance(v, dict) else [encode(a) for a in v]
        else:
            out[k] = v
    return out


def symbol_cases():
    out = []
    for name, (graph, steps) in programs.symbol_programs():
        enc = []
        for s in steps:
            s = dict(s)
            if s["do"] == "bind":
                s["args"] = {k: encode(v) for k, v in s["args"].items()}
                s["aux"] = {k: encode(v) for k, v in s["aux"].items()}
            if s.get("head_grads") is not None:
                s["head_grads"] = [encode(h) for h in s["head_grads"]]
            if "expect" in s and isinstance(s["expect"], dict):
                s["expect"] = _encode_expect(s["expect"])
            enc.append(s)
        out.append({"id": "symbol/" + name, "action": "symbol", "json": graph, "steps": enc})
    return out


def engine_cases():
    out = []
    for name, arrays, steps, result in programs.engine_programs():
        out.append({"id": "engine/" + name, "action": "engine",
                    "arrays": {k: encode(v) for k, v in arrays.items()},
                    "steps": [{"op": op, "params": {k: param_string(v) for k, v in p.items()},
                               "inputs": ins, "out": o} for op, p, ins, o in steps],
                    "expect": {"arrays": {k: encode(v) for k, v in result.items()},
                               "rtol": 0, "atol": 0}})
    return out


def io_cases():
    out = []
    for name, action, payload in programs.io_cases():
        case = {"id": "io/" + name, "action": action}
        if action == "save_load":
            arrays = payload["arrays"]
            case["arrays"] = ({k: encode(v) for k, v in arrays.items()} if isinstance(arrays, dict)
                              else [encode(v) for v in arrays])
            case["expect"] = {}
        else:
            case["file_hex"] = payload["file_hex"]
            if "expect" in payload:
                case["expect"] = _encode_expect(payload["expect"])
            else:
                case["expect_error"] = payload["expect_error"]
        out.append(case)
    return out


def main(argv):
    cases_dir = argv[0] if argv else CASES_DIR  # another folder: to compare with the committed files
    os.makedirs(cases_dir, exist_ok=True)
    files = {"forward": forward_cases(), "gradient": gradient_cases(), "error": error_cases(),
             "symbol": symbol_cases(), "engine": engine_cases(), "io": io_cases()}
    ids = [c["id"] for cs in files.values() for c in cs]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        sys.exit("generate.py: duplicate case ids: %s" % ", ".join(dup))
    for name, cs in files.items():
        path = os.path.join(cases_dir, name + ".json")
        with open(path + ".tmp", "w") as f:
            # One case per line: diffs show which cases changed.
            f.write("[\n" + ",\n".join(json.dumps(c) for c in cs) + "\n]\n")
        os.replace(path + ".tmp", path)
    print("generate.py: " + ", ".join("%s %d" % (k, len(v)) for k, v in files.items())
          + " cases in " + os.path.relpath(cases_dir))


if __name__ == "__main__":
    main(sys.argv[1:])
