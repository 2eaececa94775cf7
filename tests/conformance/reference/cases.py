"""Forward cases for the registry operators, with their NumPy references.

The one table of forward cases: tests/python/test_ops.py and test_gradients.py use it
(through tests/python/op_cases.py), and tests/conformance/generate.py turns it into the
language-neutral cases. Pure NumPy: no mxlite import here, so the same table can be
checked against a reference MXNet 1.9 install (the expected values are MXNet's behaviour).

OPS maps an operator name (or one of its aliases) to a list of Case, and EXCLUDED
gives the reason for ops that have no forward case against NumPy.
"""
import numpy as np

from . import ops, optimizers

_rng = np.random.RandomState(0)


def U(*shape, lo=-2.0, hi=2.0, dtype=np.float32):
    return _rng.uniform(lo, hi, size=shape).astype(dtype)


def P(*shape, dtype=np.float32):
    """Positive values (for log, sqrt, ...)."""
    return _rng.uniform(0.5, 3.0, size=shape).astype(dtype)


def I(*shape, lo=-5, hi=6, dtype=np.int32):
    return _rng.randint(lo, hi, size=shape).astype(dtype)


class Case:
    """op(*inputs, **params) must equal ref(*inputs) (a list for multi-output ops).

    updates: indices of the inputs the op writes in place (optimizer states); ref then
    returns the outputs followed by those inputs' new values."""

    def __init__(self, inputs, params, ref, rtol=1e-5, atol=1e-6, args=(), updates=()):
        self.inputs = inputs
        self.params = params
        self.ref = ref
        self.rtol = rtol
        self.atol = atol
        self.args = args  # extra positional (parameter) arguments after the inputs
        self.updates = tuple(updates)

    def _results(self):
        return self.ref(*[np.array(x, copy=True) for x in self.inputs])

    def expected(self):
        r = self._results()
        if not self.updates:
            return r
        outs = r[:len(r) - len(self.updates)]
        return outs[0] if len(outs) == 1 else outs

    def expected_updates(self):
        """{input index: its value after the call} for the inputs written in place."""
        if not self.updates:
            return {}
        r = self._results()
        return dict(zip(self.updates, r[len(r) - len(self.updates):]))


def _cmp(f):
    return ops.same_dtype(lambda a, b: f(a, b))


def _unary(f, gen=U, dtype=np.float32, rtol=1e-5, atol=1e-6):
    return [Case([gen(3, 4)], {}, ops.same_dtype(f), rtol, atol),
            Case([gen(5).astype(np.float64)], {}, ops.same_dtype(f), rtol, atol)]


def _binary_elem(f, gen=U):
    return [Case([gen(2, 3), gen(2, 3)], {}, ops.same_dtype(f)),
            Case([gen(4).astype(np.float64), gen(4).astype(np.float64)], {}, ops.same_dtype(f))]


def _binary_bcast(f, gen=U):
    return [Case([gen(2, 3), gen(1, 3)], {}, ops.same_dtype(f)),
            Case([gen(4, 1, 5), gen(3, 1)], {}, ops.same_dtype(f)),
            Case([gen(2, 3), gen(2, 3)], {}, ops.same_dtype(f))]


def _scalar(f, s=1.5, gen=U):
    return [Case([gen(2, 3)], {"scalar": s}, ops.same_dtype(lambda x: f(x, np.float32(s)))),
            Case([I(6)], {"scalar": 3}, ops.same_dtype(lambda x: f(x, 3)))]


def _red(f, with_axis=True):
    """MXNet reductions: axis=None reduces all to shape (1,)."""
    cases = [Case([U(3, 4)], {}, ops.same_dtype(lambda x: np.asarray(f(x, axis=None)).reshape(1)),
                  1e-4, 1e-5)]
    if with_axis:
        cases += [Case([U(2, 3, 4)], {"axis": 1}, ops.same_dtype(lambda x: f(x, axis=1)), 1e-4, 1e-5),
                  Case([U(2, 3, 4)], {"axis": (0, 2), "keepdims": True},
                       ops.same_dtype(lambda x: f(x, axis=(0, 2), keepdims=True)), 1e-4, 1e-5),
                  Case([U(2, 3, 4)], {"axis": -1}, ops.same_dtype(lambda x: f(x, axis=-1)), 1e-4, 1e-5),
                  Case([U(2, 3, 4)], {"axis": 1, "exclude": True},
                       ops.same_dtype(lambda x: f(x, axis=(0, 2))), 1e-4, 1e-5)]
    return cases


def _arg(f):
    return [Case([U(3, 4)], {"axis": 1}, lambda x: f(x, axis=1).astype(np.float32)),
            Case([U(3, 4)], {"axis": 0, "keepdims": True},
                 lambda x: f(x, axis=0)[None, :].astype(np.float32)),
            Case([U(3, 4)], {}, lambda x: np.asarray(f(x)).reshape(1).astype(np.float32))]


_idx3 = np.array([2, 0, 1, 1], dtype=np.float32)

