# Package state, loading, contexts and small helpers shared by every file.

# Mutable package state (the namespace itself is sealed after loading).
.mx <- new.env(parent = emptyenv())

.MXL_ABI_MAJOR <- 1L

.onLoad <- function(libname, pkgname) {
  version <- .Call(R_mxl_version)
  built_for <- .Call(R_mxl_abi_major)
  if (version %/% 10000L != built_for) {
    stop(sprintf("mxlite: the loaded library has ABI %d.%d, this package needs major %d",
                 version %/% 10000L, (version %/% 100L) %% 100L, built_for), call. = FALSE)
  }
  .mx$ctx <- mx.cpu()
  .mx$ops <- new.env(parent = emptyenv())  # registry name -> op handle
  .mx$docs <- new.env(parent = emptyenv()) # generated function name -> help text
  .mx$infos <- new.env(parent = emptyenv()) # registry name -> op description
  .generate_operator_functions(asNamespace(pkgname))
  .register_operator_methods(asNamespace(pkgname))
}

#' Library facts: ABI version, engine kind and workers, the library path.
mx.info <- function() {
  v <- .Call(R_mxl_version)
  eng <- .Call(R_mxl_engine_info)
  list(abi = sprintf("%d.%d.%d", v %/% 10000L, (v %/% 100L) %% 100L, v %% 100L),
       engine = eng[[1]], cpu.workers = eng[[2]],
       library = .mxlite_config$library)
}

# ------------------------------------------------------------------ contexts
.context <- function(type, id) {
  structure(list(device = c("cpu", "gpu")[type], device_id = as.integer(id), device_typeid = as.integer(type)),
            class = "MXContext")
}

#' The CPU context (dev.id is kept for MXNet compatibility).
mx.cpu <- function(dev.id = 0) .context(1L, dev.id)

#' The GPU context dev.id (0-based, as in MXNet). Arrays on it need the CUDA plugin.
mx.gpu <- function(dev.id = 0) .context(2L, dev.id)

#' Get, or with new set, the default context of mx.nd.* creation functions.
mx.ctx.default <- function(new = NULL) {
  if (!is.null(new)) {
    if (!inherits(new, "MXContext")) stop("mx.ctx.default: expected an MXContext (mx.cpu(), mx.gpu())")
    .mx$ctx <- new
  }
  .mx$ctx
}

is.mx.context <- function(x) inherits(x, "MXContext")

format.MXContext <- function(x, ...) sprintf("%s(%d)", x$device, x$device_id)
print.MXContext <- function(x, ...) { cat(format(x), "\n"); invisible(x) }

.ctx_or_default <- function(ctx) {
  if (is.null(ctx)) return(.mx$ctx)
  if (!inherits(ctx, "MXContext")) stop("expected an MXContext (mx.cpu(), mx.gpu()), got ", class(ctx)[1])
  ctx
}

# ------------------------------------------------------------------- dtypes
.DTYPES <- c(float32 = 0L, float64 = 1L, float16 = 2L, uint8 = 3L, int32 = 4L, int8 = 5L,
             int64 = 6L, bool = 7L)

.dtype_code <- function(dtype) {
  if (is.numeric(dtype) && dtype %in% .DTYPES) return(as.integer(dtype))
  code <- .DTYPES[dtype]
  if (length(dtype) != 1 || is.na(code)) {
    stop(sprintf("unknown dtype '%s' (one of %s)", paste(dtype, collapse = ","),
                 paste(names(.DTYPES), collapse = ", ")))
  }
  unname(code)
}

.dtype_name <- function(code) names(.DTYPES)[match(code, .DTYPES)]

# ------------------------------------------------------------------- engine
#' Block until all pushed work is done; raises the first asynchronous error.
mx.nd.waitall <- function() invisible(.Call(R_mxl_waitall))

#' Seed the random generators of every device (reproducible initializers, dropout, ...).
mx.set.seed <- function(seed) invisible(.Call(R_mxl_random_seed, seed))

# ------------------------------------------------------------------ errors
#' The ABI error name (e.g. "MXL_ERR_SHAPE") of a condition raised by mxlite, or NA.
mx.error.kind <- function(cond) if (inherits(cond, "mxlite.error")) cond$kind else NA_character_

# ------------------------------------------------------- column-major helpers
#' R dims -> the C ABI's (row-major) shape: reversed. An R array with dim c(784, 128)
#' is the core array of shape (128, 784) with the same memory.
mx.core.shape <- function(dim) rev(as.integer(dim))

#' A 1-based R axis of an array with ndim dims -> the 0-based core axis that
#' mx.nd.* / mx.symbol.* parameters (axis=, dim=, axes=) take: ndim - axis.
#' Negative values count from the end in R terms (-1: the last R dim).
mx.core.axis <- function(axis, ndim) {
  axis <- as.integer(axis)
  r <- ifelse(axis < 0L, ndim + axis + 1L, axis)
  if (any(r < 1L | r > ndim)) stop(sprintf("mx.core.axis: axis %s out of range for %d dims", deparse(axis), ndim))
  ndim - r
}
