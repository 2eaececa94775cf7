"""Data parallelism on the devices of one machine (MXNet 1.x's DataParallelExecutorGroup).

A group binds one executor per context. Each batch is cut along its batch axis into
one slice per device (sizes from the work load list), each executor runs forward and
backward on its slice, and the outputs are joined back in device order so metrics,
get_outputs and predict see the whole batch. Every device holds its own copy of the
parameters; the module keeps the copies identical (the KVStore sums the gradients,
then every copy takes the same update).

Nothing here is CPU-specific: a slice is copied to its executor's context whatever
that is, and outputs are joined on the first device.
"""
import numpy as np

from ..base import MXNetValueError
from ..context import Context, cpu
from .. import ndarray as nd
from ..ndarray import NDArray


def as_contexts(context, what):
    """None, a Context or a non-empty list of Contexts -> list of Contexts."""
    if context is None:
        return [cpu()]
    if isinstance(context, Context):
        return [context]
    if not isinstance(context, (list, tuple)):
        raise TypeError("%s: context must be an mx.Context or a list of them, got %s"
                        % (what, type(context).__name__))
    if not context:
        raise MXNetValueError("%s: context is an empty list; give at least one device, e.g. [mx.cpu()]" % what)
    for i, ctx in enumerate(context):
        if not isinstance(ctx, Context):
            raise TypeError("%s: context[%d] must be an mx.Context (mx.cpu(i) or mx.gpu(i)), got %s %r"
                            % (what, i, type(ctx).__name__, ctx))
    return list(context)


def check_work_load(work_load_list, num_device, what):
    """The relative share of each device in a batch (default: equal shares)."""
    if work_load_list is None:
        return [1] * num_device
    work_load_list = list(work_load_list)
    if len(work_load_list) != num_device:
        raise MXNetValueError("%s: work_load_list has %d entries but there are %d contexts"
                              % (what, len(work_load_list), num_device))
    for i, w in enumerate(work_load_list):
        if isinstance(w, bool) or not isinstance(w, (int, float, np.integer, np.floating)) or not w > 0:
            raise MXNetValueError("%s: work_load_list[%d] must be a positive number, got %r" % (what, i, w))
    return work_load_list


def split_batch(batch_size, work_load_list, contexts):
    """The slice of the batch each device gets. A device's count is its share of the
    batch rounded to the nearest integer (half to even); the last device takes what
    rounding left over. These are MXNet's counts, so a model splits the same way."""
    num_device = len(work_load_list)
    if batch_size < num_device:
        raise MXNetValueError(
            "batch size %d is smaller than the number of devices %d (%s): every device needs at least one "
            "sample; use a larger batch or fewer contexts"
            % (batch_size, num_device, ", ".join(str(c) for c in contexts)))
    total = float(sum(work_load_list))
    counts = [int(round(w * batch_size / total)) for w in work_load_list]
    counts[-1] += max(batch_size - sum(counts), 0)
    slices, begin = [], 0
    for ctx, count in zip(contexts, counts):
        end = min(begin + count, batch_size)
        if end <= begin:
            raise MXNetValueError("work_load_list %s leaves %s no sample of a batch of %d; give it a larger share"
                                  % (list(work_load_list), ctx, batch_size))
        slices.append(slice(begin, end))
        begin = end
    return slices


def _batch_axis(desc):
    return max(desc.get_batch_axis(getattr(desc, "layout", None)), 0)


def _slice_of(src, axis, sl):
    """Rows sl of src along axis: a view for axis 0 of an NDArray, else a copy."""
    if isinstance(src, NDArray):
        if axis == 0:
            return src[sl.start:sl.stop]
        return nd.slice_axis(src, axis=axis, begin=sl.start, end=sl.stop)
    src = np.asarray(src)
    index = [slice(None)] * src.ndim
    index[axis] = sl
    return src[tuple(index)]


def _copy_into(src, dst):
    if isinstance(src, NDArray):
        src.copyto(dst)
    else:
        dst[:] = src


def _join(per_device, axis=0):
    """One array from the per-device parts, on the first part's device. Arrays with no
    batch axis (0-d) are the same everywhere: the first is returned."""
    first = per_device[0]
    if len(per_device) == 1 or first.ndim == 0:
        return first
    ctx = first.context
    return nd.concatenate([a if a.context == ctx else a.as_in_context(ctx) for a in per_device], axis=axis)


