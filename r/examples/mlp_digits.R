# The tutorial's MLP in R: 784 -> 128 (relu) -> 10 -> SoftmaxOutput, trained with
# mx.model.FeedForward.create on the digits data (tests/data/digits.csv), evaluated on
# the held-out quarter.
#
# Run: Rscript r/examples/mlp_digits.R [min_accuracy]   (exits 1 below min_accuracy)
library(mxlite)

args <- commandArgs(trailingOnly = TRUE)
min_accuracy <- if (length(args)) as.numeric(args[1]) else 0.95
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(here, "digits.R"))
digits <- load_digits(file.path(here, "..", "..", "tests", "data", "digits.csv"))

mx.set.seed(0)
set.seed(0)
data <- mx.symbol.Variable("data")
label <- mx.symbol.Variable("softmax_label")
l1 <- mx.symbol.FullyConnected(data = data, num_hidden = 128, name = "layer1")
a1 <- mx.symbol.Activation(data = l1, act_type = "relu", name = "act1")
l2 <- mx.symbol.FullyConnected(data = a1, num_hidden = 10, name = "layer2")
cost_classification <- mx.symbol.SoftmaxOutput(data = l2, label = label)

logger <- mx.metric.logger()
model <- mx.model.FeedForward.create(cost_classification, X = digits$train.x, y = digits$train.y,
                                     ctx = mx.cpu(), num.round = 20, array.batch.size = 128,
                                     learning.rate = 0.1, momentum = 0.9,
                                     initializer = mx.init.Xavier(),
                                     eval.metric = mx.metric.accuracy,
                                     epoch.end.callback = mx.callback.log.train.metric(100, logger),
                                     verbose = FALSE)
pred <- predict(model, digits$test.x)           # dim c(10, n_test)
pred.label <- max.col(t(pred)) - 1
accuracy <- mean(pred.label == digits$test.y)
cat(sprintf("train accuracy by epoch: %s\n", paste(sprintf("%.3f", logger$train), collapse = " ")))
cat(sprintf("held-out accuracy: %.4f (%d images)\n", accuracy, length(digits$test.y)))
if (accuracy < min_accuracy) {
  cat(sprintf("FAIL: below %.2f\n", min_accuracy))
  quit(status = 1)
}
