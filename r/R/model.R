# Training in MXNet's R style: data iterators, initializers, optimizers, metrics,
# callbacks and mx.model.FeedForward.create / predict.
#
# Data layout: as in MXNet's R package, the LAST R dim indexes samples: a data matrix
# has dim c(features, samples) (array.layout = "colmajor"). Matrices with samples in
# rows (array.layout = "rowmajor") are transposed first.

# ------------------------------------------------------------------ iterators
#' An iterator over an R array (last dim = samples) and labels, in batches.
#'
#' Methods (MXNet R style): iter$reset(), iter$iter.next() (FALSE at the end),
#' iter$value() -> list(data = MXNDArray, label = MXNDArray), iter$num.pad().
#' The last batch is filled up with samples from the start (num.pad() tells how many).
mx.io.arrayiter <- function(data, label, batch.size = 128, shuffle = FALSE) {
  d <- dim(data)
  if (is.null(d)) d <- c(1L, length(data))
  n <- d[length(d)]
  if (!missing(label) && !is.null(label) && length(label) != n) {
    stop(sprintf("mx.io.arrayiter: %d labels for %d samples (the last dim of data)", length(label), n))
  }
  if (missing(label)) label <- NULL
  batch.size <- as.integer(batch.size)
  feature_dims <- d[-length(d)]
  flat <- matrix(as.numeric(data), ncol = n)
  it <- new.env()
  it$batch.size <- batch.size
  it$num.data <- n
  it$cursor <- 0L
  it$pad <- 0L
  it$data.nd <- NULL
  it$label.nd <- NULL
  it$reset <- function() {
    order <- if (shuffle) sample.int(n) else seq_len(n)
    nbatch <- ceiling(n / batch.size)
    padded <- c(order, order[seq_len(nbatch * batch.size - n)])  # wrap around
    # One array per epoch; batches are zero-copy views of it.
    it$data.nd <- mx.nd.array(array(flat[, padded, drop = FALSE], c(feature_dims, length(padded))))
    it$label.nd <- if (!is.null(label)) mx.nd.array(as.numeric(label)[padded]) else NULL
    it$cursor <- 0L
    invisible(NULL)
  }
  it$iter.next <- function() {
    if (is.null(it$data.nd)) it$reset()
    if (it$cursor * batch.size >= n) return(FALSE)
    it$cursor <- it$cursor + 1L
    it$pad <- max(0L, it$cursor * batch.size - n)
    TRUE
  }
  it$value <- function() {
    if (it$cursor == 0L) stop("mx.io.arrayiter: call iter.next() first")
    b <- (it$cursor - 1L) * batch.size + 1L
    e <- it$cursor * batch.size
    list(data = mx.nd.slice.last(it$data.nd, b, e),
         label = if (!is.null(it$label.nd)) mx.nd.slice.last(it$label.nd, b, e) else NULL)
  }
  it$num.pad <- function() it$pad
  class(it) <- c("MXArrayDataIter", "MXDataIter")
  it$reset()
  it
}

# --------------------------------------------------------------- initializers
# An initializer is function(name, shape, ctx) -> MXNDArray (shape in R order).
# Biases, betas and moving means start at 0, gammas and moving variances at 1, and
# weights are drawn as the initializer says.
.init_by_name <- function(name, shape, ctx, draw_weight) {
  if (endsWith(name, "bias") || endsWith(name, "beta") || endsWith(name, "moving_mean")) {
    return(mx.nd.zeros(shape, ctx))
  }
  if (endsWith(name, "gamma") || endsWith(name, "moving_var")) return(mx.nd.ones(shape, ctx))
  draw_weight(shape, ctx)
}

.random <- function(op, shape, ctx, params) {
  ctx <- .ctx_or_default(ctx)
  p <- c(list(shape = .param_str(rev(as.integer(shape)), "Shape(tuple)"), ctx = format(ctx)), params)
  .Call(R_mxl_invoke, .op_handle(op), list(), names(p), unlist(lapply(p, .param_str)), NULL, TRUE)
}

