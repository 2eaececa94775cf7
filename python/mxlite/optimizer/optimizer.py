"""Optimizers (mx.optimizer), with MXNet 1.x's interface.

Every update is one fused core operator (sgd_mom_update, adam_update, ...) pushed to
the engine with out=weight: no per-element Python, and the call returns at once.
Optimizers keep per-parameter learning-rate / weight-decay multipliers (from
`set_lr_mult` / `set_wd_mult`, the `__lr_mult__` / `__wd_mult__` attributes of a
Symbol's variables, or by parameter index), an update count per index, and an
optional learning-rate scheduler.

    opt = mx.optimizer.create('sgd', learning_rate=0.1, momentum=0.9, wd=1e-4)
    updater = mx.optimizer.get_updater(opt)
    updater(0, grad, weight)          # weight updated in place
"""
import logging
import math
import os
import pickle
import warnings

import numpy as np

from .. import _ops
from ..ndarray import ndarray as _nd
from ..ndarray.ndarray import NDArray, zeros

__all__ = ["Optimizer", "SGD", "NAG", "Adam", "AdaGrad", "RMSProp", "AdaDelta", "Ftrl",
           "Signum", "FTML", "LAMB", "Updater", "get_updater", "create", "register"]


class _Fused:
    """A registry op called as f(inputs, out, **params) (out=weight for the updates, or
    None for a new array); the op handle is looked up once."""

    __slots__ = ("name", "_info")

    def __init__(self, name):
        self.name = name
        self._info = None

    def __call__(self, inputs, out, **params):
        info = self._info
        if info is None:
            info = self._info = _ops.get(self.name)
        return _nd.invoke(info, inputs, list(params), [_value_str(v) for v in params.values()], out)


_STR_CACHE = {}


def _value_str(v):
    """A parameter value as the op's string; hyper-parameters repeat from call to call,
    so their strings are remembered."""
    key = (type(v), v)  # the type too: True == 1 == 1.0 but their strings differ
    try:
        s = _STR_CACHE.get(key)
    except TypeError:  # unhashable (a list): not cached
        return _ops.param_str(v)
    if s is None:
        s = _ops.param_str(v)
        if len(_STR_CACHE) < 4096:
            _STR_CACHE[key] = s
    return s


_sgd_update = _Fused("sgd_update")
_sgd_mom_update = _Fused("sgd_mom_update")
_mp_sgd_update = _Fused("mp_sgd_update")
_mp_sgd_mom_update = _Fused("mp_sgd_mom_update")
_nag_mom_update = _Fused("nag_mom_update")
_multi_sgd_update = _Fused("multi_sgd_update")
_multi_sgd_mom_update = _Fused("multi_sgd_mom_update")
_multi_mp_sgd_update = _Fused("multi_mp_sgd_update")
_multi_mp_sgd_mom_update = _Fused("multi_mp_sgd_mom_update")
_mp_nag_mom_update = _Fused("mp_nag_mom_update")
_adam_update = _Fused("adam_update")
_adagrad_update = _Fused("_adagrad_update")
_adadelta_update = _Fused("_adadelta_update")
_rmsprop_update = _Fused("rmsprop_update")
_rmspropalex_update = _Fused("rmspropalex_update")
_ftrl_update = _Fused("ftrl_update")
_signsgd_update = _Fused("signsgd_update")
_signum_update = _Fused("signum_update")
_ftml_update = _Fused("ftml_update")
_lamb_phase1 = _Fused("lamb_update_phase1")
_lamb_phase2 = _Fused("lamb_update_phase2")
_mp_lamb_phase1 = _Fused("mp_lamb_update_phase1")
_mp_lamb_phase2 = _Fused("mp_lamb_update_phase2")
_norm = _Fused("norm")
_cast = _Fused("Cast")


def _is_f16(arr):
    return np.dtype(arr.dtype) == np.float16


