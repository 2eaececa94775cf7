nd <- function(v, shape = length(v)) mx.nd.array(array(v, dim = shape))

test_that("mx.kv.create makes a local store with MXNet R's fields", {
  kv <- mx.kv.create()
  expect_true(is.mx.kvstore(kv))
  expect_equal(kv$type, "local")
  expect_equal(kv$rank, 0L)
  expect_equal(kv$num.workers, 1L)
  expect_output(print(kv), "<MXKVStore local, rank 0 of 1 workers>")
  expect_equal(mx.kv.create("device")$type, "device")
  expect_error(mx.kv.create("bogus"), "unknown type 'bogus'")
  expect_error(mx.kv.create(3), "type must be one string")
})

test_that("local store: pushes from several devices are summed, pulls fill every output", {
  kv <- mx.kv.create("local")
  kv$init(c(3, 5), list(mx.nd.ones(c(2, 3)), nd(1:4)))
  expect_equal(kv$keys(), c(3, 5))
  # value.lists: per device, per key (MXNet R's layout)
  devices <- lapply(1:3, function(d) list(mx.nd.ones(c(2, 3)) * d, nd(c(1, 2, 3, 4)) * (10 * d)))
  kv$push(c(3, 5), devices)
  outs <- lapply(1:2, function(d) list(mx.nd.zeros(c(2, 3)), mx.nd.zeros(4)))
  back <- kv$pull(c(3, 5), outs)
  expect_identical(back, outs)  # written in place, returned as given
  for (d in 1:2) {
    expect_equal(as.array(outs[[d]][[1]]), matrix(6, 2, 3))
    expect_equal(as.vector(outs[[d]][[2]]), 60 * c(1, 2, 3, 4))
  }
  # without an optimizer a push replaces the value with the sum (nothing accumulates)
  kv$push(3, list(mx.nd.ones(c(2, 3)) * 7))
  o <- mx.nd.zeros(c(2, 3))
  kv$pull(3, o)  # one key: a single array is one device's list
  expect_equal(as.array(o), matrix(7, 2, 3))
  # the pulled copy has the key's shape on any dtype
  o64 <- mx.nd.zeros(c(2, 3), dtype = "float64")
  kv$pull(3, list(o64))
  expect_equal(mx.nd.dtype(o64), "float64")
  expect_equal(as.array(o64), matrix(7, 2, 3))
})

test_that("string keys, and the store's errors name the key", {
  kv <- mx.kv.create()
  kv$init("w", mx.nd.zeros(3))
  kv$push("w", list(list(nd(1:3)), list(nd(1:3))))
  o <- mx.nd.zeros(3)
  kv$pull("w", o)
  expect_equal(as.vector(o), 2 * (1:3))
  expect_equal(kv$keys(), "w")
  expect_error(kv$push(1, nd(1:3)), "uses character keys, got numeric keys")
  e <- tryCatch(kv$push("nope", nd(1:3)), error = identity)
  expect_equal(mx.error.kind(e), "MXL_ERR_NOT_FOUND")
  expect_match(conditionMessage(e), "'nope'")
  e <- tryCatch(kv$push("w", nd(1:4)), error = identity)
  expect_equal(mx.error.kind(e), "MXL_ERR_SHAPE")
  expect_match(conditionMessage(e), "'w'")
  e <- tryCatch(kv$init("w", mx.nd.zeros(3)), error = identity)
  expect_equal(mx.error.kind(e), "MXL_ERR_INVALID_ARGUMENT")
  expect_error(kv$push("w", list(1)), "key w: expected an MXNDArray, got numeric")
  expect_error(kv$push(c("w", "v"), list(nd(1:3))), "2 keys but 1 arrays")
  expect_error(kv$init(1.5, mx.nd.zeros(3)), "whole numbers")
  expect_error(kv$init(NA_character_, mx.nd.zeros(3)), "non-empty strings")
  expect_error(kv$init(list(1), mx.nd.zeros(3)), "whole numbers or strings")
  expect_error(kv$init("x", list(list(mx.nd.zeros(3)))), "expected an MXNDArray, got list")  # one array per key
  expect_error(kv$init(c("x", "y"), list(mx.nd.zeros(3))), "2 keys but 1 arrays")
})

