"""mx.sym: symbols, and one function per registered operator (generated at import)."""
import types as _types

from .symbol import *  # noqa: F401,F403
from .symbol import Symbol, _register_ops, _make_op
from . import random
from ._hist import histogram  # noqa: F401
from .. import _ops
from ..ndarray.register import SUBMODULE_PREFIXES as _SUBMODULE_PREFIXES

_internal = _types.ModuleType(__name__ + "._internal", "Operators whose names start with '_'.")
_register_ops(globals(), _internal)

# MXNet's sub-namespaces, as in mx.nd: _linalg_gemm2 is also mx.sym.linalg.gemm2 (named
# like MXNet's, "gemm20"); mx.sym.random has MXNet's samplers (symbol/random.py) and the
# other _random_* / _sample_* ops, named by operator as MXNet names them
# ("_random_uniform0").
linalg = _types.ModuleType(__name__ + ".linalg", "Operators registered as _linalg_*.")
contrib = _types.ModuleType(__name__ + ".contrib", "Operators registered as _contrib_*.")
image = _types.ModuleType(__name__ + ".image", "Operators registered as _image_*.")
_SUBMODULES = {"_linalg_": linalg, "_contrib_": contrib, "_random_": random, "_sample_": random, "_image_": image}
for _name in _ops.op_names():
    for _prefix in _SUBMODULE_PREFIXES:
        _short = _name[len(_prefix):]
        if _name.startswith(_prefix) and _short and not hasattr(_SUBMODULES[_prefix], _short):
            _by_op = _SUBMODULES[_prefix] is random
            setattr(_SUBMODULES[_prefix], _short, _make_op(_ops.get(_name), _name if _by_op else _short))
del _name, _prefix, _short, _by_op