OPS = {
    # ---------------------------------------------------------- elementwise binary
    "elemwise_add": _binary_elem(np.add),
    "elemwise_sub": _binary_elem(np.subtract),
    "elemwise_mul": _binary_elem(np.multiply),
    "elemwise_div": _binary_elem(np.divide, gen=P),
    "_mod": _binary_elem(np.mod, gen=P),
    "_power": _binary_elem(np.power, gen=P),
    "_maximum": _binary_elem(np.maximum),
    "_minimum": _binary_elem(np.minimum),
    "_hypot": _binary_elem(np.hypot),
    "_equal": [Case([I(2, 3, lo=0, hi=3).astype(np.float32), I(2, 3, lo=0, hi=3).astype(np.float32)],
                    {}, _cmp(np.equal))],
    "_not_equal": [Case([I(2, 3, lo=0, hi=3).astype(np.float32), I(2, 3, lo=0, hi=3).astype(np.float32)],
                        {}, _cmp(np.not_equal))],
    "_greater": _binary_elem(np.greater),
    "_greater_equal": _binary_elem(np.greater_equal),
    "_lesser": _binary_elem(np.less),
    "_lesser_equal": _binary_elem(np.less_equal),
    "_logical_and": _binary_elem(np.logical_and),
    "_logical_or": _binary_elem(np.logical_or),
    "_logical_xor": _binary_elem(np.logical_xor),
    # ---------------------------------------------------------- broadcast binary
    "broadcast_add": _binary_bcast(np.add),
    "broadcast_sub": _binary_bcast(np.subtract),
    "broadcast_mul": _binary_bcast(np.multiply),
    "broadcast_div": _binary_bcast(np.divide, gen=P),
    "broadcast_mod": _binary_bcast(np.mod, gen=P),
    "broadcast_power": _binary_bcast(np.power, gen=P),
    "broadcast_maximum": _binary_bcast(np.maximum),
    "broadcast_minimum": _binary_bcast(np.minimum),
    "broadcast_hypot": _binary_bcast(np.hypot),
    "broadcast_equal": [Case([I(2, 3, lo=0, hi=3).astype(np.float32), I(1, 3, lo=0, hi=3).astype(np.float32)],
                             {}, _cmp(np.equal))],
    "broadcast_not_equal": [Case([I(2, 3, lo=0, hi=3).astype(np.float32), I(2, 1, lo=0, hi=3).astype(np.float32)],
                                 {}, _cmp(np.not_equal))],
    "broadcast_greater": _binary_bcast(np.greater),
    "broadcast_greater_equal": _binary_bcast(np.greater_equal),
    "broadcast_lesser": _binary_bcast(np.less),
    "broadcast_lesser_equal": _binary_bcast(np.less_equal),
    "broadcast_logical_and": _binary_bcast(np.logical_and),
    "broadcast_logical_or": _binary_bcast(np.logical_or),
    "broadcast_logical_xor": _binary_bcast(np.logical_xor),
    # ---------------------------------------------------------- scalar
    "_plus_scalar": _scalar(np.add),
    "_minus_scalar": _scalar(np.subtract),
    "_rminus_scalar": _scalar(lambda x, s: s - x),
    "_mul_scalar": _scalar(np.multiply),
    "_div_scalar": [Case([U(2, 3)], {"scalar": 4.0}, ops.same_dtype(lambda x: x / np.float32(4.0)))],
    "_rdiv_scalar": [Case([P(2, 3)], {"scalar": 2.0}, ops.same_dtype(lambda x: np.float32(2.0) / x))],
    "_mod_scalar": [Case([U(2, 3, lo=-5, hi=5)], {"scalar": 2.0}, ops.same_dtype(lambda x: np.mod(x, 2))),
                    Case([I(6)], {"scalar": 4}, ops.same_dtype(lambda x: np.mod(x, 4)))],
    "_rmod_scalar": [Case([P(2, 3)], {"scalar": 5.0}, ops.same_dtype(lambda x: np.mod(np.float32(5), x)))],
    "_power_scalar": [Case([P(2, 3)], {"scalar": 2.5}, ops.same_dtype(lambda x: x ** np.float32(2.5)), 1e-5),
                      Case([I(6)], {"scalar": 2}, ops.same_dtype(lambda x: x ** 2))],
    "_rpower_scalar": [Case([U(2, 3)], {"scalar": 2.0}, ops.same_dtype(lambda x: np.float32(2.0) ** x), 1e-5)],
    "_maximum_scalar": _scalar(np.maximum),
    "_minimum_scalar": _scalar(np.minimum),
    "_hypot_scalar": [Case([U(2, 3)], {"scalar": 1.5}, ops.same_dtype(lambda x: np.hypot(x, np.float32(1.5))))],
    "_equal_scalar": [Case([I(6, lo=0, hi=3).astype(np.float32)], {"scalar": 1}, ops.same_dtype(lambda x: x == 1))],
    "_not_equal_scalar": [Case([I(6, lo=0, hi=3).astype(np.float32)], {"scalar": 1},
                               ops.same_dtype(lambda x: x != 1))],
    "_greater_scalar": _scalar(np.greater),
    "_greater_equal_scalar": [Case([I(6, lo=0, hi=3)], {"scalar": 1}, ops.same_dtype(lambda x: x >= 1)),
                              Case([U(2, 3)], {"scalar": 0.25}, ops.same_dtype(lambda x: x >= 0.25))],
    "_lesser_scalar": _scalar(np.less),
    "_lesser_equal_scalar": [Case([I(6, lo=0, hi=3)], {"scalar": 1}, ops.same_dtype(lambda x: x <= 1)),
                             Case([U(2, 3)], {"scalar": 0.25}, ops.same_dtype(lambda x: x <= 0.25))],
    "_logical_and_scalar": _scalar(np.logical_and),
    "_logical_or_scalar": _scalar(np.logical_or),
    "_logical_xor_scalar": _scalar(np.logical_xor),
    # ---------------------------------------------------------- unary
    "relu": _unary(lambda x: np.maximum(x, 0)),
    "sigmoid": _unary(lambda x: 1 / (1 + np.exp(-x))),
    "softsign": _unary(lambda x: x / (1 + np.abs(x))),
    "exp": _unary(np.exp),
    "expm1": _unary(np.expm1),
    "log": _unary(np.log, gen=P),
    "log2": _unary(np.log2, gen=P),
    "log10": _unary(np.log10, gen=P),
    "log1p": _unary(np.log1p, gen=P),
    "sqrt": _unary(np.sqrt, gen=P),
    "rsqrt": _unary(lambda x: 1 / np.sqrt(x), gen=P),
    "cbrt": _unary(np.cbrt),
    "rcbrt": _unary(lambda x: 1 / np.cbrt(x), gen=P),
    "square": _unary(np.square),
    "reciprocal": _unary(np.reciprocal, gen=P),
    "abs": _unary(np.abs) + [Case([I(6)], {}, np.abs)],
    "sign": _unary(np.sign) + [Case([I(6)], {}, np.sign)],
    "negative": _unary(np.negative) + [Case([I(6)], {}, np.negative)],
    "sin": _unary(np.sin), "cos": _unary(np.cos), "tan": _unary(np.tan),
    "arcsin": _unary(np.arcsin, gen=lambda *s: U(*s, lo=-0.9, hi=0.9)),
    "arccos": _unary(np.arccos, gen=lambda *s: U(*s, lo=-0.9, hi=0.9)),
    "arctan": _unary(np.arctan),
    "sinh": _unary(np.sinh), "cosh": _unary(np.cosh), "tanh": _unary(np.tanh),
    "arcsinh": _unary(np.arcsinh),
    "arccosh": _unary(np.arccosh, gen=lambda *s: U(*s, lo=1.1, hi=4.0)),
    "arctanh": _unary(np.arctanh, gen=lambda *s: U(*s, lo=-0.9, hi=0.9)),
    "degrees": _unary(np.degrees), "radians": _unary(np.radians),
    "floor": _unary(np.floor), "ceil": _unary(np.ceil), "trunc": _unary(np.trunc),
    "fix": _unary(np.fix),
    "round": _unary(ops.round_half_away) + [Case([np.array([0.5, 1.5, -0.5, 2.5, -2.5], np.float32)],
                                              {}, ops.round_half_away)],
    "rint": _unary(np.rint),
    "erf": [Case([np.array([-1.0, -0.3, 0.0, 0.5, 2.0], np.float32)], {}, ops.erf, 1e-5)],
    "gamma": [Case([np.array([0.5, 1.0, 2.5, 4.0], np.float32)], {}, ops.gamma, 1e-5)],
    "gammaln": [Case([np.array([0.5, 1.0, 2.5, 4.0], np.float32)], {}, ops.gammaln, 1e-5)],
    "logical_not": _unary(lambda x: np.logical_not(x)),
    "_copy": _unary(lambda x: x.copy()),
    "zeros_like": _unary(np.zeros_like),
    "ones_like": _unary(np.ones_like),
    "softmax": [Case([U(3, 4)], {}, ops.softmax, 1e-5),
                Case([U(3, 4)], {"axis": 0}, lambda x: ops.softmax(x, axis=0), 1e-5),
                Case([U(3, 4)], {"temperature": 2.0}, lambda x: ops.softmax(x, temperature=2.0), 1e-5)],
    "log_softmax": [Case([U(3, 4)], {}, lambda x: np.log(ops.softmax(x)), 1e-5, 1e-5)],
    "softmin": [Case([U(3, 4)], {}, lambda x: ops.softmax(-x), 1e-5)],
    "Cast": [Case([U(2, 3, lo=-3, hi=3)], {"dtype": "int32"}, lambda x: x.astype(np.int32)),
             Case([U(2, 3)], {"dtype": "float64"}, lambda x: x.astype(np.float64)),
             Case([I(4)], {"dtype": "float64"}, lambda x: x.astype(np.float64))],
    "clip": [Case([U(3, 4)], {"a_min": -0.5, "a_max": 0.7}, lambda x: np.clip(x, -0.5, 0.7)),
             Case([U(3, 4)], {}, lambda x: np.clip(x, -0.5, 0.7), args=(-0.5, 0.7))],
    # ---------------------------------------------------------- reductions
    "sum": _red(np.sum),
    "mean": _red(np.mean),
    "max": _red(np.max),
    "min": _red(np.min),
    "prod": _red(np.prod),
    "nansum": [Case([np.array([[1, np.nan, 2], [np.nan, 3, 4]], np.float32)], {"axis": 1},
                    lambda x: np.nansum(x, axis=1))],
    "nanprod": [Case([np.array([[1, np.nan, 2], [np.nan, 3, 4]], np.float32)], {"axis": 1},
                     lambda x: np.nanprod(x, axis=1))],
    "argmax": _arg(np.argmax),
    "argmin": _arg(np.argmin),
    "norm": [Case([U(3, 4)], {}, lambda x: np.array([np.sqrt((x * x).sum())], x.dtype), 1e-5),
             Case([U(3, 4)], {"axis": 1}, lambda x: np.sqrt((x * x).sum(axis=1)), 1e-5),
             Case([U(3, 4)], {"ord": 1, "axis": 0}, lambda x: np.abs(x).sum(axis=0), 1e-5),
             Case([U(3, 4)], {"axis": 1, "keepdims": True},
                  lambda x: np.sqrt((x * x).sum(axis=1, keepdims=True)), 1e-5)],
    # ---------------------------------------------------------- linear algebra
    "dot": [Case([U(3, 4), U(4, 5)], {}, np.dot, 1e-5, 1e-5),
            Case([U(4, 3), U(4, 5)], {"transpose_a": True}, lambda a, b: a.T @ b, 1e-5, 1e-5),
            Case([U(3, 4), U(5, 4)], {"transpose_b": True}, lambda a, b: a @ b.T, 1e-5, 1e-5),
            Case([U(4), U(4)], {}, lambda a, b: np.array([np.dot(a, b)], np.float32), 1e-5, 1e-5),
            Case([U(2, 3, 4), U(4, 5)], {}, np.dot, 1e-5, 1e-5),
            Case([U(3, 4).astype(np.float64), U(4, 2).astype(np.float64)], {}, np.dot)],
    "batch_dot": [Case([U(2, 3, 4), U(2, 4, 5)], {}, np.matmul, 1e-5, 1e-5),
                  Case([U(2, 4, 3), U(2, 4, 5)], {"transpose_a": True},
                       lambda a, b: np.matmul(a.transpose(0, 2, 1), b), 1e-5, 1e-5),
                  Case([U(2, 3, 4), U(2, 5, 4)], {"transpose_b": True},
                       lambda a, b: np.matmul(a, b.transpose(0, 2, 1)), 1e-5, 1e-5)],
    # ---------------------------------------------------------- shapes and indexing
    "transpose": [Case([U(2, 3)], {}, np.transpose),
                  Case([U(2, 3, 4)], {"axes": (1, 0, 2)}, lambda x: x.transpose(1, 0, 2)),
                  Case([U(2, 3, 4)], {}, lambda x: x.transpose())],
    "Reshape": [Case([U(2, 3, 4)], {"shape": (4, -1)}, lambda x: x.reshape(4, -1)),
                Case([U(2, 3, 4)], {"shape": (0, -1)}, lambda x: x.reshape(2, 12)),
                Case([U(2, 3, 4)], {"shape": (-3, 4)}, lambda x: x.reshape(6, 4)),
                Case([U(2, 3, 4)], {"shape": (-2,)}, lambda x: x),
                Case([U(2, 3, 4)], {"shape": (2, -4, 3, 1, 4)}, lambda x: x.reshape(2, 3, 1, 4)),
                Case([U(2, 3, 4)], {"shape": (-1, 0), "reverse": True}, lambda x: x.reshape(6, 4))],
    "Flatten": [Case([U(2, 3, 4)], {}, lambda x: x.reshape(2, 12)),
                Case([U(5)], {}, lambda x: x.reshape(5, 1))],
    "expand_dims": [Case([U(2, 3)], {"axis": 1}, lambda x: np.expand_dims(x, 1)),
                    Case([U(2, 3)], {"axis": -1}, lambda x: np.expand_dims(x, -1))],
    "squeeze": [Case([U(1, 3, 1)], {}, lambda x: x.reshape(3)),
                Case([U(1, 3, 1)], {"axis": 2}, lambda x: x.reshape(1, 3))],
    "Concat": [Case([U(2, 3), U(2, 3)], {"dim": 0}, lambda a, b: np.concatenate([a, b], 0)),
               Case([U(2, 3), U(2, 1), U(2, 2)], {"dim": 1},
                    lambda a, b, c: np.concatenate([a, b, c], 1)),
               Case([U(2, 3), U(2, 3)], {}, lambda a, b: np.concatenate([a, b], 1))],
    "add_n": [Case([U(2, 3), U(2, 3), U(2, 3)], {}, lambda a, b, c: (a + b) + c),
              Case([U(4)], {}, lambda a: a)],
    "stack": [Case([U(2, 3), U(2, 3)], {"axis": 0}, lambda a, b: np.stack([a, b], 0)),
              Case([U(2, 3), U(2, 3), U(2, 3)], {"axis": 2}, lambda a, b, c: np.stack([a, b, c], 2))],
    "SliceChannel": [Case([U(2, 6)], {"num_outputs": 3}, lambda x: np.split(x, 3, axis=1)),
                     Case([U(4, 3)], {"num_outputs": 2, "axis": 0}, lambda x: np.split(x, 2, axis=0)),
                     Case([U(2, 3)], {"num_outputs": 3, "axis": 1, "squeeze_axis": True},
                          lambda x: [x[:, i] for i in range(3)])],
    "slice": [Case([U(3, 4)], {"begin": (0, 1), "end": (2, 3)}, ops.slice_ref((0, 1), (2, 3))),
              Case([U(3, 4)], {"begin": (None, None), "end": (None, None), "step": (-1, -2)},
                   ops.slice_ref((None, None), (None, None), (-1, -2))),
              Case([U(4, 5)], {"begin": (1,), "end": (-1,)}, ops.slice_ref((1,), (-1,))),
              Case([U(4, 6)], {"begin": (0, 1), "end": (4, 6), "step": (2, 2)},
                   ops.slice_ref((0, 1), (4, 6), (2, 2)))],
    "slice_axis": [Case([U(3, 4)], {"axis": 1, "begin": 1, "end": 3}, lambda x: x[:, 1:3]),
                   Case([U(3, 4)], {"axis": 0, "begin": -2, "end": None}, lambda x: x[-2:])],
    "take": [Case([U(3, 4), _idx3], {}, lambda a, i: a[i.astype(int)]),
             Case([U(3, 4), _idx3], {"axis": 1}, lambda a, i: a[:, i.astype(int)]),
             Case([U(3, 4), np.array([4, -1], np.float32)], {"mode": "clip"},
                  lambda a, i: a[[2, 0]]),
             Case([U(3, 4), np.array([4, -1], np.float32)], {"mode": "wrap"},
                  lambda a, i: a[[1, 2]])],
    "pick": [Case([U(4, 3), _idx3], {}, lambda a, i: a[np.arange(4), i.astype(int)]),
             Case([U(4, 3), _idx3], {"keepdims": True},
                  lambda a, i: a[np.arange(4), i.astype(int)][:, None]),
             Case([U(3, 4), np.array([0, 2, 1, 1], np.float32)], {"axis": 0},
                  lambda a, i: a[i.astype(int), np.arange(4)])],
    "one_hot": [Case([_idx3], {"depth": 3}, lambda i: ops.one_hot(i, 3)),
                Case([_idx3], {"depth": 4, "on_value": 5.0, "off_value": -1.0, "dtype": "int32"},
                     lambda i: ops.one_hot(i, 4, 5, -1, np.int32)),
                Case([_idx3], {}, lambda i: ops.one_hot(i, 3), args=(3,))],
    "where": [Case([I(3, 4, lo=0, hi=2).astype(np.float32), U(3, 4), U(3, 4)], {},
                   lambda c, x, y: np.where(c != 0, x, y))],
    "tile": [Case([U(2, 3)], {"reps": (2, 2)}, lambda x: np.tile(x, (2, 2))),
             Case([U(2, 3)], {"reps": (2,)}, lambda x: np.tile(x, (2,))),
             Case([U(2, 3)], {"reps": (2, 1, 3)}, lambda x: np.tile(x, (2, 1, 3)))],
    "repeat": [Case([U(2, 3)], {"repeats": 2}, lambda x: np.repeat(x, 2)),
               Case([U(2, 3)], {"repeats": 3, "axis": 1}, lambda x: np.repeat(x, 3, axis=1))],
    "reverse": [Case([U(3, 4)], {"axis": 1}, lambda x: x[:, ::-1]),
                Case([U(3, 4)], {"axis": (0, 1)}, lambda x: x[::-1, ::-1])],
    "sort": [Case([U(3, 4)], {}, lambda x: np.sort(x, axis=-1)),
             Case([U(3, 4)], {"axis": 0, "is_ascend": False}, lambda x: -np.sort(-x, axis=0))],
    "argsort": [Case([U(3, 4)], {}, lambda x: np.argsort(x, axis=-1, kind="stable").astype(np.float32)),
                Case([U(3, 4)], {"axis": 0, "is_ascend": False},
                     lambda x: np.argsort(-x, axis=0, kind="stable").astype(np.float32)),
                Case([U(3, 4)], {"dtype": "int32"},
                     lambda x: np.argsort(x, axis=-1, kind="stable").astype(np.int32))],
    "topk": [Case([U(3, 5)], {}, lambda x: ops.topk(x)),
             Case([U(3, 5)], {"k": 2, "ret_typ": "value"}, lambda x: ops.topk(x, k=2, ret_typ="value")),
             Case([U(3, 5)], {"k": 2, "ret_typ": "both", "axis": 0},
                  lambda x: ops.topk(x, axis=0, k=2, ret_typ="both")),
             Case([U(3, 5)], {"k": 3, "is_ascend": True},
                  lambda x: ops.topk(x, k=3, is_ascend=True))],
    "broadcast_to": [Case([U(1, 3)], {"shape": (4, 3)}, lambda x: np.broadcast_to(x, (4, 3))),
                     Case([U(2, 1)], {"shape": (0, 5)}, lambda x: np.broadcast_to(x, (2, 5)))],
    "broadcast_like": [Case([U(1, 3), U(4, 3)], {}, lambda x, y: np.broadcast_to(x, y.shape))],
    "broadcast_axis": [Case([U(1, 3, 1)], {"axis": (0, 2), "size": (2, 4)},
                            lambda x: np.broadcast_to(x, (2, 3, 4)))],
    "swapaxes": [Case([U(2, 3, 4)], {"dim1": 0, "dim2": 2}, lambda x: np.swapaxes(x, 0, 2))],
    "reshape_like": [Case([U(2, 6), U(3, 4)], {}, lambda x, y: x.reshape(y.shape))],
    "shape_array": [Case([U(2, 3)], {}, lambda x: np.array(x.shape, np.int64))],
    "size_array": [Case([U(2, 3)], {}, lambda x: np.array([x.size], np.int64))],
    "diag": [Case([U(3, 3)], {}, np.diag), Case([U(3)], {}, np.diag),
             Case([U(3, 4)], {"k": 1}, lambda x: np.diag(x, 1))],
    "_slice_assign": [Case([U(3, 4), U(2, 2)], {"begin": (0, 1), "end": (2, 3)},
                           lambda x, v: ops.assigned(x, (slice(0, 2), slice(1, 3)), v))],
    "_slice_assign_scalar": [Case([U(3, 4)], {"scalar": 7.0, "begin": (1, 0), "end": (3, 4),
                                              "step": (1, 2)},
                                  lambda x: ops.assigned(x, (slice(1, 3), slice(0, 4, 2)), 7.0))],
    # ---------------------------------------------------------- creation (zero inputs)
    "_zeros": [Case([], {"shape": (2, 3)}, lambda: np.zeros((2, 3), np.float32)),
               Case([], {"shape": (4,), "dtype": "int32"}, lambda: np.zeros(4, np.int32))],
    "_ones": [Case([], {"shape": (2, 3)}, lambda: np.ones((2, 3), np.float32)),
              Case([], {"shape": (4,), "dtype": "int64"}, lambda: np.ones(4, np.int64))],
    "_full": [Case([], {"shape": (2, 3), "value": 2.5}, lambda: np.full((2, 3), 2.5, np.float32)),
              Case([], {"shape": (3,), "value": 7, "dtype": "int32"}, lambda: np.full(3, 7, np.int32))],
    "_arange": [Case([], {"start": 0, "stop": 5}, lambda: np.arange(0, 5, dtype=np.float32)),
                Case([], {"start": 1, "stop": 2, "step": 0.25}, lambda: np.arange(1, 2, 0.25, np.float32)),
                Case([], {"start": 0, "stop": 3, "repeat": 2}, lambda: np.repeat(np.arange(3.0), 2).astype(np.float32)),
                Case([], {"start": 5}, lambda: np.arange(5, dtype=np.float32)),
                Case([], {"start": 0, "stop": 6, "step": 2, "dtype": "int32"}, lambda: np.arange(0, 6, 2, np.int32))],
}


