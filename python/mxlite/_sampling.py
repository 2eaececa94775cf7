"""MXNet's sampling functions, defined once for mx.nd.random and mx.sym.random.

define(sample) returns the functions; sample(op, sample_op, params, shape, dtype, kwargs)
is the namespace's backend: op is the _random_* operator for scalar distribution
parameters, sample_op the _sample_* one MXNet uses when they are arrays or symbols
(None where MXNet has none), params the operator's parameters in MXNet's order.
"""


def define(sample):
    def uniform(low=0, high=1, shape=None, dtype=None, **kwargs):
        """Samples from U[low, high)."""
        return sample("_random_uniform", "_sample_uniform", {"low": low, "high": high}, shape, dtype, kwargs)

    def normal(loc=0, scale=1, shape=None, dtype=None, **kwargs):
        """Samples from a normal distribution N(loc, scale**2)."""
        return sample("_random_normal", "_sample_normal", {"loc": loc, "scale": scale}, shape, dtype, kwargs)

    def randint(low, high, shape=None, dtype=None, **kwargs):
        """Samples integers uniformly from [low, high)."""
        return sample("_random_randint", None, {"low": low, "high": high}, shape, dtype, kwargs)

    def exponential(scale=1, shape=None, dtype=None, **kwargs):
        """Samples from an exponential distribution with mean `scale` (rate 1/scale)."""
        return sample("_random_exponential", "_sample_exponential", {"lam": 1.0 / scale}, shape, dtype, kwargs)

    def gamma(alpha=1, beta=1, shape=None, dtype=None, **kwargs):
        """Samples from a gamma distribution with shape alpha and scale beta."""
        return sample("_random_gamma", "_sample_gamma", {"alpha": alpha, "beta": beta}, shape, dtype, kwargs)

    def poisson(lam=1, shape=None, dtype=None, **kwargs):
        """Samples from a Poisson distribution with rate lam."""
        return sample("_random_poisson", "_sample_poisson", {"lam": lam}, shape, dtype, kwargs)

    def negative_binomial(k=1, p=1, shape=None, dtype=None, **kwargs):
        """Samples the failures before k successes of probability p (as floats)."""
        return sample("_random_negative_binomial", "_sample_negative_binomial", {"k": k, "p": p},
                      shape, dtype, kwargs)

    def generalized_negative_binomial(mu=1, alpha=1, shape=None, dtype=None, **kwargs):
        """Samples a negative binomial with mean mu and dispersion alpha (as floats)."""
        return sample("_random_generalized_negative_binomial", "_sample_generalized_negative_binomial",
                      {"mu": mu, "alpha": alpha}, shape, dtype, kwargs)

    return {f.__name__: f for f in (uniform, normal, randint, exponential, gamma, poisson,
                                    negative_binomial, generalized_negative_binomial)}


def split_params(op, sample_op, params, shape, dtype, kwargs, is_tensor):
    """The operator parameters, and the distribution parameters given as arrays/symbols."""
    if shape is not None:
        params["shape"] = shape
    if dtype is not None:
        params["dtype"] = dtype
    params.update(kwargs)
    tensors = [v for v in params.values() if is_tensor(v)]
    if tensors:
        if sample_op is None:
            raise TypeError("%s: the distribution parameters must be numbers, got %s"
                            % (op, ", ".join(type(t).__name__ for t in tensors)))
        params = {k: v for k, v in params.items() if not is_tensor(v)}
    return params, tensors
