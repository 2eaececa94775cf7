"""mx.sym.random: MXNet's sampling functions for graphs, with mx.nd.random's signatures.

The nodes are named as MXNet names them, by operator (_random_uniform0). Other
_random_* / _sample_* registry ops are added here at import, without prefix."""
from .. import _sampling
from .symbol import Symbol as _Symbol, _call


def _sample(op, sample_op, params, shape, dtype, kwargs):
    name, attr = kwargs.pop("name", None), kwargs.pop("attr", None)
    params, symbols = _sampling.split_params(op, sample_op, params, shape, dtype, kwargs,
                                             lambda v: isinstance(v, _Symbol))
    if symbols:  # per-element distribution parameters: MXNet's sample_* ops
        return _call(sample_op, symbols, name=name, attr=attr, **params)
    return _call(op, [], name=name, attr=attr, **params)


globals().update(_sampling.define(_sample))  # uniform, normal, randint, exponential, gamma, poisson


def shuffle(data, **kwargs):
    """Randomly permutes data along its first axis when the graph runs."""
    return _call("_shuffle", [data], **kwargs)