OPS.update({
    # ---------------------------------------------------------- neural network basics
    "Activation": [Case([U(3, 4)], {"act_type": "relu"}, lambda x: np.maximum(x, 0)),
                   Case([U(3, 4)], {"act_type": "sigmoid"}, lambda x: 1 / (1 + np.exp(-x))),
                   Case([U(3, 4)], {"act_type": "tanh"}, np.tanh),
                   Case([U(3, 4)], {"act_type": "softrelu"}, lambda x: np.log1p(np.exp(x))),
                   Case([U(3, 4)], {"act_type": "softsign"}, lambda x: x / (1 + np.abs(x)))],
    "FullyConnected": [
        Case([U(2, 3), U(4, 3), U(4)], {"num_hidden": 4}, lambda x, w, b: x @ w.T + b, 1e-5, 1e-5),
        Case([U(2, 3, 2), U(4, 6), U(4)], {"num_hidden": 4},
             lambda x, w, b: x.reshape(2, 6) @ w.T + b, 1e-5, 1e-5),
        Case([U(2, 3, 2), U(4, 2), U(4)], {"num_hidden": 4, "flatten": False},
             lambda x, w, b: x @ w.T + b, 1e-5, 1e-5),
        Case([U(2, 3), U(5, 3)], {"num_hidden": 5, "no_bias": True}, lambda x, w: x @ w.T,
             1e-5, 1e-5)],
    "Dropout": [Case([U(3, 4)], {"p": 0.5}, lambda x: x)],  # not training: identity
    "LeakyReLU": [Case([U(3, 4)], {}, lambda x: np.where(x > 0, x, 0.25 * x)),
                  Case([U(3, 4)], {"act_type": "leaky", "slope": 0.1},
                       lambda x: np.where(x > 0, x, np.float32(0.1) * x)),
                  Case([U(3, 4)], {"act_type": "elu", "slope": 0.5}, lambda x: ops.elu(x, 0.5), 1e-5),
                  Case([U(3, 4)], {"act_type": "selu"}, ops.selu, 1e-5),
                  Case([U(3, 4)], {"act_type": "gelu"}, ops.gelu, 1e-4, 1e-5),
                  Case([U(2, 3), U(3)], {"act_type": "prelu"},
                       lambda x, g: np.where(x > 0, x, g[None, :] * x))],
    "SoftmaxOutput": [Case([U(3, 4), np.array([0, 1, 3], np.float32)], {},
                           lambda x, l: ops.softmax(x), 1e-5)],
    "LinearRegressionOutput": [Case([U(3, 2), U(3, 2)], {}, lambda x, l: x)],
    "MAERegressionOutput": [Case([U(3, 2), U(3, 2)], {}, lambda x, l: x)],
    "LogisticRegressionOutput": [Case([U(3, 2), U(3, 2)], {}, lambda x, l: 1 / (1 + np.exp(-x)),
                                      1e-5)],
    "SoftmaxActivation": [Case([U(3, 4)], {}, ops.softmax, 1e-5),
                          Case([U(2, 3, 4)], {"mode": "channel"}, lambda x: ops.softmax(x, axis=1),
                               1e-5)],
    "smooth_l1": [Case([U(3, 4)], {}, ops.smooth_l1),
                  Case([U(3, 4)], {"scalar": 2.0}, lambda x: ops.smooth_l1(x, 2.0))],
    "argmax_channel": [Case([U(3, 4)], {}, lambda x: np.argmax(x, axis=-1).astype(np.float32))],
    "Pad": [Case([U(1, 2, 3, 3)], {"mode": "constant", "pad_width": (0, 0, 0, 0, 1, 1, 2, 0),
                                   "constant_value": 1.5},
                 lambda x: np.pad(x, ((0, 0), (0, 0), (1, 1), (2, 0)), constant_values=1.5)),
            Case([U(1, 2, 3, 3)], {"mode": "edge", "pad_width": (0, 0, 0, 0, 2, 1, 1, 2)},
                 lambda x: np.pad(x, ((0, 0), (0, 0), (2, 1), (1, 2)), mode="edge")),
            Case([U(1, 2, 3, 3)], {"mode": "reflect", "pad_width": (0, 0, 0, 0, 1, 2, 2, 1)},
                 lambda x: np.pad(x, ((0, 0), (0, 0), (1, 2), (2, 1)), mode="reflect"))],
    "depth_to_space": [Case([U(1, 8, 2, 3)], {"block_size": 2}, lambda x: ops.depth_to_space(x, 2))],
    "space_to_depth": [Case([U(1, 2, 4, 6)], {"block_size": 2}, lambda x: ops.space_to_depth(x, 2))],
    "slice_like": [Case([U(4, 5), U(2, 3)], {}, lambda x, y: x[:2, :3]),
                   Case([U(4, 5), U(2, 3)], {"axes": (1,)}, lambda x, y: x[:, :3])],
    "BlockGrad": [Case([U(3, 4)], {}, lambda x: x)],
    "identity": [Case([U(3, 4)], {}, lambda x: x)],
    "MakeLoss": [Case([U(3, 4)], {}, lambda x: x)],
    # ---------------------------------------------------------- layers
    "Convolution": [
        Case([U(2, 3, 5, 5), U(4, 3, 3, 3), U(4)], {"kernel": (3, 3), "num_filter": 4},
             lambda x, w, b: ops.conv2d(x, w, b), 1e-4, 1e-4),
        Case([U(1, 2, 6, 5), U(3, 2, 3, 2), U(3)],
             {"kernel": (3, 2), "num_filter": 3, "stride": (2, 1), "pad": (1, 1)},
             lambda x, w, b: ops.conv2d(x, w, b, stride=(2, 1), pad=(1, 1)), 1e-4, 1e-4),
        Case([U(1, 4, 5, 5), U(4, 2, 3, 3)],
             {"kernel": (3, 3), "num_filter": 4, "num_group": 2, "no_bias": True, "dilate": (1, 2)},
             lambda x, w: ops.conv2d(x, w, groups=2, dilate=(1, 2)), 1e-4, 1e-4)],
    "Deconvolution": [
        Case([U(1, 2, 3, 3), U(2, 3, 3, 3)], {"kernel": (3, 3), "num_filter": 3},
             lambda x, w: ops.deconv2d(x, w), 1e-4, 1e-4),
        Case([U(2, 2, 3, 4), U(2, 3, 2, 2), U(3)],
             {"kernel": (2, 2), "num_filter": 3, "stride": (2, 2), "pad": (1, 0), "no_bias": False},
             lambda x, w, b: ops.deconv2d(x, w, b, stride=(2, 2), pad=(1, 0)), 1e-4, 1e-4)],
    "Pooling": [
        Case([U(2, 3, 4, 6)], {"kernel": (2, 2), "stride": (2, 2), "pool_type": "max"},
             lambda x: ops.pool2d(x, (2, 2), (2, 2), "max")),
        Case([U(2, 3, 5, 5)], {"kernel": (3, 3), "stride": (1, 1), "pool_type": "avg"},
             lambda x: ops.pool2d(x, (3, 3), (1, 1), "avg"), 1e-5),
        Case([U(1, 2, 4, 4)], {"kernel": (2, 2), "stride": (2, 2), "pool_type": "sum", "pad": (1, 1)},
             lambda x: ops.pool2d(x, (2, 2), (2, 2), "sum", (1, 1)), 1e-5),
        Case([U(2, 3, 4, 5)], {"kernel": (1, 1), "global_pool": True, "pool_type": "avg"},
             lambda x: x.mean(axis=(2, 3), keepdims=True), 1e-5),
        Case([U(2, 3, 4, 5)], {"kernel": (1, 1), "global_pool": True, "pool_type": "max"},
             lambda x: x.max(axis=(2, 3), keepdims=True))],
    "BatchNorm": [
        Case([U(2, 3, 4), P(3), U(3), U(3), P(3)], {},
             lambda x, g, b, m, v: ops.batchnorm_infer(x, g, b, m, v), 1e-5, 1e-5),
        Case([U(2, 3, 2, 2), P(3), U(3), U(3), P(3)], {"fix_gamma": False, "eps": 1e-4},
             lambda x, g, b, m, v: ops.batchnorm_infer(x, g, b, m, v, 1e-4, False), 1e-5, 1e-5)],
    "LayerNorm": [Case([U(3, 5), P(5), U(5)], {}, lambda x, g, b: ops.layernorm(x, g, b), 1e-4, 1e-5),
                  Case([U(2, 3, 4), P(3), U(3)], {"axis": 1, "eps": 1e-3},
                       lambda x, g, b: ops.layernorm(x, g, b, 1, 1e-3), 1e-4, 1e-5)],
    "InstanceNorm": [Case([U(2, 3, 5), P(3), U(3)], {}, lambda x, g, b: ops.instancenorm(x, g, b),
                          1e-4, 1e-5)],
    "Embedding": [Case([np.array([[0, 2], [1, 1]], np.float32), U(3, 4)],
                       {"input_dim": 3, "output_dim": 4}, lambda i, w: w[i.astype(int)])],
    "UpSampling": [Case([U(1, 2, 2, 3)], {"scale": 2, "sample_type": "nearest"},
                        lambda x: x.repeat(2, axis=2).repeat(2, axis=3))],
    "gather_nd": [Case([U(3, 4), np.array([[0, 2], [1, 3]], np.float32)], {},
                       lambda x, i: x[tuple(i.astype(int))]),
                  Case([U(3, 4, 2), np.array([[0, 2, 1]], np.float32)], {},
                       lambda x, i: x[tuple(i.astype(int))])],
    "scatter_nd": [Case([U(2), np.array([[0, 2], [1, 3]], np.float32)], {"shape": (3, 4)},
                        lambda v, i: ops.scatter_nd(v, i, (3, 4)))],
})