#' Uniform initializer: weights from U(-scale, scale).
mx.init.uniform <- function(scale) {
  function(name, shape, ctx = NULL) .init_by_name(name, shape, ctx, function(s, c) {
    .random("_random_uniform", s, c, list(low = -scale, high = scale))
  })
}

#' Normal initializer: weights from N(0, sd^2).
mx.init.normal <- function(sd) {
  function(name, shape, ctx = NULL) .init_by_name(name, shape, ctx, function(s, c) {
    .random("_random_normal", s, c, list(loc = 0, scale = sd))
  })
}

#' Xavier initializer. shape is in R order, so the core's (out, in, k...) is
#' R's c(k..., in, out).
mx.init.Xavier <- function(rnd_type = "uniform", factor_type = "avg", magnitude = 3) {
  function(name, shape, ctx = NULL) .init_by_name(name, shape, ctx, function(s, c) {
    n <- length(s)
    receptive <- if (n > 2) prod(s[seq_len(n - 2)]) else 1
    fan_out <- s[n] * receptive
    fan_in <- if (n > 1) s[n - 1] * receptive else s[n]
    factor <- switch(factor_type, avg = (fan_in + fan_out) / 2, `in` = fan_in, out = fan_out,
                     stop("mx.init.Xavier: factor_type must be avg, in or out"))
    scale <- sqrt(magnitude / factor)
    if (rnd_type == "uniform") .random("_random_uniform", s, c, list(low = -scale, high = scale))
    else .random("_random_normal", s, c, list(loc = 0, scale = scale))
  })
}

#' Arrays for every named shape (R order) from an initializer.
#' skip.unknown: names ending in "data" or "label" (the inputs) are left out.
mx.init.create <- function(initializer, shape.array, ctx = NULL, skip.unknown = TRUE) {
  nms <- names(shape.array)
  keep <- !(skip.unknown & (endsWith(nms, "data") | endsWith(nms, "label")))
  out <- lapply(nms[keep], function(n) initializer(n, shape.array[[n]], ctx))
  names(out) <- nms[keep]
  out
}

# ----------------------------------------------------------------- optimizers
#' An optimizer: list(create.state(index, weight), update(index, weight, grad, state))
#' where update writes the weight in place and returns the new state; kvstore.op and
#' kvstore.params name the fused update a KVStore runs for it (kv$set.optimizer).
#'
#' "sgd": learning.rate, momentum, wd, rescale.grad, clip_gradient. It uses the
#' registry's fused sgd_update / sgd_mom_update when present (fused = NA; TRUE/FALSE
#' forces the choice), else the same update through registry arithmetic:
#' mom <- momentum * mom - lr * (rescale * g + wd * w); w <- w + mom.
mx.opt.create <- function(name, ...) {
  if (name != "sgd") stop(sprintf("mx.opt.create: unknown optimizer '%s' (available: sgd)", name))
  mx.opt.sgd(...)
}

mx.opt.sgd <- function(learning.rate = 0.01, momentum = 0, wd = 0, rescale.grad = 1, clip_gradient = -1,
                       fused = NA, ...) {
  if (is.na(fused)) fused <- (if (momentum > 0) "sgd_mom_update" else "sgd_update") %in% mx.op.list()
  params <- list(lr = learning.rate, wd = wd, rescale_grad = rescale.grad, clip_gradient = clip_gradient)
  if (momentum > 0) params$momentum <- momentum
  create.state <- function(index, weight) {
    if (momentum > 0) mx.nd.zeros(dim(weight), mx.nd.context(weight)) else NULL
  }
  update <- function(index, weight, grad, state) {
    if (fused) {
      if (momentum > 0) mx.nd.invoke("sgd_mom_update", list(weight, grad, state), params, out = list(weight))
      else mx.nd.invoke("sgd_update", list(weight, grad), params, out = list(weight))
      return(state)
    }
    g <- grad * rescale.grad
    if (clip_gradient > 0) g <- mx.nd.invoke("clip", list(g), list(a_min = -clip_gradient, a_max = clip_gradient))[[1]]
    if (wd > 0) g <- g + weight * wd
    if (momentum > 0) {
      mx.nd.invoke("_copy", list(state * momentum - g * learning.rate), out = list(state))
      mx.nd.invoke("elemwise_add", list(weight, state), out = list(weight))
    } else {
      mx.nd.invoke("_copy", list(weight - g * learning.rate), out = list(weight))
    }
    state
  }
  # What a KVStore needs to apply this optimizer itself (kv$set.optimizer).
  list(create.state = create.state, update = update, fused = fused,
       kvstore.op = if (momentum > 0) "sgd_mom_update" else "sgd_update", kvstore.params = params)
}

