#!/usr/bin/env python3
"""Runs every conformance case (tests/conformance/cases/*.json) through the Python
binding's public API and prints `conformance: N passed, N failed`.

    python3 tests/conformance/runners/python.py [CASES_DIR] [-k SUBSTRING] [-v]

Operators are called through the generic path every binding has: the functions
generated from the registry, with every parameter as the string the case gives.
The format is described in tests/conformance/README.md.
"""
import glob
import json
import os
import sys
import tempfile
import traceback

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
try:
    import mxlite as mx
except ImportError:  # running from a checkout without PYTHONPATH
    sys.path.insert(0, os.path.join(REPO, "python"))
    import mxlite as mx

from mxlite.base import MXNetError  # noqa: E402


class CaseFailure(Exception):
    """The case ran, and its result is not the expected one."""


# ------------------------------------------------------------------ arrays
def decode(spec):
    """A case array as a NumPy array (exact bits)."""
    dtype = np.dtype(spec["dtype"])
    shape = tuple(spec["shape"])
    if "hex" in spec:
        data = np.frombuffer(bytes.fromhex(spec["hex"]), dtype=dtype.newbyteorder("<"))
        return data.astype(dtype).reshape(shape)
    return np.array(spec["values"], dtype=dtype).reshape(shape)


def to_nd(spec):
    a = decode(spec)
    return mx.nd.array(a, dtype=a.dtype)


def compare(what, got, spec, rtol, atol):
    """Raises CaseFailure unless got (NDArray or NumPy) matches the expected spec."""
    g = got.asnumpy() if isinstance(got, mx.nd.NDArray) else np.asarray(got)
    if g.dtype.name != spec["dtype"]:
        raise CaseFailure("%s: dtype %s, expected %s" % (what, g.dtype.name, spec["dtype"]))
    if list(g.shape) != list(spec["shape"]):
        raise CaseFailure("%s: shape %s, expected %s" % (what, list(g.shape), spec["shape"]))
    if "hex" not in spec and "values" not in spec:
        _check_properties(what, g, spec)
        return
    e = decode(spec)
    if g.dtype.kind in "iub":
        bad = g != e
    else:
        gd, ed = g.astype(np.float64), e.astype(np.float64)
        with np.errstate(invalid="ignore"):
            close = np.abs(gd - ed) <= atol + rtol * np.abs(ed)
        close |= (np.isnan(gd) & np.isnan(ed)) | (np.isinf(ed) & (gd == ed))
        bad = ~close
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        raise CaseFailure("%s: %d of %d values differ; first at %s: got %r, expected %r "
                          "(rtol %g, atol %g)" % (what, int(bad.sum()), bad.size, list(idx),
                                                  g[idx].item(), e[idx].item(), rtol, atol))


def _check_properties(what, g, spec):
    if "min" in spec and g.size and g.min() < spec["min"]:
        raise CaseFailure("%s: value %r below the minimum %r" % (what, g.min().item(), spec["min"]))
    if "max" in spec and g.size and g.max() > spec["max"]:
        raise CaseFailure("%s: value %r above the maximum %r" % (what, g.max().item(), spec["max"]))
    if spec.get("integral") and not np.all(np.floor(g) == g):
        raise CaseFailure("%s: values are not whole numbers" % what)


def check_error(err, spec, replacements=None):
    """err: the MXNetError raised (or None). Raises CaseFailure unless it matches."""
    if err is None:
        raise CaseFailure("expected %s, but the call succeeded" % spec["kind"])
    kind = getattr(err, "kind", type(err).__name__)
    msg = str(err)
    if kind != spec["kind"]:
        raise CaseFailure("error kind %s, expected %s (message: %s)" % (kind, spec["kind"], msg))
    for frag in spec.get("contains", []):
        for k, v in (replacements or {}).items():
            frag = frag.replace(k, v)
        if frag not in msg:
            raise CaseFailure("%s message lacks %r: %s" % (kind, frag, msg))


# ------------------------------------------------------------------ the generic op path
def op_function(name):
    """The registry-generated function for an op name (mx.nd.op or mx.nd._internal)."""
    f = getattr(mx.nd._internal, name, None) if name.startswith("_") else getattr(mx.nd.op, name, None)
    if f is None:
        raise CaseFailure("operator %r has no generated function in mx.nd" % name)
    return f


def invoke(name, inputs, params, out=None):
    """One call through the generic path: NDArray inputs, string parameters."""
    res = op_function(name)(*inputs, out=out, **params)
    return res if isinstance(res, list) else [res]