# Ops with no NumPy forward case in OPS, and why (the registry test accepts these).
EXCLUDED = {
    "_random_uniform": "random: distribution tested in test_random.py",
    "_random_normal": "random: distribution tested in test_random.py",
    "_random_randint": "random: distribution tested in test_random.py",
    "_random_exponential": "random: distribution tested in test_random.py",
    "_random_gamma": "random: distribution tested in test_random.py",
    "_random_poisson": "random: distribution tested in test_random.py",
    "Custom": "custom operator: what it computes is registered by a binding; tested in test_custom_op.py",
}

OPS.update({
    "_eye": [Case([], {"N": 3}, lambda: np.eye(3, dtype=np.float32)),
             Case([], {"N": 2, "M": 4, "k": 1, "dtype": "int32"},
                  lambda: np.eye(2, 4, 1, dtype=np.int32))],
    "_linspace": [Case([], {"start": 0, "stop": 1, "num": 5},
                       lambda: np.linspace(0, 1, 5, dtype=np.float32)),
                  Case([], {"start": 2, "stop": 3, "num": 4, "endpoint": False},
                       lambda: np.linspace(2, 3, 4, endpoint=False).astype(np.float32))],
})



def _update_cases(op):
    """Optimizer updates: weight, grad and positive states; one case with defaults, one
    with weight decay, rescaling and clipping."""
    ref, updates = optimizers.UPDATES[op]
    nstates = len(updates)  # every state input is updated (mp_*: weight32 too)
    lr = {} if op == "_adadelta_update" else {"lr": 0.1}
    base = dict(lr)
    if op == "ftml_update":
        base["t"] = 2
    if op in ("sgd_mom_update", "nag_mom_update", "mp_sgd_mom_update", "mp_nag_mom_update",
              "signum_update"):
        base["momentum"] = 0.9
    clip = "clip_grad" if op == "ftml_update" else "clip_gradient"
    tuned = dict(base, wd=0.05, rescale_grad=0.5, **{clip: 0.3})
    cases = []
    for params in (base, tuned):
        w, g = U(2, 3), U(2, 3, lo=-3.0, hi=3.0)
        states = [P(2, 3) for _ in range(nstates)]  # positive (variances, histories)
        if op == "rmspropalex_update":
            states[0] += np.float32(10.0)  # n > g**2: a real square root
        if op.startswith("mp_"):
            w = w.astype(np.float16)
            g = g.astype(np.float16)
            states[-1] = w.astype(np.float32)  # the float32 master copy of the weight
        rp = dict(params)
        cases.append(Case([w, g] + states, params,
                          lambda *xs, rp=rp: ref(*xs, **rp),
                          1e-3 if op.startswith("mp_") else 1e-5,
                          1e-3 if op.startswith("mp_") else 1e-6,
                          updates=updates))
    return cases


