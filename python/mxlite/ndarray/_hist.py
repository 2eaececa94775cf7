"""mx.nd.histogram: MXNet's Python front end of the _histogram operator."""
import numbers
import warnings

import numpy as np

from .ndarray import NDArray, _call, array


def histogram(a, bins=10, range=None):  # noqa: A002 (MXNet's and numpy's parameter name)
    """Computes the histogram of the input array; returns (counts, bin_edges).

    bins is an int (that many equal bins over `range`) or an NDArray of increasing bin
    edges. Each bin is [e_i, e_i+1) but the last, which is closed; values outside the
    edges are not counted. With int bins and range None, the range is (a.min(), a.max())
    and the result is numpy.histogram's (as MXNet: float32 arrays, with a warning);
    otherwise counts are int64 and the edges have a's dtype.
    """
    if isinstance(bins, NDArray):
        return tuple(_call("_histogram", a, bins))
    if isinstance(bins, numbers.Integral) and not isinstance(bins, bool):
        if range is None:
            warnings.warn("histogram: range is not given, so numpy computes the result (as MXNet does)")
            counts, edges = np.histogram(a.asnumpy(), bins=int(bins))
            return (array(counts, ctx=a.context, dtype="float32"), array(edges, ctx=a.context, dtype="float32"))
        return tuple(_call("_histogram", a, bin_cnt=int(bins), range=tuple(range)))
    raise ValueError("histogram: bins must be an int or an NDArray, got %s" % type(bins).__name__)