class DataParallelExecutorGroup:
    """Executors for one set of input shapes, one per context.

    data_descs / label_descs: the whole batch's DataDescs. make_executor(ctx, data_descs,
    label_descs, shared) binds one device's executor for its slice's shapes, reusing the
    arrays in `shared` (name -> array, that device's parameters and gradients).
    shared_group: a group whose parameter arrays (and gradients) this one reuses, e.g.
    the group of another batch shape of the same module.
    """

    def __init__(self, contexts, work_load_list, data_descs, label_descs, param_names, aux_names,
                 make_executor, shared_group=None):
        self.contexts = list(contexts)
        self.data_descs = list(data_descs)
        self.label_descs = list(label_descs)
        self.param_names = list(param_names)
        self.aux_names = list(aux_names)
        self.batch_size = data_descs[0].shape[_batch_axis(data_descs[0])]
        self.slices = split_batch(self.batch_size, work_load_list, self.contexts)
        self.execs = []
        for k, (ctx, sl) in enumerate(zip(self.contexts, self.slices)):
            shared = shared_group.device_arrays(k) if shared_group is not None else None
            self.execs.append(make_executor(ctx, self._sliced(self.data_descs, sl),
                                            self._sliced(self.label_descs, sl), shared))
        # Per parameter, its array on every device (MXNet's param_arrays / grad_arrays);
        # grad_arrays[i] is None for a parameter that is not trained.
        self.param_arrays = [[ex.arg_dict[n] for ex in self.execs] for n in self.param_names]
        self.grad_arrays = [[ex.grad_dict[n] for ex in self.execs] if n in self.execs[0].grad_dict else None
                            for n in self.param_names]
        self.aux_arrays = [[ex.aux_dict[n] for ex in self.execs] for n in self.aux_names]

    @staticmethod
    def _sliced(descs, sl):
        from ..io import DataDesc
        out = []
        for d in descs:
            shape = list(d.shape)
            shape[_batch_axis(d)] = sl.stop - sl.start
            out.append(DataDesc(d.name, tuple(shape), getattr(d, "dtype", np.float32), getattr(d, "layout", "NCHW")))
        return out

    def device_arrays(self, k):
        """Device k's parameter, gradient and aux arrays, for a group that shares them."""
        ex = self.execs[k]
        return {"args": {n: ex.arg_dict[n] for n in self.param_names},
                "grads": {n: g for n, g in ex.grad_dict.items() if n in self.param_names},
                "aux": dict(ex.aux_dict)}

    # --------------------------------------------------------- compute
    def load_batch(self, names, arrays, descs):
        """Copy each device's slice of the arrays into its executor's inputs `names`."""
        axes = {d.name: _batch_axis(d) for d in descs}
        for ex, sl in zip(self.execs, self.slices):
            bound = ex.arg_dict
            for name, src in zip(names, arrays):
                part = src if len(self.execs) == 1 else _slice_of(src, axes.get(name, 0), sl)
                _copy_into(part, bound[name])

    def forward(self, is_train):
        for ex in self.execs:
            ex.forward(is_train=is_train)

    def backward(self, out_grads=None):
        if out_grads is None or len(self.execs) == 1:
            for ex in self.execs:
                ex.backward(out_grads)
            return
        out_grads = out_grads if isinstance(out_grads, (list, tuple)) else [out_grads]
        for ex, sl in zip(self.execs, self.slices):
            ex.backward([_slice_of(g, 0, sl).as_in_context(ex.outputs[0].context) if isinstance(g, NDArray)
                         else nd.array(_slice_of(g, 0, sl), ctx=ex.outputs[0].context) for g in out_grads])

    def get_outputs(self, merge_multi_context=True):
        """Outputs joined along the batch axis in device order, or (merge_multi_context=
        False) a list per output of the per-device arrays."""
        per_output = [[ex.outputs[i] for ex in self.execs] for i in range(len(self.execs[0].outputs))]
        if merge_multi_context:
            return [_join(parts) for parts in per_output]
        return per_output

    def get_input_grads(self, data_names, merge_multi_context=True):
        per_input = [[ex.grad_dict[n] for ex in self.execs] for n in data_names]
        axes = {d.name: _batch_axis(d) for d in self.data_descs}
        if merge_multi_context:
            return [_join(parts, axes.get(n, 0)) for n, parts in zip(data_names, per_input)]
        return per_input

    def output_shapes(self, output_names):
        """(name, whole-batch shape) of each output, without joining the outputs."""
        shapes = []
        for name, parts in zip(output_names, self.get_outputs(merge_multi_context=False)):
            shape = parts[0].shape
            if len(parts) > 1 and len(shape) > 0:
                shape = (sum(p.shape[0] for p in parts),) + tuple(shape[1:])
            shapes.append((name, tuple(shape)))
        return shapes

    # ---------------------------------------------------------- params
    def get_params(self):
        """(arg_params, aux_params) on the CPU. The parameter copies are identical, so
        the first device's is taken; aux states (e.g. BatchNorm's running statistics)
        saw different samples on each device and are averaged, as MXNet does."""
        host = cpu()
        args = {n: arrays[0].copyto(host) for n, arrays in zip(self.param_names, self.param_arrays)}
        aux = {}
        for n, arrays in zip(self.aux_names, self.aux_arrays):
            total = arrays[0].copyto(host)
            for a in arrays[1:]:
                total += a.as_in_context(host)
            if len(arrays) > 1:
                total /= len(arrays)
            aux[n] = total
        return args, aux

    def broadcast_from_first(self):
        """Copy the first device's value of each parameter and aux state to the others."""
        for arrays in self.param_arrays + self.aux_arrays:
            for a in arrays[1:]:
                arrays[0].copyto(a)

    def install_monitor(self, install):
        for ex in self.execs:
            install(ex)
