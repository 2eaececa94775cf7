"""Evaluation metrics (mx.metric), as in MXNet 1.x.

    metric = mx.metric.create('acc')                 # or ['acc', 'ce'], or a function
    metric.update(labels=[label_nd], preds=[prob_nd])
    name, value = metric.get()

Each metric accumulates `sum_metric` / `num_inst` since the last reset() (and a
"global" pair since the last full reset, kept across reset_local()). Values are
computed in NumPy from the arrays' contents.
"""
import math
from collections import OrderedDict

import numpy

from . import registry as _registry
from .ndarray import NDArray

__all__ = ["EvalMetric", "CompositeEvalMetric", "Accuracy", "TopKAccuracy", "F1", "MCC",
           "Perplexity", "MAE", "MSE", "RMSE", "CrossEntropy", "NegativeLogLikelihood",
           "PearsonCorrelation", "Loss", "Torch", "Caffe", "CustomMetric", "np", "create",
           "register", "alias", "check_label_shapes"]

def create(metric, *args, **kwargs):
    """A metric from a name ('acc', 'ce', 'rmse', ...), an EvalMetric (returned as
    is), a function feval(label, pred) (a CustomMetric), a list of any of these (a
    CompositeEvalMetric), or a get_config() dict."""
    if isinstance(metric, EvalMetric):
        return metric
    if callable(metric) and not isinstance(metric, type):
        return CustomMetric(metric, *args, **kwargs)
    if isinstance(metric, (list, tuple)):
        composite = CompositeEvalMetric()
        for child in metric:
            composite.add(create(child, *args, **kwargs))
        return composite
    if isinstance(metric, dict):
        config = dict(metric)
        name = config.pop("metric", None)
        if name is None:
            raise ValueError("create: a metric config dict needs a 'metric' key, got %r" % (metric,))
        return create(name, *args, **dict(config, **kwargs))
    if not isinstance(metric, str):
        raise TypeError("create: expected a metric name, an EvalMetric, a function or a list, "
                        "got %s" % type(metric).__name__)
    return _registry.find(EvalMetric, "metric", metric)(*args, **kwargs)


def check_label_shapes(labels, preds, wrap=False, shape=False):
    """Raises ValueError unless labels and preds have the same length (or, with
    shape=True, the same shape). With wrap=True single arrays become lists."""
    if shape:
        got_l, got_p = tuple(labels.shape), tuple(preds.shape)
    else:
        got_l, got_p = len(labels), len(preds)
    if got_l != got_p:
        raise ValueError("Shape of labels {} does not match shape of predictions {}"
                         .format(got_l, got_p))
    if wrap:
        if isinstance(labels, NDArray):
            labels = [labels]
        if isinstance(preds, NDArray):
            preds = [preds]
    return labels, preds


def _wrap(labels, preds):
    """Lists of labels and preds of equal length (single arrays are wrapped)."""
    if isinstance(labels, (NDArray, numpy.ndarray)):
        labels = [labels]
    if isinstance(preds, (NDArray, numpy.ndarray)):
        preds = [preds]
    return check_label_shapes(labels, preds)


def _np(x):
    return x.asnumpy() if isinstance(x, NDArray) else numpy.asarray(x)


