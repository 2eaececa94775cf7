# The tutorial's symbolic MLP with its manual training loop, in R: simple.bind an
# executor with gradients, bind a test executor that shares its arrays, and update
# the weights imperatively (W - G * 0.001) after each forward/backward. Trained on
# the digits data (tests/data/digits.csv, the Python example's split and 40 epochs).
#
# Run: Rscript r/examples/tutorial_symbolic.R [epochs] [min_accuracy]
library(mxlite)

args <- commandArgs(trailingOnly = TRUE)
epochs <- if (length(args) >= 1) as.integer(args[1]) else 40L
min_accuracy <- if (length(args) >= 2) as.numeric(args[2]) else NA
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(here, "digits.R"))
digits <- load_digits(file.path(here, "..", "..", "tests", "data", "digits.csv"))
set.seed(0)

data <- mx.symbol.Variable("data")
label <- mx.symbol.Variable("softmax_label")
w1 <- mx.symbol.Variable("weight1")
b1 <- mx.symbol.Variable("bias1")
l1 <- mx.symbol.FullyConnected(data = data, num_hidden = 128, name = "layer1", weight = w1, bias = b1)
a1 <- mx.symbol.Activation(data = l1, act_type = "relu", name = "act1")
l2 <- mx.symbol.FullyConnected(data = a1, num_hidden = 10, name = "layer2")
cost_classification <- mx.symbol.SoftmaxOutput(data = l2, label = label)

batch_size <- 128
# R order: a batch is 784 x 128 (the core's (128, 784))
executor <- mx.simple.bind(cost_classification, ctx = mx.cpu(), grad.req = "write",
                           data = c(28 * 28, batch_size), softmax_label = batch_size)
# The test executor shares the training executor's arrays (weights included).
executor_test <- mx.symbol.bind(cost_classification, ctx = mx.cpu(), arg.arrays = executor$arg.arrays,
                                grad.reqs = "null")
params <- setdiff(arguments(cost_classification), c("data", "softmax_label"))
for (n in params) {
  d <- dim(executor$arg.arrays[[n]])
  mx.exec.update.arg.arrays(executor, setNames(list(mx.nd.array(array(rnorm(prod(d)) * 0.02, d))), n),
                            match.name = TRUE)
}

n_train <- ncol(digits$train.x)
accuracy <- 0
for (epoch in seq_len(epochs) - 1) {
  order <- sample.int(n_train)
  for (start in seq(1, n_train, by = batch_size)) {
    idx <- order[start:min(start + batch_size - 1, n_train)]
    if (length(idx) != batch_size) next  # the executor is bound to 128
    mx.exec.update.arg.arrays(executor, list(data = mx.nd.array(digits$train.x[, idx]),
                                             softmax_label = mx.nd.array(digits$train.y[idx])),
                              match.name = TRUE)
    mx.exec.forward(executor, is.train = TRUE)
    mx.exec.backward(executor)
    for (n in params) {
      W <- executor$arg.arrays[[n]]
      G <- executor$grad.arrays[[n]]
      mx.exec.update.arg.arrays(executor, setNames(list(W - G * 0.001), n), match.name = TRUE)
    }
  }
  num_correct <- 0
  num_total <- 0
  for (start in seq(1, ncol(digits$test.x), by = batch_size)) {
    idx <- start:(start + batch_size - 1)
    if (max(idx) > ncol(digits$test.x)) next
    mx.exec.update.arg.arrays(executor_test, list(data = mx.nd.array(digits$test.x[, idx])), match.name = TRUE)
    mx.exec.forward(executor_test, is.train = FALSE)
    pred <- max.col(t(as.array(executor_test$outputs[[1]]))) - 1  # dim c(10, 128): classes in rows
    num_correct <- num_correct + sum(pred == digits$test.y[idx])
    num_total <- num_total + batch_size
  }
  accuracy <- num_correct / num_total
  cat(sprintf("epoch %d: accuracy thus far %.4f\n", epoch, accuracy))
}
if (!is.na(min_accuracy) && accuracy < min_accuracy) {
  cat(sprintf("FAIL: accuracy %.4f is below %.2f\n", accuracy, min_accuracy))
  quit(status = 1)
}