class Optimizer(object):
    """Base class of all optimizers.

    Parameters
    ----------
    rescale_grad : float
        Gradients are multiplied by this first (often 1 / batch_size).
    param_idx2name : dict of int to str
        Parameter names by index: names not ending in ``_weight`` or ``_gamma`` get
        weight-decay multiplier 0, and lr/wd multipliers may be given by name.
    wd : float
        Weight decay (L2 regularization) coefficient.
    clip_gradient : float or None
        Clip the rescaled gradient to [-clip_gradient, clip_gradient] (None or a negative
        value: no clipping).
    learning_rate : float or None
        The learning rate; None takes lr_scheduler's base_lr, or 0.01 without one.
        Given with a scheduler, it overrides the scheduler's base_lr.
    lr_scheduler : LRScheduler or None
        Learning rate as a function of the update count.
    sym : Symbol or None
        Its variables' ``__lr_mult__`` / ``__wd_mult__`` attributes set multipliers.
    begin_num_update : int
        The update count to start from.
    multi_precision : bool
        For float16 weights, keep a float32 master copy and update that.
    param_dict : dict of int to Parameter-like objects with lr_mult / wd_mult, or None
    """

    opt_registry = {}

    def __init__(self, rescale_grad=1., param_idx2name=None, wd=0., clip_gradient=None,
                 learning_rate=None, lr_scheduler=None, sym=None, begin_num_update=0,
                 multi_precision=False, param_dict=None):
        self.rescale_grad = rescale_grad
        self.lr_scheduler = lr_scheduler
        if lr_scheduler is None and learning_rate is None:
            learning_rate = 0.01
        self.lr = learning_rate
        if lr_scheduler is not None and learning_rate is not None \
                and lr_scheduler.base_lr != learning_rate:
            warnings.warn("learning rate from ``lr_scheduler`` has been overwritten by "
                          "``learning_rate`` in optimizer.")
            lr_scheduler.base_lr = learning_rate
        self.wd = wd
        self.lr_mult = {}
        self.wd_mult = {}
        self.begin_num_update = begin_num_update
        self.num_update = begin_num_update
        self._all_index_update_counts = {0: {}}
        self._index_update_count = self._all_index_update_counts[0]
        if clip_gradient is not None and clip_gradient < 0:
            clip_gradient = None  # a negative bound means "no clipping", as in the fused ops
        self.clip_gradient = clip_gradient
        self.multi_precision = multi_precision
        self.aggregate_num = 0
        if param_idx2name is None:
            param_idx2name = {}
        if not isinstance(param_idx2name, dict):
            raise TypeError("param_idx2name must be a dict of parameter index to name, got %s"
                            % type(param_idx2name).__name__)
        self.idx2name = param_idx2name.copy()
        self.sym_info = (sym.attr_dict(), sym.list_arguments()) if sym is not None else ()
        self.param_dict = param_dict if param_dict else {}
        self.set_lr_mult({})
        self.set_wd_mult({})

    # ------------------------------------------------------------ registry
    @staticmethod
    def register(klass):
        """Class decorator: makes `klass` creatable by its lower-case name."""
        if not (isinstance(klass, type) and issubclass(klass, Optimizer)):
            raise TypeError("register: expected an Optimizer subclass, got %r" % (klass,))
        name = klass.__name__.lower()
        if name in Optimizer.opt_registry:
            warnings.warn("WARNING: New optimizer %s.%s is overriding existing optimizer %s.%s"
                          % (klass.__module__, klass.__name__,
                             Optimizer.opt_registry[name].__module__,
                             Optimizer.opt_registry[name].__name__))
        Optimizer.opt_registry[name] = klass
        return klass

    @staticmethod
    def create_optimizer(name, **kwargs):
        """An optimizer by (case-insensitive) registered name, e.g. 'sgd', 'adam'."""
        if not isinstance(name, str):
            raise TypeError("create_optimizer: name must be a str, got %s" % type(name).__name__)
        klass = Optimizer.opt_registry.get(name.lower())
        if klass is None:
            raise ValueError("Cannot find optimizer '%s'; registered optimizers: %s"
                             % (name, ", ".join(sorted(Optimizer.opt_registry))))
        return klass(**kwargs)

    # ------------------------------------------------------------ learning rate
    @property
    def learning_rate(self):
        """The current learning rate (the scheduler's at the current update count)."""
        if self.lr_scheduler is not None:
            return self.lr_scheduler(self.num_update)
        return self.lr

    def set_learning_rate(self, lr):
        """Sets the learning rate; not allowed when an lr_scheduler drives it."""
        if self.lr_scheduler is not None:
            raise UserWarning("LRScheduler of the optimizer has already been defined: "
                              "set_learning_rate works only without an lr_scheduler.")
        self.lr = lr

    def set_lr_scale(self, args_lrscale):  # noqa: ARG002 -- kept for old code
        """[Deprecated] Use set_lr_mult."""
        raise DeprecationWarning("set_lr_scale is deprecated: use set_lr_mult")

    def set_lr_mult(self, args_lr_mult):
        """Sets learning-rate multipliers: {parameter name or index: multiplier}.
        Replaces earlier ones; the symbol's ``__lr_mult__`` attributes are the defaults."""
        self.lr_mult = {}
        if self.sym_info:
            attrs, arg_names = self.sym_info
            for name in arg_names:
                if "__lr_mult__" in attrs.get(name, {}):
                    self.lr_mult[name] = float(attrs[name]["__lr_mult__"])
        self.lr_mult.update(args_lr_mult)

    def set_wd_mult(self, args_wd_mult):
        """Sets weight-decay multipliers: {parameter name or index: multiplier}.
        Defaults: 0 for named parameters not ending in ``_weight`` / ``_gamma`` (biases,
        BatchNorm's beta), then the symbol's ``__wd_mult__`` attributes."""
        self.wd_mult = {}
        for n in self.idx2name.values():
            if not (n.endswith("_weight") or n.endswith("_gamma")):
                self.wd_mult[n] = 0.0
        if self.sym_info:
            attrs, arg_names = self.sym_info
            for name in arg_names:
                if "__wd_mult__" in attrs.get(name, {}):
                    self.wd_mult[name] = float(attrs[name]["__wd_mult__"])
        self.wd_mult.update(args_wd_mult)

    def _set_current_context(self, device_id):
        """Update counts are kept per device (for multi-device training)."""
        self._index_update_count = self._all_index_update_counts.setdefault(device_id, {})

    def _update_count(self, index):
        """Counts one more update of `index` (an int or a list of them)."""
        counts = self._index_update_count
        for idx in (index if isinstance(index, (list, tuple)) else (index,)):
            c = counts.get(idx, self.begin_num_update) + 1
            counts[idx] = c
            if c > self.num_update:
                self.num_update = c

    def _mult(self, index, mults, attr):
        if self.param_dict:
            p = self.param_dict.get(index)
            if p is not None:
                return getattr(p, attr)
        if index in mults:
            return mults[index]
        name = self.idx2name.get(index)
        if name is not None:
            return mults.get(name, 1.0)
        return 1.0

    def _get_lrs(self, indices):
        return [self._get_lr(i) for i in indices]

    def _get_lr(self, index):
        """Learning rate of parameter `index`: the global one times its multiplier."""
        lr = self.lr_scheduler(self.num_update) if self.lr_scheduler is not None else self.lr
        return lr * self._mult(index, self.lr_mult, "lr_mult")

    def _get_wds(self, indices):
        return [self._get_wd(i) for i in indices]

    def _get_wd(self, index):
        """Weight decay of parameter `index`: the global one times its multiplier."""
        return self.wd * self._mult(index, self.wd_mult, "wd_mult")

    def _grad_kwargs(self):
        """rescale_grad and, when set, clip_gradient, as the fused ops take them."""
        kw = {"rescale_grad": self.rescale_grad}
        if self.clip_gradient is not None:
            kw["clip_gradient"] = self.clip_gradient
        return kw

    # ------------------------------------------------------------ states and updates
    def create_state(self, index, weight):
        """The auxiliary state(s) for one parameter (None, an NDArray or a tuple)."""
        return None

    def create_state_multi_precision(self, index, weight):
        """As create_state; with multi_precision and a float16 weight, the state is
        (float32 master copy, state of the master copy)."""
        if self.multi_precision and _is_f16(weight):
            master = weight.astype(np.float32)
            return (master, self.create_state(index, master))
        if _is_f16(weight) and not self.multi_precision:
            warnings.warn("Accumulating with float16 in optimizer can lead to poor accuracy or "
                          "slow convergence. Consider using multi_precision=True option of the "
                          "%s optimizer" % type(self).__name__)
        return self.create_state(index, weight)

    def update(self, index, weight, grad, state):
        """Updates `weight` (in place) from `grad` and the state; index may be a list
        (then weight, grad and state are lists too). Subclasses define
        _step(index, weight, grad, state) for one parameter, or override update."""
        step = getattr(self, "_step", None)
        if step is None:
            raise NotImplementedError("%s must define update() or _step()" % type(self).__name__)
        self._each(index, weight, grad, state, step)

    def update_multi_precision(self, index, weight, grad, state):
        """As update; with multi_precision and a float16 weight, updates the float32
        master copy with a float32 gradient and casts it back into the weight."""
        if isinstance(index, (list, tuple)):
            for i, w, g, s in zip(index, weight, grad, state):
                self.update_multi_precision(i, w, g, s)
            return
        if self.multi_precision and _is_f16(weight):
            master, inner = state
            self.update(index, master, grad.astype(np.float32), inner)
            _cast([master], weight, dtype=np.dtype(weight.dtype).name)
        else:
            self.update(index, weight, grad, state)

    def _each(self, index, weight, grad, state, fn):
        """Runs fn(i, w, g, s) for one parameter or for lists of them."""
        if isinstance(index, (list, tuple)):
            for i, w, g, s in zip(index, weight, grad, state):
                fn(i, w, g, s)
        else:
            fn(index, weight, grad, state)

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("param_dict", None)  # parameters are the trainer's, not the optimizer's
        return state

    def __setstate__(self, state):
        self.__dict__ = state
        self.param_dict = {}


