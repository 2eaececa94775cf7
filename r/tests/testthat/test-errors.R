test_that("C ABI errors become R errors with the core's message and kind", {
  a <- mx.nd.array(matrix(1:6, 2))
  b <- mx.nd.array(matrix(1:8, 2))
  err <- tryCatch({ y <- mx.nd.broadcast_add(a, b); as.array(y) }, error = function(e) e)
  expect_s3_class(err, "mxlite.error")
  expect_equal(mx.error.kind(err), "MXL_ERR_SHAPE")
  expect_match(conditionMessage(err), "broadcast_add")
  e2 <- tryCatch(mx.nd.Activation(a, act_type = "nope"), error = function(e) e)
  expect_equal(e2$kind, "MXL_ERR_INVALID_ARGUMENT")
  expect_match(conditionMessage(e2), "act_type")
  e3 <- tryCatch(mx.nd.invoke("no_such_op", list(a)), error = function(e) e)
  expect_equal(e3$kind, "MXL_ERR_NOT_FOUND")
  expect_error(mx.nd.load(file.path(tempdir(), "missing", "x.params")), class = "mxlite.error")
  e4 <- tryCatch(mx.nd.FullyConnected(a, num_hiden = 3), error = function(e) e)
  expect_equal(e4$kind, "MXL_ERR_NOT_FOUND")
  expect_match(conditionMessage(e4), "num_hiden")
  e5 <- tryCatch(mx.nd.FullyConnected(dta = a, num_hidden = 3), error = function(e) e)
  expect_equal(e5$kind, "MXL_ERR_NOT_FOUND")
  expect_match(conditionMessage(e5), "'dta' is not an input")
  expect_error(mx.nd.sum(a, 3), "give parameters by name")
})

test_that("freed handles are errors, not crashes; finalizers free the rest", {
  a <- mx.nd.array(1:3)
  mx.nd.free(a)
  mx.nd.free(a)  # twice is harmless
  err <- tryCatch(as.array(a), error = function(e) e)
  expect_equal(err$kind, "MXL_ERR_INVALID_HANDLE")
  expect_output(print(a), "freed")
  expect_error(a + 1, "freed")
  s <- mx.symbol.Variable("x")
  mx.symbol.free(s)
  expect_error(arguments(s), "freed")
  expect_error(mx.nd.dtype(s), "expected an MXNDArray")
  for (i in 1:200) local({ x <- mx.nd.ones(c(100, 100)) })
  gc()
  mx.nd.waitall()
  succeed()
})

test_that("bad input from R does not crash the session", {
  expect_error(mx.nd.array("a"), "numeric")
  expect_error(mx.nd.zeros(c(2, NA)), class = "mxlite.error")
  expect_error(mx.nd.from.raw(as.raw(1:3), 2, "float32"), class = "mxlite.error")
  expect_error(mx.symbol.load.json("{not json"), class = "mxlite.error")
  expect_error(mx.simple.bind(mx.symbol.Variable("x"), mx.cpu()), "cannot infer")
})

test_that("wrong types and values anywhere are R errors", {
  a <- mx.nd.array(1:4)
  s <- mx.symbol.Variable("s")
  bad <- list(
    quote(mx.nd.array(c(1, NA))  + "x"),
    quote(mx.nd.zeros(c(-1, 2))),
    quote(mx.nd.array(c(1, NA), dtype = "int32")),
    quote(mx.nd.zeros(rep(2, 11))),
    quote(mx.nd.from.raw(1:4, 4)),
    quote(mx.nd.save(list(a, 3), tempfile())),
    quote(mx.nd.save(list(a), c("a", "b"))),
    quote(mx.nd.load(NA_character_)),
    quote(a + s),
    quote(s + a),
    quote(mx.nd.relu(s)),
    quote(mx.symbol.relu(a)),
    quote(mx.nd.invoke("relu", list(s))),
    quote(mx.nd.invoke("relu", list(a), out = list(s))),
    quote(mx.nd.invoke("split", list(a), list(num_outputs = 2, axis = 0), out = list(a))),
    quote(mx.symbol.Group(a)),
    quote(mx.symbol.infer.shape(s, c(2, 3))),
    quote(mx.symbol.infer.shape(s, s = c(2, NA))),
    quote(mx.simple.bind(s, mx.cpu(), s = c(2, 3), grad.req = "sometimes")),
    quote(mx.symbol.bind(s, mx.cpu(), list(s = s))),
    quote(mx.exec.forward(list(handle = a))),
    quote(mx.nd.reshape.view(a, c(3, 3))),
    quote(mx.nd.slice.last(a, 3, 10)),
    quote(mx.nd.copyto(a, "cpu")),
    quote(mx.nd.array(1:3, ctx = mx.gpu(7))),
    quote(mx.nd.Reshape(a, shape = c(3, 5))),
    quote(mx.nd.transpose(a, axes = c(0, 0))),
    quote(mx.nd.take(a, mx.nd.array(c(10, 20)), mode = "raise")),
    quote(mx.symbol.load(tempfile())),
    quote(mx.symbol.load.json("{\"nodes\": 3}")),
    quote(a[[1]]),
    quote(mx.nd.Convolution(a, kernel = "bad", num_filter = 2)))
  for (e in bad) {
    # (a + s mixes two classes: R warns "Incompatible methods", then errors)
    r <- tryCatch(suppressWarnings({ v <- eval(e); if (is.mx.ndarray(v)) as.array(v); "no error" }),
                  error = function(err) "error")
    if (r != "error") fail(paste("no error from", deparse(e)))
    else succeed()
  }
  # the package still works afterwards
  expect_equal(as.vector(a + 1), c(2, 3, 4, 5))
})
