# KVStore: named arrays that devices (and, for dist_* stores, worker processes) push
# to and pull from, as MXNet's R package had it:
#
#   kv <- mx.kv.create("local")
#   kv$init(1:2, list(w1, w2))                 # one array per key
#   kv$push(1:2, list(list(g1a, g2a), list(g1b, g2b)))  # per device, per key: summed
#   kv$pull(1:2, list(list(w1a, w2a)))         # written in place, per device
#   kv$set.optimizer(mx.opt.create("sgd", learning.rate = 0.1))  # updates in the store
#   kv$set.optimizer.params(list(lr = 0.01))   # (mxlite) e.g. a schedule's next rate
#   kv$type; kv$rank; kv$num.workers
#
# Keys are whole numbers or strings (a store keeps to one kind, as MXNet's does); they
# travel to the C ABI as decimal strings. Push and pull are asynchronous like any other
# work on arrays: errors of the store reach the next wait on the arrays involved.
# priority (push, pull) is accepted for MXNet compatibility and not used: the engine
# orders the work by the arrays it reads and writes.

is.mx.kvstore <- function(x) inherits(x, "MXKVStore")

#' Create a KVStore: "local" (values on cpu(0), pushes from any device summed there),
#' "device" (values on the device of the array given to init; GPU values summed by NCCL
#' where it loads), "nccl" (device, NCCL required), "dist_sync" or
#' "dist_async" (several workers started by mpirun; needs mxlite built with MPI).
mx.kv.create <- function(type = "local") {
  if (!is.character(type) || length(type) != 1 || is.na(type)) stop("mx.kv.create: type must be one string")
  handle <- .Call(R_mxl_kv_create, type)
  info <- .Call(R_mxl_kv_info, handle)
  kv <- new.env(parent = emptyenv())
  kv$handle <- handle
  kv$type <- info[[1]]
  kv$rank <- info[[2]]
  kv$num.workers <- info[[3]]
  kv$key.kind <- NULL  # "numeric" or "character", fixed by the first key seen
  kv$init <- function(keys, values) {
    p <- .kv_pairs(kv, keys, values, "init", per_device = FALSE)
    invisible(.Call(R_mxl_kv_transfer, handle, 0L, p$keys, p$arrays))
  }
  kv$push <- function(keys, value.lists, priority = 0) {
    p <- .kv_pairs(kv, keys, value.lists, "push")
    invisible(.Call(R_mxl_kv_transfer, handle, 1L, p$keys, p$arrays))
  }
  kv$pull <- function(keys, out.lists, priority = 0) {
    p <- .kv_pairs(kv, keys, out.lists, "pull")
    .Call(R_mxl_kv_transfer, handle, 2L, p$keys, p$arrays)
    invisible(out.lists)
  }
  kv$set.optimizer <- function(optimizer) .kv_set_optimizer(kv, optimizer)
  # (mxlite) Change the store's optimizer parameters from the next update on, states
  # kept: e.g. list(lr = 0.01) in an epoch-end callback; for one key, or all if NULL.
  kv$set.optimizer.params <- function(params, key = NULL) {
    if (!is.list(params) || is.null(names(params)) || any(names(params) == "")) {
      stop("kvstore set.optimizer.params: params must be a named list", call. = FALSE)
    }
    k <- if (is.null(key)) NULL else .kv_key_strings(kv, key, "set.optimizer.params")
    invisible(.Call(R_mxl_kv_set_optimizer_params, handle, k, names(params), unname(vapply(params, .param_str, ""))))
  }
  kv$barrier <- function() invisible(.Call(R_mxl_kv_barrier, handle))
  kv$keys <- function() {
    k <- .Call(R_mxl_kv_keys, handle)
    if (identical(kv$key.kind, "numeric")) as.numeric(k) else k
  }
  kv$num.update <- function(key) .Call(R_mxl_kv_num_update, handle, .kv_key_strings(kv, key, "num.update"))
  kv$save.optimizer.states <- function(filename) {
    invisible(.Call(R_mxl_kv_save_states, handle, .file_arg(filename, "kvstore save.optimizer.states")))
  }
  kv$load.optimizer.states <- function(filename) {
    invisible(.Call(R_mxl_kv_load_states, handle, .file_arg(filename, "kvstore load.optimizer.states")))
  }
  kv$free <- function() invisible(.Call(R_mxl_kv_free, handle))
  lockEnvironment(kv, bindings = FALSE)
  class(kv) <- "MXKVStore"
  kv
}

