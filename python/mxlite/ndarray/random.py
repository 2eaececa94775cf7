"""mx.nd.random: sampling functions with MXNet's signatures (over the _random_* ops).
Other _random_* / _sample_* registry ops are added here at import, without prefix."""
from ..context import current_context
from .ndarray import NDArray, _call
from .. import _sampling


def _sample(op, sample_op, params, shape, dtype, kwargs):
    ctx, out = kwargs.pop("ctx", None), kwargs.pop("out", None)
    params, arrays = _sampling.split_params(op, sample_op, params, shape, dtype, kwargs,
                                            lambda v: isinstance(v, NDArray))
    if arrays:  # per-element distribution parameters: MXNet's sample_* ops
        return _call(sample_op, *arrays, out=out, **params)
    params["ctx"] = current_context() if ctx is None else ctx
    return _call(op, out=out, **params)


globals().update(_sampling.define(_sample))  # uniform, normal, randint, exponential, gamma, poisson


def randn(*shape, **kwargs):
    """Standard normal samples of the given shape: randn(2, 3)."""
    loc = kwargs.pop("loc", 0)
    scale = kwargs.pop("scale", 1)
    return normal(loc, scale, shape=shape or None, **kwargs)  # noqa: F821 (defined above)


def shuffle(data, **kwargs):
    """Randomly permutes data along its first axis (a new array; mx.random.seed makes
    the permutation reproducible)."""
    return _call("_shuffle", data, **kwargs)