class EvalMetric(object):
    """Base class of metrics.

    Parameters
    ----------
    name : str
        The metric's display name.
    output_names, label_names : list of str or None
        With update_dict, the predictions / labels to use (default: all).
    """

    def __init__(self, name, output_names=None, label_names=None, **kwargs):
        self.name = str(name)
        self.output_names = output_names
        self.label_names = label_names
        self._has_global_stats = kwargs.pop("has_global_stats", False)
        self._kwargs = kwargs
        self.reset()

    def __str__(self):
        return "EvalMetric: {}".format(dict(self.get_name_value()))

    def get_config(self):
        """A dict that create(**config) / create(config) turns back into this metric."""
        config = self._kwargs.copy()
        config.update({"metric": type(self).__name__, "name": self.name,
                       "output_names": self.output_names, "label_names": self.label_names})
        return config

    def update_dict(self, label, pred):
        """Updates from dicts name -> NDArray (filtered by label_names / output_names)."""
        preds = [pred[n] for n in self.output_names] if self.output_names is not None \
            else list(pred.values())
        labels = [label[n] for n in self.label_names] if self.label_names is not None \
            else list(label.values())
        self.update(labels, preds)

    def update(self, labels, preds):
        """Accumulates a batch: labels and preds are lists of NDArrays."""
        raise NotImplementedError("%s must define update()" % type(self).__name__)

    def _add(self, value, count):
        self.sum_metric += value
        self.global_sum_metric += value
        self.num_inst += count
        self.global_num_inst += count

    def reset(self):
        """Clears the local and the global statistics."""
        self.num_inst = 0
        self.sum_metric = 0.0
        self.global_num_inst = 0
        self.global_sum_metric = 0.0

    def reset_local(self):
        """Clears the local statistics only (the global ones continue)."""
        self.num_inst = 0
        self.sum_metric = 0.0

    def get(self):
        """(name, value) since the last reset; value is nan before any update."""
        if self.num_inst == 0:
            return (self.name, float("nan"))
        return (self.name, self.sum_metric / self.num_inst)

    def get_global(self):
        """(name, value) since the last full reset()."""
        if not self._has_global_stats:
            return self.get()
        if self.global_num_inst == 0:
            return (self.name, float("nan"))
        return (self.name, self.global_sum_metric / self.global_num_inst)

    @staticmethod
    def _pairs(name, value):
        names = name if isinstance(name, list) else [name]
        values = value if isinstance(value, list) else [value]
        return list(zip(names, values))

    def get_name_value(self):
        """[(name, value), ...] (several for a composite metric)."""
        return self._pairs(*self.get())

    def get_global_name_value(self):
        """As get_name_value, for the global statistics."""
        return self._pairs(*self.get_global())


register = _registry.get_register_func(EvalMetric, "metric")
alias = _registry.get_alias_func(EvalMetric, "metric")