print.MXKVStore <- function(x, ...) {
  cat(sprintf("<MXKVStore %s, rank %d of %d workers>\n", x$type, x$rank, x$num.workers))
  invisible(x)
}

# Keys as the C ABI's strings: whole numbers in decimal, or strings; one kind per store.
.kv_key_strings <- function(kv, keys, what) {
  if (is.numeric(keys)) {
    if (anyNA(keys) || any(keys != round(keys)) || any(abs(keys) >= 2^53)) {
      stop(sprintf("kvstore %s: numeric keys must be whole numbers", what), call. = FALSE)
    }
    kind <- "numeric"
    strs <- formatC(keys, format = "f", digits = 0)
  } else if (is.character(keys)) {
    if (anyNA(keys) || any(!nzchar(keys))) stop(sprintf("kvstore %s: keys must be non-empty strings", what), call. = FALSE)
    kind <- "character"
    strs <- keys
  } else {
    stop(sprintf("kvstore %s: keys must be whole numbers or strings, got %s", what, class(keys)[1]), call. = FALSE)
  }
  if (is.null(kv$key.kind)) {
    kv$key.kind <- kind
  } else if (kv$key.kind != kind) {
    stop(sprintf("kvstore %s: this store uses %s keys, got %s keys (mixed key kinds are not allowed)",
                 what, kv$key.kind, kind), call. = FALSE)
  }
  strs
}

# (keys, arrays) flattened for the C ABI. per_device: values are a list over devices of
# lists over keys (MXNet R's value.lists); a plain list of arrays (one per key) or, for
# one key, a single array is one device's list.
.kv_pairs <- function(kv, keys, values, what, per_device = TRUE) {
  strs <- .kv_key_strings(kv, keys, what)
  n <- length(strs)
  if (inherits(values, "MXNDArray")) values <- list(values)
  if (!is.list(values)) stop(sprintf("kvstore %s: expected a list of MXNDArray", what), call. = FALSE)
  devices <- if (per_device && length(values) && is.list(values[[1]]) && !inherits(values[[1]], "MXNDArray")) {
    values
  } else {
    list(values)
  }
  arrays <- vector("list", n * length(devices))
  k <- 0L
  for (i in seq_len(n)) {
    for (d in seq_along(devices)) {
      dev <- devices[[d]]
      if (length(dev) != n) {
        stop(sprintf("kvstore %s: %d keys but %d arrays%s", what, n, length(dev),
                     if (length(devices) > 1) sprintf(" for device %d", d) else ""), call. = FALSE)
      }
      a <- dev[[i]]
      if (!inherits(a, "MXNDArray")) {
        stop(sprintf("kvstore %s: key %s: expected an MXNDArray, got %s", what, strs[i], class(a)[1]), call. = FALSE)
      }
      k <- k + 1L
      arrays[[k]] <- a
    }
  }
  list(keys = rep(strs, each = length(devices)), arrays = arrays)
}

# The store applies the optimizer's fused update operator (optimizer$kvstore.op with
# optimizer$kvstore.params, as mx.opt.sgd sets them).
.kv_set_optimizer <- function(kv, optimizer) {
  op <- optimizer$kvstore.op
  if (is.null(op)) {
    stop("kvstore set.optimizer: this optimizer has no fused update operator the store can run ",
         "(mx.opt.sgd has one); update the weights outside the store instead", call. = FALSE)
  }
  params <- optimizer$kvstore.params
  vals <- vapply(params, .param_str, "")
  invisible(.Call(R_mxl_kv_set_optimizer, kv$handle, op, if (length(params)) names(params) else NULL,
                  if (length(params)) unname(vals) else NULL))
}
