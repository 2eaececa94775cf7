"""mx.mod / mx.module: Module and the loops shared by modules."""
from .base_module import BaseModule  # noqa: F401
from .module import Module  # noqa: F401
