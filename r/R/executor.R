# MXExecutor: a symbol bound to arrays on a context. An environment (reference
# semantics, as in MXNet's R package) with fields
#   arg.arrays, grad.arrays, aux.arrays, outputs  (named lists of MXNDArray)
#   symbol, ctx, grad.req, handle
# The executor reads and writes those arrays in place; mx.exec.update.*.arrays copy
# new values into them.

.GRAD_REQ <- c(null = 0L, write = 1L, add = 3L)

.grad_req_codes <- function(grad.req, arg.names) {
  n <- length(arg.names)
  if (is.list(grad.req)) grad.req <- unlist(grad.req)
  if (!is.null(names(grad.req))) {
    reqs <- rep("null", n)
    names(reqs) <- arg.names
    unknown <- setdiff(names(grad.req), arg.names)
    if (length(unknown)) stop("grad.req names unknown arguments: ", paste(unknown, collapse = ", "))
    reqs[names(grad.req)] <- grad.req
  } else if (length(grad.req) == 1) {
    reqs <- rep(grad.req, n)
  } else if (length(grad.req) == n) {
    reqs <- grad.req
  } else {
    stop(sprintf("grad.req: %d values for %d arguments", length(grad.req), n))
  }
  codes <- .GRAD_REQ[reqs]
  if (anyNA(codes)) stop("grad.req must be 'null', 'write' or 'add', got ", paste(unique(reqs[is.na(codes)]), collapse = ", "))
  names(codes) <- arg.names
  codes
}

.new_executor <- function(symbol, ctx, arg.arrays, grad.arrays, aux.arrays, codes) {
  handle <- .Call(R_mxl_exec_bind, symbol, ctx$device_typeid, ctx$device_id, unname(arg.arrays),
                  unname(grad.arrays), unname(codes), unname(aux.arrays))
  ex <- new.env(parent = emptyenv())
  ex$handle <- handle
  ex$symbol <- symbol
  ex$ctx <- ctx
  ex$grad.req <- names(.GRAD_REQ)[match(codes, .GRAD_REQ)]
  ex$arg.arrays <- arg.arrays
  ex$grad.arrays <- grad.arrays
  ex$aux.arrays <- aux.arrays
  outs <- .Call(R_mxl_exec_outputs, handle)
  names(outs) <- outputs(symbol)
  ex$outputs <- outs
  class(ex) <- "MXExecutor"
  ex
}

#' Bind a symbol to given arrays.
#'
#' @param arg.arrays list of MXNDArray, by argument name or in arguments() order
#' @param aux.arrays list of MXNDArray for the auxiliary states
#' @param grad.reqs "null", "write" or "add": one for all, one per argument, or named
#' Gradient arrays (zeros) are allocated for every argument whose grad.req is not null.
mx.symbol.bind <- function(symbol, ctx, arg.arrays, aux.arrays = list(), grad.reqs = "null") {
  ctx <- .ctx_or_default(ctx)
  arg.arrays <- .in_order(arg.arrays, arguments(symbol), "arg.arrays")
  aux.arrays <- .in_order(aux.arrays, auxiliary.states(symbol), "aux.arrays")
  codes <- .grad_req_codes(grad.reqs, arguments(symbol))
  grads <- lapply(seq_along(arg.arrays), function(i) {
    if (codes[i] == 0L) return(NULL)
    a <- arg.arrays[[i]]
    .Call(R_mxl_invoke, .op_handle("zeros_like"), list(a), NULL, NULL, NULL, TRUE)
  })
  names(grads) <- names(arg.arrays)
  .new_executor(symbol, ctx, arg.arrays, grads, aux.arrays, codes)
}

.in_order <- function(arrays, names_wanted, what) {
  if (!is.null(names(arrays)) && all(names(arrays) != "")) {
    missing <- setdiff(names_wanted, names(arrays))
    if (length(missing)) stop(sprintf("%s: missing %s", what, paste(missing, collapse = ", ")))
    arrays <- arrays[names_wanted]
  } else if (length(arrays) != length(names_wanted)) {
    stop(sprintf("%s: %d arrays for %d names (%s)", what, length(arrays), length(names_wanted),
                 paste(names_wanted, collapse = ", ")))
  }
  names(arrays) <- names_wanted
  if (!all(vapply(arrays, is.mx.ndarray, TRUE))) stop(what, ": expected MXNDArrays")
  arrays
}

