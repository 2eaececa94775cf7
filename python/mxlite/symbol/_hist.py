"""mx.sym.histogram: MXNet's front end of the _histogram operator for graphs."""
import numbers

from .symbol import Symbol, _call


def histogram(a, bins=10, range=None, **kwargs):  # noqa: A002 (MXNet's and numpy's parameter name)
    """The histogram of `a` as a two-output symbol (counts, bin_edges): bins is a Symbol
    of increasing edges, or an int with `range` (a graph cannot look at the data to
    choose one)."""
    if isinstance(bins, Symbol):
        return _call("_histogram", [a, bins], **kwargs)
    if isinstance(bins, numbers.Integral) and not isinstance(bins, bool):
        if range is None:
            raise ValueError("histogram: range must be given with an int bins in symbol mode")
        return _call("_histogram", [a], bin_cnt=int(bins), range=tuple(range), **kwargs)
    raise ValueError("histogram: bins must be an int or a Symbol, got %s" % type(bins).__name__)
