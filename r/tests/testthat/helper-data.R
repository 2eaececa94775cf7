# Shared by the test files (testthat sources helper-*.R first).

toy_data <- function(n = 200) {
  set.seed(1)
  x <- matrix(rnorm(2 * n), nrow = 2)   # 2 features, samples in columns
  y <- as.numeric(x[1, ] + 0.5 * x[2, ] > 0)
  list(x = x, y = y)
}

softmax_net <- function(hidden = 8, classes = 2) {
  data <- mx.symbol.Variable("data")
  fc1 <- mx.symbol.FullyConnected(data, num_hidden = hidden, name = "fc1")
  act <- mx.symbol.Activation(fc1, act_type = "relu")
  fc2 <- mx.symbol.FullyConnected(act, num_hidden = classes, name = "fc2")
  mx.symbol.SoftmaxOutput(fc2, name = "softmax")
}