OPS.update({op: _update_cases(op) for op in optimizers.UPDATES})


def _other_update_cases():
    """LAMB's two phases and AdamW, plain and multi-precision (see optimizers.OTHER_UPDATES)."""
    def case(op, inputs, params, mp=False):
        ref, updates = optimizers.OTHER_UPDATES[op]
        tol = 1e-3 if mp else 1e-5
        return Case(inputs, params, lambda *xs: ref(*xs, **params), tol, tol * 0.1, updates=updates)

    def f16(x):
        return x.astype(np.float16)

    one = np.ones(1, np.float32)
    out = {}
    out["lamb_update_phase1"] = [
        case("lamb_update_phase1", [U(2, 3), U(2, 3), U(2, 3), P(2, 3)], {"t": 1, "wd": 0.0}),
        case("lamb_update_phase1", [U(2, 3), U(2, 3, lo=-3.0, hi=3.0), U(2, 3), P(2, 3)],
             {"t": 3, "wd": 0.1, "rescale_grad": 0.5, "clip_gradient": 0.4, "beta1": 0.8}),
        case("lamb_update_phase1", [U(4), U(4), U(4), P(4)],
             {"t": 2, "wd": 0.01, "bias_correction": False})]
    w = U(2, 3)
    out["mp_lamb_update_phase1"] = [
        case("mp_lamb_update_phase1", [f16(w), f16(U(2, 3)), U(2, 3), P(2, 3), w.copy()],
             {"t": 2, "wd": 0.05}, mp=True)]
    out["lamb_update_phase2"] = [
        case("lamb_update_phase2", [U(2, 3), U(2, 3), one * 1.5, one * 3.0], {"lr": 0.1}),
        case("lamb_update_phase2", [U(2, 3), U(2, 3), one * 1.5, one * 3.0],
             {"lr": 0.1, "lower_bound": 2.0}),
        case("lamb_update_phase2", [U(2, 3), U(2, 3), one * 1.5, one * 3.0],
             {"lr": 0.1, "upper_bound": 0.5}),
        case("lamb_update_phase2", [U(5), U(5), one * 0.0, one * 3.0], {"lr": 0.2})]
    w = U(2, 3)
    out["mp_lamb_update_phase2"] = [
        case("mp_lamb_update_phase2", [f16(w), U(2, 3), one * 2.0, one * 0.5, w.copy()], {"lr": 0.05},
             mp=True)]
    out["_adamw_update"] = [
        case("_adamw_update", [U(2, 3), U(2, 3), U(2, 3), P(2, 3), one * 0.5],
             {"lr": 0.1, "eta": 0.5, "wd": 0.1, "clip_gradient": 0.6}),
        case("_adamw_update", [U(3), U(3), U(3), P(3), one * 0.0], {"lr": 0.1, "eta": 1.0})]
    w = U(2, 3)
    out["_mp_adamw_update"] = [
        case("_mp_adamw_update", [f16(w), f16(U(2, 3)), U(2, 3), P(2, 3), w.copy(), one],
             {"lr": 0.01, "eta": 1.0, "wd": 0.01}, mp=True)]
    return out