# ------------------------------------------------------------------ actions
def run_invoke(case):
    inputs = [to_nd(x) for x in case["inputs"]]
    if "expect_error" in case:
        err = None
        try:
            for o in invoke(case["op"], inputs, case["params"]):
                o.wait_to_read()
        except MXNetError as e:
            err = e
        check_error(err, case["expect_error"])
        return
    outs = invoke(case["op"], inputs, case["params"])
    exp = case["expect"]
    if len(outs) != len(exp["outputs"]):
        raise CaseFailure("%d outputs, expected %d" % (len(outs), len(exp["outputs"])))
    for i, (o, spec) in enumerate(zip(outs, exp["outputs"])):
        compare("output %d" % i, o, spec, exp["rtol"], exp["atol"])
    for upd in exp.get("updated_inputs", []):  # states written in place (optimizers)
        compare("input %d after the call" % upd["index"], inputs[upd["index"]], upd["value"],
                exp["rtol"], exp["atol"])


def run_grad(case):
    inputs = [to_nd(x) for x in case["inputs"]]
    wrt = case["grad_inputs"]
    for i in wrt:
        inputs[i].attach_grad()
    with mx.autograd.record(train_mode=case["is_train"]):
        outs = invoke(case["op"], inputs, case["params"])
    heads = case["head_grads"]
    if heads is None:
        mx.autograd.backward(outs, train_mode=case["is_train"])
    else:
        mx.autograd.backward(outs, [to_nd(h) for h in heads], train_mode=case["is_train"])
    exp = case["expect"]
    for i, spec in zip(wrt, exp["grads"]):
        compare("gradient of input %d" % i, inputs[i].grad, spec, exp["rtol"], exp["atol"])


def _shapes(lst):
    return [list(s) for s in lst]


def run_symbol(case):
    sym = mx.sym.load_json(case["json"])
    ex = None
    for n, step in enumerate(case["steps"]):
        where = "step %d (%s)" % (n, step["do"])
        do = step["do"]
        try:
            if do in ("list_arguments", "list_outputs", "list_auxiliary_states"):
                got = getattr(sym, do)()
                if got != step["expect"]:
                    raise CaseFailure("%s: %s, expected %s" % (where, got, step["expect"]))
            elif do == "infer_shape":
                try:
                    res = sym.infer_shape(**{k: tuple(v) for k, v in step["shapes"].items()})
                    err = None
                except MXNetError as e:
                    err = e
                if "expect_error" in step:
                    check_error(err, step["expect_error"])
                    continue
                if err is not None:
                    raise err
                got = dict(zip(("arg_shapes", "out_shapes", "aux_shapes"), (_shapes(r) for r in res)))
                if got != step["expect"]:
                    raise CaseFailure("%s: %s, expected %s" % (where, got, step["expect"]))
            elif do == "bind":
                ex = _bind(sym, step, where)
                if ex is None:
                    return  # an expected bind error ends the program
            elif do == "forward":
                outs = ex.forward(is_train=step["is_train"])
                exp = step["expect"]
                if len(outs) != len(exp["outputs"]):
                    raise CaseFailure("%s: %d outputs, expected %d" % (where, len(outs), len(exp["outputs"])))
                for i, (o, spec) in enumerate(zip(outs, exp["outputs"])):
                    compare("%s output %d" % (where, i), o, spec, exp["rtol"], exp["atol"])
                for name, spec in exp.get("aux", {}).items():
                    compare("%s aux %s" % (where, name), ex.aux_dict[name], spec, exp["rtol"], exp["atol"])
            elif do == "backward":
                heads = step["head_grads"]
                ex.backward(None if heads is None else [to_nd(h) for h in heads])
                exp = step["expect"]
                for name, spec in exp["grads"].items():
                    compare("%s gradient of %s" % (where, name), ex.grad_dict[name], spec,
                            exp["rtol"], exp["atol"])
                for name, spec in exp.get("aux", {}).items():
                    compare("%s aux %s" % (where, name), ex.aux_dict[name], spec, exp["rtol"], exp["atol"])
            else:
                raise CaseFailure("%s: unknown symbol step" % where)
        except MXNetError as e:
            raise CaseFailure("%s: unexpected %s: %s" % (where, getattr(e, "kind", "error"), e))


