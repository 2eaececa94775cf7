"""mx.metric: every metric's value against NumPy on fixed data, over two batches
(metrics average or accumulate across batches in MXNet's particular ways), creation by
names and lists, global vs local statistics, and errors."""
import math

import numpy as np
import pytest

import mxlite as mx

# Two batches of a 3-class problem.
PROBS = [np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3], [0.25, 0.25, 0.5]],
                  np.float32),
         np.array([[0.05, 0.9, 0.05], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6]], np.float32)]
LABELS = [np.array([0, 2, 0, 1], np.float32), np.array([1, 1, 2], np.float32)]

# Two batches of a binary problem.
BIN_PROBS = [np.array([[0.2, 0.8], [0.6, 0.4], [0.3, 0.7], [0.9, 0.1], [0.4, 0.6]], np.float32),
             np.array([[0.7, 0.3], [0.1, 0.9], [0.8, 0.2], [0.45, 0.55]], np.float32)]
BIN_LABELS = [np.array([1, 1, 0, 0, 1], np.float32), np.array([0, 1, 1, 0], np.float32)]

# Regression, with 1-d labels and (n, 1) predictions as networks give them.
REG_PRED = [np.array([[0.5], [1.5], [2.0]], np.float32), np.array([[3.0], [-1.0]], np.float32)]
REG_LABEL = [np.array([1.0, 1.0, 2.5], np.float32), np.array([2.0, 0.0], np.float32)]


def _feed(metric, labels, preds):
    for lab, pred in zip(labels, preds):
        metric.update([mx.nd.array(lab)], [mx.nd.array(pred)])
    return metric.get()


def test_accuracy():
    name, value = _feed(mx.metric.Accuracy(), LABELS, PROBS)
    correct = sum(int((p.argmax(axis=1) == l).sum()) for p, l in zip(PROBS, LABELS))
    assert name == "accuracy"
    assert value == pytest.approx(correct / 7.0)


def test_accuracy_with_class_index_predictions():
    m = mx.metric.create("acc")
    m.update([mx.nd.array([1, 2, 3])], [mx.nd.array([1, 0, 3])])
    assert m.get() == ("accuracy", pytest.approx(2 / 3.0))


def test_top_k_accuracy():
    m = mx.metric.create("top_k_accuracy", top_k=2)
    name, value = _feed(m, LABELS, PROBS)
    assert name == "top_k_accuracy_2"
    hits = 0
    for p, l in zip(PROBS, LABELS):
        order = np.argsort(-p, axis=1, kind="stable")[:, :2]
        hits += sum(int(l[i]) in order[i] for i in range(len(l)))
    assert value == pytest.approx(hits / 7.0)
    assert _feed(mx.metric.TopKAccuracy(top_k=3), LABELS, PROBS)[1] == 1.0


def _counts(probs, labels):
    pred = probs.argmax(axis=1)
    tp = int(((pred == 1) & (labels == 1)).sum())
    fp = int(((pred == 1) & (labels == 0)).sum())
    fn = int(((pred == 0) & (labels == 1)).sum())
    tn = int(((pred == 0) & (labels == 0)).sum())
    return tp, fp, fn, tn


