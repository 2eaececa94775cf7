"""mx.nd: NDArray and the imperative operators (generated from the registry)."""
from . import _internal, op, contrib, linalg, random
from . import register as _register
from . import ndarray as _ndarray
from .ndarray import *  # noqa: F401,F403
from .ndarray import NDArray  # noqa: F401
from ._hist import histogram  # noqa: F401

_FUNCS = _register.register_all(op, _internal, {"_contrib_": contrib, "_linalg_": linalg,
                                                "_random_": random, "_sample_": random})
_register.attach_methods(_FUNCS)
_ndarray._init_operator_tables()
# Public ops straight in mx.nd (hand-written functions above keep their names).
for _name, _f in vars(op).items():
    if not _name.startswith("_") and _name not in globals():
        globals()[_name] = _f
del _name, _f
