"""mx.nd.add, subtract, ..., logical_xor: MXNet's binary functions (arrays broadcast,
a number may sit on either side, two numbers give a number) against NumPy."""
import numpy as np
import pytest

import mxlite as mx

FUNCS = {
    # MXNet's modulo gives 0 where the divisor is 0 (NumPy: nan)
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide,
    "true_divide": np.true_divide, "modulo": lambda x, y: np.where(np.asarray(y) == 0, 0, np.mod(x, y)), "power": np.power, "maximum": np.maximum,
    "minimum": np.minimum, "equal": np.equal, "not_equal": np.not_equal, "greater": np.greater,
    "greater_equal": np.greater_equal, "lesser": np.less, "lesser_equal": np.less_equal,
    "logical_and": np.logical_and, "logical_or": np.logical_or, "logical_xor": np.logical_xor,
}
A = np.array([1.0, 5.0, 0.0, -2.0], dtype=np.float32)
B = np.array([[2.0], [0.5], [-3.0]], dtype=np.float32)


def _np(f, l, r):
    with np.errstate(all="ignore"):
        return np.asarray(f(l, r)).astype(np.float32)


@pytest.mark.parametrize("name", sorted(FUNCS))
def test_against_numpy(name):
    f, ref = getattr(mx.nd, name), FUNCS[name]
    a, b = mx.nd.array(A), mx.nd.array(B)
    np.testing.assert_allclose(f(a, b).asnumpy(), _np(ref, A, B), rtol=1e-6)  # broadcast
    for s in (3, 2.5, 0):
        np.testing.assert_allclose(f(a, s).asnumpy(), _np(ref, A, np.float32(s)), rtol=1e-6)
        np.testing.assert_allclose(f(s, a).asnumpy(), _np(ref, np.float32(s), A), rtol=1e-6)
    v = f(2, 3)
    assert not isinstance(v, mx.nd.NDArray) and float(v) == pytest.approx(float(_np(ref, 2.0, 3.0)), rel=1e-6)
    assert f.__doc__ and "broadcast" in f.__doc__


def test_bad_operand_names_the_function():
    with pytest.raises(TypeError, match="maximum: operands must be NDArrays or numbers, got str"):
        mx.nd.maximum(mx.nd.ones(2), "x")


def test_symbol_functions():
    a, b = mx.sym.Variable("a"), mx.sym.Variable("b")
    cases = [(mx.sym.maximum(a, b), "_maximum0"), (mx.sym.maximum(a, 2), "_maximumscalar0"),
             (mx.sym.minimum(2, a), "_minimumscalar0"), (mx.sym.pow(2, a), "_rpowerscalar0"),
             (mx.sym.power(a, b), "_power0"), (mx.sym.hypot(a, 3), "_hypotscalar0")]
    assert all(s.name.startswith(n[:-1]) for s, n in cases)  # MXNet's auto names
    x = np.array([1.0, 4.0], dtype=np.float32)
    y = np.array([3.0, 2.0], dtype=np.float32)
    want = [np.maximum(x, y), np.maximum(x, 2), np.minimum(2, x), np.power(2, x), np.power(x, y),
            np.hypot(x, 3)]
    for (sym, _), ref in zip(cases, want):
        args = {k: mx.nd.array(v) for k, v in (("a", x), ("b", y)) if k in sym.list_arguments()}
        out = sym.bind(mx.cpu(), args).forward()[0].asnumpy()
        np.testing.assert_allclose(out, ref, rtol=1e-6)
    assert mx.sym.maximum(2, 3) == 3 and mx.sym.pow(2, 3) == 8
    full = mx.sym.full((2, 3), 7).bind(mx.cpu(), {}).forward()[0].asnumpy()
    np.testing.assert_array_equal(full, np.full((2, 3), 7, np.float32))
    rng = mx.sym.arange(2, 10, 2, repeat=2).bind(mx.cpu(), {}).forward()[0].asnumpy()
    np.testing.assert_array_equal(rng, np.repeat(np.arange(2, 10, 2, dtype=np.float32), 2))
    with pytest.raises(TypeError, match="hypot: operands must be Symbols or numbers"):
        mx.sym.hypot(a, "x")