def _f1(tp, fp, fn, tn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _mcc(tp, fp, fn, tn):
    d = 1.0
    for t in (tp + fp, tp + fn, tn + fp, tn + fn):
        d *= t if t else 1.0
    return (tp * tn - fp * fn) / math.sqrt(d)


def test_f1_macro_averages_batches_and_micro_pools_them():
    per_batch = [_counts(p, l) for p, l in zip(BIN_PROBS, BIN_LABELS)]
    macro = _feed(mx.metric.F1(), BIN_LABELS, BIN_PROBS)[1]
    assert macro == pytest.approx(np.mean([_f1(*c) for c in per_batch]))
    pooled = tuple(np.sum(per_batch, axis=0))
    micro = _feed(mx.metric.F1(average="micro"), BIN_LABELS, BIN_PROBS)[1]
    assert micro == pytest.approx(_f1(*pooled))


def test_mcc():
    per_batch = [_counts(p, l) for p, l in zip(BIN_PROBS, BIN_LABELS)]
    macro = _feed(mx.metric.MCC(), BIN_LABELS, BIN_PROBS)[1]
    assert macro == pytest.approx(np.mean([_mcc(*c) for c in per_batch]))
    micro = _feed(mx.metric.create("mcc", average="micro"), BIN_LABELS, BIN_PROBS)[1]
    assert micro == pytest.approx(_mcc(*np.sum(per_batch, axis=0)))


def test_binary_metrics_reject_more_than_two_classes():
    with pytest.raises(ValueError, match="binary"):
        mx.metric.F1().update([mx.nd.array([0, 1, 2])], [mx.nd.array(np.eye(3))])


def test_perplexity_with_ignore_label():
    m = mx.metric.Perplexity(ignore_label=2)
    name, value = _feed(m, LABELS, PROBS)
    logs, n = 0.0, 0
    for p, l in zip(PROBS, LABELS):
        for i, c in enumerate(l.astype(int)):
            if c != 2:
                logs += math.log(p[i, c])
                n += 1
    assert name == "perplexity"
    assert value == pytest.approx(math.exp(-logs / n), rel=1e-6)
    m = mx.metric.Perplexity(ignore_label=None)
    all_logs = [math.log(p[i, c]) for p, l in zip(PROBS, LABELS) for i, c in enumerate(l.astype(int))]
    assert _feed(m, LABELS, PROBS)[1] == pytest.approx(math.exp(-np.mean(all_logs)), rel=1e-6)


@pytest.mark.parametrize("name,fn", [
    ("mae", lambda d: np.abs(d).mean()),
    ("mse", lambda d: (d ** 2).mean()),
    ("rmse", lambda d: np.sqrt((d ** 2).mean())),
])
def test_regression_metrics_average_per_batch_values(name, fn):
    got = _feed(mx.metric.create(name), REG_LABEL, REG_PRED)
    batches = [fn(l.reshape(-1, 1).astype(np.float64) - p) for l, p in zip(REG_LABEL, REG_PRED)]
    assert got == (name, pytest.approx(np.mean(batches)))


def test_cross_entropy_and_nll():
    want = -np.mean([math.log(p[i, int(c)] + 1e-12) for p, l in zip(PROBS, LABELS)
                     for i, c in enumerate(l)])
    assert _feed(mx.metric.create("ce"), LABELS, PROBS) == ("cross-entropy", pytest.approx(want))
    assert _feed(mx.metric.create("nll_loss"), LABELS, PROBS) == ("nll-loss", pytest.approx(want))
    assert isinstance(mx.metric.create("crossentropy"), mx.metric.CrossEntropy)
    assert isinstance(mx.metric.create("negativeloglikelihood"), mx.metric.NegativeLogLikelihood)


def test_pearson_correlation_macro_and_micro():
    preds = [np.array([0.1, 0.5, 0.9, 0.3], np.float32), np.array([2.0, 1.0, 0.5], np.float32)]
    labels = [np.array([0.0, 0.4, 1.0, 0.5], np.float32), np.array([1.5, 1.2, 0.1], np.float32)]
    macro = _feed(mx.metric.create("pearsonr"), labels, preds)
    per = [np.corrcoef(p.astype(np.float64), l.astype(np.float64))[0, 1] for p, l in zip(preds, labels)]
    assert macro == ("pearsonr", pytest.approx(np.mean(per)))
    micro = _feed(mx.metric.PearsonCorrelation(average="micro"), labels, preds)[1]
    pooled = np.corrcoef(np.concatenate(preds).astype(np.float64),
                         np.concatenate(labels).astype(np.float64))[0, 1]
    assert micro == pytest.approx(pooled)


def test_loss_metric_is_the_mean_of_outputs():
    m = mx.metric.Loss()
    m.update(None, [mx.nd.array([1.0, 2.0, 3.0])])
    m.update(None, mx.nd.array([[4.0], [6.0]]))
    assert m.get() == ("loss", pytest.approx(16.0 / 5))


def test_custom_metric_and_np():
    def abs_err(label, pred):
        return float(np.abs(label - pred.ravel()).sum()), label.size

    m = mx.metric.create(abs_err)
    assert isinstance(m, mx.metric.CustomMetric) and m.name == "abs_err"
    got = _feed(m, REG_LABEL, REG_PRED)[1]
    total = sum(np.abs(l - p.ravel()).sum() for l, p in zip(REG_LABEL, REG_PRED))
    assert got == pytest.approx(total / 5)
    m = mx.metric.np(lambda label, pred: float((label == pred.argmax(axis=1)).mean()))
    assert m.name == "custom(<lambda>)"
    got = _feed(m, LABELS, PROBS)[1]
    per = [float((l == p.argmax(axis=1)).mean()) for l, p in zip(LABELS, PROBS)]
    assert got == pytest.approx(np.mean(per))
    with pytest.raises(NotImplementedError):
        m.get_config()


def test_composite_from_a_list_of_names():
    m = mx.metric.create(["acc", "ce", mx.metric.TopKAccuracy(top_k=2)])
    assert isinstance(m, mx.metric.CompositeEvalMetric)
    names, values = _feed(m, LABELS, PROBS)
    assert names == ["accuracy", "cross-entropy", "top_k_accuracy_2"]
    assert values[0] == _feed(mx.metric.Accuracy(), LABELS, PROBS)[1]
    nv = m.get_name_value()
    assert [n for n, _ in nv] == names and [v for _, v in nv] == values
    assert m.get_metric(1).name == "cross-entropy"
    with pytest.raises(ValueError, match="out of range"):
        m.get_metric(5)
    m.reset()
    assert all(math.isnan(v) for v in m.get()[1])


def test_get_name_value_reset_and_global_stats():
    m = mx.metric.Accuracy()
    assert math.isnan(m.get()[1])
    m.update([mx.nd.array([0, 1])], [mx.nd.array([[1, 0], [1, 0]])])
    assert m.get_name_value() == [("accuracy", 0.5)]
    m.reset_local()
    m.update([mx.nd.array([1])], [mx.nd.array([[0, 1]])])
    assert m.get() == ("accuracy", 1.0)
    assert m.get_global() == ("accuracy", pytest.approx(2 / 3.0))
    assert m.get_global_name_value() == [("accuracy", pytest.approx(2 / 3.0))]
    m.reset()
    assert math.isnan(m.get_global()[1])
    assert str(mx.metric.create("acc")) == "EvalMetric: {'accuracy': nan}"


def test_update_dict_selects_by_names():
    m = mx.metric.Accuracy(output_names=["out"], label_names=["lab"])
    m.update_dict({"lab": mx.nd.array([1, 0]), "other": mx.nd.array([5, 5])},
                  {"out": mx.nd.array([[0, 1], [0, 1]]), "x": mx.nd.array([[1, 0], [1, 0]])})
    assert m.get() == ("accuracy", 0.5)


def test_get_config_round_trip():
    m = mx.metric.TopKAccuracy(top_k=3)
    clone = mx.metric.create(m.get_config())
    assert isinstance(clone, mx.metric.TopKAccuracy) and clone.top_k == 3
    comp = mx.metric.create(["acc", "mse"])
    assert [c["metric"] for c in comp.get_config()["metrics"]] == ["Accuracy", "MSE"]


def test_create_by_every_name():
    for name, cls in [("acc", "Accuracy"), ("accuracy", "Accuracy"), ("top_k_acc", "TopKAccuracy"),
                      ("f1", "F1"), ("mcc", "MCC"), ("mae", "MAE"), ("mse", "MSE"),
                      ("rmse", "RMSE"), ("ce", "CrossEntropy"), ("nll_loss", "NegativeLogLikelihood"),
                      ("pearsonr", "PearsonCorrelation"), ("loss", "Loss"),
                      ("composite", "CompositeEvalMetric"), ("ACC", "Accuracy")]:
        assert type(mx.metric.create(name)).__name__ == cls, name
    assert isinstance(mx.metric.create("perplexity", ignore_label=None), mx.metric.Perplexity)


def test_unknown_metric_is_a_clear_error():
    with pytest.raises(ValueError, match=r"Cannot find metric 'acuracy'.*acc"):
        mx.metric.create("acuracy")
    with pytest.raises(ValueError, match="Cannot find metric 'nope'"):
        mx.metric.create(["acc", "nope"])
    with pytest.raises(TypeError):
        mx.metric.create(3.5)


def test_label_and_prediction_count_mismatch():
    with pytest.raises(ValueError, match="does not match"):
        mx.metric.Accuracy().update([mx.nd.array([0, 1])],
                                    [mx.nd.array([[1, 0], [0, 1]]), mx.nd.array([[1, 0], [0, 1]])])
    with pytest.raises(ValueError, match="does not match"):
        mx.metric.Accuracy().update([mx.nd.array([0, 1, 1])], [mx.nd.array([[1, 0], [0, 1]])])


def test_register_a_custom_metric_class():
    @mx.metric.register
    class AlwaysOne(mx.metric.EvalMetric):
        def __init__(self):
            super().__init__("always_one")

        def update(self, labels, preds):
            self.sum_metric += len(preds)
            self.num_inst += len(preds)

    m = mx.metric.create("alwaysone")
    m.update([mx.nd.zeros((1,))], [mx.nd.zeros((1,))])
    assert m.get() == ("always_one", 1.0)
