"""The documentation's pieces that need no Sphinx: the Python snippet of the
four-language example runs and learns, the page includes all four snippet files, and
the two reference generators cover every operator and every C ABI function.

The full documentation check (sphinx-build -W, the doctests, the R and JavaScript
snippets, the Julia snippet's static check) is docs/run_checks.sh.
"""
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS = os.path.join(ROOT, "docs")
SNIPPETS = ["mlp.py", "mlp.R", "mlp.js", "mlp.jl"]


def test_python_snippet_trains():
    r = subprocess.run([sys.executable, os.path.join(DOCS, "snippets", "mlp.py")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    accuracy = float(re.search(r"accuracy ([0-9.]+)", r.stdout).group(1))
    assert accuracy >= 0.9


def test_four_language_page_includes_every_snippet():
    page = open(os.path.join(DOCS, "four_languages.rst"), encoding="utf-8").read()
    included = re.findall(r"literalinclude:: snippets/(\S+)", page)
    assert included == SNIPPETS
    for name in SNIPPETS:
        assert os.path.isfile(os.path.join(DOCS, "snippets", name)), name


def _load(module):
    sys.path.insert(0, os.path.join(DOCS, "_ext"))
    try:
        return __import__(module)
    finally:
        sys.path.pop(0)


def test_c_api_reference_has_every_function_with_notes(tmp_path):
    pytest.importorskip("docutils")
    gen_capi = _load("gen_capi")
    header = os.path.join(ROOT, "capi", "include", "mxlite", "c_api.h")
    out = tmp_path / "c_api.rst"
    n = gen_capi.generate(header, str(out))
    declared = re.findall(r"^MXL_API\s+[^(]*?\b(mxl_\w+)\s*\(", open(header).read(), re.M)
    assert n == len(declared) > 50
    text = out.read_text()
    for name in declared:
        entry = re.search(r"^\.\. c:function:: [^\n]*\b%s\(.*?(?=^\.\. |\Z)" % name, text, re.M | re.S)
        assert entry, name
        assert ":Ownership:" in entry.group(0) and ":Errors:" in entry.group(0), name
    # a comment's own words are used where it has them
    assert "Takes ownership of t on success only." in text
    assert "caller frees with mxl_symbol_free" in text


def test_operator_reference_has_every_operator(tmp_path):
    pytest.importorskip("docutils")
    from mxlite import _ops
    gen_operators = _load("gen_operators")
    out = tmp_path / "operators.rst"
    n = gen_operators.generate(str(out))
    text = out.read_text()
    canonical = {_ops.get(name).name for name in _ops.op_names()}
    assert n == len(canonical)
    titles = set(re.findall(r"^(\S+)\n~+$", text, re.M))
    assert titles == canonical
    # parameters come with their type and default, required ones say so
    fc = text[text.index("\nFullyConnected\n"):]
    fc = fc[:fc.index("\n~~~", 30)]
    assert "``num_hidden``" in fc and "required" in fc and "``boolean``" in fc