@register
@alias("composite")
class CompositeEvalMetric(EvalMetric):
    """Several metrics updated together; get() returns lists of names and values."""

    def __init__(self, metrics=None, name="composite", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.metrics = [create(m) for m in (metrics or [])]

    def add(self, metric):
        """Adds a metric (anything create() accepts)."""
        self.metrics.append(create(metric))

    def get_metric(self, index):
        """The child metric at `index`."""
        if not 0 <= index < len(self.metrics):
            raise ValueError("Metric index {} is out of range 0 and {}"
                             .format(index, len(self.metrics)))
        return self.metrics[index]

    def update_dict(self, labels, preds):
        if self.label_names is not None:
            labels = OrderedDict((k, v) for k, v in labels.items() if k in self.label_names)
        if self.output_names is not None:
            preds = OrderedDict((k, v) for k, v in preds.items() if k in self.output_names)
        for m in self.metrics:
            m.update_dict(labels, preds)

    def update(self, labels, preds):
        for m in self.metrics:
            m.update(labels, preds)

    def reset(self):
        for m in getattr(self, "metrics", []):
            m.reset()

    def reset_local(self):
        for m in self.metrics:
            m.reset_local()

    def _collect(self, getter):
        names, values = [], []
        for m in self.metrics:
            name, value = getter(m)
            names.extend(name if isinstance(name, list) else [name])
            values.extend(value if isinstance(value, list) else [value])
        return (names, values)

    def get(self):
        return self._collect(lambda m: m.get())

    def get_global(self):
        return self._collect(lambda m: m.get_global())

    def get_config(self):
        config = super().get_config()
        config["metrics"] = [m.get_config() for m in self.metrics]
        return config


@register
@alias("acc")
class Accuracy(EvalMetric):
    """Fraction of correct predictions. Predictions with the label's shape are class
    indices; otherwise their argmax along `axis` is."""

    def __init__(self, axis=1, name="accuracy", output_names=None, label_names=None):
        super().__init__(name, axis=axis, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.axis = axis

    def update(self, labels, preds):
        labels, preds = _wrap(labels, preds)
        for label, pred in zip(labels, preds):
            label, pred = _np(label), _np(pred)
            if pred.shape != label.shape:
                pred = numpy.argmax(pred, axis=self.axis)
            pred = pred.astype("int32").ravel()
            label = label.astype("int32").ravel()
            check_label_shapes(label, pred)
            self._add(int((pred == label).sum()), len(pred))


@register
@alias("top_k_accuracy", "top_k_acc")
class TopKAccuracy(EvalMetric):
    """Fraction of samples whose label is among the top_k highest predictions."""

    def __init__(self, top_k=1, name="top_k_accuracy", output_names=None, label_names=None):
        if int(top_k) < 1:
            raise ValueError("TopKAccuracy: top_k must be >= 1, got %r" % (top_k,))
        super().__init__(name, top_k=top_k, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.top_k = int(top_k)
        self.name += "_%d" % self.top_k

    def update(self, labels, preds):
        labels, preds = _wrap(labels, preds)
        for label, pred in zip(labels, preds):
            pred = _np(pred).astype("float32")
            label = _np(label).astype("int32").ravel()
            if pred.ndim > 2:
                raise ValueError("TopKAccuracy: predictions must have at most 2 dimensions, "
                                 "got shape %s" % (pred.shape,))
            if pred.ndim == 1:  # class indices
                check_label_shapes(label, pred)
                correct = int((pred.astype("int32") == label).sum())
            else:
                check_label_shapes(label, pred)
                k = min(pred.shape[1], self.top_k)
                top = numpy.argpartition(pred, -k, axis=1)[:, -k:]
                correct = int((top == label[:, None]).any(axis=1).sum())
            self._add(correct, pred.shape[0])


class _BinaryStats(object):
    """True/false positive/negative counts of a binary classifier (class 1 is
    positive), local and global."""

    FIELDS = ("tp", "fp", "fn", "tn")

    def __init__(self):
        self.local = dict.fromkeys(self.FIELDS, 0)
        self.glob = dict.fromkeys(self.FIELDS, 0)

    def update(self, label, pred, owner):
        pred = _np(pred)
        label = _np(label).astype("int32").ravel()
        pred_label = numpy.argmax(pred, axis=1) if pred.ndim > 1 else (pred > 0.5).astype("int32")
        pred_label = pred_label.ravel()
        check_label_shapes(label, pred_label)
        if len(numpy.unique(label)) > 2 or numpy.any((label != 0) & (label != 1)):
            raise ValueError("%s currently only supports binary classification (labels 0 and 1)"
                             % owner)
        pt, lt = pred_label == 1, label == 1
        counts = {"tp": int((pt & lt).sum()), "fp": int((pt & ~lt).sum()),
                  "fn": int((~pt & lt).sum()), "tn": int((~pt & ~lt).sum())}
        for k, v in counts.items():
            self.local[k] += v
            self.glob[k] += v

    @staticmethod
    def total(c):
        return c["tp"] + c["fp"] + c["fn"] + c["tn"]

    @staticmethod
    def fscore(c):
        precision = c["tp"] / float(c["tp"] + c["fp"]) if c["tp"] + c["fp"] > 0 else 0.
        recall = c["tp"] / float(c["tp"] + c["fn"]) if c["tp"] + c["fn"] > 0 else 0.
        if precision + recall == 0:
            return 0.
        return 2 * precision * recall / (precision + recall)

    @staticmethod
    def mcc(c):
        if not _BinaryStats.total(c):
            return 0.
        tp, fp, fn, tn = (float(c[k]) for k in ("tp", "fp", "fn", "tn"))
        # A zero factor (e.g. no predicted positives) is left out of the denominator
        # rather than dividing by 0; the numerator is then 0 too.
        denom = 1.
        for t in (tp + fp, tp + fn, tn + fp, tn + fn):
            if t != 0.:
                denom *= t
        return (tp * tn - fp * fn) / math.sqrt(denom)

    def reset_local(self):
        self.local = dict.fromkeys(self.FIELDS, 0)

    def reset(self):
        self.reset_local()
        self.glob = dict.fromkeys(self.FIELDS, 0)


class _BinaryMetric(EvalMetric):
    """F1 / MCC: 'macro' averages the per-batch score, 'micro' scores all samples
    seen since the reset together."""

    def __init__(self, name, output_names, label_names, average):
        if average not in ("macro", "micro"):
            raise ValueError("%s: average must be 'macro' or 'micro', got %r"
                             % (type(self).__name__, average))
        self.average = average
        self._stats = _BinaryStats()
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True, average=average)

    def _score(self, counts):
        raise NotImplementedError

    def update(self, labels, preds):
        labels, preds = _wrap(labels, preds)
        for label, pred in zip(labels, preds):
            self._stats.update(label, pred, type(self).__name__)
        s = self._stats
        if self.average == "macro":
            self.sum_metric += self._score(s.local)
            self.global_sum_metric += self._score(s.glob)
            self.num_inst += 1
            self.global_num_inst += 1
            s.reset()
        else:
            self.sum_metric = self._score(s.local) * s.total(s.local)
            self.global_sum_metric = self._score(s.glob) * s.total(s.glob)
            self.num_inst = s.total(s.local)
            self.global_num_inst = s.total(s.glob)

    def reset(self):
        super().reset()
        if hasattr(self, "_stats"):
            self._stats.reset()

    def reset_local(self):
        super().reset_local()
        self._stats.reset_local()


@register
class F1(_BinaryMetric):
    """F1 score of a binary classifier (class 1 positive): 2 P R / (P + R).
    Predictions are per-class scores (argmax taken) or probabilities of class 1."""

    def __init__(self, name="f1", output_names=None, label_names=None, average="macro"):
        super().__init__(name, output_names, label_names, average)

    def _score(self, counts):
        return _BinaryStats.fscore(counts)


@register
class MCC(_BinaryMetric):
    """Matthews correlation coefficient of a binary classifier:
    (TP TN - FP FN) / sqrt((TP + FP)(TP + FN)(TN + FP)(TN + FN))."""

    def __init__(self, name="mcc", output_names=None, label_names=None, average="macro"):
        super().__init__(name, output_names, label_names, average)

    def _score(self, counts):
        return _BinaryStats.mcc(counts)


@register
class Perplexity(EvalMetric):
    """exp of the mean negative log probability of the labels. Predictions are
    probabilities along `axis`; labels equal to ignore_label do not count."""

    def __init__(self, ignore_label, axis=-1, name="perplexity", output_names=None,
                 label_names=None):
        super().__init__(name, ignore_label=ignore_label, output_names=output_names,
                         label_names=label_names, has_global_stats=True)
        self.ignore_label = ignore_label
        self.axis = axis

    def update(self, labels, preds):
        labels, preds = _wrap(labels, preds)
        loss = 0.
        num = 0
        for label, pred in zip(labels, preds):
            pred = _np(pred)
            label = _np(label).ravel()
            if label.size * pred.shape[self.axis] != pred.size:
                raise ValueError("Perplexity: shape mismatch: labels %s vs. predictions %s"
                                 % (label.shape, pred.shape))
            probs = numpy.moveaxis(pred, self.axis, -1).reshape(-1, pred.shape[self.axis])
            picked = probs[numpy.arange(label.size), label.astype("int64")].astype(numpy.float64)
            if self.ignore_label is not None:
                ignore = label == self.ignore_label
                picked = numpy.where(ignore, 1.0, picked)
                num -= int(ignore.sum())
            loss -= float(numpy.log(numpy.maximum(1e-10, picked)).sum())
            num += picked.size
        self._add(loss, num)

    def get(self):
        if self.num_inst == 0:
            return (self.name, float("nan"))
        return (self.name, math.exp(self.sum_metric / self.num_inst))

    def get_global(self):
        if self.global_num_inst == 0:
            return (self.name, float("nan"))
        return (self.name, math.exp(self.global_sum_metric / self.global_num_inst))


class _Regression(EvalMetric):
    """Per-batch regression error, averaged over batches (as MXNet does)."""

    def __init__(self, name, output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)

    def _error(self, diff):
        raise NotImplementedError

    def update(self, labels, preds):
        labels, preds = _wrap(labels, preds)
        for label, pred in zip(labels, preds):
            label, pred = _np(label), _np(pred)
            if label.ndim == 1:
                label = label.reshape(label.shape[0], 1)
            if pred.ndim == 1:
                pred = pred.reshape(pred.shape[0], 1)
            self._add(float(self._error(label - pred)), 1)


@register
class MAE(_Regression):
    """Mean absolute error (per batch, averaged over batches)."""

    def __init__(self, name="mae", output_names=None, label_names=None):
        super().__init__(name, output_names, label_names)

    def _error(self, diff):
        return numpy.abs(diff).mean()


@register
class MSE(_Regression):
    """Mean squared error (per batch, averaged over batches)."""

    def __init__(self, name="mse", output_names=None, label_names=None):
        super().__init__(name, output_names, label_names)

    def _error(self, diff):
        return (diff ** 2.0).mean()


@register
class RMSE(_Regression):
    """Root mean squared error (per batch, averaged over batches)."""

    def __init__(self, name="rmse", output_names=None, label_names=None):
        super().__init__(name, output_names, label_names)

    def _error(self, diff):
        return numpy.sqrt((diff ** 2.0).mean())


class _LogLoss(EvalMetric):
    """Mean of -log(p[label] + eps) over samples; predictions are (batch, classes)."""

    def __init__(self, eps, name, output_names=None, label_names=None):
        super().__init__(name, eps=eps, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.eps = eps

    def update(self, labels, preds):
        labels, preds = _wrap(labels, preds)
        for label, pred in zip(labels, preds):
            label, pred = _np(label).ravel(), _np(pred)
            n = pred.shape[0]
            if label.shape[0] != n:
                raise ValueError("%s: %d labels for %d predictions"
                                 % (type(self).__name__, label.shape[0], n))
            prob = pred[numpy.arange(n), label.astype("int64")]
            self._add(float((-numpy.log(prob + self.eps)).sum()), n)


@register
@alias("ce")
class CrossEntropy(_LogLoss):
    """Cross entropy of predicted class probabilities against integer labels."""

    def __init__(self, eps=1e-12, name="cross-entropy", output_names=None, label_names=None):
        super().__init__(eps, name, output_names, label_names)


@register
@alias("nll_loss")
class NegativeLogLikelihood(_LogLoss):
    """Negative log likelihood of the labels under the predicted probabilities."""

    def __init__(self, eps=1e-12, name="nll-loss", output_names=None, label_names=None):
        super().__init__(eps, name, output_names, label_names)


@register
@alias("pearsonr")
class PearsonCorrelation(EvalMetric):
    """Pearson correlation of predictions and labels (flattened): 'macro' averages
    per-batch correlations, 'micro' correlates everything since the reset."""

    def __init__(self, name="pearsonr", output_names=None, label_names=None, average="macro"):
        if average not in ("macro", "micro"):
            raise ValueError("PearsonCorrelation: average must be 'macro' or 'micro', got %r"
                             % (average,))
        self.average = average
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True, average=average)

    def reset(self):
        super().reset()
        # micro: running sums for the correlation of everything seen
        self._n = 0
        self._sums = numpy.zeros(5)  # sum p, sum l, sum p*p, sum l*l, sum p*l

    def update(self, labels, preds):
        labels, preds = _wrap(labels, preds)
        for label, pred in zip(labels, preds):
            label = _np(label).ravel().astype(numpy.float64)
            pred = _np(pred).ravel().astype(numpy.float64)
            check_label_shapes(label, pred)
            if self.average == "macro":
                self._add(float(numpy.corrcoef(pred, label)[0, 1]), 1)
            else:
                self._n += label.size
                self._sums += [pred.sum(), label.sum(), (pred * pred).sum(), (label * label).sum(),
                               (pred * label).sum()]
                self.num_inst += 1
                self.global_num_inst += 1

    def get(self):
        if self.num_inst == 0:
            return (self.name, float("nan"))
        if self.average == "macro":
            return (self.name, self.sum_metric / self.num_inst)
        n = float(self._n)
        sp, sl, spp, sll, spl = self._sums
        cov = spl - sp * sl / n
        var_p = spp - sp * sp / n
        var_l = sll - sl * sl / n
        return (self.name, float(cov / math.sqrt(var_p * var_l)))


@register
class Loss(EvalMetric):
    """Mean of the predictions themselves (for outputs that are losses)."""

    def __init__(self, name="loss", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)

    def update(self, _, preds):
        if isinstance(preds, (NDArray, numpy.ndarray)):
            preds = [preds]
        for pred in preds:
            p = _np(pred)
            self._add(float(p.sum()), p.size)


@register
class Torch(Loss):
    """Loss under the name 'torch' (kept from MXNet)."""

    def __init__(self, name="torch", output_names=None, label_names=None):
        super().__init__(name, output_names, label_names)


@register
class Caffe(Loss):
    """Loss under the name 'caffe' (kept from MXNet)."""

    def __init__(self, name="caffe", output_names=None, label_names=None):
        super().__init__(name, output_names, label_names)


@register
class CustomMetric(EvalMetric):
    """A metric from a function feval(label, pred) on NumPy arrays, returning either
    a value (averaged over calls) or a (sum_metric, num_inst) pair.

    Parameters
    ----------
    feval : callable(label, pred)
    name : str or None
        Default: the function's name (``custom(<lambda>)`` for lambdas).
    allow_extra_outputs : bool
        Allow more predictions than labels (the extra ones are ignored).
    """

    def __init__(self, feval, name=None, allow_extra_outputs=False, output_names=None,
                 label_names=None):
        if not callable(feval):
            raise TypeError("CustomMetric: feval must be callable, got %s" % type(feval).__name__)
        if name is None:
            name = feval.__name__
            if "<" in name:
                name = "custom(%s)" % name
        super().__init__(name, feval=feval, allow_extra_outputs=allow_extra_outputs,
                         output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self._feval = feval
        self._allow_extra_outputs = allow_extra_outputs

    def update(self, labels, preds):
        if isinstance(labels, (NDArray, numpy.ndarray)):
            labels = [labels]
        if isinstance(preds, (NDArray, numpy.ndarray)):
            preds = [preds]
        if not self._allow_extra_outputs:
            check_label_shapes(labels, preds)
        for pred, label in zip(preds, labels):
            reval = self._feval(_np(label), _np(pred))
            if isinstance(reval, tuple):
                self._add(*reval)
            else:
                self._add(reval, 1)

    def get_config(self):
        raise NotImplementedError("CustomMetric cannot be serialized")


def np(numpy_feval, name=None, allow_extra_outputs=False):
    """A CustomMetric from a function of NumPy arrays feval(label, pred) -> float."""
    def feval(label, pred):
        return numpy_feval(label, pred)
    feval.__name__ = numpy_feval.__name__
    return CustomMetric(feval, name, allow_extra_outputs)
