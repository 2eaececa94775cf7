test_that("mx.io.arrayiter batches the last dim and pads the last batch", {
  it <- mx.io.arrayiter(matrix(1:10, nrow = 2), label = 0:4, batch.size = 2)
  batches <- 0
  it$reset()
  while (it$iter.next()) {
    v <- it$value()
    batches <- batches + 1
    expect_equal(dim(v$data), c(2L, 2L))
    expect_equal(dim(v$label), 2L)
  }
  expect_equal(batches, 3)
  expect_equal(it$num.pad(), 1)
  expect_equal(as.vector(v$label), c(4, 0))  # wrapped around to the start
  expect_error(mx.io.arrayiter(matrix(1:10, nrow = 2), label = 1:3), "labels for 5 samples")
})

test_that("mx.metric.accuracy and the log callback", {
  m <- mx.metric.accuracy
  s <- m$init()
  pred <- matrix(c(0.9, 0.1, 0.2, 0.8, 0.6, 0.4), nrow = 2)  # classes in rows
  s <- m$update(c(0, 1, 1), pred, s)
  expect_equal(m$get(s)$value, 2 / 3)
  expect_equal(m$get(s)$name, "accuracy")
  logger <- mx.metric.logger()
  cb <- mx.callback.log.train.metric(2, logger)
  env <- new.env()
  env$metric <- m
  env$train.metric <- s
  expect_output(cb(1, 2, env, TRUE), "Batch \\[2\\] Train-accuracy=0.66")
  expect_true(cb(1, 0, env, FALSE))
  expect_equal(logger$train, 2 / 3)
})

test_that("FeedForward trains, predicts (samples in columns), saves and loads", {
  d <- toy_data()
  mx.set.seed(3)
  model <- mx.model.FeedForward.create(softmax_net(), X = d$x, y = d$y, ctx = mx.cpu(), num.round = 15,
                                       array.batch.size = 20, learning.rate = 0.2, momentum = 0.9,
                                       initializer = mx.init.Xavier(), eval.metric = mx.metric.accuracy,
                                       verbose = FALSE)
  expect_s3_class(model, "MXFeedForwardModel")
  expect_setequal(names(model$arg.params), c("fc1_weight", "fc1_bias", "fc2_weight", "fc2_bias"))
  expect_equal(dim(model$arg.params$fc1_weight), c(2L, 8L))
  pred <- predict(model, d$x)
  expect_equal(dim(pred), c(2L, 200L))
  expect_equal(colSums(pred), rep(1, 200), tolerance = 1e-5)
  acc <- mean(max.col(t(pred)) - 1 == d$y)
  expect_gt(acc, 0.9)
  # samples in rows (rowmajor) give the same predictions
  expect_equal(predict(model, t(d$x), array.layout = "rowmajor"), pred, tolerance = 1e-6)
  prefix <- file.path(tempdir(), "toy")
  mx.model.save(model, prefix, 7)
  back <- mx.model.load(prefix, 7)
  back$input.dim <- model$input.dim
  expect_equal(predict(back, d$x), pred, tolerance = 1e-6)
})

test_that("sgd with momentum: the fused registry op and the arithmetic fallback agree", {
  for (fused in c(FALSE, NA)) {
    opt <- mx.opt.sgd(learning.rate = 0.5, momentum = 0.9, wd = 0.1, fused = fused)
    w <- mx.nd.array(c(1, 2))
    g <- mx.nd.array(c(1, 1))
    st <- opt$create.state(1, w)
    st <- opt$update(1, w, g, st)
    mom1 <- -0.5 * (1 + 0.1 * c(1, 2))
    expect_equal(as.vector(w), c(1, 2) + mom1, tolerance = 1e-6)
    st <- opt$update(1, w, g, st)
    w1 <- c(1, 2) + mom1
    expect_equal(as.vector(w), w1 + 0.9 * mom1 - 0.5 * (1 + 0.1 * w1), tolerance = 1e-6)
  }
  expect_equal(mx.opt.sgd(fused = FALSE)$fused, FALSE)
})

test_that("the tutorial's manual loop: simple.bind, forward, backward, W - lr * G", {
  d <- toy_data()
  net <- softmax_net()
  mx.set.seed(5)
  ex <- mx.simple.bind(net, mx.cpu(), grad.req = "write", data = c(2, 20), softmax_label = 20)
  for (n in c("fc1_weight", "fc2_weight")) {
    mx.exec.update.arg.arrays(ex, setNames(list(mx.nd.array(array(rnorm(length(ex$arg.arrays[[n]])) * 0.5,
                                                                  dim(ex$arg.arrays[[n]])))), n), match.name = TRUE)
  }
  for (epoch in 1:15) {
    for (start in seq(1, 200, by = 20)) {
      idx <- start:(start + 19)
      mx.exec.update.arg.arrays(ex, list(data = mx.nd.array(d$x[, idx]), softmax_label = mx.nd.array(d$y[idx])),
                                match.name = TRUE)
      mx.exec.forward(ex, is.train = TRUE)
      mx.exec.backward(ex)
      for (n in c("fc1_weight", "fc1_bias", "fc2_weight", "fc2_bias")) {
        W <- ex$arg.arrays[[n]]
        G <- ex$grad.arrays[[n]]
        mx.exec.update.arg.arrays(ex, setNames(list(W - G * 0.01), n), match.name = TRUE)
      }
    }
  }
  correct <- 0
  for (start in seq(1, 200, by = 20)) {
    idx <- start:(start + 19)
    mx.exec.update.arg.arrays(ex, list(data = mx.nd.array(d$x[, idx])), match.name = TRUE)
    mx.exec.forward(ex, is.train = FALSE)
    correct <- correct + sum(max.col(t(as.array(ex$outputs[[1]]))) - 1 == d$y[idx])
  }
  expect_gt(correct / 200, 0.9)
})