test_that("set.optimizer: the store applies sgd (with momentum) and counts updates", {
  kv <- mx.kv.create()
  w0 <- c(1, 2, 3, 4)
  kv$init(1, nd(w0))
  opt <- mx.opt.create("sgd", learning.rate = 0.1, momentum = 0.9, wd = 0.01, rescale.grad = 0.5)
  kv$set.optimizer(opt)
  g <- c(1, -1, 2, 0.5)
  w <- w0
  mom <- 0
  for (step in 1:3) {
    kv$push(1, list(list(nd(g)), list(nd(g))))  # two devices: gradient 2g
    mom <- 0.9 * mom - 0.1 * (0.5 * 2 * g + 0.01 * w)
    w <- w + mom
    o <- mx.nd.zeros(4)
    kv$pull(1, o)
    expect_equal(as.vector(o), w, tolerance = 1e-6)
  }
  expect_equal(kv$num.update(1), 3)
  # a new learning rate from the next update on, momentum state kept
  kv$set.optimizer.params(list(lr = 0))
  kv$push(1, nd(g))
  mom <- 0.9 * mom
  w <- w + mom
  o <- mx.nd.zeros(4)
  kv$pull(1, o)
  expect_equal(as.vector(o), w, tolerance = 1e-6)
  kv$set.optimizer.params(list(lr = 0.1), key = 1)  # one key's value wins over the store's
  kv$push(1, nd(g))
  mom <- 0.9 * mom - 0.1 * (0.5 * g + 0.01 * w)
  w <- w + mom
  kv$pull(1, o)
  expect_equal(as.vector(o), w, tolerance = 1e-6)
  expect_equal(kv$num.update(1), 5)
  e <- tryCatch(kv$set.optimizer.params(list(bogus = 1)), error = identity)
  expect_equal(mx.error.kind(e), "MXL_ERR_NOT_FOUND")
  expect_error(kv$set.optimizer.params(list(0.1)), "named list")
  expect_error(kv$set.optimizer(list(update = function(...) NULL)), "no fused update operator")
})

test_that("optimizer states save and load through the store", {
  make <- function(w) {
    kv <- mx.kv.create()
    kv$init(1, nd(w))
    kv$set.optimizer(mx.opt.create("sgd", learning.rate = 0.2, momentum = 0.5))
    kv
  }
  g <- nd(c(1, 2, 3))
  kv <- make(c(0, 0, 0))
  kv$push(1, g)
  w1 <- mx.nd.zeros(3)
  kv$pull(1, w1)
  f <- tempfile(fileext = ".states")
  kv$save.optimizer.states(f)
  kv$push(1, g)
  w2 <- mx.nd.zeros(3)
  kv$pull(1, w2)
  # a new store from the step-1 weights and the saved momentum takes the same step 2
  kv2 <- make(as.vector(w1))
  kv2$load.optimizer.states(f)
  kv2$push(1, g)
  w2b <- mx.nd.zeros(3)
  kv2$pull(1, w2b)
  expect_equal(as.vector(w2b), as.vector(w2), tolerance = 1e-6)
  expect_equal(kv2$num.update(1), 2)
  unlink(f)
  kv2$barrier()  # a local store's barrier waits for its work only
  expect_error(mx.kv.create()$save.optimizer.states(f), "optimizer")
})

test_that("dist stores outside mpirun fail with a device error", {
  e <- tryCatch(mx.kv.create("dist_sync"), error = identity)
  expect_equal(mx.error.kind(e), "MXL_ERR_DEVICE")
})