# -------------------------------------------------------------------- metrics
#' A metric: list(init(), update(label, pred, state), get(state)) on R arrays; pred has
#' dim c(outputs, batch) (samples in columns, as MXNet R returns them).
#' mx.metric.custom(name, feval): feval(label, pred) gives one batch's value; the
#' metric is their mean weighted by batch size.
mx.metric.custom <- function(name, feval) {
  structure(list(
    init = function() c(0, 0),
    update = function(label, pred, state) {
      n <- length(label)
      c(state[1] + feval(label, pred) * n, state[2] + n)
    },
    get = function(state) list(name = name, value = state[1] / state[2])),
    class = "mx.metric")
}

#' Classification accuracy: the share of samples whose largest output is the label.
mx.metric.accuracy <- mx.metric.custom("accuracy", function(label, pred) {
  pred <- matrix(pred, ncol = length(label))
  mean(max.col(t(pred), ties.method = "first") - 1 == as.numeric(label))
})

#' Root mean squared error.
mx.metric.rmse <- mx.metric.custom("rmse", function(label, pred) sqrt(mean((as.numeric(label) - as.numeric(pred))^2)))

#' Mean absolute error.
mx.metric.mae <- mx.metric.custom("mae", function(label, pred) mean(abs(as.numeric(label) - as.numeric(pred))))

# ------------------------------------------------------------------ callbacks
#' A logger for training and evaluation metric values (one per epoch).
mx.metric.logger <- function() {
  lg <- new.env()
  lg$train <- numeric(0)
  lg$eval <- numeric(0)
  class(lg) <- "mx.metric.logger"
  lg
}

#' A callback that prints the training metric every `period` batches, and at the end
#' of each epoch records it (and the evaluation metric) in logger.
#' Callbacks are function(iteration, nbatch, env, verbose) and return TRUE to go on.
mx.callback.log.train.metric <- function(period, logger = NULL) {
  function(iteration, nbatch, env, verbose = TRUE) {
    if (nbatch %% period == 0 && !is.null(env$metric)) {
      result <- env$metric$get(env$train.metric)
      if (nbatch != 0 && verbose) cat(sprintf("Batch [%d] Train-%s=%f\n", nbatch, result$name, result$value))
      if (!is.null(logger)) {
        if (nbatch == 0) {  # end of an epoch
          logger$train <- c(logger$train, result$value)
          if (!is.null(env$eval.metric)) logger$eval <- c(logger$eval, env$metric$get(env$eval.metric)$value)
        }
      }
    }
    TRUE
  }
}

#' A callback that saves the model every `period` epochs (prefix-symbol.json and
#' prefix-NNNN.params).
mx.callback.save.checkpoint <- function(prefix, period = 1) {
  function(iteration, nbatch, env, verbose = TRUE) {
    if (iteration %% period == 0) {
      mx.model.save(env$model, prefix, iteration)
      if (verbose) cat(sprintf("Model checkpoint saved to %s-%04d.params\n", prefix, iteration))
    }
    TRUE
  }
}

# --------------------------------------------------------------------- models
.as_colmajor <- function(X, layout, n_expected = NULL, n_features = NULL) {
  if (is.null(dim(X))) X <- matrix(X, nrow = 1)
  if (length(dim(X)) > 2) return(X)  # N-d arrays: samples in the last dim already
  if (layout == "auto") {
    layout <- if (!is.null(n_expected)) {
      if (nrow(X) == n_expected && ncol(X) != n_expected) "rowmajor" else "colmajor"
    } else if (!is.null(n_features)) {
      if (ncol(X) == n_features && nrow(X) != n_features) "rowmajor" else "colmajor"
    } else "colmajor"
  }
  switch(layout, rowmajor = t(X), colmajor = X,
         stop("array.layout must be 'auto', 'rowmajor' or 'colmajor'"))
}

