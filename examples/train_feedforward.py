"""The last block of "Getting Started with MXNet": the tutorial's MLP trained with
mx.model.FeedForward, unchanged but for the import, the context (mx.cpu() in place of
mx.gpu(0)) and scikit-learn's digits (examples/digits.py) in place of skdata's MNIST,
which would need a download. Then: save a checkpoint, load it back, and show the
loaded model's predictions for a few held-out images.

Run: python examples/train_feedforward.py [--epochs N] [--min-accuracy 0.95]

The tutorial trained 10 epochs on MNIST's 60,000 images; the digits set has 1,347
training images, so 10 epochs end near 95% (MXNet 1.9 itself: 95.8%) and the default
here is 20 (96-97% over seeds), with the tutorial's learning rate and batch size.
"""
import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import digits  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=20, help="num_epoch (the tutorial's 10 was for MNIST)")
parser.add_argument("--seed", type=int, default=0, help="numpy / mxlite seed: the run is reproducible")
parser.add_argument("--min-accuracy", type=float, default=None,
                    help="exit with status 1 if the held-out accuracy is lower")
parser.add_argument("--prefix", default=os.path.join(tempfile.gettempdir(), "mxlite-digits-mlp"),
                    help="checkpoint prefix (writes PREFIX-symbol.json and PREFIX-%%04d.params)")
args = parser.parse_args()
started = time.time()

# ---- the tutorial's FeedForward block
import mxlite as mx  # noqa: E402
import numpy as np  # noqa: E402
import logging  # noqa: E402
logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)  # get a logger to accuracies are printed
np.random.seed(args.seed)
mx.random.seed(args.seed)
data = mx.sym.Variable("data")  # input features, when using FeedForward this must be called data
label = mx.sym.Variable("softmax_label")  # use this name aswell when using FeedForward
# When using Forward its best to have mxnet create its own variables.
# The names of them are used for initializations.
l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name="layer1")
a1 = mx.sym.Activation(data=l1, act_type="relu", name="act1")
l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name="layer2")
cost_classification = mx.sym.SoftmaxOutput(data=l2, label=label)
train_x, train_y, test_x, test_y = digits.load()  # in place of skdata's OfficialVectorClassification
model = mx.model.FeedForward(symbol=cost_classification,
                             num_epoch=args.epochs,
                             ctx=mx.cpu(),
                             learning_rate=0.001)
model.fit(X=train_x,
          y=train_y,
          eval_data=(test_x, test_y),
          eval_metric="acc",
          logger=logger)

# ---- beyond the tutorial: score, checkpoint, reload, predict
accuracy = model.score(mx.io.NDArrayIter(test_x, test_y, batch_size=128))
print("held-out accuracy: %.4f (%d images)" % (accuracy, len(test_x)))

model.save(args.prefix)  # PREFIX-symbol.json + PREFIX-%04d.params, MXNet 1.x's format
print("checkpoint: %s-symbol.json, %s-%04d.params" % (args.prefix, args.prefix, args.epochs))
loaded = mx.model.FeedForward.load(args.prefix, args.epochs, ctx=mx.cpu())
probs = loaded.predict(test_x)
same = np.array_equal(probs, model.predict(test_x))
print("reloaded model predicts the same as the trained one:", same)


def ascii_digit(row):
    """A 28x28 image as 14 lines of text (every other pixel)."""
    shades = " .:*#"
    im = row.reshape(28, 28)[::2, ::2]
    return ["".join(shades[min(4, int(v / 256 * 5))] for v in line) for line in im]


shown = 6
pictures = [ascii_digit(test_x[i]) for i in range(shown)]
for lines in zip(*pictures):
    print("   ".join(lines))
print("   ".join(("pred %d true %d" % (probs[i].argmax(), test_y[i])).ljust(14) for i in range(shown)))
print("total time: %.1f s" % (time.time() - started))

if not same:
    print("FAILED: the reloaded checkpoint predicts differently")
    sys.exit(1)
if args.min_accuracy is not None and accuracy < args.min_accuracy:
    print("FAILED: accuracy %.4f is below %.2f" % (accuracy, args.min_accuracy))
    sys.exit(1)
