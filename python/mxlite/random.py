"""mx.random: seeding, and the samplers of mx.nd.random."""
from . import _lib
from .context import Context
from .ndarray.random import uniform, normal, randint  # noqa: F401


def seed(seed_state, ctx="all"):
    """Seeds the generators: of every device (ctx='all') or of one Context. Ops pushed
    afterwards draw a reproducible stream."""
    if not isinstance(seed_state, int):
        raise ValueError("seed_state must be int")
    if isinstance(ctx, str):
        if ctx != "all":
            raise ValueError("ctx must be 'all' or a Context, got %r" % ctx)
        _lib.check_call(_lib.lib.mxl_random_seed(seed_state, -1, 0))
    elif isinstance(ctx, Context):
        _lib.check_call(_lib.lib.mxl_random_seed(seed_state, ctx.device_typeid, ctx.device_id))
    else:
        raise TypeError("ctx must be 'all' or a Context, got %s" % type(ctx).__name__)