.label_names <- function(symbol) {
  args <- arguments(symbol)
  args[endsWith(args, "label")]
}

.run_metric <- function(metric, state, labels, outputs, pad) {
  pred <- as.array(outputs[[1]])
  label <- as.array(labels)
  n <- length(label) - pad
  if (pad > 0) {
    pred <- matrix(pred, ncol = length(label))[, seq_len(n), drop = FALSE]
    label <- label[seq_len(n)]
  }
  metric$update(label, pred, state)
}

# The store FeedForward uses: an MXKVStore as given; a type name creates one where it
# is needed (MXNet R: none for "local"/"device" on one device; several devices or
# dist_* always).
.model_kvstore <- function(kvstore, ndevice) {
  if (is.null(kvstore) && ndevice > 1) {
    stop("mx.model.FeedForward.create: kvstore = NULL on several devices: their gradients must be summed ",
         "(kvstore = \"local\", \"device\" or an MXKVStore)", call. = FALSE)
  }
  if (is.null(kvstore) || is.mx.kvstore(kvstore)) return(kvstore)
  if (!is.character(kvstore) || length(kvstore) != 1 || is.na(kvstore)) {
    stop("mx.model.FeedForward.create: kvstore must be an MXKVStore (mx.kv.create) or a type name", call. = FALSE)
  }
  if (ndevice == 1 && !startsWith(kvstore, "dist")) {
    if (!kvstore %in% c("local", "device", "nccl")) {
      stop(sprintf("mx.model.FeedForward.create: unknown kvstore type '%s'", kvstore), call. = FALSE)
    }
    return(NULL)
  }
  mx.kv.create(kvstore)
}

