"""mxlite: an engine shaped like Apache MXNet 1.x. `import mxlite as mx`."""
import atexit as _atexit

# Re-exports: mx.MXNetError, mx.cpu(), mx.nd, mx.random, ...
from . import _lib
from . import base  # noqa: F401
from .base import MXNetError  # noqa: F401
from . import context  # noqa: F401
from .context import Context, cpu, gpu, cpu_pinned, current_context, num_gpus  # noqa: F401
from . import ndarray  # noqa: F401
from . import ndarray as nd  # noqa: F401
from . import random  # noqa: F401
from . import name  # noqa: F401
from . import attribute  # noqa: F401
from .attribute import AttrScope  # noqa: F401
from . import symbol  # noqa: F401
from . import symbol as sym  # noqa: F401
from . import executor  # noqa: F401
from . import autograd  # noqa: F401
from . import operator  # noqa: F401  (mx.operator: custom operators in Python)
ndarray.Custom = operator._custom_nd  # the core's Custom op, called MXNet's way (op_type=...)
from . import lr_scheduler  # noqa: F401
from . import optimizer  # noqa: F401
from . import initializer  # noqa: F401
from . import initializer as init  # noqa: F401  (mx.init, as in MXNet)
from . import metric  # noqa: F401
from . import io  # noqa: F401
from . import model  # noqa: F401
from . import callback  # noqa: F401
from . import module  # noqa: F401
from . import module as mod  # noqa: F401
from . import visualization  # noqa: F401
from . import visualization as viz  # noqa: F401
from . import kvstore  # noqa: F401
from . import kvstore as kv  # noqa: F401  (mx.kv, as in MXNet)

__version__ = "0.1.0"


def _shutdown():
    # Let pending work finish before the interpreter tears down; errors from it
    # have nowhere to go now.
    _lib.lib.mxl_waitall()


_atexit.register(_shutdown)
