test_that("mx.nd.array round-trips R arrays column-major with reversed core shape", {
  m <- matrix(1:6, nrow = 2)  # R dim c(2, 3)
  x <- mx.nd.array(m)
  expect_s3_class(x, "MXNDArray")
  expect_equal(dim(x), c(2L, 3L))
  expect_equal(length(x), 6)
  expect_equal(as.array(x), array(as.numeric(1:6), c(2, 3)))
  # core shape is reversed; the raw memory order is R's
  expect_equal(mx.core.shape(dim(x)), c(3L, 2L))
  expect_identical(mx.nd.to.raw(x), writeBin(as.numeric(1:6), raw(), size = 4, endian = "little"))
  a <- array(runif(24), c(2, 3, 4))
  expect_equal(as.array(mx.nd.array(a)), a, tolerance = 1e-6)
  expect_equal(dim(mx.nd.array(1:5)), 5L)
})

test_that("zeros, ones, dtypes and contexts", {
  z <- mx.nd.zeros(c(3, 4))
  expect_equal(dim(z), c(3L, 4L))
  expect_true(all(as.array(z) == 0))
  o <- mx.nd.ones(c(2, 5), dtype = "float64")
  expect_equal(mx.nd.dtype(o), "float64")
  expect_true(all(as.array(o) == 1))
  expect_equal(mx.nd.dtype(mx.nd.array(c(1, 2), dtype = "int32")), "int32")
  expect_equal(format(mx.cpu()), "cpu(0)")
  expect_equal(format(mx.gpu(1)), "gpu(1)")
  expect_equal(format(mx.nd.context(o)), "cpu(0)")
  expect_error(mx.nd.zeros(2, dtype = "float17"), "dtype")
  expect_error(mx.nd.array(1, dtype = "float17"), "unknown dtype")
})

test_that("arithmetic through Ops, with numbers on either side", {
  a <- mx.nd.array(c(1, 2, 3))
  b <- mx.nd.array(c(4, 5, 6))
  expect_equal(as.vector(a + b), c(5, 7, 9))
  expect_equal(as.vector(b - a), c(3, 3, 3))
  expect_equal(as.vector(a * b), c(4, 10, 18))
  expect_equal(as.vector(b / a), c(4, 2.5, 2))
  expect_equal(as.vector(a ^ 2), c(1, 4, 9))
  expect_equal(as.vector(2 ^ a), c(2, 4, 8))
  expect_equal(as.vector(a + 1), c(2, 3, 4))
  expect_equal(as.vector(1 + a), c(2, 3, 4))
  expect_equal(as.vector(10 - a), c(9, 8, 7))
  expect_equal(as.vector(a - 10), c(-9, -8, -7))
  expect_equal(as.vector(6 / a), c(6, 3, 2))
  expect_equal(as.vector(a / 2), c(0.5, 1, 1.5))
  expect_equal(as.vector(-a), c(-1, -2, -3))
  expect_equal(as.vector(b %% 4), c(0, 1, 2))
  expect_equal(as.vector(a > 2), c(0, 0, 1))
  expect_equal(as.vector(2 > a), c(1, 0, 0))
  expect_equal(as.vector(a <= 2), c(1, 1, 0))
  expect_equal(as.vector(2 <= a), c(0, 1, 1))
  expect_equal(as.vector(a == b - 3), c(1, 1, 1))
  expect_equal(as.vector(a != 2), c(1, 0, 1))
  # broadcasting between compatible shapes
  m <- mx.nd.array(matrix(1:6, nrow = 3))  # R dim c(3, 2)
  r <- mx.nd.array(matrix(c(10, 20, 30), nrow = 3))  # R dim c(3, 1)
  expect_equal(as.array(m + r), matrix(1:6, nrow = 3) + c(10, 20, 30))
  expect_error(a + c(1, 2), "single number")
})

