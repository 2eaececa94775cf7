mlp <- function() {
  data <- mx.symbol.Variable("data")
  fc1 <- mx.symbol.FullyConnected(data, num_hidden = 8, name = "fc1")
  act <- mx.symbol.Activation(fc1, act_type = "relu", name = "relu1")
  fc2 <- mx.symbol.FullyConnected(act, num_hidden = 3, name = "fc2")
  mx.symbol.SoftmaxOutput(fc2, name = "sm")
}

test_that("symbols compose, list arguments and outputs", {
  net <- mlp()
  expect_s3_class(net, "MXSymbol")
  expect_equal(arguments(net), c("data", "fc1_weight", "fc1_bias", "fc2_weight", "fc2_bias", "sm_label"))
  expect_equal(outputs(net), "sm_output")
  expect_equal(mx.symbol.name(net), "sm")
  expect_equal(length(net), 1)
  int <- internals(net)
  expect_true("fc1_output" %in% outputs(int))
  fc1 <- int[["fc1_output"]]
  expect_equal(arguments(fc1), c("data", "fc1_weight", "fc1_bias"))
  g <- mx.symbol.Group(fc1, net)
  expect_equal(outputs(g), c("fc1_output", "sm_output"))
  expect_null(mx.symbol.name(g))
})

test_that("infer.shape speaks R order (reversed core shapes)", {
  net <- mlp()
  s <- mx.symbol.infer.shape(net, data = c(5, 4))  # 5 features, batch of 4
  expect_equal(s$arg.shapes$fc1_weight, c(5L, 8L))   # core (8, 5)
  expect_equal(s$arg.shapes$fc1_bias, 8L)
  expect_equal(s$arg.shapes$sm_label, 4L)
  expect_equal(s$out.shapes$sm_output, c(3L, 4L))
  expect_equal(length(s$aux.shapes), 0)
  # elementwise ops infer one input's shape from the other
  expect_equal(mx.symbol.infer.shape(mx.symbol.Variable("a") + mx.symbol.Variable("b"), a = c(2, 3))$arg.shapes$b, c(2L, 3L))
  d <- mx.symbol.dot(mx.symbol.Variable("a"), mx.symbol.Variable("b"))
  expect_null(mx.symbol.infer.shape(d, a = c(2, 3)))
  p <- mx.symbol.infer.shape.partial(d, a = c(2, 3))
  expect_null(p$arg.shapes$b)
  expect_equal(p$arg.shapes$a, c(2L, 3L))
  err <- tryCatch(mx.symbol.infer.shape(mx.symbol.Variable("a") + mx.symbol.Variable("b"), a = c(2, 3), b = c(4, 3)),
                  error = function(e) e)
  expect_equal(err$kind, "MXL_ERR_SHAPE")
})

test_that("symbol arithmetic and JSON/file round trips", {
  a <- mx.symbol.Variable("a")
  b <- mx.symbol.Variable("b")
  s <- (a + b) * 2 - 1 / a
  expect_equal(arguments(s), c("a", "b"))
  ex <- mx.simple.bind(s, mx.cpu(), a = 2, b = 2)
  mx.exec.update.arg.arrays(ex, list(a = mx.nd.array(c(1, 2)), b = mx.nd.array(c(3, 4))), match.name = TRUE)
  mx.exec.forward(ex, is.train = FALSE)
  expect_equal(as.vector(ex$outputs[[1]]), (c(1, 2) + c(3, 4)) * 2 - 1 / c(1, 2))
  f <- tempfile(fileext = ".json")
  mx.symbol.save(mlp(), f)
  back <- mx.symbol.load(f)
  expect_equal(arguments(back), arguments(mlp()))
  expect_equal(arguments(mx.symbol.load.json(mx.symbol.tojson(mlp()))), arguments(mlp()))
  v <- mx.symbol.Variable("w", lr.mult = 2)
  expect_equal(unname(mx.symbol.attributes(v)["__lr_mult__"]), "2")
})