#' Train a feed-forward model (MXNet R's mx.model.FeedForward.create).
#'
#' @param symbol the network, ending in a loss (e.g. SoftmaxOutput); its data input is
#'   "data" and its label input the argument ending in "label"
#' @param X R array/matrix (see array.layout) or an iterator (mx.io.arrayiter)
#' @param y labels (with an R array X)
#' @param num.round epochs; begin.round the number of the first
#' @param optimizer "sgd" (options in ...: learning.rate, momentum, wd, clip_gradient)
#' @param initializer mx.init.uniform(0.01) by default
#' @param eval.data list(data = X, label = y) or an iterator, evaluated after each epoch
#' @param eval.metric e.g. mx.metric.accuracy
#' @param epoch.end.callback, batch.end.callback function(iteration, nbatch, env, verbose)
#' @param array.batch.size batch size for array input
#' @param array.layout "auto", "rowmajor" (samples in rows) or "colmajor" (in columns)
#' @param ctx a context, or a list of them: each device takes a slice of every batch
#'   (data parallelism; gradients summed in the kvstore)
#' @param kvstore an MXKVStore (mx.kv.create) the updates go through, or a type name:
#'   "local"/"device" need no store on one device and create one for several;
#'   "dist_sync"/"dist_async" always create one
#' @return an MXFeedForwardModel: list(symbol, arg.params, aux.params)
mx.model.FeedForward.create <- function(symbol, X, y = NULL, ctx = NULL, begin.round = 1, num.round = 10,
                                        optimizer = "sgd", initializer = mx.init.uniform(0.01),
                                        eval.data = NULL, eval.metric = NULL, epoch.end.callback = NULL,
                                        batch.end.callback = NULL, array.batch.size = 128,
                                        array.layout = "auto", kvstore = "local", verbose = TRUE,
                                        arg.params = NULL, aux.params = NULL, fixed.param = NULL, ...) {
  ctxs <- .ctx_list(ctx)
  ctx <- ctxs[[1]]
  ndev <- length(ctxs)
  train <- if (inherits(X, "MXDataIter")) X else {
    if (is.null(y)) stop("mx.model.FeedForward.create: y is required with array input")
    mx.io.arrayiter(.as_colmajor(X, array.layout, n_expected = length(y)), y, array.batch.size, shuffle = TRUE)
  }
  if (!is.null(eval.data) && !inherits(eval.data, "MXDataIter")) {
    eval.data <- mx.io.arrayiter(.as_colmajor(eval.data$data, array.layout, n_expected = length(eval.data$label)),
                                 eval.data$label, array.batch.size, shuffle = FALSE)
  }
  train$reset()
  train$iter.next()
  first <- train$value()
  label_name <- .label_names(symbol)
  batch_size <- dim(first$data)[length(dim(first$data))]
  # Data parallelism: each device takes a slice of every batch (last R dim), with its
  # own executor and a copy of the parameters; gradients are summed in the KVStore.
  slices <- .split_batch(batch_size, ndev)
  slice_shape <- function(d, n) c(d[-length(d)], n)
  execs <- lapply(seq_len(ndev), function(i) {
    n <- slices$end[i] - slices$begin[i] + 1L
    shapes <- list(data = slice_shape(dim(first$data), n))
    if (length(label_name)) shapes[[label_name[1]]] <- slice_shape(dim(first$label), n)
    do.call(mx.simple.bind, c(list(symbol = symbol, ctx = ctxs[[i]], grad.req = "write",
                                   fixed.param = fixed.param), shapes))
  })
  exec <- execs[[1]]
  input_names <- c("data", label_name[seq_len(min(1, length(label_name)))])
  param_names <- setdiff(names(exec$arg.arrays), input_names)
  # Initialize, then overwrite with given parameters; every device starts from the same.
  arg_shapes <- lapply(exec$arg.arrays[param_names], dim)
  init <- mx.init.create(initializer, arg_shapes, ctx, skip.unknown = FALSE)
  if (!is.null(arg.params)) init[names(arg.params)] <- arg.params[names(arg.params) %in% param_names]
  aux_init <- mx.init.create(initializer, lapply(exec$aux.arrays, dim), ctx, skip.unknown = FALSE)
  if (!is.null(aux.params)) aux_init[names(aux.params)] <- aux.params
  for (e in execs) {
    mx.exec.update.arg.arrays(e, init, match.name = TRUE)
    if (length(aux_init)) mx.exec.update.aux.arrays(e, aux_init, match.name = TRUE)
  }

  opt <- if (is.character(optimizer)) mx.opt.create(optimizer, rescale.grad = 1 / batch_size, ...) else optimizer
  update_names <- param_names[exec$grad.req[match(param_names, names(exec$arg.arrays))] != "null"]
  # A KVStore, as MXNet R used one: the weights are its values (keys 1..n); every
  # device's gradients are pushed (and summed), and either the store updates the
  # weights (an optimizer with a fused update, e.g. sgd) and every device pulls them,
  # or every device pulls the summed gradients and updates its own copy.
  kv <- .model_kvstore(kvstore, ndev)
  kv_keys <- seq_along(update_names)
  update_on_kvstore <- FALSE
  if (!is.null(kv) && length(update_names)) {
    kv$init(kv_keys, unname(exec$arg.arrays[update_names]))
    if (!is.null(opt$kvstore.op)) {
      kv$set.optimizer(opt)
      update_on_kvstore <- TRUE
    }
  }
  states <- if (update_on_kvstore) NULL else lapply(execs, function(e) {
    st <- lapply(update_names, function(n) opt$create.state(n, e$arg.arrays[[n]]))
    names(st) <- update_names
    st
  })
  device_arrays <- function(field) lapply(execs, function(e) unname(e[[field]][update_names]))

  # Loads each device's slice of a batch and runs it forward (and backward); returns
  # per device its outputs, label slice and the number of padding samples it holds.
  run_batch <- function(batch, pad, is.train) {
    lapply(seq_len(ndev), function(i) {
      b <- slices$begin[i]
      e <- slices$end[i]
      part <- list(data = if (ndev == 1) batch$data else mx.nd.slice.last(batch$data, b, e))
      label <- if (is.null(batch$label)) NULL else if (ndev == 1) batch$label else mx.nd.slice.last(batch$label, b, e)
      if (is.train && length(label_name)) part[[label_name[1]]] <- label
      mx.exec.update.arg.arrays(execs[[i]], part, match.name = TRUE)
      mx.exec.forward(execs[[i]], is.train = is.train)
      if (is.train) mx.exec.backward(execs[[i]])
      list(outputs = execs[[i]]$outputs, label = label, pad = max(0L, e - max(b - 1L, batch_size - pad)))
    })
  }
  run_metric <- function(state, parts) {
    for (p in parts) state <- .run_metric(eval.metric, state, p$label, p$outputs, p$pad)
    state
  }

  env <- new.env()
  env$metric <- eval.metric
  model <- structure(list(symbol = symbol, arg.params = NULL, aux.params = NULL), class = "MXFeedForwardModel")
  snapshot <- function() {
    # Weights are the same on every device; auxiliary states (BatchNorm's moving
    # statistics) are averaged over the devices, as MXNet does.
    model$arg.params <- lapply(exec$arg.arrays[param_names], mx.nd.copyto, ctx = ctx)
    model$aux.params <- lapply(names(exec$aux.arrays), function(n) {
      copies <- lapply(execs, function(e) mx.nd.copyto(e$aux.arrays[[n]], ctx))
      if (ndev == 1) copies[[1]] else Reduce(`+`, copies) / ndev
    })
    names(model$aux.params) <- names(exec$aux.arrays)
    model$input.dim <- dim(first$data)[-length(dim(first$data))]
    model
  }
  for (iteration in seq(begin.round, length.out = num.round)) {
    train$reset()
    if (!is.null(eval.metric)) env$train.metric <- eval.metric$init()
    nbatch <- 0
    while (train$iter.next()) {
      parts <- run_batch(train$value(), train$num.pad(), is.train = TRUE)
      if (!is.null(kv) && length(update_names)) {
        kv$push(kv_keys, device_arrays("grad.arrays"))
        kv$pull(kv_keys, device_arrays(if (update_on_kvstore) "arg.arrays" else "grad.arrays"))
      }
      if (!update_on_kvstore) {
        for (i in seq_len(ndev)) {
          for (n in update_names) {
            states[[i]][[n]] <- opt$update(n, execs[[i]]$arg.arrays[[n]], execs[[i]]$grad.arrays[[n]], states[[i]][[n]])
          }
        }
      }
      if (!is.null(eval.metric)) env$train.metric <- run_metric(env$train.metric, parts)
      nbatch <- nbatch + 1
      if (!is.null(batch.end.callback)) batch.end.callback(iteration, nbatch, env, verbose)
    }
    if (!is.null(eval.metric) && verbose) {
      r <- eval.metric$get(env$train.metric)
      cat(sprintf("[%d] Train-%s=%f\n", iteration, r$name, r$value))
    }
    if (!is.null(eval.data)) {
      eval.data$reset()
      if (!is.null(eval.metric)) env$eval.metric <- eval.metric$init()
      while (eval.data$iter.next()) {
        parts <- run_batch(eval.data$value(), eval.data$num.pad(), is.train = FALSE)
        if (!is.null(eval.metric)) env$eval.metric <- run_metric(env$eval.metric, parts)
      }
      if (!is.null(eval.metric) && verbose) {
        r <- eval.metric$get(env$eval.metric)
        cat(sprintf("[%d] Validation-%s=%f\n", iteration, r$name, r$value))
      }
    }
    if (!is.null(epoch.end.callback)) {
      env$model <- snapshot()
      if (!isTRUE(epoch.end.callback(iteration, 0, env, verbose))) break
    }
  }
  snapshot()
}

