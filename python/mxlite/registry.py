"""Name registries for pluggable classes (initializers, metrics), as mx.registry in MXNet:
a register decorator, an alias decorator and a case-insensitive look-up whose error
lists what is registered."""

_REGISTRIES = {}  # base class -> {lower-case name: class}


def _table(base_class):
    return _REGISTRIES.setdefault(base_class, {})


def get_register_func(base_class, nickname):
    """A class decorator that registers a subclass of base_class by its lower-case name."""
    table = _table(base_class)

    def register(klass):
        if not (isinstance(klass, type) and issubclass(klass, base_class)):
            raise TypeError("register: expected a subclass of %s (a %s), got %r"
                            % (base_class.__name__, nickname, klass))
        table[klass.__name__.lower()] = klass
        return klass
    register.__doc__ = "Registers a %s class under its lower-case class name." % nickname
    return register


def get_alias_func(base_class, nickname):
    """A class decorator factory: alias('name', ...) registers more names for a class."""
    table = _table(base_class)

    def alias(*names):
        def deco(klass):
            for n in names:
                table[n.lower()] = klass
            return klass
        return deco
    alias.__doc__ = "Registers extra names for a %s class." % nickname
    return alias


def find(base_class, nickname, name):
    """The class registered as `name` (any case); ValueError listing the known names."""
    table = _table(base_class)
    klass = table.get(name.lower())
    if klass is None:
        raise ValueError("Cannot find %s '%s'; registered %ss: %s"
                         % (nickname, name, nickname, ", ".join(sorted(table))))
    return klass
