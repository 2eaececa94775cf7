"""Weight initializers (mx.init, also mx.initializer), as in MXNet 1.x.

An initializer is called with a parameter's name (or an InitDesc: the name plus the
variable's attributes) and the array to fill, in place:

    init = mx.init.Xavier(factor_type="in", magnitude=2.34)
    init(mx.init.InitDesc("fc1_weight"), arr)

Names decide what is filled, MXNet's rules: ``*_weight`` gets the initializer's
distribution, ``*_bias`` and ``*_beta`` 0, ``*_gamma`` 1, ``*moving_mean`` 0,
``*moving_var`` 1 (also ``*moving_inv_var`` / ``*moving_avg`` 0, ``*min`` 0,
``*max`` 1). A variable created with ``mx.sym.Variable(name, init=mx.init.One())``
carries an ``__init__`` attribute that overrides the rule for that parameter.
Random initializers draw from mxlite's generator (seeded by ``mx.random.seed``).
"""
import json
import re

import numpy as np

from . import ndarray as _nd
from . import registry as _registry
from .ndarray import NDArray

__all__ = ["InitDesc", "Initializer", "register", "alias", "create", "Load", "Mixed", "Zero",
           "One", "Constant", "Uniform", "Normal", "Orthogonal", "Xavier", "MSRAPrelu",
           "Bilinear", "LSTMBias"]

def create(init, **kwargs):
    """An Initializer from an instance (returned as is), a registered name
    ('xavier', 'zeros', ...) with keyword arguments, or the JSON that dumps() gives."""
    if isinstance(init, Initializer):
        if kwargs:
            raise ValueError("create: keyword arguments given with an Initializer instance")
        return init
    if not isinstance(init, str):
        raise TypeError("create: expected an Initializer, a name or its JSON, got %s"
                        % type(init).__name__)
    text = init.strip()
    if text.startswith("["):
        try:
            name, kw = json.loads(text)
        except (ValueError, TypeError) as e:
            raise ValueError("create: malformed initializer JSON %r (%s)" % (init, e)) from None
        kw = dict(kw)
        kw.update(kwargs)
        return create(name, **kw)
    return _registry.find(Initializer, "initializer", text)(**kwargs)


class InitDesc(str):
    """A parameter's name (it is a str) with the attributes of its variable.

    Parameters
    ----------
    name : str
    attrs : dict of str to str
        The variable's attributes, e.g. ``{'__init__': '["one", {}]'}``.
    global_init : Initializer
        The initializer the parameter falls back to (set on first use).
    """

    def __new__(cls, name, attrs=None, global_init=None):
        ret = super().__new__(cls, name)
        ret.attrs = attrs or {}
        ret.global_init = global_init
        return ret


# Name suffix -> what it gets, checked in this order (MXNet's rules).
_SUFFIX_RULES = (
    ("weight", "_init_weight"), ("bias", "_init_bias"), ("gamma", "_init_gamma"),
    ("beta", "_init_beta"), ("moving_mean", "_init_zero"), ("moving_var", "_init_one"),
    ("moving_inv_var", "_init_zero"), ("moving_avg", "_init_zero"), ("min", "_init_zero"),
    ("max", "_init_one"),
)


def _fill(arr, value):
    arr[:] = value