test_that("FeedForward with kvstore = an MXKVStore trains exactly as without one", {
  d <- toy_data()
  train <- function(kvstore, ...) {
    set.seed(11)
    mx.set.seed(11)
    mx.model.FeedForward.create(softmax_net(), X = d$x, y = d$y, ctx = mx.cpu(), num.round = 3,
                                array.batch.size = 20, initializer = mx.init.Xavier(),
                                kvstore = kvstore, verbose = FALSE, ...)
  }
  plain <- train("local", learning.rate = 0.2, momentum = 0.9)
  kv <- mx.kv.create("local")
  stored <- train(kv, learning.rate = 0.2, momentum = 0.9)
  for (n in names(plain$arg.params)) {
    expect_equal(as.array(stored$arg.params[[n]]), as.array(plain$arg.params[[n]]), tolerance = 1e-6, info = n)
  }
  expect_gt(kv$num.update(1), 0)  # the store did the updates
  expect_equal(length(kv$keys()), 4)
  # an optimizer the store cannot run: summed gradients are pulled, the update is local
  opt <- mx.opt.sgd(learning.rate = 0.2)
  local_opt <- list(create.state = opt$create.state, update = opt$update)
  kv2 <- mx.kv.create("local")
  stored2 <- train(kv2, optimizer = local_opt)
  plain2 <- train("local", optimizer = local_opt)
  for (n in names(plain2$arg.params)) {
    expect_equal(as.array(stored2$arg.params[[n]]), as.array(plain2$arg.params[[n]]), tolerance = 1e-6, info = n)
  }
  expect_equal(kv2$num.update(1), 0)
  expect_error(train("bogus"), "unknown kvstore type 'bogus'")
  expect_error(train(42), "kvstore must be an MXKVStore")
})

test_that("FeedForward on several CPU devices matches one device with the same global batch", {
  d <- toy_data()
  train <- function(ctx, kvstore = "local", batch = 20, ...) {
    set.seed(5)
    mx.set.seed(5)
    mx.model.FeedForward.create(softmax_net(), X = d$x, y = d$y, ctx = ctx, num.round = 3,
                                array.batch.size = batch, initializer = mx.init.Xavier(),
                                kvstore = kvstore, verbose = FALSE, ...)
  }
  same_params <- function(a, b) {
    for (n in names(a$arg.params)) {
      expect_equal(as.array(b$arg.params[[n]]), as.array(a$arg.params[[n]]), tolerance = 1e-5, info = n)
    }
  }
  one <- train(mx.cpu(), learning.rate = 0.2, momentum = 0.9)
  # even and uneven splits (30 = 10 + 10 + 10; 30 over 4 = 8 + 8 + 8 + 6), update in the store
  same_params(one, train(list(mx.cpu(0), mx.cpu(1)), learning.rate = 0.2, momentum = 0.9))
  same_params(train(mx.cpu(), batch = 30, learning.rate = 0.2),
              train(list(mx.cpu(0), mx.cpu(1), mx.cpu(2), mx.cpu(3)), batch = 30, learning.rate = 0.2))
  # an optimizer the store cannot run: summed gradients pulled, each device updates its copy
  opt <- mx.opt.sgd(learning.rate = 0.2, momentum = 0.9, rescale.grad = 1 / 20)
  local_opt <- list(create.state = opt$create.state, update = opt$update)
  same_params(one, train(list(mx.cpu(0), mx.cpu(1)), optimizer = local_opt))
  # an explicit store and the "device" type
  kv <- mx.kv.create("local")
  same_params(one, train(list(mx.cpu(0), mx.cpu(1)), kvstore = kv, learning.rate = 0.2, momentum = 0.9))
  expect_equal(kv$num.update(1), 3 * 10)  # 3 epochs of 10 batches, one update per batch
  same_params(one, train(list(mx.cpu(0), mx.cpu(1)), kvstore = "device", learning.rate = 0.2, momentum = 0.9))
  # metrics see every sample once, padding excluded (200 samples in batches of 30: 10 padded)
  seen <- 0
  counting <- mx.metric.custom("count", function(label, pred) { seen <<- seen + length(label); 0 })
  train(list(mx.cpu(0), mx.cpu(1), mx.cpu(2)), batch = 30, learning.rate = 0.1, eval.metric = counting)
  expect_equal(seen, 3 * 200)
  expect_error(train(list(mx.cpu(0), mx.cpu(1)), kvstore = NULL), "kvstore = NULL on several devices")
  expect_error(train(list(mx.cpu(0), mx.cpu(1), mx.cpu(2)), batch = 2), "batch size 2 is smaller than the 3 devices")
  expect_error(train(rep(list(mx.cpu()), 4), batch = 6), "too many devices")
  expect_error(train(list()), "ctx must be an MXContext or a list")
})
