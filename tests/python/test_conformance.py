"""The conformance suite (tests/conformance) inside pytest: the registry against the
cases (a new operator without cases fails here), the committed cases against their
generator, and every case through the Python runner."""
import collections
import glob
import importlib.util
import json
import os
import subprocess
import sys

import pytest

from mxlite import _ops
from mxlite._lib import ffi, lib

CONFORMANCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "conformance"))


def _load_runner():
    """tests/conformance/runners/python.py, loaded by path (its name is not a package's)."""
    spec = importlib.util.spec_from_file_location("conformance_python_runner",
                                                  os.path.join(CONFORMANCE, "runners", "python.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


runner = _load_runner()


def _flags(name):
    f = ffi.new("int*")
    lib.mxl_op_flags(_ops.get(name).handle, f)
    return f[0]


def _is_internal_backward(name):
    """Backward operators exist for the gradients; the gradient cases check them."""
    return name.startswith("_backward_") or name.endswith("_backward")


def _registry():
    """Registered name -> canonical name, internal backward ops left out, and custom
    operators (MXL_OP_CUSTOM: what they compute is registered by each binding, whose
    own tests check them, e.g. tests/python/test_custom_op.py)."""
    return {n: _ops.get(n).name for n in _ops.op_names()
            if not _is_internal_backward(_ops.get(n).name) and not _flags(n) & lib.MXL_OP_CUSTOM}


CASES = runner.load_cases(os.path.join(CONFORMANCE, "cases"))


def _covered(action, predicate):
    """Canonical names of the ops that have a case of this action matching predicate."""
    names = _registry()
    return {names[c["op"]] for c in CASES
            if c["action"] == action and c.get("op") in names and predicate(c)}


def _missing(covered, wanted):
    missing = sorted(wanted - covered)
    return "; ".join("%s (names: %s)" % (c, ", ".join(sorted(n for n, k in _registry().items() if k == c)))
                     for c in missing)


def test_every_operator_has_forward_cases():
    covered = _covered("invoke", lambda c: "expect" in c)
    missing = _missing(covered, set(_registry().values()))
    assert not missing, "operators without forward conformance cases: " + missing


def test_every_differentiable_operator_has_gradient_cases():
    # An operator without inputs (creation, random sampling) has nothing to differentiate.
    wanted = {c for c in set(_registry().values())
              if _flags(c) & lib.MXL_OP_DIFFERENTIABLE and (_ops.get(c).inputs or _ops.get(c).variadic)}
    missing = _missing(_covered("grad", lambda c: True), wanted)
    assert not missing, "differentiable operators without gradient conformance cases: " + missing


def test_every_operator_has_an_error_case():
    missing = _missing(_covered("invoke", lambda c: "expect_error" in c), set(_registry().values()))
    assert not missing, "operators without an error conformance case: " + missing


def test_cases_name_registered_operators():
    names = _registry()
    unknown = sorted({c["op"] for c in CASES if "op" in c and c["op"] not in names})
    assert not unknown, "cases call operators the registry does not have: %s" % unknown


def test_case_ids_are_unique():
    dup = [i for i, n in collections.Counter(c["id"] for c in CASES).items() if n > 1]
    assert not dup


ITEMSIZE = {"float16": 2, "float32": 4, "float64": 8, "uint8": 1, "int8": 1, "int32": 4,
            "int64": 8, "bool": 1}
ACTIONS = {"invoke", "grad", "symbol", "engine", "save_load", "load"}


def _arrays(node):
    """Every array object (dtype + shape) inside a case, at any depth."""
    if isinstance(node, dict):
        if "dtype" in node and isinstance(node.get("shape"), list):  # not a params object
            yield node
        for v in node.values():
            yield from _arrays(v)
    elif isinstance(node, list):
        for v in node:
            yield from _arrays(v)


def test_cases_follow_the_documented_format():
    """What README.md promises every runner: known actions, expect xor expect_error, and
    arrays whose bytes or values fit their dtype and shape."""
    bad = []
    for c in CASES:
        if c.get("action") not in ACTIONS:
            bad.append("%s: action %r" % (c.get("id"), c.get("action")))
        if c["action"] != "symbol" and ("expect" in c) == ("expect_error" in c):
            bad.append("%s: needs exactly one of expect / expect_error" % c["id"])
        for a in _arrays(c):
            if a["dtype"] not in ITEMSIZE:
                bad.append("%s: dtype %r" % (c["id"], a["dtype"]))
                continue
            size = 1
            for d in a["shape"]:
                size *= d
            if "hex" in a:
                ok = a["dtype"].startswith("float") and len(a["hex"]) == 2 * size * ITEMSIZE[a["dtype"]]
            elif "values" in a:
                ok = not a["dtype"].startswith("float") and len(a["values"]) == size and \
                    all(isinstance(v, int) for v in a["values"])
            else:  # a property expectation (random operators)
                ok = set(a) <= {"dtype", "shape", "min", "max", "integral"}
            if not ok:
                bad.append("%s: malformed %s array of shape %s" % (c["id"], a["dtype"], a["shape"]))
    assert not bad, "\n".join(bad[:20])


def test_committed_cases_match_the_generator(tmp_path):
    """generate.py (NumPy only, never mxlite) reproduces the committed files exactly."""
    code = ("import runpy, sys; sys.argv = ['generate.py', %r]; "
            "runpy.run_path(%r, run_name='__main__'); "
            "assert 'mxlite' not in sys.modules, 'generate.py imported mxlite'"
            % (str(tmp_path), os.path.join(CONFORMANCE, "generate.py")))
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    committed = sorted(os.path.basename(p) for p in glob.glob(os.path.join(CONFORMANCE, "cases", "*.json")))
    assert sorted(os.listdir(tmp_path)) == committed
    stale = [n for n in committed
             if open(os.path.join(tmp_path, n)).read() != open(os.path.join(CONFORMANCE, "cases", n)).read()]
    assert not stale, ("cases/%s differ from what generate.py writes: run "
                       "python3 tests/conformance/generate.py and commit the result" % stale)


@pytest.mark.parametrize("kind", ["forward", "gradient", "error", "symbol", "engine", "io"])
def test_python_runner(kind):
    with open(os.path.join(CONFORMANCE, "cases", kind + ".json")) as f:
        cases = json.load(f)
    failures = [(c["id"], reason) for c in cases for reason in [runner.run_case(c)] if reason]
    assert not failures, "%d of %d %s cases failed:\n%s" % (
        len(failures), len(cases), kind, "\n".join("%s: %s" % f for f in failures))
