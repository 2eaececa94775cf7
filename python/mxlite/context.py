"""Devices (MXNet's mxnet.context): mx.cpu(i), mx.gpu(i), `with ctx:` defaults."""
import threading

from . import _lib


class Context:
    """A device: type ('cpu' or 'gpu') and id. Usable as `with mx.cpu(1): ...` to
    set the default context of arrays created inside the block."""

    devtype2str = {1: "cpu", 2: "gpu", 3: "cpu_pinned", 5: "cpu_shared"}
    devstr2type = {v: k for k, v in devtype2str.items()}
    _default = threading.local()

    def __init__(self, device_type, device_id=0):
        if isinstance(device_type, Context):
            self.device_typeid = device_type.device_typeid
            self.device_id = device_type.device_id
        else:
            if device_type not in Context.devstr2type:
                raise ValueError("unknown device type %r; expected one of %s"
                                 % (device_type, sorted(Context.devstr2type)))
            self.device_typeid = Context.devstr2type[device_type]
            self.device_id = int(device_id)
        self._old = []

    @property
    def device_type(self):
        return Context.devtype2str[self.device_typeid]

    def __hash__(self):
        return hash((self.device_typeid, self.device_id))

    def __eq__(self, other):
        return (isinstance(other, Context) and self.device_typeid == other.device_typeid
                and self.device_id == other.device_id)

    def __ne__(self, other):
        return not self == other

    def __str__(self):
        return "%s(%d)" % (self.device_type, self.device_id)

    __repr__ = __str__

    def __enter__(self):
        self._old.append(current_context())
        Context._default.value = self
        return self

    def __exit__(self, *exc):
        Context._default.value = self._old.pop()
        return False

    def empty_cache(self):
        """Returns this device's pooled memory to the system."""
        _lib.check_call(_lib.lib.mxl_storage_release_pool(self.device_typeid, self.device_id))


def cpu(device_id=0):
    return Context("cpu", device_id)


def gpu(device_id=0):
    return Context("gpu", device_id)


def cpu_pinned(device_id=0):
    return Context("cpu_pinned", device_id)


def current_context():
    """The default context of this thread (cpu(0) unless inside `with ctx:`)."""
    ctx = getattr(Context._default, "value", None)
    if ctx is None:
        ctx = Context._default.value = Context("cpu", 0)
    return ctx


def num_gpus():
    """Number of usable GPUs. 0 when the CUDA plugin (built when a CUDA compiler is
    found), the driver or a device is missing; mx.gpu(i) arrays then raise an
    MXNetError (kind MXL_ERR_DEVICE) naming what is missing."""
    n = _lib.ffi.new("int*")
    _lib.check_call(_lib.lib.mxl_num_gpus(n))
    return n[0]


def gpu_info():
    """One line on the GPU backend: the CUDA plugin's path, CUDA runtime and driver
    versions and the number of GPUs -- or why GPUs are unusable."""
    s = _lib.ffi.new("const char**")
    _lib.check_call(_lib.lib.mxl_gpu_info(s))
    return _lib.ffi.string(s[0]).decode()