class Initializer(object):
    """Base class: applies the name rules; subclasses define _init_weight."""

    def __init__(self, **kwargs):
        self._kwargs = kwargs
        self._verbose = False
        self._print_func = None

    def set_verbosity(self, verbose=False, print_func=None):
        """Print a summary of each initialized array (print_func(arr) -> str, default
        its norm / sqrt(size))."""
        self._verbose = verbose
        if print_func is None:
            def print_func(x):
                return str((_nd.norm(x) / (x.size ** 0.5)).asscalar())
        self._print_func = print_func
        return self

    def _verbose_print(self, desc, init, arr):
        if self._verbose and self._print_func:
            import logging
            logging.info("Initialized %s as %s: %s", desc, init, self._print_func(arr))

    def dumps(self):
        """The JSON form, ``["name", {kwargs}]``, kept in a variable's ``__init__``."""
        return json.dumps([type(self).__name__.lower(), self._kwargs])

    def __repr__(self):
        args = ", ".join("%s=%r" % kv for kv in sorted(self._kwargs.items()))
        return "%s(%s)" % (type(self).__name__, args)

    def __call__(self, desc, arr):
        """Fills `arr` (an NDArray, in place) for the parameter `desc` (InitDesc or str)."""
        if not isinstance(arr, NDArray):
            raise TypeError("%s: expected an NDArray to fill for '%s', got %s"
                            % (type(self).__name__, desc, type(arr).__name__))
        if not isinstance(desc, InitDesc):
            desc = InitDesc(desc)
        if desc.global_init is None:
            desc.global_init = self
        spec = desc.attrs.get("__init__", "")
        if spec:
            # The variable's own initializer decides, for every name.
            init = create(spec)
            init._init_weight(desc, arr)
            self._verbose_print(desc, spec, arr)
            return
        if desc.startswith("upsampling") and desc.endswith("weight"):
            self._init_bilinear(desc, arr)
            return
        for suffix, method in _SUFFIX_RULES:
            if desc.endswith(suffix):
                getattr(self, method)(desc, arr)
                self._verbose_print(desc, method[1:], arr)
                return
        self._init_default(desc, arr)

    # ---- the fills; subclasses override _init_weight (and may override others)
    def _init_bilinear(self, _, arr):
        shape = arr.shape
        weight = np.zeros(int(np.prod(shape)), dtype=np.float32)
        f = np.ceil(shape[3] / 2.)
        c = (2 * f - 1 - f % 2) / (2. * f)
        for i in range(weight.size):
            x = i % shape[3]
            y = (i // shape[3]) % shape[2]
            weight[i] = (1 - abs(x / f - c)) * (1 - abs(y / f - c))
        _fill(arr, weight.reshape(shape))

    def _init_zero(self, _, arr):
        _fill(arr, 0.0)

    def _init_one(self, _, arr):
        _fill(arr, 1.0)

    def _init_bias(self, _, arr):
        _fill(arr, 0.0)

    def _init_gamma(self, _, arr):
        _fill(arr, 1.0)

    def _init_beta(self, _, arr):
        _fill(arr, 0.0)

    def _init_weight(self, name, arr):
        raise NotImplementedError("%s does not define _init_weight (needed for '%s')"
                                  % (type(self).__name__, name))

    def _init_default(self, name, _):
        raise ValueError(
            "Unknown initialization pattern for '%s'. Default initialization covers names ending "
            "in weight, bias, gamma (1.0), beta (0.0), moving_mean, moving_var, min and max; use "
            "mx.sym.Variable(name, init=mx.init.*) to choose one for other names." % name)


register = _registry.get_register_func(Initializer, "initializer")
alias = _registry.get_alias_func(Initializer, "initializer")


class Load(object):
    """Initializes from saved arrays: a dict of name -> NDArray (or numpy array), or
    a file name for mx.nd.load. ``arg:`` / ``aux:`` prefixes (checkpoint files) are
    dropped. Names not found go to `default_init`, or raise without one.
    """

    def __init__(self, param, default_init=None, verbose=False):
        if isinstance(param, str):
            param = _nd.load(param)
        if not isinstance(param, dict):
            raise TypeError("Load: param must be a dict of name -> array or a file name, got %s"
                            % type(param).__name__)
        self.param = {}
        for name, arr in param.items():
            if name.startswith("arg:") or name.startswith("aux:"):
                name = name[4:]
            self.param[name] = arr
        self.default_init = default_init
        self.verbose = verbose

    def __call__(self, name, arr):
        if name in self.param:
            src = self.param[name]
            if tuple(src.shape) != tuple(arr.shape):
                raise ValueError("Load: parameter '%s' cannot be initialized from the loaded "
                                 "array: target shape %s, loaded shape %s"
                                 % (name, tuple(arr.shape), tuple(src.shape)))
            _fill(arr, src.asnumpy() if isinstance(src, NDArray) else np.asarray(src))
            if self.verbose:
                import logging
                logging.info("Initialized %s by loading", name)
        elif self.default_init is not None:
            self.default_init(name, arr)
        else:
            raise ValueError("Load: cannot initialize '%s': not found in the loaded parameters "
                             "and no default_init was given" % name)


class Mixed(object):
    """Picks an initializer by the first regular expression the name matches:
    Mixed(['bias', '.*'], [mx.init.Zero(), mx.init.Uniform(0.1)])."""

    def __init__(self, patterns, initializers):
        if len(patterns) != len(initializers):
            raise ValueError("Mixed: %d patterns but %d initializers"
                             % (len(patterns), len(initializers)))
        self.map = list(zip([re.compile(p) for p in patterns], initializers))

    def __call__(self, name, arr):
        for prog, init in self.map:
            if prog.match(name):
                init(name, arr)
                return
        raise ValueError("Mixed: parameter name '%s' matches no pattern; add a '.*' pattern "
                         "with a default initializer at the end" % name)


@register
@alias("zeros")
class Zero(Initializer):
    """Fills with 0."""

    def __init__(self):
        super().__init__()

    def _init_weight(self, _, arr):
        _fill(arr, 0.0)


@register
@alias("ones")
class One(Initializer):
    """Fills with 1."""

    def __init__(self):
        super().__init__()

    def _init_weight(self, _, arr):
        _fill(arr, 1.0)


@register
class Constant(Initializer):
    """Fills with `value` (a scalar, or an array broadcast to the parameter's shape)."""

    def __init__(self, value):
        if isinstance(value, NDArray):
            value = value.asnumpy().tolist()
        elif isinstance(value, np.ndarray):
            value = value.tolist()
        super().__init__(value=value)
        self.value = value

    def _init_weight(self, _, arr):
        _fill(arr, np.broadcast_to(np.asarray(self.value, dtype=np.float64), arr.shape))


@register
class Uniform(Initializer):
    """Uniform samples in [-scale, scale)."""

    def __init__(self, scale=0.07):
        super().__init__(scale=scale)
        self.scale = scale

    def _init_weight(self, _, arr):
        _nd.random.uniform(-self.scale, self.scale, shape=arr.shape, dtype=arr.dtype,
                           ctx=arr.context, out=arr)


@register
class Normal(Initializer):
    """Normal samples with mean 0 and standard deviation sigma."""

    def __init__(self, sigma=0.01):
        super().__init__(sigma=sigma)
        self.sigma = sigma

    def _init_weight(self, _, arr):
        _nd.random.normal(0, self.sigma, shape=arr.shape, dtype=arr.dtype, ctx=arr.context,
                          out=arr)


@register
class Orthogonal(Initializer):
    """A scaled orthogonal matrix (Saxe et al., 2013): the parameter, viewed as
    (shape[0], prod(shape[1:])), gets orthonormal rows (or columns, whichever fit),
    times `scale`. rand_type: 'uniform' or 'normal' samples to orthogonalize."""

    def __init__(self, scale=1.414, rand_type="uniform"):
        if rand_type not in ("uniform", "normal"):
            raise ValueError("Orthogonal: rand_type must be 'uniform' or 'normal', got %r"
                             % (rand_type,))
        super().__init__(scale=scale, rand_type=rand_type)
        self.scale = scale
        self.rand_type = rand_type

    def _init_weight(self, name, arr):
        if len(arr.shape) < 2:
            raise ValueError("Orthogonal: '%s' has shape %s; it needs at least 2 dimensions"
                             % (name, tuple(arr.shape)))
        nout = arr.shape[0]
        nin = int(np.prod(arr.shape[1:]))
        if self.rand_type == "uniform":
            tmp = _nd.random.uniform(-1.0, 1.0, shape=(nout, nin)).asnumpy()
        else:
            tmp = _nd.random.normal(0.0, 1.0, shape=(nout, nin)).asnumpy()
        u, _, v = np.linalg.svd(tmp.astype(np.float64), full_matrices=False)
        res = u if u.shape == tmp.shape else v
        _fill(arr, (self.scale * res).reshape(arr.shape))


@register
class Xavier(Initializer):
    """Xavier / Glorot initialization: samples of scale sqrt(magnitude / factor), where
    factor is the fan-in, the fan-out or their average (fans include the kernel's
    spatial size: fan_in = shape[1] * prod(shape[2:]), fan_out = shape[0] * prod(shape[2:])).

    Parameters
    ----------
    rnd_type : {'uniform', 'gaussian'}
        Uniform in [-scale, scale], or normal with standard deviation scale.
    factor_type : {'avg', 'in', 'out'}
    magnitude : float
    """

    def __init__(self, rnd_type="uniform", factor_type="avg", magnitude=3):
        if rnd_type not in ("uniform", "gaussian"):
            raise ValueError("Xavier: rnd_type must be 'uniform' or 'gaussian', got %r" % (rnd_type,))
        if factor_type not in ("avg", "in", "out"):
            raise ValueError("Xavier: factor_type must be 'avg', 'in' or 'out', got %r"
                             % (factor_type,))
        super().__init__(rnd_type=rnd_type, factor_type=factor_type, magnitude=magnitude)
        self.rnd_type = rnd_type
        self.factor_type = factor_type
        self.magnitude = float(magnitude)

    def _init_weight(self, name, arr):
        shape = arr.shape
        if len(shape) < 2:
            raise ValueError("Xavier initializer cannot be applied to vector '%s' (shape %s): it "
                             "needs at least 2 dimensions" % (name, tuple(shape)))
        hw_scale = float(np.prod(shape[2:])) if len(shape) > 2 else 1.
        fan_in, fan_out = shape[1] * hw_scale, shape[0] * hw_scale
        factor = {"avg": (fan_in + fan_out) / 2.0, "in": fan_in, "out": fan_out}[self.factor_type]
        scale = np.sqrt(self.magnitude / factor)
        if self.rnd_type == "uniform":
            _nd.random.uniform(-scale, scale, shape=shape, dtype=arr.dtype, ctx=arr.context, out=arr)
        else:
            _nd.random.normal(0, scale, shape=shape, dtype=arr.dtype, ctx=arr.context, out=arr)


@register
class MSRAPrelu(Xavier):
    """He / MSRA initialization for PReLU nets: Xavier with gaussian samples and
    magnitude 2 / (1 + slope**2)."""

    def __init__(self, factor_type="avg", slope=0.25):
        super().__init__("gaussian", factor_type, 2. / (1 + slope ** 2))
        self._kwargs = {"factor_type": factor_type, "slope": slope}


@register
class Bilinear(Initializer):
    """Bilinear interpolation kernel (for Deconvolution upsampling weights)."""

    def __init__(self):
        super().__init__()

    def _init_weight(self, name, arr):
        self._init_bilinear(name, arr)


@register
class LSTMBias(Initializer):
    """LSTM bias: 0, except the forget gate's quarter, set to forget_bias
    (gate order i, f, c, o as in MXNet's LSTM cells)."""

    def __init__(self, forget_bias=1.0):
        super().__init__(forget_bias=forget_bias)
        self.forget_bias = forget_bias

    def _init_weight(self, name, arr):
        n = arr.shape[0]
        if n % 4:
            raise ValueError("LSTMBias: '%s' has %d rows, not a multiple of 4 gates" % (name, n))
        b = np.zeros(arr.shape, dtype=np.float64)
        b[n // 4:n // 2] = self.forget_bias
        _fill(arr, b)
