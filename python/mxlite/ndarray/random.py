"""mx.nd.random: sampling functions with MXNet's signatures (over the _random_* ops).
Other _random_* / _sample_* registry ops are added here at import, without prefix."""
from ..context import current_context
from .ndarray import NDArray, _call


def _sample(op, sample_op, params, shape, dtype, ctx, out, kwargs):
    if shape is not None:
        params["shape"] = shape
    if dtype is not None:
        params["dtype"] = dtype
    params.update(kwargs)
    if any(isinstance(v, NDArray) for v in params.values() if v is not shape):
        # Per-element distribution parameters: MXNet's sample_* ops.
        arrays = [v for v in params.values() if isinstance(v, NDArray)]
        rest = {k: v for k, v in params.items() if not isinstance(v, NDArray)}
        return _call(sample_op, *arrays, out=out, **rest)
    params["ctx"] = current_context() if ctx is None else ctx
    return _call(op, out=out, **params)


def uniform(low=0, high=1, shape=None, dtype=None, ctx=None, out=None, **kwargs):
    """Samples from U[low, high)."""
    return _sample("_random_uniform", "_sample_uniform", {"low": low, "high": high}, shape,
                   dtype, ctx, out, kwargs)


def normal(loc=0, scale=1, shape=None, dtype=None, ctx=None, out=None, **kwargs):
    """Samples from a normal distribution N(loc, scale**2)."""
    return _sample("_random_normal", "_sample_normal", {"loc": loc, "scale": scale}, shape,
                   dtype, ctx, out, kwargs)


def randint(low, high, shape=None, dtype=None, ctx=None, out=None, **kwargs):
    """Samples integers uniformly from [low, high)."""
    return _sample("_random_randint", None, {"low": low, "high": high}, shape, dtype, ctx,
                   out, kwargs)


def exponential(scale=1, shape=None, dtype=None, ctx=None, out=None, **kwargs):
    """Samples from an exponential distribution with mean `scale` (rate 1/scale)."""
    return _sample("_random_exponential", "_sample_exponential", {"lam": 1.0 / scale}, shape,
                   dtype, ctx, out, kwargs)


def gamma(alpha=1, beta=1, shape=None, dtype=None, ctx=None, out=None, **kwargs):
    """Samples from a gamma distribution with shape alpha and scale beta."""
    return _sample("_random_gamma", "_sample_gamma", {"alpha": alpha, "beta": beta}, shape,
                   dtype, ctx, out, kwargs)


def poisson(lam=1, shape=None, dtype=None, ctx=None, out=None, **kwargs):
    """Samples from a Poisson distribution with rate lam."""
    return _sample("_random_poisson", "_sample_poisson", {"lam": lam}, shape, dtype, ctx, out,
                   kwargs)


def randn(*shape, **kwargs):
    """Standard normal samples of the given shape: randn(2, 3)."""
    loc = kwargs.pop("loc", 0)
    scale = kwargs.pop("scale", 1)
    return normal(loc, scale, shape=shape or None, **kwargs)
