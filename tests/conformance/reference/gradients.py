"""Expected gradients, computed without mxlite.

By default the gradient of an operator is the central finite difference, in float64,
of its NumPy reference in cases.py. Where that is not the answer, this module says so:
operators whose output is piecewise constant (their gradient is zero by definition,
while a finite difference across a step is not), and loss layers, whose backward is the
gradient of the loss they stand for rather than of their forward output.
"""
import numpy as np

from . import ops, optimizers

# Outputs that are piecewise constant in the inputs: the registered gradient is zero.
ZERO_GRADIENT = {
    "sign", "floor", "ceil", "trunc", "fix", "round", "rint", "logical_not",
    "argmax", "argmin", "argmax_channel", "argsort", "zeros_like", "ones_like", "BlockGrad",
    "_equal", "_not_equal", "_greater", "_greater_equal", "_lesser", "_lesser_equal",
    "_logical_and", "_logical_or", "_logical_xor",
    "_equal_scalar", "_not_equal_scalar", "_greater_scalar", "_greater_equal_scalar",
    "_lesser_scalar", "_lesser_equal_scalar", "_logical_and_scalar", "_logical_or_scalar",
    "_logical_xor_scalar",
    "broadcast_equal", "broadcast_not_equal", "broadcast_greater", "broadcast_greater_equal",
    "broadcast_lesser", "broadcast_lesser_equal", "broadcast_logical_and",
    "broadcast_logical_or", "broadcast_logical_xor",
    "one_hot",  # its only input holds indices: their gradient is zero
}


def _scale(params):
    return float(params.get("grad_scale", 1.0))


# Loss layers: backward ignores the head gradient (the case gives none) and returns,
# for the data input only, the gradient of the loss: f(inputs, params) -> [grad of input 0].
LOSS_GRADIENT = {
    "SoftmaxOutput": lambda xs, p: [ops.softmax_output_grad(xs[0], xs[1], _scale(p))],
    "LinearRegressionOutput": lambda xs, p: [ops.regression_output_grad("linear", xs[0], xs[1], _scale(p))],
    "LogisticRegressionOutput": lambda xs, p: [ops.regression_output_grad("logistic", xs[0], xs[1], _scale(p))],
    "MAERegressionOutput": lambda xs, p: [ops.regression_output_grad("mae", xs[0], xs[1], _scale(p))],
    "MakeLoss": lambda xs, p: [np.full_like(xs[0], _scale(p))],
    "make_loss": lambda xs, p: [np.ones_like(xs[0])],
}

# Operators without a gradient: optimizer updates write their states in place.
NOT_DIFFERENTIABLE = set(optimizers.UPDATES) | set(optimizers.OTHER_UPDATES)
# Index arithmetic and selection ops registered without a gradient.
NOT_DIFFERENTIABLE |= {"_ravel_multi_index", "_unravel_index", "batch_take"}

# Operators differentiated outside training mode: Dropout is random in training (its
# gradient there is its mask), and the identity outside it.
NOT_TRAINING = {"Dropout"}

# Inputs that get no gradient although they are float: BatchNorm's moving statistics
# are auxiliary states, updated rather than differentiated.
NO_GRADIENT_INPUTS = {"BatchNorm": {3, 4}}


def finite_difference(f, xs, wrt, head_grads, eps=1e-6):
    """d(sum_k head_grads[k] * f(xs)[k]) / d xs[i] for i in wrt, by central differences.
    f returns one array or a list; xs are float64 where differentiated."""
    def weighted(vals):
        outs = f(*vals)
        outs = outs if isinstance(outs, (list, tuple)) else [outs]
        return sum(float((np.asarray(o, np.float64) * w).sum()) for o, w in zip(outs, head_grads))

    grads = []
    for i in wrt:
        g = np.zeros(xs[i].shape, np.float64)
        for k in np.ndindex(*xs[i].shape):
            step = eps * max(1.0, abs(float(xs[i][k])))
            plus = list(xs)
            minus = list(xs)
            plus[i] = xs[i].copy()
            minus[i] = xs[i].copy()
            plus[i][k] += step
            minus[i][k] -= step
            g[k] = (weighted(plus) - weighted(minus)) / (2 * step)
        grads.append(g.astype(xs[i].dtype))
    return grads


# Gradient notes of the op families with their own case modules (cases_<family>.py).
def _merge_extra_modules():
    from .cases import EXTRA_MODULES
    for m in EXTRA_MODULES:
        ZERO_GRADIENT.update(getattr(m, "ZERO_GRADIENT", ()))
        LOSS_GRADIENT.update(getattr(m, "LOSS_GRADIENT", {}))
        NOT_DIFFERENTIABLE.update(getattr(m, "NOT_DIFFERENTIABLE", ()))


_merge_extra_modules()