OPS.update(_other_update_cases())

# hard_sigmoid, make_loss, diag, moments (core/op/extra_ops.cc); shape_array, size_array
# and rcbrt have their cases with the other tensor ops above.
OPS.update({
    "hard_sigmoid": [Case([U(3, 4, lo=-4.0, hi=4.0)], {}, lambda x: np.clip(0.2 * x + 0.5, 0, 1)),
                     Case([U(5).astype(np.float64)], {"alpha": 0.3, "beta": 0.4},
                          lambda x: np.clip(0.3 * x + 0.4, 0, 1))],
    "make_loss": [Case([U(3, 4)], {}, lambda x: x)],
    "moments": [Case([U(3, 4)], {"axes": (1,)}, lambda x: [x.mean(axis=1), x.var(axis=1)], 1e-5, 1e-6),
                Case([U(2, 3, 4)], {"axes": (0, 2), "keepdims": True},
                     lambda x: [x.mean(axis=(0, 2), keepdims=True), x.var(axis=(0, 2), keepdims=True)],
                     1e-5, 1e-6),
                Case([U(2, 3).astype(np.float64)], {"axes": (-1, 0)},
                     lambda x: [np.array([x.mean()]), np.array([x.var()])])],
})
OPS["diag"] += [Case([U(4)], {"k": -1}, lambda x: np.diag(x, -1)),
                Case([U(2, 3, 4)], {"k": 1, "axis1": 0, "axis2": 2},
                     lambda x: np.diagonal(x, 1, axis1=0, axis2=2)),
                Case([U(3, 4, 2)], {"k": -1, "axis1": -2, "axis2": 0},
                     lambda x: np.diagonal(x, -1, axis1=-2, axis2=0)),
                Case([I(3, 3)], {}, np.diag)]


def _seq_mask(x, lengths, value=0.0, axis=0):
    y = np.array(x, copy=True)
    for b, n in enumerate(lengths.astype(np.int64)):
        idx = (slice(max(n, 0), None), b) if axis == 0 else (b, slice(max(n, 0), None))
        y[idx] = value
    return y


def _seq_last(x, lengths=None, axis=0):
    steps = x.shape[axis]
    n = lengths.astype(np.int64) if lengths is not None else np.full(x.shape[1 - axis], steps)
    return np.stack([x[k - 1, b] if axis == 0 else x[b, k - 1] for b, k in enumerate(n)])


def _seq_reverse(x, lengths=None):
    y = np.array(x, copy=True)
    n = lengths.astype(np.int64) if lengths is not None else np.full(x.shape[1], x.shape[0])
    for b, k in enumerate(n):
        y[:k, b] = x[:k, b][::-1]
    return y


