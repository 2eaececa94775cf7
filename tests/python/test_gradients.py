"""Every differentiable registry operator against central finite differences (float64).

The inputs come from the forward cases in op_cases.py; the gradient is the registered
one, run through autograd (executors use the same FGradient). An op is left out only
with a reason in NOT_FINITE_DIFFERENCE, and the coverage test fails when a
differentiable op has neither a case nor a reason.
"""
import numpy as np
import pytest

import mxlite as mx
from mxlite import _ops
from mxlite._lib import ffi, lib

import op_cases

# Ops whose registered gradient is, by definition, not the derivative of the forward.
NOT_FINITE_DIFFERENCE = {
    "SoftmaxOutput": "loss layer: backward is the cross-entropy gradient, not d(softmax)",
    "LinearRegressionOutput": "loss layer: backward is (out - label), ignoring the head gradient",
    "LogisticRegressionOutput": "loss layer: backward is (out - label), ignoring the head gradient",
    "MAERegressionOutput": "loss layer: backward is sign(out - label)",
    "MakeLoss": "loss layer: backward is grad_scale, ignoring the head gradient",
    "SVMOutput": "loss layer: backward is the SVM loss gradient, ignoring the head gradient",
    "make_loss": "loss layer: backward is ones, ignoring the head gradient",
    "BlockGrad": "stops the gradient by definition",
    "Dropout": "random in training mode: checked against its mask in test_ops_nn (C++)",
    "one_hot": "its only input holds indices, which get no gradient",
    "_linalg_potrf": "reads A's lower triangle only, but its gradient (as MXNet's) is the one for symmetric A: "
                     "checked against a symmetrised reference by the conformance gradient cases",
    "_linalg_syevd": "reads A's lower triangle only, but its gradient (as MXNet's) is the one for symmetric A: "
                     "checked against a symmetrised reference by the conformance gradient cases",
    "_contrib_round_ste": "straight-through: the gradient passes unchanged (test_contrib.py, conformance)",
    "_contrib_sign_ste": "straight-through: the gradient passes unchanged (test_contrib.py, conformance)",
    "_contrib_gradientmultiplier": "identity forward, gradient times scalar (test_contrib.py, conformance)",
}
# Detection ops whose gradient MXNet defines as zero (box geometry and targets are not
# differentiated through); the conformance gradient cases check the zeros.
NOT_FINITE_DIFFERENCE.update({op: "zero gradient by definition, as in MXNet" for op in (
    "_contrib_box_iou", "_contrib_box_encode", "_contrib_box_decode", "_contrib_MultiBoxTarget",
    "_contrib_MultiBoxDetection")})


# Inputs that hold indices get no gradient (one list, shared with the conformance cases).
INDEX_INPUTS = op_cases.INDEX_INPUTS


def _flags(name):
    f = ffi.new("int*")
    lib.mxl_op_flags(_ops.get(name).handle, f)
    return f[0]


def _differentiable():
    """canonical name -> a registry name that has forward cases."""
    out = {}
    for name in op_cases.OPS:
        if name not in set(_ops.op_names()) or not isinstance(op_cases.OPS[name], list):
            continue
        if not _flags(name) & lib.MXL_OP_DIFFERENTIABLE or _flags(name) & lib.MXL_OP_RANDOM:
            continue
        out.setdefault(_ops.get(name).name, name)
    return out


DIFF = _differentiable()


def _func(name):
    f = getattr(mx.nd, name, None) if not name.startswith("_") else None
    return f or getattr(mx.nd._internal, name)


def _pick_case(name):
    """A case with a float input and a float output (a cast to int has no derivative)."""
    skip = INDEX_INPUTS.get(_ops.get(name).name, ())
    for case in op_cases.OPS[name]:
        if not any(np.asarray(x).dtype.kind == "f" for i, x in enumerate(case.inputs) if i not in skip):
            continue
        exp = case.expected()
        exp = exp[0] if isinstance(exp, list) else exp
        if any(np.asarray(x).dtype.kind == "f" for x in case.inputs) and np.asarray(exp).dtype.kind == "f":
            return case
    return None


