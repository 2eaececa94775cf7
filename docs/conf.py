"""Sphinx configuration of the mxlite documentation (built with `sphinx-build -W`).

The operator and C ABI references are generated here, at build time, into _generated/
(gitignored): the operators from the registry of the library named by MXLITE_LIBRARY
(through the Python binding), the C ABI from capi/include/mxlite/c_api.h's comments.
"""
import os
import sys

DOCS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOCS)
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, os.path.join(DOCS, "_ext"))

import gen_capi  # noqa: E402
import gen_operators  # noqa: E402

GENERATED = os.path.join(DOCS, "_generated")
os.makedirs(GENERATED, exist_ok=True)
gen_operators.generate(os.path.join(GENERATED, "operators.rst"))
gen_capi.generate(os.path.join(ROOT, "capi", "include", "mxlite", "c_api.h"),
                  os.path.join(GENERATED, "c_api.rst"))

project = "mxlite"
author = "the mxlite authors"
copyright = "the mxlite authors"  # noqa: A001 -- Sphinx's name for it

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx_design",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_generated", "snippets"]
root_doc = "index"

html_theme = "furo"
html_title = "mxlite"
html_static_path = []

# The Python API reference: NumPy-style docstrings; generated operator functions are
# documented once, in the operator reference, not again under every module.
napoleon_google_docstring = False
napoleon_numpy_docstring = True
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": True}
autodoc_typehints = "none"

# Every ``>>>`` example on the pages runs under `sphinx-build -b doctest`.
# Each page starts with fresh automatic-name counters, as in a new interpreter, so that
# the names it prints (_plusscalar0, fullyconnected0) do not depend on earlier pages.
doctest_global_setup = """
REPO_ROOT = %r
import numpy as np
import mxlite as mx
mx.name.NameManager._local.current = mx.name.NameManager()
mx._lib.lib.mxl_symbol_reset_names()
""" % ROOT
doctest_test_doctest_blocks = "default"
myst_heading_anchors = 3


def _fluent_method_docstring(lines):
    """NDArray/Symbol methods generated from an operator ("Same as mx.nd.X(self, ...)")
    point to the operator's one entry instead of repeating the registry text."""
    import re
    from mxlite import _ops
    m = re.match(r"Same as mx\.nd\.(\w+)\(self", lines[0]) if lines else None
    if not m or not _ops.exists(m.group(1)):
        return False
    canonical = _ops.get(m.group(1)).name
    lines[:] = ["Same as ``mx.nd.%s(self, ...)``: see :ref:`op-%s`." % (m.group(1), canonical.lower())]
    return True


def _guard_docstring(app, what, name, obj, options, lines):
    """Docstrings are written by many hands; one that is not valid reStructuredText is
    shown verbatim (a literal block) rather than failing the -W build."""
    import re
    import rst_text
    if _fluent_method_docstring(lines):
        return
    text = "\n".join(lines)
    # Sphinx roles (:class:`x`) are unknown to plain docutils: check their text only.
    if not rst_text.is_valid(re.sub(r":[\w:.-]+:`", "`", text)):
        lines[:] = ["::", ""] + ["   " + l for l in text.splitlines()]


def setup(app):
    # before napoleon (priority 500), which turns NumPy sections into RST
    app.connect("autodoc-process-docstring", _guard_docstring, priority=400)
