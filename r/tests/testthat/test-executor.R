test_that("simple.bind allocates arrays in R order; forward and backward", {
  data <- mx.symbol.Variable("data")
  fc <- mx.symbol.FullyConnected(data, num_hidden = 2, name = "fc")
  loss <- mx.symbol.LinearRegressionOutput(fc, name = "lro")
  ex <- mx.simple.bind(loss, mx.cpu(), grad.req = "write", data = c(3, 4), lro_label = c(2, 4))
  expect_s3_class(ex, "MXExecutor")
  expect_equal(dim(ex$arg.arrays$data), c(3L, 4L))
  expect_equal(dim(ex$arg.arrays$fc_weight), c(3L, 2L))
  expect_null(ex$grad.arrays$data)          # inputs get no gradient
  expect_equal(dim(ex$grad.arrays$fc_weight), c(3L, 2L))
  x <- matrix(c(1, 2, 3, 0, 1, 0, 2, 2, 2, -1, 0, 1), nrow = 3)
  w <- matrix(c(0.1, 0.2, 0.3, -0.1, 0, 0.1), nrow = 3)
  y <- matrix(c(1, 0, 0, 1, 1, 1, 0, 0), nrow = 2)
  mx.exec.update.arg.arrays(ex, list(data = mx.nd.array(x), fc_weight = mx.nd.array(w),
                                     fc_bias = mx.nd.zeros(2), lro_label = mx.nd.array(y)))
  mx.exec.forward(ex, is.train = TRUE)
  pred <- t(w) %*% x
  expect_equal(as.array(ex$outputs[[1]]), pred, tolerance = 1e-6)
  mx.exec.backward(ex)
  # d/dW of 0.5*sum((pred - y)^2) / ... : LinearRegressionOutput's grad is (pred - y)
  # per sample (grad_scale 1, divided by the number of outputs per sample in MXNet 1.x)
  g <- x %*% t(pred - y) / 2
  expect_equal(as.array(ex$grad.arrays$fc_weight), g, tolerance = 1e-5)
  expect_equal(as.vector(ex$grad.arrays$fc_bias), rowSums(pred - y) / 2, tolerance = 1e-5)
  m <- mx.exec.memory(ex)
  expect_true(m[["planned"]] <= m[["naive"]])
  expect_equal(mx.exec.fusion(ex), c(kernels = 0L, nodes = 0L))  # fusion is for GPU executors
})

test_that("bind with given arrays, grad.req add accumulates, head gradients", {
  a <- mx.symbol.Variable("a")
  s <- a * a
  ex <- mx.symbol.bind(s, mx.cpu(), list(a = mx.nd.array(c(1, 2, 3))), grad.reqs = "add")
  mx.exec.forward(ex, is.train = TRUE)
  mx.exec.backward(ex, list(mx.nd.ones(3)))
  mx.exec.forward(ex, is.train = TRUE)
  mx.exec.backward(ex, list(mx.nd.ones(3)))
  expect_equal(as.vector(ex$grad.arrays$a), 2 * 2 * c(1, 2, 3))
  expect_error(mx.symbol.bind(s, mx.cpu(), list(b = mx.nd.ones(3))), "missing a")
  expect_error(mx.exec.update.arg.arrays(ex, list(a = mx.nd.ones(4)), match.name = TRUE), "dims")
  mx.exec.free(ex)
  expect_error(mx.exec.forward(ex), "freed")
})

test_that("autograd: record, attach.grad, backward", {
  x <- mx.nd.array(c(1, 2, 3))
  mx.nd.attach.grad(x)
  y <- mx.autograd.record(mx.nd.sum(x * x))
  mx.autograd.backward(y)
  expect_equal(as.vector(mx.nd.grad(x)), c(2, 4, 6))
  z <- mx.autograd.record(x * 3)
  mx.autograd.backward(z, mx.nd.array(c(1, 0, 2)))
  expect_equal(as.vector(mx.nd.grad(x)), c(3, 0, 6))
  expect_null(mx.nd.grad(mx.nd.ones(2)))
})