#' Bind with arrays allocated (zeros) from input shapes given in R order.
#'
#' @param grad.req "null", "write" or "add" for every argument except the inputs given
#'   in ... and those in fixed.param (they get "null"); or a named vector per argument.
#' @param ... input shapes by name, e.g. data = c(784, 128)
mx.simple.bind <- function(symbol, ctx, grad.req = "null", fixed.param = NULL, ...) {
  ctx <- .ctx_or_default(ctx)
  shapes <- list(...)
  r <- .infer_core(symbol, .shape_args(shapes, "mx.simple.bind"))
  if (!r$complete) {
    unknown <- names(r$arg.shapes)[vapply(r$arg.shapes, is.null, TRUE)]
    stop(sprintf("mx.simple.bind: cannot infer the shapes of %s from %s", paste(unknown, collapse = ", "),
                 paste(names(shapes), collapse = ", ")))
  }
  arg.names <- arguments(symbol)
  if (is.null(names(grad.req))) {
    reqs <- rep(grad.req, length.out = length(arg.names))
    names(reqs) <- arg.names
    reqs[arg.names %in% c(names(shapes), fixed.param)] <- "null"
  } else {
    reqs <- grad.req
  }
  codes <- .grad_req_codes(reqs, arg.names)
  alloc <- function(s) mx.nd.zeros(s, ctx)
  args <- lapply(r$arg.shapes, alloc)
  grads <- lapply(seq_along(args), function(i) if (codes[i] == 0L) NULL else alloc(r$arg.shapes[[i]]))
  names(grads) <- arg.names
  aux <- lapply(r$aux.shapes, alloc)
  .new_executor(symbol, ctx, args, grads, aux, codes)
}

#' Run the graph forward (asynchronous; read exec$outputs to wait for the values).
mx.exec.forward <- function(exec, is.train = TRUE) {
  invisible(.Call(R_mxl_exec_forward, exec$handle, is.train))
}

#' Backpropagate. out.grads: one MXNDArray per output (NULL entries or NULL for loss
#' outputs, whose gradient needs no head gradient).
mx.exec.backward <- function(exec, out.grads = NULL) {
  if (is.mx.ndarray(out.grads)) out.grads <- list(out.grads)
  invisible(.Call(R_mxl_exec_backward, exec$handle, if (length(out.grads)) unname(out.grads) else NULL))
}

.update_arrays <- function(exec, field, arrays, match.name, skip.null) {
  current <- exec[[field]]
  if (match.name) {
    unknown <- setdiff(names(arrays), names(current))
    if (length(unknown)) stop(sprintf("%s: unknown names %s", field, paste(unknown, collapse = ", ")))
    targets <- names(arrays)
  } else {
    if (length(arrays) != length(current)) {
      stop(sprintf("%s: %d arrays given, the executor has %d", field, length(arrays), length(current)))
    }
    targets <- names(current)
  }
  for (k in seq_along(arrays)) {
    src <- arrays[[k]]
    if (is.null(src)) {
      if (skip.null) next
      stop(sprintf("%s: NULL for '%s' (use skip.null = TRUE)", field, targets[k]))
    }
    dst <- current[[targets[k]]]
    if (is.null(dst)) next  # e.g. no gradient array for a grad.req "null" argument
    if (!is.mx.ndarray(src)) src <- mx.nd.array(src, exec$ctx)
    if (!identical(dim(src), dim(dst))) {
      stop(sprintf("%s: '%s' has dims (%s), the executor's are (%s)", field, targets[k],
                   paste(dim(src), collapse = ","), paste(dim(dst), collapse = ",")))
    }
    .Call(R_mxl_nd_copy_to, src, dst)
  }
  invisible(exec)
}

#' Copy new values into the executor's argument arrays (by position, or by name with
#' match.name = TRUE; NULL entries skipped with skip.null = TRUE).
mx.exec.update.arg.arrays <- function(exec, arg.arrays, match.name = FALSE, skip.null = FALSE) {
  .update_arrays(exec, "arg.arrays", arg.arrays, match.name, skip.null)
}

#' Copy new values into the auxiliary state arrays.
mx.exec.update.aux.arrays <- function(exec, aux.arrays, match.name = FALSE, skip.null = FALSE) {
  .update_arrays(exec, "aux.arrays", aux.arrays, match.name, skip.null)
}

#' Copy new values into the gradient arrays.
mx.exec.update.grad.arrays <- function(exec, grad.arrays, match.name = FALSE, skip.null = FALSE) {
  .update_arrays(exec, "grad.arrays", grad.arrays, match.name, skip.null)
}

#' Release the executor's handle now (its arrays stay valid).
mx.exec.free <- function(exec) invisible(.Call(R_mxl_exec_free, exec$handle))

#' (planned, naive) bytes of the executor's internal buffers.
mx.exec.memory <- function(exec) {
  m <- .Call(R_mxl_exec_memory, exec$handle)
  c(planned = m[1], naive = m[2])
}

#' Elementwise fusion of a GPU executor: (kernels, nodes) -- the fused kernels made at
#' bind time and the nodes they replace; both 0 on the CPU, with MXLITE_FUSION=0, or
#' when fusion is unavailable.
mx.exec.fusion <- function(exec) {
  f <- .Call(R_mxl_exec_fusion, exec$handle)
  c(kernels = f[1], nodes = f[2])
}

print.MXExecutor <- function(x, ...) {
  cat(sprintf("<MXExecutor on %s>\n  arguments: %s\n  outputs: %s\n", format(x$ctx),
              paste(names(x$arg.arrays), collapse = ", "), paste(names(x$outputs), collapse = ", ")))
  invisible(x)
}
