"""mx.sym: symbols, and one function per registered operator (generated at import)."""
import types as _types

from .symbol import *  # noqa: F401,F403
from .symbol import Symbol, _register_ops

_internal = _types.ModuleType(__name__ + "._internal", "Operators whose names start with '_'.")
_register_ops(globals(), _internal)