@pytest.mark.parametrize("canonical", sorted(c for c in DIFF if c not in NOT_FINITE_DIFFERENCE))
def test_gradient_matches_finite_differences(canonical):
    name = DIFF[canonical]
    case = _pick_case(name)
    if case is None:
        pytest.fail("%s: no forward case with a float input to differentiate" % name)
    f = _func(name)
    xs = [np.asarray(x).astype(np.float64) if np.asarray(x).dtype.kind == "f" else np.asarray(x)
          for x in case.inputs]
    float_idx = [i for i, x in enumerate(xs)
                 if x.dtype.kind == "f" and i not in INDEX_INPUTS.get(canonical, ())]

    def forward(vals, record=False):
        arrs = [mx.nd.array(v, dtype=v.dtype) for v in vals]
        if record:
            for i in float_idx:
                arrs[i].attach_grad()
        with mx.autograd.record() if record else mx.autograd.train_mode():
            out = f(*arrs, *case.args, **case.params)
            out = out[0] if isinstance(out, list) else out
        return arrs, out

    arrs, out = forward(xs, record=True)
    w = np.random.RandomState(1).uniform(0.5, 1.5, out.shape)
    out.backward(mx.nd.array(w, dtype=out.dtype))
    eps = 1e-6
    for i in float_idx:
        got = arrs[i].grad.asnumpy()
        num = np.zeros_like(xs[i])
        for k in np.ndindex(*xs[i].shape):
            plus = [v.copy() for v in xs]
            minus = [v.copy() for v in xs]
            plus[i][k] += eps
            minus[i][k] -= eps
            fp = (forward(plus)[1].asnumpy() * w).sum()
            fm = (forward(minus)[1].asnumpy() * w).sum()
            num[k] = (fp - fm) / (2 * eps)
        np.testing.assert_allclose(got, num, rtol=1e-4, atol=1e-5,
                                   err_msg="%s: gradient of input %d" % (name, i))


def _sym_func(name):
    f = getattr(mx.sym, name, None) if not name.startswith("_") else None
    return f or getattr(mx.sym._internal, name)


# The executor builds its backward graph from the same FGradient as autograd, but through
# its own graph builder: every differentiable op is run both ways and must agree (but
# boolean_mask, whose output shape depends on values, which a bound symbol cannot have).
@pytest.mark.parametrize("canonical", sorted(c for c in DIFF if c not in ("Dropout", "one_hot",
                                                                          "_contrib_boolean_mask")))
def test_executor_gradient_matches_autograd(canonical):
    name = DIFF[canonical]
    case = _pick_case(name)
    if case is None:
        pytest.fail("%s: no forward case with a float input to differentiate" % name)
    xs = [np.asarray(x).astype(np.float64) if np.asarray(x).dtype.kind == "f" else np.asarray(x)
          for x in case.inputs]
    float_idx = [i for i, x in enumerate(xs)
                 if x.dtype.kind == "f" and i not in INDEX_INPUTS.get(canonical, ())]
    arrs = [mx.nd.array(v, dtype=v.dtype) for v in xs]
    for i in float_idx:
        arrs[i].attach_grad()
    with mx.autograd.record():
        out = _func(name)(*arrs, *case.args, **case.params)
        out = out[0] if isinstance(out, list) else out
    w = mx.nd.array(np.random.RandomState(2).uniform(0.5, 1.5, out.shape), dtype=out.dtype)
    out.backward(w)

    names = ["in%d" % i for i in range(len(xs))]
    sym = _sym_func(name)(*[mx.sym.Variable(n) for n in names], *case.args, **case.params)
    if len(sym.list_outputs()) > 1:
        sym = sym[0]
    aux_names = sym.list_auxiliary_states()
    args = {n: mx.nd.array(v, dtype=v.dtype) for n, v in zip(names, xs) if n not in aux_names}
    aux = {n: mx.nd.array(v, dtype=v.dtype) for n, v in zip(names, xs) if n in aux_names}
    grads = {names[i]: mx.nd.zeros(xs[i].shape, dtype=xs[i].dtype) for i in float_idx
             if names[i] not in aux_names}
    reqs = {n: ("write" if n in grads else "null") for n in args}
    ex = sym.bind(mx.cpu(), args, args_grad=grads, grad_req=reqs, aux_states=aux)
    ex.forward(is_train=True)
    np.testing.assert_allclose(ex.outputs[0].asnumpy(), out.asnumpy(), rtol=1e-6, atol=1e-8,
                               err_msg="%s: executor forward" % name)
    ex.backward(out_grads=w)
    for i in float_idx:
        if names[i] in grads:
            np.testing.assert_allclose(grads[names[i]].asnumpy(), arrs[i].grad.asnumpy(),
                                       rtol=1e-6, atol=1e-8,
                                       err_msg="%s: executor gradient of input %d" % (name, i))


def test_every_differentiable_op_is_checked():
    missing = []
    for name in _ops.op_names():
        fl = _flags(name)
        if not fl & lib.MXL_OP_DIFFERENTIABLE or fl & lib.MXL_OP_HIDDEN and name.startswith("_backward"):
            continue
        canonical = _ops.get(name).name
        if canonical in DIFF or canonical in NOT_FINITE_DIFFERENCE or fl & (lib.MXL_OP_RANDOM | lib.MXL_OP_CUSTOM):
            continue
        missing.append(name)
    assert not missing, "differentiable ops without a gradient check: %s" % sorted(set(missing))
