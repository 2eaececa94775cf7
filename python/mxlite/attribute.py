"""Attribute scopes (MXNet's mx.AttrScope): attributes given to every symbol made
inside a `with` block, e.g. ctx_group or lr_mult."""
import threading


class AttrScope:
    _local = threading.local()

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            if not isinstance(v, str):
                raise ValueError("AttrScope: attribute %r must be a string, got %r" % (k, v))
        self._attr = kwargs
        self._old = None

    def get(self, attr):
        """The scope's attributes merged with (and overridden by) `attr`."""
        if not self._attr:
            return dict(attr) if attr else {}
        merged = dict(self._attr)
        if attr:
            merged.update(attr)
        return merged

    def __enter__(self):
        self._old = AttrScope.current
        merged = dict(self._old._attr)
        merged.update(self._attr)
        self._attr = merged
        AttrScope._local.current = self
        return self

    def __exit__(self, *exc):
        AttrScope._local.current = self._old


class _Current:
    def __get__(self, obj, owner):
        cur = getattr(AttrScope._local, "current", None)
        if cur is None:
            cur = AttrScope._local.current = AttrScope()
        return cur


AttrScope.current = _Current()