# One context, or a list of them (data parallelism over several devices).
.ctx_list <- function(ctx) {
  if (is.null(ctx) || inherits(ctx, "MXContext")) return(list(.ctx_or_default(ctx)))
  if (!is.list(ctx) || length(ctx) == 0) {
    stop("mx.model.FeedForward.create: ctx must be an MXContext or a list of them", call. = FALSE)
  }
  lapply(ctx, .ctx_or_default)
}

# Each device's samples of a batch (1-based, inclusive), split as MXNet splits a batch
# over equal work loads: round(batch / n) each, the last takes what is left.
.split_batch <- function(batch_size, ndev) {
  if (batch_size < ndev) {
    stop(sprintf("mx.model.FeedForward.create: batch size %d is smaller than the %d devices", batch_size, ndev),
         call. = FALSE)
  }
  counts <- rep(round(batch_size / ndev), ndev)
  counts[ndev] <- counts[ndev] + batch_size - sum(counts)
  end <- pmin(cumsum(counts), batch_size)
  begin <- c(0L, end[-ndev]) + 1L
  if (any(begin > end)) stop("mx.model.FeedForward.create: too many devices for the batch size", call. = FALSE)
  list(begin = as.integer(begin), end = as.integer(end))
}

#' Predictions of a FeedForward model: a matrix with dim c(outputs, samples) (samples
#' in columns, as in MXNet R; max.col(t(pred)) - 1 gives class labels).
predict.MXFeedForwardModel <- function(object, X, ctx = NULL, array.batch.size = 128, array.layout = "auto", ...) {
  ctx <- .ctx_or_default(ctx)
  if (!inherits(X, "MXDataIter")) {
    X <- mx.io.arrayiter(.as_colmajor(X, array.layout, n_features = prod(object$input.dim)), NULL,
                         array.batch.size, shuffle = FALSE)
  }
  X$reset()
  X$iter.next()
  first <- X$value()
  shapes <- list(data = dim(first$data))
  partial <- .infer_core(object$symbol, shapes)
  for (ln in .label_names(object$symbol)) {
    if (is.null(partial$arg.shapes[[ln]])) shapes[[ln]] <- dim(first$data)[length(dim(first$data))]
  }
  exec <- do.call(mx.simple.bind, c(list(symbol = object$symbol, ctx = ctx, grad.req = "null"), shapes))
  mx.exec.update.arg.arrays(exec, object$arg.params, match.name = TRUE)
  if (length(object$aux.params)) mx.exec.update.aux.arrays(exec, object$aux.params, match.name = TRUE)
  X$reset()
  pieces <- list()
  while (X$iter.next()) {
    mx.exec.update.arg.arrays(exec, list(data = X$value()$data), match.name = TRUE)
    mx.exec.forward(exec, is.train = FALSE)
    out <- as.array(exec$outputs[[1]])
    out <- matrix(out, ncol = dim(out)[length(dim(out))])
    keep <- ncol(out) - X$num.pad()
    pieces[[length(pieces) + 1]] <- out[, seq_len(keep), drop = FALSE]
  }
  do.call(cbind, pieces)
}