register = Optimizer.register
create = Optimizer.create_optimizer


def _zeros_like(weight, dtype=None):
    return zeros(weight.shape, ctx=weight.context, dtype=dtype or weight.dtype)


@register
class SGD(Optimizer):
    """Stochastic gradient descent, with momentum and weight decay (fused
    sgd_update / sgd_mom_update; mp_* with multi_precision for float16 weights)::

        mom = momentum * mom - lr * (clip(rescale_grad * grad) + wd * weight)
        weight += mom

    Parameters
    ----------
    momentum : float
        The momentum value (0: plain SGD, no state).
    lazy_update : bool
        Accepted for compatibility (dense arrays only).
    """

    # The fused ops with a momentum state (NAG swaps in its own).
    _mom_update = _sgd_mom_update
    _mp_mom_update = _mp_sgd_mom_update

    def __init__(self, momentum=0.0, lazy_update=True, **kwargs):
        super().__init__(**kwargs)
        self.momentum = momentum
        self.lazy_update = lazy_update
        # As MXNet 1.9: an Updater given lists of parameters updates up to this many per
        # multi_(mp_)sgd(_mom)_update call (MXNET_OPTIMIZER_AGGREGATION_SIZE, default 4).
        self.aggregate_num = int(os.getenv("MXNET_OPTIMIZER_AGGREGATION_SIZE", "4"))

    def create_state(self, index, weight):
        return _zeros_like(weight) if self.momentum != 0.0 else None

    def create_state_multi_precision(self, index, weight):
        if self.multi_precision and _is_f16(weight):
            master = weight.astype(np.float32)
            return (self.create_state(index, master), master)
        return super().create_state_multi_precision(index, weight)

    def _step(self, index, weight, grad, state, multi_precision=False):
        self._update_count(index)
        kw = self._grad_kwargs()
        kw["lr"] = self._get_lr(index)
        kw["wd"] = self._get_wd(index)
        if multi_precision:
            mom, master = state
            if mom is not None:
                self._mp_mom_update([weight, grad, mom, master], weight, momentum=self.momentum, **kw)
            else:
                _mp_sgd_update([weight, grad, master], weight, **kw)
        elif state is not None:
            self._mom_update([weight, grad, state], weight, momentum=self.momentum, **kw)
        else:
            _sgd_update([weight, grad], weight, **kw)

    def update_multi_precision(self, index, weight, grad, state):
        if isinstance(index, (list, tuple)) and self._aggregates(weight, state):
            for k in range(0, len(index), self.aggregate_num):
                end = k + self.aggregate_num
                self._multi_step(index[k:end], weight[k:end], grad[k:end], state[k:end])
            return
        self._each(index, weight, grad, state, lambda i, w, g, s: self._step(
            i, w, g, s, self.multi_precision and _is_f16(w)))

    def _aggregates(self, weights, states):
        """Whether these parameters can share multi-weight calls: SGD's own update (not
        NAG's), one dtype and one device, all with or all without momentum."""
        if self.aggregate_num <= 1 or type(self)._mom_update is not _sgd_mom_update or len(weights) < 2:
            return False
        mp = self.multi_precision and _is_f16(weights[0])
        has_mom = [(s[0] if mp else s) is not None for s in states]
        return all(w.dtype == weights[0].dtype and w.context == weights[0].context for w in weights) and \
            all(has_mom) == any(has_mom)

    def _multi_step(self, indices, weights, grads, states):
        """One multi_(mp_)sgd(_mom)_update for these parameters: the same values as
        _step one at a time (the ops share sgd_update's per-element steps)."""
        self._update_count(indices)
        kw = self._grad_kwargs()
        kw["lrs"] = tuple(self._get_lr(i) for i in indices)
        kw["wds"] = tuple(self._get_wds(indices))
        kw["num_weights"] = len(indices)
        mp = self.multi_precision and _is_f16(weights[0])
        mom = (states[0][0] if mp else states[0]) is not None
        inputs = []
        for w, g, s in zip(weights, grads, states):
            inputs += [w, g]
            if mp:
                inputs += ([s[0]] if mom else []) + [s[1]]
            elif mom:
                inputs.append(s)
        if mom:
            kw["momentum"] = self.momentum
            op = _multi_mp_sgd_mom_update if mp else _multi_sgd_mom_update
        else:
            op = _multi_mp_sgd_update if mp else _multi_sgd_update
        op(inputs, list(weights), **kw)