test_that("numbers of every kind reach the scalar operators exactly", {
  a <- mx.nd.array(c(1, 2, 3), dtype = "float64")
  # whole numbers (written by hand in C), negative, zero, large, integer and logical
  expect_equal(as.vector(a + -3), c(-2, -1, 0))
  expect_equal(as.vector(a * 0), c(0, 0, 0))
  expect_equal(as.vector(a + 2^40), 2^40 + c(1, 2, 3))
  expect_equal(as.vector(a - 1e15), c(1, 2, 3) - 1e15)
  expect_equal(as.vector(a + 2L), c(3, 4, 5))
  expect_equal(as.vector(a + TRUE), c(2, 3, 4))
  expect_equal(as.vector(a * -.Machine$integer.max), -.Machine$integer.max * c(1, 2, 3))
  # fractions go through a small cache of formatted values: many values, repeated,
  # must each be exact (colliding cache slots included)
  fracs <- c(0.1, 0.5, -0.25, 1 / 3, pi, 1e-300, 123456.789, 2.5e20, -7.75)
  for (rep in 1:3) {
    for (v in fracs) {
      expect_equal(as.vector(a * v), c(1, 2, 3) * v)
      expect_equal(as.vector(v - a), v - c(1, 2, 3))
    }
  }
  expect_true(all(is.nan(as.vector(a * NaN))))
  expect_true(all(is.nan(as.vector(a + NA))))
  expect_true(all(is.nan(as.vector(a + NA_integer_))))
  expect_equal(as.vector(a * Inf), c(Inf, Inf, Inf))
  expect_equal(as.vector(a * -Inf), c(-Inf, -Inf, -Inf))
  # a one-element R array counts as a number; a classed one does not
  expect_equal(as.vector(a + array(1)), c(2, 3, 4))
  expect_error(a + structure(1, class = "foo"), "single number")
  expect_error(a + "1", "single number")
  expect_error(a + list(1), "single number")
})

test_that("operators: unary forms, the Ops group method and its errors", {
  a <- mx.nd.array(c(1, -2, 0))
  expect_equal(as.vector(+a), c(1, -2, 0))
  expect_equal(as.vector(-a), c(-1, 2, 0))
  expect_equal(as.vector(!a), c(0, 0, 1))
  expect_equal(as.vector(a & mx.nd.array(c(1, 1, 1))), c(1, 1, 0))
  expect_equal(as.vector(a | 0), c(1, 1, 0))
  # the group method (by name) and the per-operator methods (by table row) agree
  group_method <- function(op) {
    f <- getS3method("Ops", "MXNDArray")
    env <- new.env(parent = asNamespace("mxlite"))
    env$.Generic <- op  # as R's dispatch sets it
    environment(f) <- env
    f
  }
  for (op in c("+", "-", "*", "/", "^", "%%", "==", "!=", ">", ">=", "<", "<=", "&", "|")) {
    expect_equal(as.vector(group_method(op)(a, 2)), as.vector(get(op)(a, 2)), info = op)
  }
  expect_error(group_method("%/%")(a, 2), "'%/%' is not defined for MXNDArray")
  expect_error(`*`(a), "unary '\\*' is not defined")
  b <- mx.nd.array(c(1, 2, 3))
  mx.nd.free(b)
  expect_error(a + b, "freed")
})

test_that("Math and Summary groups", {
  a <- mx.nd.array(c(1, 4, 9))
  expect_equal(as.vector(sqrt(a)), c(1, 2, 3))
  expect_equal(as.vector(exp(log(a))), c(1, 4, 9), tolerance = 1e-5)
  expect_equal(as.vector(log(a, 3)), log(c(1, 4, 9), 3), tolerance = 1e-5)
  expect_equal(as.vector(abs(-a)), c(1, 4, 9))
  expect_equal(sum(a), 14)
  expect_equal(max(a), 9)
  expect_equal(min(a, 0), 0)
})

