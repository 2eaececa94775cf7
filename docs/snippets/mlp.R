# The four-language example, R: arrays, the MLP symbol, bind, forward/backward, train.
# Run by docs/run_checks.sh; stops with an error if training does not reach 90% accuracy.
# R arrays are column-major: a batch is features x samples (the core's samples x features).
library(mxlite)

# Create arrays: 256 samples of 20 features; class 1 where the first two features sum > 0.
n <- 256; features <- 20; batch <- 64
X <- outer(0:(features - 1), 0:(n - 1), function(j, i) sin(i * 7 + j * 3))   # 20 x 256
y <- as.numeric(X[1, ] + X[2, ] > 0)
a <- mx.nd.array(X[1:4, 1:3])                  # NDArray from an R matrix
print(dim(a * 2 + 1))                          # lazy arithmetic: 4 3

# Build the MLP symbol: 20 -> 32 relu -> 2, softmax loss.
data <- mx.symbol.Variable("data")
fc1 <- mx.symbol.FullyConnected(data = data, num_hidden = 32, name = "fc1")
act1 <- mx.symbol.Activation(data = fc1, act_type = "relu", name = "relu1")
fc2 <- mx.symbol.FullyConnected(data = act1, num_hidden = 2, name = "fc2")
net <- mx.symbol.SoftmaxOutput(data = fc2, name = "softmax")
print(arguments(net))

# Bind: allocate arguments and gradients for batches of 64; initialize the weights.
ex <- mx.simple.bind(net, ctx = mx.cpu(), grad.req = "write",
                     data = c(features, batch), softmax_label = batch)
set.seed(0)
params <- setdiff(arguments(net), c("data", "softmax_label"))
for (p in params) {
  d <- dim(ex$arg.arrays[[p]])
  init <- if (grepl("weight", p)) rnorm(prod(d)) * 0.3 else rep(0, prod(d))
  mx.exec.update.arg.arrays(ex, setNames(list(mx.nd.array(array(init, d))), p), match.name = TRUE)
}

# Forward / backward, and train: plain SGD on the batch-summed gradients.
for (epoch in 1:30) {
  for (start in seq(1, n, by = batch)) {
    idx <- start:(start + batch - 1)
    mx.exec.update.arg.arrays(ex, list(data = mx.nd.array(X[, idx]),
                                       softmax_label = mx.nd.array(y[idx])), match.name = TRUE)
    mx.exec.forward(ex, is.train = TRUE)
    mx.exec.backward(ex)
    for (p in params) {
      W <- ex$arg.arrays[[p]]
      G <- ex$grad.arrays[[p]]
      mx.exec.update.arg.arrays(ex, setNames(list(W - G * (0.5 / batch)), p), match.name = TRUE)
    }
  }
}

correct <- 0
for (start in seq(1, n, by = batch)) {
  idx <- start:(start + batch - 1)
  mx.exec.update.arg.arrays(ex, list(data = mx.nd.array(X[, idx])), match.name = TRUE)
  mx.exec.forward(ex, is.train = FALSE)
  pred <- max.col(t(as.array(ex$outputs[[1]]))) - 1     # outputs are 2 x 64: classes in rows
  correct <- correct + sum(pred == y[idx])
}
accuracy <- correct / n
cat(sprintf("accuracy %.3f\n", accuracy))
if (accuracy < 0.9) stop(sprintf("training failed: accuracy %.3f", accuracy))
