"""Module: a Symbol with its parameters, executors and optimizer (MXNet 1.x's mx.mod.Module).

`context` is one Context or a list of them. With several, each batch is split
along its batch axis over the devices (see executor_group), each device computes
the gradients of its slice, and the KVStore sums them; every device's copy of the
weights then takes the same step, so the copies stay identical and training matches
one device with the same global batch. The KVStore is chosen as in MXNet 1.9 (see
init_optimizer): one device with a local kvstore needs none, the optimizer updates
the weights in place.
"""
import logging
import os
import warnings

import numpy as np

from ..base import MXNetError, MXNetShapeError, MXNetValueError
from ..context import cpu
from .. import ndarray as nd
from ..ndarray import NDArray
from .base_module import BaseModule
from .executor_group import DataParallelExecutorGroup, as_contexts, check_work_load


def _as_descs(shapes, what):
    """(name, shape) pairs or DataDescs -> DataDescs."""
    from ..io import DataDesc
    if shapes is None:
        return []
    out = []
    for s in shapes:
        if isinstance(s, DataDesc):
            out.append(s)
        elif isinstance(s, (list, tuple)) and len(s) == 2 and isinstance(s[0], str):
            out.append(DataDesc(s[0], s[1]))
        else:
            raise MXNetValueError("bind: each entry of %s must be a DataDesc or a (name, shape) pair, got %r"
                                  % (what, s))
    return out