test_that("generated mx.nd.* functions take the registry's parameters (core axes)", {
  m <- matrix(1:6, nrow = 2)  # R dim c(2, 3): core shape (3, 2)
  x <- mx.nd.array(m)
  # core axis 0 is the LAST R dim (the columns here)
  expect_equal(as.vector(mx.nd.sum(x, axis = 0)), rowSums(m))
  expect_equal(as.vector(mx.nd.sum(x, axis = 1)), colSums(m))
  expect_equal(mx.core.axis(1, 2), 1L)
  expect_equal(mx.core.axis(2, 2), 0L)
  expect_equal(as.vector(mx.nd.sum(x, axis = mx.core.axis(1, 2))), colSums(m))
  expect_equal(as.vector(mx.nd.sum(x, axis = mx.core.axis(2, 2))), rowSums(m))
  expect_equal(mx.core.shape(c(784, 128)), c(128L, 784L))
  # transpose and reshape: shapes in core order
  t <- mx.nd.transpose(x)
  expect_equal(dim(t), c(3L, 2L))
  expect_equal(as.array(t), t(m) + 0)
  r <- mx.nd.Reshape(x, shape = c(6))
  expect_equal(dim(r), 6L)
  expect_equal(as.vector(r), as.numeric(1:6))
  # variadic operator: inputs positional, num_args filled in
  c2 <- mx.nd.concat(mx.nd.array(1:2), mx.nd.array(3:5), dim = 0)
  expect_equal(as.vector(c2), c(1, 2, 3, 4, 5))
  # several outputs come back as a list
  parts <- mx.nd.split(mx.nd.array(1:4), num_outputs = 2, axis = 0)
  expect_equal(length(parts), 2)
  expect_equal(as.vector(parts[[2]]), c(3, 4))
  # out= writes in place
  y <- mx.nd.zeros(3)
  mx.nd.relu(mx.nd.array(c(-1, 0, 2)), out = y)
  expect_equal(as.vector(y), c(0, 0, 2))
  # FullyConnected with named inputs; weight is core (num_hidden, in) = R c(in, num_hidden)
  data <- mx.nd.array(matrix(1:4, nrow = 2))  # 2 features, 2 samples
  w <- mx.nd.array(matrix(c(1, 0, 0, 1, 1, 1), nrow = 2))  # R c(2 in, 3 hidden)
  fc <- mx.nd.FullyConnected(data = data, weight = w, num_hidden = 3, no_bias = TRUE)
  expect_equal(dim(fc), c(3L, 2L))
  expect_equal(as.array(fc), t(matrix(c(1, 0, 0, 1, 1, 1), nrow = 2)) %*% matrix(1:4, nrow = 2))
})

test_that("generated functions carry the registry's help text", {
  txt <- capture.output(mx.help("mx.nd.FullyConnected"))
  expect_true(any(grepl("num_hidden", txt)))
  expect_true(any(grepl("FullyConnected", txt)))
  expect_true(any(grepl("act_type", capture.output(print(mx.symbol.Activation)))))
  expect_true("FullyConnected" %in% mx.op.list())
  # ?mx.nd.FullyConnected: Rd pages written from the registry at install time
  expect_equal(length(help("mx.nd.FullyConnected", package = "mxlite")), 1)
  expect_equal(length(help("mx.symbol.Convolution", package = "mxlite")), 1)
  # every public registry operator has both functions
  public <- mx.op.list()[!startsWith(mx.op.list(), "_")]
  ns <- asNamespace("mxlite")
  expect_true(all(vapply(paste0("mx.nd.", public), exists, TRUE, envir = ns)))
  expect_true(all(vapply(paste0("mx.symbol.", public), exists, TRUE, envir = ns)))
  expect_equal(as.vector(mx.nd.invoke("_plus_scalar", list(mx.nd.array(1:2)), list(scalar = "1.5"))[[1]]), c(2.5, 3.5))
})

test_that("save and load, lists and named lists", {
  f <- tempfile(fileext = ".params")
  a <- mx.nd.array(matrix(1:6, 2))
  b <- mx.nd.array(c(0.5, 1.5), dtype = "float64")
  mx.nd.save(list(w = a, b = b), f)
  l <- mx.nd.load(f)
  expect_equal(names(l), c("w", "b"))
  expect_equal(as.array(l$w), as.array(a))
  expect_equal(mx.nd.dtype(l$b), "float64")
  mx.nd.save(list(a, b), f)
  l2 <- mx.nd.load(f)
  expect_null(names(l2))
  expect_equal(length(l2), 2)
  expect_equal(mx.nd.to.raw(l2[[1]]), mx.nd.to.raw(a))
})

test_that("raw byte exchange is exact", {
  bytes <- writeBin(c(1, -2.5, 3), raw(), size = 4, endian = "little")
  x <- mx.nd.from.raw(bytes, 3, "float32")
  expect_equal(as.vector(x), c(1, -2.5, 3))
  expect_identical(mx.nd.to.raw(x), bytes)
})

test_that("slices are views along the last R dim", {
  x <- mx.nd.array(matrix(1:8, nrow = 2))  # 4 samples of 2 features
  s <- mx.nd.slice.last(x, 2, 3)
  expect_equal(as.array(s), matrix(3:6, nrow = 2) + 0)
})