@register
class NAG(SGD):
    """Nesterov accelerated gradient (fused nag_mom_update; mp_nag_mom_update with
    multi_precision; plain SGD without momentum)::

        g = clip(rescale_grad * grad) + wd * weight
        mom = momentum * mom - lr * g
        weight += momentum * mom - lr * g
    """

    _mom_update = _nag_mom_update
    _mp_mom_update = _mp_nag_mom_update

    def __init__(self, momentum=0.0, **kwargs):
        super().__init__(momentum=momentum, **kwargs)


@register
class Adam(Optimizer):
    """Adam (Kingma & Ba), fused adam_update. The bias correction is folded into
    the learning rate: lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t), t the
    parameter's update count.
    """

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
                 lazy_update=True, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.lazy_update = lazy_update

    def create_state(self, index, weight):
        return (_zeros_like(weight), _zeros_like(weight))  # mean, variance

    def _step(self, index, weight, grad, state):
        self._update_count(index)
        t = self._index_update_count[index]
        lr = self._get_lr(index) * math.sqrt(1. - self.beta2 ** t) / (1. - self.beta1 ** t)
        mean, var = state
        _adam_update([weight, grad, mean, var], weight, lr=lr, wd=self._get_wd(index),
                     beta1=self.beta1, beta2=self.beta2, epsilon=self.epsilon,
                     **self._grad_kwargs())