def _bind(sym, step, where):
    args = {k: to_nd(v) for k, v in step["args"].items()}
    aux = {k: to_nd(v) for k, v in step["aux"].items()}
    req = step["grad_req"]
    reqs = req if isinstance(req, dict) else {k: req for k in args}
    grads = {k: mx.nd.zeros(a.shape, dtype=a.dtype) for k, a in args.items() if reqs.get(k) != "null"}
    try:
        ex = sym.bind(mx.cpu(), args, args_grad=grads, grad_req=reqs, aux_states=aux)
        err = None
    except MXNetError as e:
        err = e
    if "expect_error" in step:
        check_error(err, step["expect_error"])
        return None
    if err is not None:
        raise CaseFailure("%s: unexpected %s: %s" % (where, err.kind, err))
    return ex


def run_engine(case):
    env = {k: to_nd(v) for k, v in case["arrays"].items()}
    for step in case["steps"]:  # issued without waiting: the engine orders them
        inputs = [env[n] for n in step["inputs"]]
        out = env.get(step["out"])
        res = invoke(step["op"], inputs, step["params"], out=out)
        if out is None:
            env[step["out"]] = res[0]
    exp = case["expect"]
    for name, spec in exp["arrays"].items():
        compare("array %s" % name, env[name], spec, exp["rtol"], exp["atol"])


def run_save_load(case):
    arrays = case["arrays"]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "arrays.params")
        if isinstance(arrays, dict):
            mx.nd.save(path, {k: to_nd(v) for k, v in arrays.items()})
        else:
            mx.nd.save(path, [to_nd(v) for v in arrays])
        loaded = mx.nd.load(path)
    _compare_loaded(loaded, arrays)


def _compare_loaded(loaded, expected):
    if isinstance(expected, dict):
        if not isinstance(loaded, dict):
            raise CaseFailure("loaded a list, expected named arrays")
        if list(loaded) != list(expected):
            raise CaseFailure("names %s, expected %s" % (list(loaded), list(expected)))
        pairs = [(k, loaded[k], expected[k]) for k in expected]
    else:
        if isinstance(loaded, dict):
            raise CaseFailure("loaded named arrays, expected a list")
        if len(loaded) != len(expected):
            raise CaseFailure("%d arrays, expected %d" % (len(loaded), len(expected)))
        pairs = [(str(i), a, e) for i, (a, e) in enumerate(zip(loaded, expected))]
    for name, got, spec in pairs:
        g = got.asnumpy()
        e = decode(spec)
        if g.dtype != e.dtype or g.shape != e.shape or g.tobytes() != e.tobytes():
            raise CaseFailure("array %s: %s %s differs from the expected %s %s (bit for bit)"
                              % (name, g.dtype, list(g.shape), e.dtype, list(e.shape)))


def run_load(case):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "file.params")
        if case["file_hex"] is not None:
            with open(path, "wb") as f:
                f.write(bytes.fromhex(case["file_hex"]))
        try:
            loaded = mx.nd.load(path)
            err = None
        except MXNetError as e:
            err = e
        if "expect_error" in case:
            check_error(err, case["expect_error"], {"<file>": path})
            return
        if err is not None:
            raise CaseFailure("unexpected %s: %s" % (err.kind, err))
        _compare_loaded(loaded, case["expect"]["arrays"])


ACTIONS = {"invoke": run_invoke, "grad": run_grad, "symbol": run_symbol, "engine": run_engine,
           "save_load": run_save_load, "load": run_load}


def run_case(case):
    """None when the case passes, else the reason it failed."""
    action = ACTIONS.get(case.get("action"))
    if action is None:
        return "unknown action %r" % case.get("action")
    try:
        action(case)
        return None
    except CaseFailure as e:
        return str(e)
    except MXNetError as e:
        return "unexpected %s: %s" % (getattr(e, "kind", "error"), e)
    except Exception as e:  # noqa: BLE001 -- a broken case is a failure, not a crash
        return "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc(limit=3))


def load_cases(cases_dir):
    cases = []
    for path in sorted(glob.glob(os.path.join(cases_dir, "*.json"))):
        with open(path) as f:
            cases.extend(json.load(f))
    return cases


def main(argv):
    cases_dir = os.path.join(HERE, "..", "cases")
    only = None
    verbose = False
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "-k":
            only = args.pop(0)
        elif a == "-v":
            verbose = True
        else:
            cases_dir = a
    cases = load_cases(cases_dir)
    if not cases:
        print("conformance: no cases in %s" % cases_dir)
        return 1
    passed = failed = 0
    for case in cases:
        if only and only not in case["id"]:
            continue
        reason = run_case(case)
        if reason is None:
            passed += 1
            if verbose:
                print("ok   %s" % case["id"])
        else:
            failed += 1
            print("FAIL %s: %s" % (case["id"], reason))
    mx.nd.waitall()
    print("conformance: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
