"""NumPy references of the fused optimizer updates (sgd_update, adam_update, ...),
from the update rules in MXNet 1.9's operator documentation.

Each function takes the operator's inputs (weight, grad, states...) and its parameters
and returns [new_weight, new_state, ...]: the output, then every state input in input
order with the value the update leaves in it (the states are updated in place).
Arithmetic is float64, results in the inputs' dtypes.
"""
import numpy as np

F64 = np.float64


def _grad(grad, rescale_grad=1.0, clip_gradient=-1.0):
    g = grad.astype(F64) * rescale_grad
    return np.clip(g, -clip_gradient, clip_gradient) if clip_gradient >= 0 else g


def _clip(v, bound):
    return np.clip(v, -bound, bound) if bound >= 0 else v


def _like(values, refs):
    return [np.asarray(v).astype(r.dtype) for v, r in zip(values, refs)]


def sgd(weight, grad, lr, wd=0.0, rescale_grad=1.0, clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    return _like([w - lr * (_grad(grad, rescale_grad, clip_gradient) + wd * w)], [weight])


def sgd_mom(weight, grad, mom, lr, momentum=0.0, wd=0.0, rescale_grad=1.0, clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    m = momentum * mom.astype(F64) - lr * (_grad(grad, rescale_grad, clip_gradient) + wd * w)
    return _like([w + m, m], [weight, mom])


def nag_mom(weight, grad, mom, lr, momentum=0.0, wd=0.0, rescale_grad=1.0, clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    g = _grad(grad, rescale_grad, clip_gradient) + wd * w
    m = momentum * mom.astype(F64) - lr * g
    return _like([w + momentum * m - lr * g, m], [weight, mom])


def multi_precision(update):
    """mp_*: the update runs on the float32 master copy weight32 (last input) and the
    output is that copy cast to the weight's dtype."""
    def mp(weight, grad, *states, **params):
        *others, weight32 = states
        res = update(weight32, grad.astype(np.float32), *others, **params)
        new32 = res[0]
        return [new32.astype(weight.dtype)] + res[1:] + [new32]
    return mp


def adam(weight, grad, mean, var, lr, beta1=0.9, beta2=0.999, epsilon=1e-8, wd=0.0,
         rescale_grad=1.0, clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    g = _clip(grad.astype(F64) * rescale_grad + wd * w, clip_gradient)
    m = beta1 * mean.astype(F64) + (1 - beta1) * g
    v = beta2 * var.astype(F64) + (1 - beta2) * g * g
    return _like([w - lr * m / (np.sqrt(v) + epsilon), m, v], [weight, mean, var])


def rmsprop(weight, grad, n, lr, gamma1=0.95, epsilon=1e-8, wd=0.0, rescale_grad=1.0,
            clip_gradient=-1.0, clip_weights=-1.0, **_):
    w = weight.astype(F64)
    g = _clip(grad.astype(F64) * rescale_grad + wd * w, clip_gradient)
    n2 = (1 - gamma1) * g * g + gamma1 * n.astype(F64)
    return _like([_clip(w - lr * g / np.sqrt(n2 + epsilon), clip_weights), n2], [weight, n])


def rmspropalex(weight, grad, n, g_avg, delta, lr, gamma1=0.95, gamma2=0.9, epsilon=1e-8, wd=0.0,
                rescale_grad=1.0, clip_gradient=-1.0, clip_weights=-1.0, **_):
    w = weight.astype(F64)
    g = _clip(grad.astype(F64) * rescale_grad + wd * w, clip_gradient)
    n2 = (1 - gamma1) * g * g + gamma1 * n.astype(F64)
    ga = (1 - gamma1) * g + gamma1 * g_avg.astype(F64)
    d = gamma2 * delta.astype(F64) - lr * g / np.sqrt(n2 - ga * ga + epsilon)
    return _like([_clip(w + d, clip_weights), n2, ga, d], [weight, n, g_avg, delta])


def ftrl(weight, grad, z, n, lr, lamda1=0.01, beta=1.0, wd=0.0, rescale_grad=1.0,
         clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    g = _grad(grad, rescale_grad, clip_gradient)
    nd = n.astype(F64)
    z2 = z.astype(F64) + g - (np.sqrt(nd + g * g) - np.sqrt(nd)) * w / lr
    n2 = nd + g * g
    w2 = (np.sign(z2) * lamda1 - z2) / ((beta + np.sqrt(n2)) / lr + wd) * (np.abs(z2) > lamda1)
    return _like([w2, z2, n2], [weight, z, n])


def signsgd(weight, grad, lr, wd=0.0, rescale_grad=1.0, clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    return _like([(1 - lr * wd) * w - lr * np.sign(_grad(grad, rescale_grad, clip_gradient))], [weight])


def signum(weight, grad, mom, lr, momentum=0.0, wd=0.0, rescale_grad=1.0, clip_gradient=-1.0,
           wd_lh=0.0, **_):
    w = weight.astype(F64)
    m = momentum * mom.astype(F64) - (1 - momentum) * (_grad(grad, rescale_grad, clip_gradient) + wd * w)
    return _like([(1 - lr * wd_lh) * w + lr * np.sign(m), m], [weight, mom])


def ftml(weight, grad, d, v, z, lr, t, beta1=0.6, beta2=0.999, epsilon=1e-8, wd=0.0,
         rescale_grad=1.0, clip_grad=-1.0, **_):
    w = weight.astype(F64)
    g = _clip(grad.astype(F64) * rescale_grad + wd * w, clip_grad)
    v2 = beta2 * v.astype(F64) + (1 - beta2) * g * g
    d_t = (1 - beta1 ** t) / lr * (np.sqrt(v2 / (1 - beta2 ** t)) + epsilon)
    z2 = beta1 * z.astype(F64) + (1 - beta1) * g - (d_t - beta1 * d.astype(F64)) * w
    return _like([-z2 / d_t, d_t, v2, z2], [weight, d, v, z])


def adagrad(weight, grad, history, lr, epsilon=1e-7, wd=0.0, rescale_grad=1.0, clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    g = _grad(grad, rescale_grad, clip_gradient)
    h = history.astype(F64) + g * g
    return _like([w - lr * (g / np.sqrt(h + epsilon) + wd * w), h], [weight, history])


def adadelta(weight, grad, acc_g, acc_delta, rho=0.9, epsilon=1e-5, wd=0.0, rescale_grad=1.0,
             clip_gradient=-1.0, **_):
    w = weight.astype(F64)
    g = _grad(grad, rescale_grad, clip_gradient)
    ag = rho * acc_g.astype(F64) + (1 - rho) * g * g
    delta = np.sqrt(acc_delta.astype(F64) + epsilon) / np.sqrt(ag + epsilon) * g
    ad = rho * acc_delta.astype(F64) + (1 - rho) * delta * delta
    return _like([w - delta - wd * w, ag, ad], [weight, acc_g, acc_delta])


# operator -> (reference, indices of the inputs it updates in place)
UPDATES = {
    "sgd_update": (sgd, ()),
    "sgd_mom_update": (sgd_mom, (2,)),
    "nag_mom_update": (nag_mom, (2,)),
    "mp_sgd_update": (multi_precision(sgd), (2,)),
    "mp_sgd_mom_update": (multi_precision(sgd_mom), (2, 3)),
    "mp_nag_mom_update": (multi_precision(nag_mom), (2, 3)),
    "adam_update": (adam, (2, 3)),
    "rmsprop_update": (rmsprop, (2,)),
    "rmspropalex_update": (rmspropalex, (2, 3, 4)),
    "ftrl_update": (ftrl, (2, 3)),
    "signsgd_update": (signsgd, ()),
    "signum_update": (signum, (2,)),
    "ftml_update": (ftml, (2, 3, 4)),
    "_adagrad_update": (adagrad, (2,)),
    "_adadelta_update": (adadelta, (2, 3)),
}


def lamb_phase1(weight, grad, mean, var, t, wd, beta1=0.9, beta2=0.999, epsilon=1e-6,
                bias_correction=True, rescale_grad=1.0, clip_gradient=-1.0, **_):
    g = _grad(grad, rescale_grad, clip_gradient)
    m = beta1 * mean.astype(F64) + (1 - beta1) * g
    v = beta2 * var.astype(F64) + (1 - beta2) * g * g
    m_hat, v_hat = (m / (1 - beta1 ** t), v / (1 - beta2 ** t)) if bias_correction else (m, v)
    direction = m_hat / (np.sqrt(v_hat) + epsilon) + wd * weight.astype(F64)
    return _like([direction, m, v], [mean, mean, var])


def lamb_phase2(weight, g, r1, r2, lr, lower_bound=-1.0, upper_bound=-1.0, **_):
    r1 = float(r1.reshape(-1)[0])
    r2 = float(r2.reshape(-1)[0])
    if lower_bound > 0:
        r1 = max(r1, lower_bound)
    if upper_bound > 0:
        r1 = min(r1, upper_bound)
    ratio = 1.0 if r1 == 0 or r2 == 0 else r1 / r2
    return _like([weight.astype(F64) - lr * ratio * g.astype(F64)], [weight])


def adamw(weight, grad, mean, var, rescale_grad, lr, eta, beta1=0.9, beta2=0.999, epsilon=1e-8,
          wd=0.0, clip_gradient=-1.0, **_):
    rs = float(rescale_grad.reshape(-1)[0])
    if rs == 0 or not np.isfinite(rs):  # a skipped step: nothing changes
        return [weight.copy(), mean.copy(), var.copy()]
    w = weight.astype(F64)
    g = _grad(grad, rs, clip_gradient)
    m = beta1 * mean.astype(F64) + (1 - beta1) * g
    v = beta2 * var.astype(F64) + (1 - beta2) * g * g
    return _like([w - eta * (lr * m / (np.sqrt(v) + epsilon) + wd * w), m, v], [weight, mean, var])


def mp_lamb_phase1(weight, grad, mean, var, weight32, **params):
    """The float32 master copy takes the weight's place; g comes out float32."""
    return lamb_phase1(weight32, grad.astype(np.float32), mean, var, **params)


def mp_lamb_phase2(weight, g, r1, r2, weight32, **params):
    new32 = lamb_phase2(weight32, g, r1, r2, **params)[0]
    return [new32.astype(weight.dtype), new32]


def mp_adamw(weight, grad, mean, var, weight32, rescale_grad, **params):
    new32, m, v = adamw(weight32, grad.astype(np.float32), mean, var, rescale_grad, **params)
    return [new32.astype(weight.dtype), m, v, new32]


# Updates with inputs other than weight, gradient and states (norms, a rescale array) or
# without a learning rate: their cases are written out in cases.py.
# operator -> (reference, indices of the inputs it updates in place)
OTHER_UPDATES = {
    "lamb_update_phase1": (lamb_phase1, (2, 3)),
    "mp_lamb_update_phase1": (mp_lamb_phase1, (2, 3)),
    "lamb_update_phase2": (lamb_phase2, ()),
    "mp_lamb_update_phase2": (mp_lamb_phase2, (4,)),
    "_adamw_update": (adamw, (2, 3)),
    "_mp_adamw_update": (mp_adamw, (2, 3, 4)),
}