_LEN = np.array([2, 4, 1], np.float32)  # lengths of 3 sequences of at most 4 steps
OPS.update({
    "SequenceMask": [Case([U(4, 3, 2), _LEN], {"use_sequence_length": True},
                          lambda x, n: _seq_mask(x, n)),
                     Case([U(3, 4), _LEN], {"use_sequence_length": True, "value": -1.5, "axis": 1},
                          lambda x, n: _seq_mask(x, n, -1.5, axis=1)),
                     Case([U(4, 3)], {}, lambda x: x),
                     Case([I(4, 3), np.array([0, 9, 3], np.int32)], {"use_sequence_length": True, "value": 7},
                          lambda x, n: _seq_mask(x, n, 7))],
    "SequenceLast": [Case([U(4, 3, 2), _LEN], {"use_sequence_length": True}, lambda x, n: _seq_last(x, n)),
                     Case([U(3, 4), _LEN], {"use_sequence_length": True, "axis": 1},
                          lambda x, n: _seq_last(x, n, axis=1)),
                     Case([U(4, 3, 2)], {}, lambda x: _seq_last(x))],
    "SequenceReverse": [Case([U(4, 3, 2), _LEN], {"use_sequence_length": True},
                             lambda x, n: _seq_reverse(x, n)),
                        Case([U(4, 3)], {}, lambda x: _seq_reverse(x))],
})


def _lrn(x, nsize, alpha=1e-4, beta=0.75, knorm=2.0):
    """Across channels; MXNet's window reaches (nsize - 1) // 2 channels each way."""
    half = (nsize - 1) // 2
    x64 = x.astype(np.float64)
    y = np.empty_like(x64)
    for c in range(x.shape[1]):
        window = x64[:, max(0, c - half):c + half + 1]
        y[:, c] = x64[:, c] / (knorm + alpha / nsize * (window ** 2).sum(axis=1)) ** beta
    return y.astype(x.dtype)


def _l2normalize(x, mode="instance", eps=1e-10):
    axes = {"instance": tuple(range(1, x.ndim)), "channel": (1,), "spatial": tuple(range(2, x.ndim))}[mode]
    x64 = x.astype(np.float64)
    return (x64 / np.sqrt((x64 ** 2).sum(axis=axes, keepdims=True) + eps)).astype(x.dtype)


OPS.update({
    "LRN": [Case([U(2, 5, 3, 2)], {"nsize": 3, "alpha": 0.5}, lambda x: _lrn(x, 3, 0.5), 1e-5, 1e-6),
            Case([U(1, 6, 2, 2)], {"nsize": 5, "alpha": 0.3, "beta": 0.6, "knorm": 1.5},
                 lambda x: _lrn(x, 5, 0.3, 0.6, 1.5), 1e-5, 1e-6),
            # an even nsize as MXNet's float32 (oneDNN) LRN takes it: nsize - 1 channels
            Case([U(1, 6, 2, 2)], {"nsize": 4, "alpha": 0.3}, lambda x: _lrn(x, 4, 0.3), 1e-5, 1e-6),
            Case([U(3, 4)], {"nsize": 5}, lambda x: _lrn(x, 5), 1e-5, 1e-6)],
    "L2Normalization": [Case([U(2, 3, 4)], {}, lambda x: _l2normalize(x), 1e-5, 1e-6),
                        Case([U(2, 3, 2, 2)], {"mode": "channel"}, lambda x: _l2normalize(x, "channel"),
                             1e-5, 1e-6),
                        Case([U(2, 3, 4).astype(np.float64)], {"mode": "spatial", "eps": 0.1},
                             lambda x: _l2normalize(x, "spatial", 0.1)),
                        Case([U(3, 5)], {"eps": 1e-3}, lambda x: _l2normalize(x, eps=1e-3), 1e-5, 1e-6)],
})


def _gemm(a, b, c=None, transpose_a=False, transpose_b=False, alpha=1.0, beta=1.0, axis=-2):
    """MXNet's linalg gemm: rows on `axis`, columns on the last axis, the rest batch axes."""
    def mats(x):  # move the rows axis next to the columns: (..., rows, cols)
        return np.moveaxis(x.astype(np.float64), axis, -2)
    oa, ob = mats(a), mats(b)
    oa = np.swapaxes(oa, -1, -2) if transpose_a else oa
    ob = np.swapaxes(ob, -1, -2) if transpose_b else ob
    out = alpha * np.matmul(oa, ob)
    if c is not None:
        out = out + beta * mats(c)
    return np.moveaxis(out, -2, axis).astype(a.dtype)


OPS.update({
    "_linalg_gemm2": [Case([U(2, 3, 4), U(2, 4, 5)], {}, lambda a, b: _gemm(a, b), 1e-5, 1e-5),
                      Case([U(4, 3).astype(np.float64), U(5, 4).astype(np.float64)],
                           {"transpose_a": True, "transpose_b": True, "alpha": 0.5},
                           lambda a, b: _gemm(a, b, transpose_a=True, transpose_b=True, alpha=0.5)),
                      Case([U(3, 2, 4), U(4, 2, 5)], {"axis": 0}, lambda a, b: _gemm(a, b, axis=0), 1e-5, 1e-5)],
    "_linalg_gemm": [Case([U(2, 3, 4), U(2, 5, 4), U(2, 3, 5)], {"transpose_b": True, "alpha": 2.0, "beta": 0.3},
                          lambda a, b, c: _gemm(a, b, c, transpose_b=True, alpha=2.0, beta=0.3), 1e-5, 1e-5),
                     Case([U(3, 4), U(3, 2), U(4, 2)], {"transpose_a": True},
                          lambda a, b, c: _gemm(a, b, c, transpose_a=True), 1e-5, 1e-5)],
})


def _erfinv(y):
    """Bisection on math.erf, in float64: independent of any closed form."""
    import math

    def one(v):
        if v <= -1 or v >= 1:
            return math.copysign(math.inf, v) if abs(v) == 1 else math.nan
        lo, hi = -10.0, 10.0
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if math.erf(mid) < v else (lo, mid)
        return (lo + hi) / 2
    return np.vectorize(one)(y.astype(np.float64)).astype(y.dtype)


def _unravel(v, shape):
    out, rest = [], np.trunc(v).astype(np.int64)
    for d in reversed(shape[1:]):
        out.append(np.fmod(rest, d))  # C's truncating % and /
        rest = (rest - np.fmod(rest, d)) // d
    out.append(rest)
    return np.stack(out[::-1]).astype(v.dtype)


OPS.update({
    "erfinv": [Case([U(3, 4, lo=-0.95, hi=0.95)], {}, _erfinv, 1e-5, 1e-6),
               Case([np.array([-0.999, 0.0, 0.5, 0.25], np.float64)], {}, _erfinv, 1e-10, 1e-12),
               # +-1 and beyond (no gradient case: the first two are the gradient cases)
               Case([np.array([-1.0, 1.0, 1.5], np.float32)], {}, _erfinv)],
    "_ravel_multi_index": [Case([np.array([[3, 6, 6], [4, 5, 1]], np.float32)], {"shape": (7, 6)},
                                lambda d: (d[0] * 6 + d[1]).astype(np.float32)),
                           Case([np.array([[1, 0], [2, 3], [0, 4]], np.int32)], {"shape": (2, 4, 5)},
                                lambda d: (d[0] * 20 + d[1] * 5 + d[2]).astype(np.int32))],
    "_unravel_index": [Case([np.array([22, 41, 37], np.float32)], {"shape": (7, 6)},
                            lambda v: _unravel(v, (7, 6))),
                       Case([np.array([7, 39, 100, 0], np.int64)], {"shape": (2, 4, 5)},
                            lambda v: _unravel(v, (2, 4, 5)))],
    "batch_take": [Case([U(3, 4), np.array([0, 3, 1], np.int32)], {},
                        lambda a, i: a[np.arange(3), i]),
                   Case([U(4, 3), np.array([1, 0, 9, -2], np.int32)], {},  # out of range: clipped
                        lambda a, i: a[np.arange(4), np.clip(i, 0, 2)])],
})