class Module(BaseModule):
    """symbol: the network. data_names / label_names: its input arguments fed from
    batches (every other argument is a parameter). fixed_param_names: parameters that
    are not trained. context: one Context or a list of them (data parallelism: each
    batch is split over the devices). work_load_list: each device's relative share of
    a batch (default: equal shares; the last device takes the remainder)."""

    def __init__(self, symbol, data_names=("data",), label_names=("softmax_label",), logger=logging,
                 context=cpu(), work_load_list=None, fixed_param_names=None, state_names=None,
                 group2ctxs=None, compression_params=None):
        super().__init__(logger=logger)
        self._context = as_contexts(context, "Module")
        self._work_load_list = check_work_load(work_load_list, len(self._context), "Module")
        self._symbol = symbol
        arg_names = symbol.list_arguments()
        data_names = list(data_names) if data_names is not None else []
        label_names = list(label_names) if label_names is not None else []
        state_names = list(state_names) if state_names is not None else []
        fixed_param_names = list(fixed_param_names) if fixed_param_names is not None else []
        for kind, names in (("data", data_names), ("state", state_names), ("fixed_param", fixed_param_names)):
            for n in names:
                if n not in arg_names:
                    raise MXNetValueError("Module: %s name %r is not an argument of the symbol (arguments: %s)"
                                          % (kind, n, ", ".join(arg_names)))
        missing_labels = [n for n in label_names if n not in arg_names]
        if missing_labels:
            # Common for inference symbols without a loss; the labels are simply not fed.
            warnings.warn("Module: label name(s) %s are not arguments of the symbol and will be ignored"
                          % missing_labels, stacklevel=2)
            label_names = [n for n in label_names if n in arg_names]
        self._data_names = data_names
        self._label_names = label_names
        self._state_names = state_names
        self._fixed_param_names = fixed_param_names
        inputs = set(data_names + label_names + state_names)
        self._param_names = [n for n in arg_names if n not in inputs]
        self._aux_names = symbol.list_auxiliary_states()
        self._output_names = symbol.list_outputs()
        self._arg_params = None
        self._aux_params = None
        self._params_dirty = False
        self._exec_group = None
        self._groups = {}  # bound input shapes -> executor group sharing the parameters
        self._data_shapes = []
        self._label_shapes = []
        self._optimizer = None
        self._updater = None
        self._kvstore = None
        self._update_on_kvstore = False
        self._grad_req = None
        self._monitor = None
        self._compression_params = compression_params

    # ------------------------------------------------------------ names
    @property
    def data_names(self):
        return list(self._data_names)

    @property
    def label_names(self):
        return list(self._label_names)

    @property
    def output_names(self):
        return list(self._output_names)

    @property
    def data_shapes(self):
        return list(self._data_shapes)

    @property
    def label_shapes(self):
        return list(self._label_shapes)

    @property
    def data_shapes_key(self):
        return [tuple(d) for d in self._data_shapes]

    @property
    def output_shapes(self):
        """(name, shape) of each output for the whole batch (all devices together)."""
        if not self.binded:
            raise MXNetValueError("output_shapes: the module is not bound")
        return self._exec_group.output_shapes(self._output_names)

    @property
    def _exec(self):
        """The first device's executor (the only one with one context)."""
        return self._exec_group.execs[0] if self._exec_group is not None else None

    # ------------------------------------------------------------- bind
    def _check_names(self, descs, names, what):
        got = [d.name for d in descs]
        if sorted(got) != sorted(names):
            raise MXNetValueError("bind: %s names %s do not match the module's %s_names %s"
                                  % (what, got, what, names))

    def _infer(self, data_descs, label_descs):
        """Shapes of arguments and aux states; a label whose shape contradicts the one
        the network implies is an error that names both shapes."""
        known = {d.name: tuple(d.shape) for d in data_descs + label_descs}
        try:
            arg_shapes, _, aux_shapes = self._symbol.infer_shape(**known)
        except MXNetError as e:
            arg_shapes, err = None, e
        else:
            err = None
        if arg_shapes is not None:
            return arg_shapes, aux_shapes
        # Find which label disagrees: infer from the data alone and compare.
        data_only = {d.name: tuple(d.shape) for d in data_descs}
        try:
            implied = dict(zip(self._symbol.list_arguments(), self._symbol.infer_shape_partial(**data_only)[0]))
        except MXNetError:
            implied = {}
        for d in label_descs:
            want = implied.get(d.name)
            if want and tuple(want) != tuple(d.shape):
                raise MXNetShapeError(
                    "label shape mismatch: label %r has shape %s but for data shapes %s the network expects %s"
                    % (d.name, tuple(d.shape), data_only, tuple(want)))
        if err is not None:
            raise MXNetShapeError("bind: cannot infer the network's shapes from %s: %s" % (known, err))
        partial = self._symbol.infer_shape_partial(**known)[0]
        missing = [n for n, s in zip(self._symbol.list_arguments(), partial) if not s]
        raise MXNetShapeError("bind: the shapes of %s cannot be inferred from %s" % (missing, known))

    def _new_executor(self, ctx, data_descs, label_descs, shared):
        """One device's executor for its slice's shapes. shared: that device's arrays to
        reuse ({"args", "grads", "aux"}: name -> array) or None."""
        shared_params = shared["args"] if shared else {}
        shared_grads = shared["grads"] if shared else {}
        shared_aux = shared["aux"] if shared else {}
        arg_shapes, aux_shapes = self._infer(data_descs, label_descs)
        types = {d.name: getattr(d, "dtype", np.float32) for d in data_descs + label_descs}
        arg_types, _, aux_types = self._symbol.infer_type(**types)
        arg_names = self._symbol.list_arguments()
        if arg_types is None:
            arg_types = [types.get(n, np.float32) for n in arg_names]
            aux_types = [np.float32] * len(aux_shapes)
        args, grads, reqs = {}, {}, {}
        for name, shape, dtype in zip(arg_names, arg_shapes, arg_types):
            shared_arg = shared_params.get(name)
            if shared_arg is not None:
                if shared_arg.shape != tuple(shape):
                    raise MXNetShapeError("bind: shared parameter %r has shape %s, the network needs %s"
                                          % (name, shared_arg.shape, tuple(shape)))
                args[name] = shared_arg
            else:
                args[name] = nd.zeros(shape, ctx=ctx, dtype=dtype)
            reqs[name] = self._req_for(name)
            if reqs[name] != "null":
                shared_grad = shared_grads.get(name)
                grads[name] = shared_grad if shared_grad is not None and shared_grad.shape == tuple(shape) \
                    else nd.zeros(shape, ctx=ctx, dtype=dtype)
        aux = {}
        for name, shape, dtype in zip(self._aux_names, aux_shapes, aux_types):
            shared_state = shared_aux.get(name)
            aux[name] = shared_state if shared_state is not None else nd.zeros(shape, ctx=ctx, dtype=dtype)
        return self._symbol.bind(ctx, args, args_grad=grads, grad_req=reqs, aux_states=aux)

    def _new_group(self, data_descs, label_descs, shared_group):
        group = DataParallelExecutorGroup(self._context, self._work_load_list, data_descs, label_descs,
                                          self._param_names, self._aux_names, self._new_executor, shared_group)
        if self._monitor is not None:
            group.install_monitor(self._monitor.install)
        return group

    def _req_for(self, name):
        if not self.for_training:
            return "null"
        if name in self._data_names:
            return self._grad_req if self.inputs_need_grad else "null"
        if name in self._label_names or name in self._state_names or name in self._fixed_param_names:
            return "null"
        return self._grad_req

    def bind(self, data_shapes, label_shapes=None, for_training=True, inputs_need_grad=False, force_rebind=False,
             shared_module=None, grad_req="write"):
        """Allocate the executors for these input shapes (DataDescs or (name, shape)
        pairs; the whole batch, which is split over the contexts). shared_module: share
        its parameter arrays (e.g. an evaluation module on the same contexts)."""
        if self.binded and not force_rebind:
            self.logger.warning("Already bound, ignoring bind()")
            return
        if grad_req not in ("write", "add", "null"):
            raise MXNetValueError("bind: grad_req must be 'write', 'add' or 'null', got %r" % (grad_req,))
        self.for_training = for_training
        self.inputs_need_grad = inputs_need_grad
        self._grad_req = grad_req
        data_descs = _as_descs(data_shapes, "data_shapes")
        label_descs = _as_descs(label_shapes, "label_shapes") if label_shapes else []
        self._check_names(data_descs, self._data_names, "data")
        if not self._label_names:
            label_descs = []  # a symbol without label inputs (e.g. for inference) ignores them
        elif label_descs:
            self._check_names(label_descs, self._label_names, "label")
        shared_group = None
        first_bind = self._exec_group is None
        if shared_module is not None:
            if not (shared_module.binded and shared_module.params_initialized):
                raise MXNetValueError("bind: shared_module must be bound and initialized")
            if list(shared_module._context) != list(self._context):
                raise MXNetValueError("bind: shared_module runs on %s but this module on %s; they must share "
                                      "the contexts" % (shared_module._context, self._context))
            shared_group = shared_module._exec_group
        elif self._exec_group is not None:  # rebinding keeps the current parameter values
            shared_group = self._exec_group
        group = self._new_group(data_descs, label_descs, shared_group)
        self._exec_group = group
        self._groups = {self._shape_key(data_descs, label_descs): group}
        self._data_shapes, self._label_shapes = data_descs, label_descs
        self.binded = True
        if shared_module is not None:
            self.params_initialized = True
            self._arg_params, self._aux_params = shared_module._arg_params, shared_module._aux_params
        elif first_bind and self.params_initialized:  # e.g. after Module.load
            self._push_params()

    @staticmethod
    def _shape_key(data_descs, label_descs):
        return tuple((d.name, tuple(d.shape)) for d in list(data_descs) + list(label_descs))

    def reshape(self, data_shapes, label_shapes=None):
        """Rebind to new input shapes, keeping (sharing) the parameters."""
        if not self.binded:
            raise MXNetValueError("reshape: the module is not bound")
        data_descs = _as_descs(data_shapes, "data_shapes")
        label_descs = _as_descs(label_shapes, "label_shapes") if label_shapes else []
        self._check_names(data_descs, self._data_names, "data")
        key = self._shape_key(data_descs, label_descs)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = self._new_group(data_descs, label_descs, self._exec_group)
        self._exec_group = group
        self._data_shapes, self._label_shapes = data_descs, label_descs

    # ----------------------------------------------------------- params
    def _attrs(self):
        return self._symbol.attr_dict()

    def init_params(self, initializer=None, arg_params=None, aux_params=None, allow_missing=False,
                    force_init=False, allow_extra=False):
        """Give every parameter a value: from arg_params / aux_params where present,
        else from initializer (mx.init.*; default Uniform(0.01)). allow_missing=False
        makes a parameter absent from a given arg_params an error."""
        if initializer is None:
            from ..model import _default_initializer
            initializer = _default_initializer()
        self._fill_params(initializer, arg_params, aux_params, allow_missing, force_init, allow_extra)

    def _fill_params(self, initializer, arg_params, aux_params, allow_missing, force_init, allow_extra):
        if self.params_initialized and not force_init:
            warnings.warn("Parameters already initialized and force_init=False. init_params call ignored.",
                          stacklevel=3)
            return
        if not self.binded:
            raise MXNetValueError("init_params: call bind() before init_params()")
        attrs = self._attrs()
        if initializer is not None:
            from .. import initializer as init_mod
        if not allow_extra:
            for given, names, kind in ((arg_params, self._param_names, "arg"), (aux_params, self._aux_names, "aux")):
                extra = sorted(set(given or {}) - set(names))
                if extra:
                    raise MXNetValueError("init_params: %s_params has %s, which the network does not have (pass "
                                          "allow_extra=True to ignore them)" % (kind, extra))
        # Values go to the first device, then are copied to the others.
        arg_arrays = self._exec_group.execs[0].arg_dict
        aux_arrays = self._exec_group.execs[0].aux_dict

        def fill(name, target, given, kind):
            if given is not None and name in given:
                src = given[name]
                if not isinstance(src, NDArray):
                    src = nd.array(np.asarray(src), dtype=target.dtype)
                if src.shape != target.shape:
                    raise MXNetShapeError("init_params: %s %r has shape %s in %s_params but the network needs %s"
                                          % (kind, name, src.shape, kind, target.shape))
                src.copyto(target)
            elif given is not None and not allow_missing:
                raise MXNetValueError("init_params: %r is missing from %s_params (pass allow_missing=True to "
                                      "initialize it with the initializer)" % (name, kind))
            elif initializer is not None:
                initializer(init_mod.InitDesc(name, attrs.get(name, None)), target)
            elif not self.params_initialized:
                raise MXNetValueError("set_params: %s %r has no value in %s_params and the module has none yet "
                                      "(use init_params with an initializer)" % (kind, name, kind))
            # else: set_params(allow_missing=True) keeps the current value

        for name in self._param_names:
            fill(name, arg_arrays[name], arg_params, "arg")
        for name in self._aux_names:
            fill(name, aux_arrays[name], aux_params, "aux")
        self._exec_group.broadcast_from_first()
        self.params_initialized = True
        self._params_dirty = True
        if self.optimizer_initialized and self._kvstore is not None and self._update_on_kvstore:
            # The store keeps its own copy of the weights (a key cannot be initialized
            # twice) and the next update() pulls that copy back over these values.
            warnings.warn("new parameter values after init_optimizer: the KVStore holds the weights it updates, "
                          "so the next update() would replace them; call init_optimizer(kvstore=<name>, "
                          "force_init=True) to train on from these values", stacklevel=3)

    def set_params(self, arg_params, aux_params, allow_missing=False, force_init=True, allow_extra=False):
        """Copy the given values into the parameters (all must be present unless allow_missing)."""
        if not self.binded:
            raise MXNetValueError("set_params: call bind() before set_params()")
        self._fill_params(None, arg_params, aux_params or {}, allow_missing, force_init, allow_extra)

    def get_params(self):
        """(arg_params, aux_params): copies of the current values, on the CPU (aux
        states averaged over the devices)."""
        if not (self.binded and self.params_initialized):
            raise MXNetValueError("get_params: the module has no parameters yet (bind and init_params first)")
        self._arg_params, self._aux_params = self._exec_group.get_params()
        self._params_dirty = False
        return self._arg_params, self._aux_params

    def _push_params(self):
        if self._arg_params is not None:
            self._exec_group.execs[0].copy_params_from(self._arg_params, self._aux_params, allow_extra_params=True)
            self._exec_group.broadcast_from_first()

    # -------------------------------------------------------- optimizer
    def init_optimizer(self, kvstore="local", optimizer="sgd", optimizer_params=(("learning_rate", 0.01),),
                       force_init=False):
        """Create the optimizer (a name for mx.optimizer.create, or an Optimizer) and
        choose how updates happen, as MXNet 1.9 does (mx.model._create_kvstore):

        * kvstore: a name ('local', 'device', 'dist_sync', 'dist_async', ...), a
          KVStore object, or None. One device with a non-'dist' name needs no store:
          the optimizer updates the weights in place. Several devices, a 'dist' name or
          a KVStore object: the store sums the gradients of all devices (and workers).
        * update_on_kvstore (MXNET_UPDATE_ON_KVSTORE, default 1): the store runs the
          optimizer and every device pulls the new weights; otherwise every device runs
          the optimizer on the summed gradients itself.

        rescale_grad defaults to 1 / batch size, the whole batch over all devices
        (times the number of workers for a 'dist_*_sync' store)."""
        if self.optimizer_initialized and not force_init:
            warnings.warn("optimizer already initialized, ignoring...", stacklevel=2)
            return
        if not (self.binded and self.params_initialized):
            raise MXNetValueError("init_optimizer: bind() and init_params() must come first")
        from .. import optimizer as opt
        from ..model import _create_kvstore, _initialize_kvstore
        if self._params_dirty or self._arg_params is None:
            self.get_params()  # the store is initialized from these
        if kvstore is None and len(self._context) > 1:
            # Each device would step on its own slice's gradient and the copies would drift
            # apart (MXNet does that silently).
            raise MXNetValueError("init_optimizer: %d contexts (%s) need a KVStore to sum their gradients; "
                                  "pass kvstore='local' (or 'device', 'dist_sync', a KVStore), not None"
                                  % (len(self._context), ", ".join(str(c) for c in self._context)))
        kvstore, update_on_kvstore = _create_kvstore(kvstore, len(self._context), self._arg_params)
        batch_size = self._exec_group.batch_size
        kv_type = str(getattr(kvstore, "type", "")) if kvstore is not None else ""
        if "async" in kv_type and not update_on_kvstore:
            # Each worker's store copy only sees its own pushes: devices updating
            # locally would follow their own worker's gradients and drift apart.
            raise MXNetValueError("init_optimizer: a %r store must run the optimizer itself; unset "
                                  "MXNET_UPDATE_ON_KVSTORE=0 (or use 'dist_sync')" % kv_type)
        if "dist" in kv_type and "_sync" in kv_type:
            batch_size *= kvstore.num_workers  # every worker's gradients are summed
        rescale_grad = 1.0 / batch_size
        num_device = len(self._context)
        if update_on_kvstore:
            idx2name = dict(enumerate(self._param_names))
        else:  # device k's copy of parameter i is updated under index i * num_device + k
            idx2name = {i * num_device + k: n for i, n in enumerate(self._param_names) for k in range(num_device)}
        if isinstance(optimizer, str):
            params = dict(optimizer_params or {})
            params.setdefault("rescale_grad", rescale_grad)
            optimizer = opt.create(optimizer, sym=self._symbol, param_idx2name=idx2name, **params)
        else:
            if not isinstance(optimizer, opt.Optimizer):
                raise TypeError("init_optimizer: optimizer must be a name or an mx.optimizer.Optimizer, got %s"
                                % type(optimizer).__name__)
            if optimizer.rescale_grad != rescale_grad:
                warnings.warn("Optimizer created manually outside Module but rescale_grad is not normalized to "
                              "1.0/batch_size/num_workers (%s vs. %s). Is this intended?"
                              % (optimizer.rescale_grad, rescale_grad), stacklevel=2)
            if not getattr(optimizer, "idx2name", None):
                optimizer.idx2name = idx2name.copy()
        self._optimizer = optimizer
        self._kvstore = kvstore
        self._update_on_kvstore = update_on_kvstore
        self._updater = None
        if kvstore is not None:
            if self._compression_params:
                set_compression = getattr(kvstore, "set_gradient_compression", None)
                if set_compression is None:
                    raise MXNetValueError("Module: compression_params given but the %r KVStore has no gradient "
                                          "compression" % (getattr(kvstore, "type", kvstore),))
                set_compression(self._compression_params)
            if update_on_kvstore:
                kvstore.set_optimizer(optimizer)
            _initialize_kvstore(kvstore, self._exec_group.param_arrays, self._arg_params, self._param_names,
                                update_on_kvstore)
        if not update_on_kvstore:
            self._updater = opt.get_updater(optimizer)
        self.optimizer_initialized = True
        preload = getattr(self, "_preload_opt_states", None)
        if preload is not None:
            self.load_optimizer_states(preload)
            self._preload_opt_states = None

    def _end_of_epoch_sync(self):
        """dist_async: every worker updates its own copy of the weights; at the end of
        an epoch the copies are averaged over the workers (the store's barrier) and
        pulled to every device, so checkpoints and evaluation see one model."""
        kv = self._kvstore
        if kv is None or "async" not in str(getattr(kv, "type", "")):
            return
        kv.barrier()
        for name, arrays in zip(self._param_names, self._exec_group.param_arrays):
            kv.pull(name, out=arrays)
        self._params_dirty = True

    def borrow_optimizer(self, shared_module):
        """Use another module's optimizer, updater and KVStore."""
        if not shared_module.optimizer_initialized:
            raise MXNetValueError("borrow_optimizer: the other module has no optimizer")
        self._optimizer = shared_module._optimizer
        self._updater = shared_module._updater
        self._kvstore = shared_module._kvstore
        self._update_on_kvstore = shared_module._update_on_kvstore
        self.optimizer_initialized = True

    # ----------------------------------------------------------- compute
    def _batch_descs(self, arrays, names):
        from ..io import DataDesc
        return [DataDesc(n, a.shape) for n, a in zip(names, arrays)]

    def forward(self, data_batch, is_train=None):
        """Copy the batch into the executor and run forward (asynchronously). A batch of
        other input shapes rebinds (sharing the parameters)."""
        if not (self.binded and self.params_initialized):
            raise MXNetValueError("forward: the module must be bound and initialized first")
        if is_train is None:
            is_train = self.for_training
        data = data_batch.data
        if data is None or len(data) != len(self._data_names):
            raise MXNetValueError("forward: the batch has %d data arrays but the module takes %d (%s)"
                                  % (0 if data is None else len(data), len(self._data_names),
                                     ", ".join(self._data_names)))
        labels = data_batch.label if self._label_names else None
        if labels and len(labels) != len(self._label_names):
            raise MXNetValueError("forward: the batch has %d label arrays but the module takes %d (%s)"
                                  % (len(labels), len(self._label_names), ", ".join(self._label_names)))
        # Names in data_names order (the batch follows provide_data's order, which bind checked).
        names = [d.name for d in self._data_shapes] if len(self._data_shapes) == len(data) else self._data_names
        bound = {d.name: tuple(d.shape) for d in self._data_shapes + self._label_shapes}
        if any(tuple(a.shape) != bound.get(n) for n, a in zip(names, data)) or (
                labels and any(tuple(a.shape) != bound.get(n) for n, a in zip(self._label_names, labels))):
            label_descs = self._batch_descs(labels, self._label_names) if labels else []
            self.reshape(self._batch_descs(data, names), label_descs)
        group = self._exec_group
        group.load_batch(names, data, self._data_shapes)
        if labels:
            group.load_batch(self._label_names, labels, self._label_shapes)
        group.forward(is_train=is_train)

    def backward(self, out_grads=None):
        """Gradients of the last forward (out_grads: head gradients for the whole batch,
        split over the devices like the data)."""
        if not self.for_training:
            raise MXNetValueError("backward: the module was bound with for_training=False")
        self._exec_group.backward(out_grads)

    def update(self):
        """One optimizer step on every trained parameter, from the gradients of the last
        backward (summed over the devices through the KVStore when there is one)."""
        from ..model import _update_params, _update_params_on_kvstore
        if not self.optimizer_initialized:
            raise MXNetValueError("update: call init_optimizer() first")
        self._params_dirty = True
        group = self._exec_group
        if self._update_on_kvstore:
            _update_params_on_kvstore(group.param_arrays, group.grad_arrays, self._kvstore, self._param_names)
        else:
            _update_params(group.param_arrays, group.grad_arrays, self._updater, len(self._context),
                           self._kvstore, self._param_names)

    def get_outputs(self, merge_multi_context=True):
        """The outputs of the last forward for the whole batch (device slices joined in
        order); merge_multi_context=False: per output, the list of per-device arrays."""
        return self._exec_group.get_outputs(merge_multi_context)

    def get_input_grads(self, merge_multi_context=True):
        if not self.inputs_need_grad:
            raise MXNetValueError("get_input_grads: bind with inputs_need_grad=True")
        return self._exec_group.get_input_grads(self._data_names, merge_multi_context)

    def update_metric(self, eval_metric, labels, pre_sliced=False):
        """Update eval_metric with the last outputs. pre_sliced=True: labels is a list,
        per device, of that device's labels."""
        if not pre_sliced:
            eval_metric.update(labels, self.get_outputs())
            return
        per_output = self.get_outputs(merge_multi_context=False)
        if len(labels) != len(self._context):
            raise MXNetValueError("update_metric: pre_sliced labels has %d entries but there are %d devices"
                                  % (len(labels), len(self._context)))
        for k, device_labels in enumerate(labels):
            eval_metric.update(device_labels, [parts[k] for parts in per_output])

    def install_monitor(self, mon):
        install = getattr(mon, "install", None)
        if install is None:
            raise TypeError("install_monitor: expected an mx.monitor.Monitor")
        self._exec_group.install_monitor(install)
        self._monitor = mon

    # ----------------------------------------------------------- files
    def save_optimizer_states(self, fname):
        """The optimizer's states (momentum, ...) to fname: the store's when it runs the
        optimizer, else the module's updater's (every device's states)."""
        if not self.optimizer_initialized:
            raise MXNetValueError("save_optimizer_states: no optimizer")
        if self._update_on_kvstore:
            self._kvstore.save_optimizer_states(fname)
            return
        get_states = getattr(self._updater, "get_states", None)
        if get_states is None:
            raise MXNetError("save_optimizer_states: this updater cannot export its states")
        data = get_states(dump_optimizer=False)
        tmp = "%s.tmp" % fname
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, fname)

    def load_optimizer_states(self, fname):
        if not self.optimizer_initialized:
            raise MXNetValueError("load_optimizer_states: call init_optimizer() first")
        if self._update_on_kvstore:
            self._kvstore.load_optimizer_states(fname)
            return
        with open(fname, "rb") as f:
            self._updater.set_states(f.read())

    def save_checkpoint(self, prefix, epoch, save_optimizer_states=False, remove_amp_cast=True):
        """prefix-symbol.json, prefix-%04d.params (and prefix-%04d.states)."""
        from ..model import save_checkpoint
        arg_params, aux_params = self.get_params()
        save_checkpoint(prefix, epoch, self._symbol, arg_params, aux_params)
        if save_optimizer_states:
            state_name = "%s-%04d.states" % (prefix, epoch)
            self.save_optimizer_states(state_name)
            logging.info('Saved optimizer state to "%s"', state_name)

    @staticmethod
    def load(prefix, epoch, load_optimizer_states=False, **kwargs):
        """A Module from a checkpoint; its parameters are set at bind time.
        kwargs go to the constructor (data_names, label_names, context, ...)."""
        from ..model import load_checkpoint
        sym, args, auxs = load_checkpoint(prefix, epoch)
        mod = Module(symbol=sym, **kwargs)
        mod._arg_params = args
        mod._aux_params = auxs
        mod.params_initialized = True
        if load_optimizer_states:
            mod._preload_opt_states = "%s-%04d.states" % (prefix, epoch)
        return mod
