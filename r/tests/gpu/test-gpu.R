# GPU arrays and executors from R: values must equal the CPU's. Run by r/run_tests.sh
# only where mx.gpu(0) works -- a GPU, or the CUDA emulator (tests/gpu/emu) that the
# test run loads when no GPU is present -- so that nothing here is ever skipped.

run_on <- function(ctx) {
  x <- mx.nd.array(matrix(c(1, -2, 3, 0.5, 4, -1), nrow = 2), ctx = ctx)
  w <- mx.nd.array(matrix(seq(-1, 1, length.out = 6), nrow = 3), ctx = ctx)
  list(sum = as.array((x + 1) * x),
       dot = as.array(mx.nd.dot(w, x)),
       softmax = as.array(mx.nd.softmax(x)),
       mean = as.array(mx.nd.mean(x, axis = 0)))
}

test_that("arrays on gpu(0): arithmetic, dot, softmax and reductions give the CPU's values", {
  g <- mx.gpu(0)
  a <- mx.nd.array(c(1, 2, 3), ctx = g)
  expect_equal(format(mx.nd.context(a)), "gpu(0)")
  cpu <- run_on(mx.cpu())
  gpu <- run_on(g)
  for (k in names(cpu)) expect_equal(gpu[[k]], cpu[[k]], tolerance = 1e-6, info = k)
  back <- mx.nd.copyto(a, mx.cpu())
  expect_equal(format(mx.nd.context(back)), "cpu(0)")
  expect_equal(as.vector(back), c(1, 2, 3))
  expect_error(as.array(a + mx.nd.ones(4, ctx = g)), "shape")
})

test_that("an executor on gpu(0) gives the CPU executor's outputs and gradients", {
  data <- mx.symbol.Variable("data")
  fc <- mx.symbol.FullyConnected(data, num_hidden = 3, name = "fc")
  net <- mx.symbol.SoftmaxOutput(mx.symbol.Activation(fc, act_type = "relu"), name = "sm")
  x <- matrix(seq(-2, 2, length.out = 20), nrow = 4)
  w <- matrix(seq(0.5, -0.5, length.out = 12), nrow = 4)
  run <- function(ctx) {
    ex <- mx.simple.bind(net, ctx, grad.req = "write", data = c(4, 5))
    mx.exec.update.arg.arrays(ex, list(data = mx.nd.array(x, ctx = ctx), fc_weight = mx.nd.array(w, ctx = ctx),
                                       fc_bias = mx.nd.zeros(3, ctx = ctx),
                                       sm_label = mx.nd.array(c(0, 1, 2, 1, 0), ctx = ctx)))
    mx.exec.forward(ex, is.train = TRUE)
    mx.exec.backward(ex)
    list(out = as.array(ex$outputs[[1]]), gw = as.array(ex$grad.arrays$fc_weight),
         gb = as.array(ex$grad.arrays$fc_bias))
  }
  cpu <- run(mx.cpu())
  gpu <- run(mx.gpu(0))
  for (k in names(cpu)) expect_equal(gpu[[k]], cpu[[k]], tolerance = 1e-5, info = k)
})

test_that("an elementwise chain on gpu(0) is fused into one kernel and gives the CPU's values", {
  x <- mx.symbol.Variable("x")
  net <- mx.symbol.sqrt(mx.symbol.exp(x * 0.5) + 1) / 3
  xv <- matrix(seq(-2, 2, length.out = 24), nrow = 4)
  run <- function(ctx) {
    ex <- mx.simple.bind(net, ctx, grad.req = "null", x = c(4, 6))
    mx.exec.update.arg.arrays(ex, list(x = mx.nd.array(xv, ctx = ctx)))
    mx.exec.forward(ex, is.train = FALSE)
    list(out = as.array(ex$outputs[[1]]), fusion = mx.exec.fusion(ex))
  }
  cpu <- run(mx.cpu())
  gpu <- run(mx.gpu(0))
  expect_equal(gpu$out, sqrt(exp(xv * 0.5) + 1) / 3, tolerance = 1e-6)
  expect_equal(gpu$out, cpu$out, tolerance = 1e-6)
  expect_equal(cpu$fusion, c(kernels = 0L, nodes = 0L))
  # where NVRTC is found (always on the emulator's run) the five nodes are one kernel
  if (nzchar(Sys.getenv("MXLITE_NVRTC_LIBRARY"))) expect_equal(gpu$fusion, c(kernels = 1L, nodes = 5L))
})
