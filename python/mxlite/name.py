"""Automatic symbol names (MXNet's mx.name): NameManager and Prefix."""
import threading


class NameManager:
    """Gives unnamed symbols a name from a hint and a per-hint counter:
    FullyConnected -> fullyconnected0, fullyconnected1, ... Used as a context
    manager, a new manager starts fresh counters for the block."""

    _local = threading.local()

    def __init__(self):
        self._counter = {}
        self._old = None

    def get(self, name, hint):
        if name:
            return name
        n = self._counter.get(hint, 0)
        self._counter[hint] = n + 1
        return "%s%d" % (hint, n)

    def __enter__(self):
        self._old = NameManager.current
        NameManager._local.current = self
        return self

    def __exit__(self, *exc):
        NameManager._local.current = self._old


class Prefix(NameManager):
    """Prefixes every name made in its block: with Prefix('net_'): -> net_fullyconnected0."""

    def __init__(self, prefix):
        super().__init__()
        self._prefix = prefix

    def get(self, name, hint):
        return self._prefix + super().get(name, hint)


class _Current:
    def __get__(self, obj, owner):
        cur = getattr(NameManager._local, "current", None)
        if cur is None:
            cur = NameManager._local.current = NameManager()
        return cur


NameManager.current = _Current()