print.MXFeedForwardModel <- function(x, ...) {
  cat(sprintf("<MXFeedForwardModel: %d parameter arrays>\n", length(x$arg.params)))
  print(x$symbol)
  invisible(x)
}

#' Save a model: prefix-symbol.json and prefix-NNNN.params (MXNet's format, arg:/aux: keys).
mx.model.save <- function(model, prefix, iteration) {
  mx.symbol.save(model$symbol, sprintf("%s-symbol.json", prefix))
  prefixed <- function(lst, tag) if (length(lst)) setNames(lst, paste0(tag, names(lst))) else list()
  params <- c(prefixed(model$arg.params, "arg:"), prefixed(model$aux.params, "aux:"))
  mx.nd.save(params, sprintf("%s-%04d.params", prefix, iteration))
}

#' Load a model saved by mx.model.save (or MXNet).
mx.model.load <- function(prefix, iteration) {
  symbol <- mx.symbol.load(sprintf("%s-symbol.json", prefix))
  params <- mx.nd.load(sprintf("%s-%04d.params", prefix, iteration))
  nms <- names(params)
  arg <- params[startsWith(nms, "arg:")]
  names(arg) <- substring(names(arg), 5)
  aux <- params[startsWith(nms, "aux:")]
  names(aux) <- substring(names(aux), 5)
  structure(list(symbol = symbol, arg.params = arg, aux.params = aux), class = "MXFeedForwardModel")
}