@register
class AdaGrad(Optimizer):
    """AdaGrad (Duchi et al.), fused _adagrad_update::

        g = clip(rescale_grad * grad); history += g**2
        weight -= lr * (g / sqrt(history + eps) + wd * weight)

    Parameters
    ----------
    eps : float
        Added to the history under the square root.
    """

    def __init__(self, eps=1e-7, **kwargs):
        super().__init__(**kwargs)
        self.float_stable_eps = eps

    def create_state(self, index, weight):
        return _zeros_like(weight)  # history

    def _step(self, index, weight, grad, state):
        self._update_count(index)
        _adagrad_update([weight, grad, state], weight, lr=self._get_lr(index),
                        wd=self._get_wd(index), epsilon=self.float_stable_eps, **self._grad_kwargs())


@register
class RMSProp(Optimizer):
    """RMSProp: Tieleman & Hinton's (rmsprop_update), or with centered=True Graves'
    centered version (rmspropalex_update).

    Parameters
    ----------
    gamma1 : float
        Decay of the mean square (and of the mean gradient when centered).
    gamma2 : float
        Momentum of the centered version.
    epsilon : float
        Added under the square root.
    centered : bool
        Use the centered version.
    clip_weights : float or None
        Clip weights to [-clip_weights, clip_weights] after each update.
    """

    def __init__(self, learning_rate=0.001, gamma1=0.9, gamma2=0.9, epsilon=1e-8,
                 centered=False, clip_weights=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.gamma1 = gamma1
        self.gamma2 = gamma2
        self.epsilon = epsilon
        self.centered = centered
        self.clip_weights = clip_weights

    def create_state(self, index, weight):
        if self.centered:
            return (_zeros_like(weight), _zeros_like(weight), _zeros_like(weight))  # n, g, delta
        return (_zeros_like(weight),)  # n

    def _step(self, index, weight, grad, state):
        self._update_count(index)
        kw = self._grad_kwargs()
        kw.update(lr=self._get_lr(index), wd=self._get_wd(index), gamma1=self.gamma1,
                  epsilon=self.epsilon)
        if self.clip_weights:
            kw["clip_weights"] = self.clip_weights
        if self.centered:
            _rmspropalex_update([weight, grad] + list(state), weight, gamma2=self.gamma2, **kw)
        else:
            _rmsprop_update([weight, grad, state[0]], weight, **kw)


@register
class AdaDelta(Optimizer):
    """AdaDelta (Zeiler), fused _adadelta_update; it uses no learning rate.

    Parameters
    ----------
    rho : float
        Decay rate of both accumulators.
    epsilon : float
        Added under the square roots.
    """

    def __init__(self, rho=0.90, epsilon=1e-5, **kwargs):
        super().__init__(**kwargs)
        self.rho = rho
        self.epsilon = epsilon

    def create_state(self, index, weight):
        return (_zeros_like(weight), _zeros_like(weight))  # accumulated g, accumulated delta

    def _step(self, index, weight, grad, state):
        self._update_count(index)
        acc_g, acc_delta = state
        _adadelta_update([weight, grad, acc_g, acc_delta], weight, wd=self._get_wd(index),
                         rho=self.rho, epsilon=self.epsilon, **self._grad_kwargs())


@register
class Ftrl(Optimizer):
    """FTRL-proximal (McMahan et al.), fused ftrl_update.

    Parameters
    ----------
    lamda1 : float
        L1 regularization strength.
    beta : float
        Per-coordinate learning-rate parameter.
    """

    def __init__(self, lamda1=0.01, learning_rate=0.1, beta=1, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.lamda1 = lamda1
        self.beta = beta

    def create_state(self, index, weight):
        return (_zeros_like(weight), _zeros_like(weight))  # z, n

    def _step(self, index, weight, grad, state):
        self._update_count(index)
        z, n = state
        _ftrl_update([weight, grad, z, n], weight, lr=self._get_lr(index), wd=self._get_wd(index),
                     lamda1=self.lamda1, beta=self.beta, **self._grad_kwargs())


@register
class Signum(Optimizer):
    """Signum (Bernstein et al.): the sign of a momentum (signum_update), or of the
    gradient when momentum is 0 (signsgd_update).

    Parameters
    ----------
    momentum : float
        Momentum decay.
    wd_lh : float
        Decoupled weight decay (Loshchilov & Hutter), applied to the weight directly.
    """

    def __init__(self, learning_rate=0.01, momentum=0.9, wd_lh=0.0, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.momentum = momentum
        self.wd_lh = wd_lh

    def create_state(self, index, weight):
        return _zeros_like(weight) if self.momentum != 0.0 else None

    def _step(self, index, weight, grad, state):
        self._update_count(index)
        kw = self._grad_kwargs()
        kw.update(lr=self._get_lr(index), wd=self._get_wd(index))
        if state is not None:
            _signum_update([weight, grad, state], weight, momentum=self.momentum,
                           wd_lh=self.wd_lh, **kw)
        else:
            _signsgd_update([weight, grad], weight, **kw)


@register
class FTML(Optimizer):
    """FTML, Follow the Moving Leader (Zheng & Kwok), fused ftml_update."""

    def __init__(self, beta1=0.6, beta2=0.999, epsilon=1e-8, **kwargs):
        super().__init__(**kwargs)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon

    def create_state(self, index, weight):
        return (_zeros_like(weight), _zeros_like(weight), _zeros_like(weight))  # d, v, z

    def _step(self, index, weight, grad, state):
        self._update_count(index)
        d, v, z = state
        kw = {"rescale_grad": self.rescale_grad}
        if self.clip_gradient is not None:
            kw["clip_grad"] = self.clip_gradient
        _ftml_update([weight, grad, d, v, z], weight, lr=self._get_lr(index),
                     wd=self._get_wd(index), beta1=self.beta1, beta2=self.beta2,
                     epsilon=self.epsilon, t=self._index_update_count[index], **kw)


@register
class LAMB(Optimizer):
    """LAMB (You et al., Large Batch Optimization for Deep Learning): Adam's direction
    scaled per parameter by the trust ratio ||weight|| / ||direction|| (fused
    lamb_update_phase1 / lamb_update_phase2, mp_* with multi_precision).

    Parameters
    ----------
    beta1, beta2, epsilon : float
        As in Adam.
    lower_bound, upper_bound : float or None
        Bounds for the weight norm in the trust ratio.
    bias_correction : bool
        Divide the moments by (1 - beta**t).
    """

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-6,
                 lower_bound=None, upper_bound=None, bias_correction=True, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound
        self.bias_correction = bias_correction

    def create_state(self, index, weight):
        return (_zeros_like(weight), _zeros_like(weight))  # mean, variance

    def _step(self, index, weight, grad, state, multi_precision=False):
        self._update_count(index)
        kw = self._grad_kwargs()
        kw.update(beta1=self.beta1, beta2=self.beta2, epsilon=self.epsilon,
                  bias_correction=self.bias_correction, t=self._index_update_count[index],
                  wd=self._get_wd(index))
        bounds = {}
        if self.lower_bound:
            bounds["lower_bound"] = self.lower_bound
        if self.upper_bound:
            bounds["upper_bound"] = self.upper_bound
        lr = self._get_lr(index)
        if multi_precision:
            master, (mean, var) = state
            g = _mp_lamb_phase1([weight, grad, mean, var, master], None, **kw)
            _mp_lamb_phase2([weight, g, _l2(master), _l2(g), master], weight, lr=lr, **bounds)
        else:
            mean, var = state
            g = _lamb_phase1([weight, grad, mean, var], None, **kw)
            _lamb_phase2([weight, g, _l2(weight), _l2(g)], weight, lr=lr, **bounds)

    def update_multi_precision(self, index, weight, grad, state):
        self._each(index, weight, grad, state, lambda i, w, g, s: self._step(
            i, w, g, s, self.multi_precision and _is_f16(w)))


def _l2(arr):
    """The L2 norm of an array, as a one-element array (computed by the engine)."""
    return _norm([arr], None)


# ------------------------------------------------------------------ Updater
_NO_STATE = object()  # "no entry yet" (None is a valid state: SGD without momentum)


class Updater(object):
    """Applies an optimizer to parameters by index, creating each parameter's state
    on its first update: updater(index, grad, weight)."""

    def __init__(self, optimizer):
        if not isinstance(optimizer, Optimizer):
            raise TypeError("Updater: expected an Optimizer, got %s" % type(optimizer).__name__)
        self.optimizer = optimizer
        self.states = {}
        self.states_synced = {}
        self.aggregate_updates = optimizer.aggregate_num > 0

    def __call__(self, index, grad, weight):
        """Updates weight (in place) with grad; index, grad and weight may be lists.
        With an optimizer that aggregates (aggregate_num > 0, e.g. SGD), lists are
        grouped by weight dtype and handed over together (as MXNet 1.9 does), so the
        optimizer can update several parameters per operator call."""
        if not isinstance(index, (list, tuple)):
            self._update_one(index, grad, weight)
        elif not self.aggregate_updates:
            for i, g, w in zip(index, grad, weight):
                self._update_one(i, g, w)
        else:
            by_dtype = {}
            for i, g, w in zip(index, grad, weight):
                self._state_for(i, g, w)
                by_dtype.setdefault(np.dtype(w.dtype), []).append((i, g, w))
            for group in by_dtype.values():
                idx, grads, weights = (list(x) for x in zip(*group))
                self.optimizer.update_multi_precision(idx, weights, grads, [self.states[i] for i in idx])

    def _update_one(self, index, grad, weight):
        state = self._state_for(index, grad, weight)
        self.optimizer.update_multi_precision(index, weight, grad, state)

    def _state_for(self, index, grad, weight):
        """index's state, created on its first update, moved to the weight's device
        after set_states."""
        state = self.states.get(index, _NO_STATE)
        if state is _NO_STATE:
            if not isinstance(weight, NDArray) or not isinstance(grad, NDArray):
                raise TypeError("Updater: grad and weight must be NDArrays, got %s and %s"
                                % (type(grad).__name__, type(weight).__name__))
            state = self.states[index] = self.optimizer.create_state_multi_precision(index, weight)
            self.states_synced[index] = True
        elif not self.states_synced[index]:
            state = self.states[index] = self.sync_state_context(state, weight.context)
            self.states_synced[index] = True
        return state

    def sync_state_context(self, state, context):
        """The state moved to `context` (the weight's), recursively for tuples."""
        if isinstance(state, NDArray):
            return state.as_in_context(context)
        if isinstance(state, (tuple, list)):
            synced = [self.sync_state_context(s, context) for s in state]
            return tuple(synced) if isinstance(state, tuple) else synced
        return state

    def set_states(self, states):
        """Restores states from get_states' bytes (and the optimizer, if it was dumped)."""
        loaded = pickle.loads(states)
        if isinstance(loaded, tuple) and len(loaded) == 2 and isinstance(loaded[1], Optimizer):
            self.states, self.optimizer = loaded
        else:
            self.states = loaded
        self.states_synced = dict.fromkeys(self.states, False)

    def get_states(self, dump_optimizer=False):
        """The states as bytes (pickle); with dump_optimizer also the optimizer."""
        return pickle.dumps((self.states, self.optimizer) if dump_optimizer else self.states)


def get_updater(optimizer):
    """An Updater for `optimizer`: updater(index, grad, weight)."""
    return Updater(optimizer)