OPS.update({
    "_np_cumsum": [Case([U(3, 4)], {"axis": 1}, lambda x: np.cumsum(x, axis=1), 1e-5, 1e-6),
                   Case([U(2, 3).astype(np.float64)], {}, lambda x: np.cumsum(x)),
                   Case([U(2, 3, 2)], {"axis": 2}, lambda x: np.cumsum(x, axis=2), 1e-5, 1e-6),
                   Case([I(2, 3)], {"axis": 0, "dtype": "float64"}, lambda x: np.cumsum(x, axis=0, dtype=np.float64)),
                   Case([np.array([[1.7, 2.0], [3.0, 4.0]], np.float32)], {"dtype": "int32"},
                        lambda x: np.cumsum(x.astype(np.int32), dtype=np.int32)),
                   Case([np.array([[120, 120], [3, 4]], np.int8)], {},  # wraps in int8, as MXNet
                        lambda x: np.cumsum(x.astype(np.int64)).astype(np.int8))],
})

# MXNet operators whose cases are written (and checked against MXNet 1.9) but that the
# registry does not have yet: test_ops.py checks this list against the registry, and
# the conformance generator leaves them out.
NOT_YET_REGISTERED = set()

# Inputs that hold indices: they get no gradient, and finite differences of a
# truncated index (or of where's 0/1 condition) are meaningless.
INDEX_INPUTS = {"Embedding": {0}, "gather_nd": {1}, "one_hot": {0}, "pick": {1}, "scatter_nd": {1},
                "take": {1}, "where": {0}, "SoftmaxOutput": {1},
                "SequenceMask": {1}, "SequenceLast": {1}, "SequenceReverse": {1}, "batch_take": {1}}

# Variadic operators and the parameter that counts their inputs (MXNet's num_args).
VARIADIC_COUNT = {"Concat": "num_args", "concat": "num_args", "stack": "num_args", "add_n": "num_args",
                  "UpSampling": "num_args"}

# Random samplers: (params, dtype, shape, properties every draw has). The values are
# never compared (no claim that two bindings draw the same numbers), only these.
RANDOM = {
    "_random_uniform": [({"low": -1.0, "high": 2.0, "shape": (3, 4)}, "float32", (3, 4),
                         {"min": -1.0, "max": 2.0}),
                        ({"low": 5.0, "high": 6.0, "shape": (7,), "dtype": "float64"}, "float64", (7,),
                         {"min": 5.0, "max": 6.0})],
    "_random_normal": [({"loc": 10.0, "scale": 0.1, "shape": (2, 5)}, "float32", (2, 5),
                        {"min": 5.0, "max": 15.0})],
    "_random_randint": [({"low": 0, "high": 5, "shape": (20,)}, "int32", (20,),
                         {"min": 0, "max": 4, "integral": True}),
                        ({"low": -3, "high": 3, "shape": (4, 5), "dtype": "int64"}, "int64", (4, 5),
                         {"min": -3, "max": 2, "integral": True})],
    "_random_exponential": [({"lam": 2.0, "shape": (20,)}, "float32", (20,), {"min": 0.0})],
    "_random_gamma": [({"alpha": 2.0, "beta": 1.0, "shape": (4, 5)}, "float32", (4, 5), {"min": 0.0})],
    "_random_poisson": [({"lam": 3.0, "shape": (20,)}, "float32", (20,),
                         {"min": 0.0, "integral": True})],
    "_random_negative_binomial": [({"k": 3, "p": 0.4, "shape": (20,)}, "float32", (20,),
                                   {"min": 0.0, "integral": True})],
    "_random_generalized_negative_binomial": [({"mu": 2.0, "alpha": 0.5, "shape": (20,)}, "float32", (20,),
                                               {"min": 0.0, "integral": True})],
}

# The _sample_* samplers take their distribution parameters as arrays, one distribution
# per element: (params, dtype, shape, properties, inputs). Output shape: the parameters'
# shape followed by `shape`.
_F = np.float32
RANDOM.update({
    "_sample_uniform": [({"shape": (3,)}, "float32", (2, 3), {"min": 0.0, "max": 11.0},
                         [np.array([0, 10], _F), np.array([1, 11], _F)])],
    "_sample_normal": [({"shape": (4,)}, "float32", (2, 4), {"min": -10.0, "max": 110.0},
                        [np.array([0, 100], _F), np.array([1, 1], _F)])],
    "_sample_gamma": [({"shape": (3,)}, "float32", (2, 3), {"min": 0.0},
                       [np.array([1, 2], _F), np.array([1, 0.5], _F)])],
    "_sample_exponential": [({"shape": (5,)}, "float32", (2, 5), {"min": 0.0}, [np.array([1, 2], _F)])],
    "_sample_poisson": [({"shape": (5,)}, "float32", (2, 5), {"min": 0.0, "integral": True},
                         [np.array([1, 4], _F)])],
    "_sample_negative_binomial": [({"shape": (4,)}, "float32", (2, 4), {"min": 0.0, "integral": True},
                                   [np.array([1, 3], _F), np.array([0.5, 0.3], _F)])],
    "_sample_generalized_negative_binomial": [({"shape": (4,)}, "float32", (2, 4),
                                               {"min": 0.0, "integral": True},
                                               [np.array([1, 2], _F), np.array([0.5, 1], _F)])],
    "_sample_multinomial": [({"shape": (4,)}, "int32", (2, 4), {"min": 0, "max": 1, "integral": True},
                             [np.array([[0.2, 0.8, 0], [0.5, 0.5, 0]], _F)])],
})

# No NumPy forward reference for a sampler: its properties above are its cases.
for _op in RANDOM:
    EXCLUDED.setdefault(_op, "random: distributions tested in test_sample_ops.py")

# Gradient cases of random operators, written out (inputs, params, head_grads, grads): the
# samplers' distribution parameters get zero gradients, as in MXNet; multinomial's
# log-probability output gets head / p at the drawn index, which one-hot rows make
# deterministic.
RANDOM_GRADIENT = {
    op: [([np.array(v, _F) for v in vals], {"shape": (3,)}, [np.ones((2, 3), _F)],
          [np.zeros(2, _F) for _ in vals])]
    for op, vals in [("_sample_uniform", ([0, 10], [1, 11])), ("_sample_normal", ([0, 1], [1, 2])),
                     ("_sample_gamma", ([1, 2], [1, 0.5])), ("_sample_exponential", ([1, 2],)),
                     ("_sample_poisson", ([1, 4],)), ("_sample_negative_binomial", ([1, 3], [0.5, 0.3])),
                     ("_sample_generalized_negative_binomial", ([1, 2], [0.5, 1]))]
}
RANDOM_GRADIENT["_sample_multinomial"] = [
    ([np.array([[0, 1, 0], [1, 0, 0]], _F)], {"shape": (2,), "get_prob": True},
     [np.zeros((2, 2), np.int32), np.array([[1, 2], [3, 4]], _F)],
     [np.array([[0, 3, 0], [7, 0, 0]], _F)])]

# Families of ops whose cases live in their own module (cases_<family>.py), merged here.
from . import (  # noqa: E402
    cases_contrib, cases_ctc, cases_detection, cases_linalg, cases_nn_extra, cases_optim_multi, cases_random_extra,
    cases_rnn, cases_spatial)

EXTRA_MODULES = (cases_nn_extra, cases_linalg, cases_spatial, cases_ctc, cases_rnn, cases_random_extra,
                 cases_optim_multi, cases_detection, cases_contrib)
for _extra in EXTRA_MODULES:
    OPS.update(_extra.OPS)
    INDEX_INPUTS.update(getattr(_extra, "INDEX_INPUTS", {}))
    # samplers: property cases, written-out gradients, and why they have no forward reference
    RANDOM.update(getattr(_extra, "RANDOM", {}))
    RANDOM_GRADIENT.update(getattr(_extra, "RANDOM_GRADIENT", {}))
    EXCLUDED.update(getattr(_extra, "EXCLUDED", {}))
    # gradient cases written out (inputs, params, head_grads, grads) for deterministic ops whose
    # gradient is not their derivative (straight-through estimators), generated as RANDOM_GRADIENT's
    RANDOM_GRADIENT.update(getattr(_extra, "WRITTEN_GRADIENT", {}))
