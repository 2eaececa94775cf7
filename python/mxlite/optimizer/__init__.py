"""mx.optimizer: optimizers, the Updater, create / register (MXNet 1.x interface)."""
from .optimizer import *  # noqa: F401,F403
from .optimizer import Optimizer, Updater, get_updater, create, register  # noqa: F401
