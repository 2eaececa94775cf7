# MXNDArray: an array in the engine, seen from R column-major.
#
# An R array with dim = c(d1, ..., dn) and the core array of shape (dn, ..., d1) have
# the same memory, so conversions copy without transposing; dim() reports R's order.
# Example: x <- mx.nd.array(matrix(1:6, nrow = 2))  # R dim c(2, 3), core shape (3, 2)
#          dim(x)   # 2 3
#          mx.nd.sum(x, axis = 0)  # core axis 0 = the R columns: c(3, 7, 11)

is.mx.ndarray <- function(x) inherits(x, "MXNDArray")

#' An MXNDArray holding a copy of an R array, matrix or vector (or another MXNDArray).
mx.nd.array <- function(src.array, ctx = NULL, dtype = "float32") {
  ctx <- .ctx_or_default(ctx)
  if (is.mx.ndarray(src.array)) return(mx.nd.copyto(src.array, ctx))
  if (!(is.numeric(src.array) || is.logical(src.array))) {
    stop("mx.nd.array: expected a numeric or logical array, got ", class(src.array)[1])
  }
  d <- dim(src.array)
  if (is.null(d)) d <- length(src.array)
  .Call(R_mxl_nd_from_r, src.array, rev(d), .dtype_code(dtype), ctx$device_typeid, ctx$device_id)
}

.nd_filled <- function(op, shape, ctx, dtype) {
  ctx <- .ctx_or_default(ctx)
  .Call(R_mxl_invoke, .op_handle(op), list(), c("shape", "ctx", "dtype"),
        c(.param_str(rev(as.integer(shape)), "Shape(tuple)"), format(ctx), dtype), NULL, TRUE)
}

#' An array of zeros; shape in R order (dims as dim() reports them).
mx.nd.zeros <- function(shape, ctx = NULL, dtype = "float32") .nd_filled("_zeros", shape, ctx, dtype)

#' An array of ones; shape in R order.
mx.nd.ones <- function(shape, ctx = NULL, dtype = "float32") .nd_filled("_ones", shape, ctx, dtype)

#' A copy of src on ctx.
mx.nd.copyto <- function(src, ctx) {
  ctx <- .ctx_or_default(ctx)
  info <- .Call(R_mxl_nd_info, src)
  dst <- .Call(R_mxl_nd_create, info[[1]], info[[2]], ctx$device_typeid, ctx$device_id)
  .Call(R_mxl_nd_copy_to, src, dst)
}

#' An array from raw little-endian bytes in memory order (exact, every dtype).
#' shape is in R order.
mx.nd.from.raw <- function(bytes, shape, dtype = "float32", ctx = NULL) {
  ctx <- .ctx_or_default(ctx)
  .Call(R_mxl_nd_from_raw, bytes, rev(as.integer(shape)), .dtype_code(dtype), ctx$device_typeid, ctx$device_id)
}

#' The array's bytes in memory order (a raw vector; waits for pending writes).
mx.nd.to.raw <- function(nd) .Call(R_mxl_nd_to_raw, nd)

#' The element type of an array, e.g. "float32".
mx.nd.dtype <- function(nd) .dtype_name(.Call(R_mxl_nd_info, nd)[[2]])

#' The context an array lives on.
mx.nd.context <- function(nd) {
  info <- .Call(R_mxl_nd_info, nd)
  .context(info[[3]], info[[4]])
}

#' Wait until pending writes to the array are done (raises their errors).
mx.nd.wait <- function(nd) invisible(.Call(R_mxl_nd_wait, nd))

#' Release the array's handle now instead of at garbage collection. Using the object
#' afterwards is an R error.
mx.nd.free <- function(nd) invisible(.Call(R_mxl_nd_free, nd))

#' A view with new R dims of the same size (no copy; memory order unchanged).
mx.nd.reshape.view <- function(nd, shape) .Call(R_mxl_nd_reshape, nd, rev(as.integer(shape)), FALSE)

#' A view of samples begin..end (1-based, inclusive) along the LAST R dim (core axis 0).
mx.nd.slice.last <- function(nd, begin, end) .Call(R_mxl_nd_slice, nd, begin - 1, end)

#' Save a list of arrays (named: a dict) to a file in MXNet's .params format.
.file_arg <- function(filename, fn) {
  if (!is.character(filename) || length(filename) != 1 || is.na(filename)) {
    stop(fn, ": filename must be one string")
  }
  path.expand(filename)
}

mx.nd.save <- function(ndarray, filename) {
  filename <- .file_arg(filename, "mx.nd.save")
  if (is.mx.ndarray(ndarray)) ndarray <- list(ndarray)
  if (!is.list(ndarray) || !all(vapply(ndarray, is.mx.ndarray, TRUE))) {
    stop("mx.nd.save: expected a list of MXNDArray")
  }
  nms <- names(ndarray)
  if (!is.null(nms) && any(nms == "")) stop("mx.nd.save: either every array is named or none")
  invisible(.Call(R_mxl_nd_save, filename, unname(ndarray), nms))
}

#' Load arrays saved by mx.nd.save (or MXNet): a list, named when the file has names.
mx.nd.load <- function(filename) .Call(R_mxl_nd_load, .file_arg(filename, "mx.nd.load"))

# ------------------------------------------------------------ base generics
as.array.MXNDArray <- function(x, ...) .Call(R_mxl_nd_to_r, x)
as.matrix.MXNDArray <- function(x, ...) {
  a <- .Call(R_mxl_nd_to_r, x)
  if (length(dim(a)) != 2) stop("as.matrix: the array has ", length(dim(a)), " dims, not 2")
  a
}
as.vector.MXNDArray <- function(x, mode = "any") as.vector(.Call(R_mxl_nd_to_r, x), mode)
as.double.MXNDArray <- function(x, ...) as.double(.Call(R_mxl_nd_to_r, x))

dim.MXNDArray <- function(x) .Call(R_mxl_nd_rdim, x)
length.MXNDArray <- function(x) prod(.Call(R_mxl_nd_rdim, x))

print.MXNDArray <- function(x, ...) {
  if (!.Call(R_mxl_nd_is_live, x)) {
    cat("<MXNDArray: freed>\n")
  } else {
    print(as.array(x), ...)
  }
  invisible(x)
}

format.MXNDArray <- function(x, ...) sprintf("<MXNDArray %s %s>", paste(dim(x), collapse = "x"), mx.nd.dtype(x))

# Arithmetic and comparison, arrays and numbers on either side, all in C (R_mxl_ops
# holds the operator table): it is the per-op hot path. Unary -, + and ! arrive with
# e2 = NULL (the default), which spares the cost of missing(). Each operator also gets
# its own S3 method (registered in .onLoad from that table), which R finds before the
# Ops group method: one lookup less per call. Its body is a single .Call whose routine
# (the registered address, not the name: no variable lookup) and table row are
# constants, so no R code and no string comparison runs per operation.
# (r/bench/bench_dispatch.R measures it against the Python binding.)
Ops.MXNDArray <- function(e1, e2 = NULL) .Call(R_mxl_ops, .Generic, e1, e2)

.register_operator_methods <- function(ns) {
  routine <- R_mxl_ops$address
  ops <- .Call(R_mxl_ops_names)
  for (row in seq_along(ops)) {
    method <- eval(bquote(function(e1, e2 = NULL) .Call(.(routine), .(row - 1L), e1, e2)), ns)
    # Byte-compiled now: R's JIT never compiles a closure this small outside the
    # global environment, and the interpreted body costs ~1300 instructions more.
    method <- compiler::cmpfun(method)
    registerS3method(ops[row], "MXNDArray", method, envir = ns)
  }
}

# Math group: the registry's unary operators under R's names.
.MATH_OPS <- c(abs = "abs", sign = "sign", sqrt = "sqrt", floor = "floor", ceiling = "ceil",
               trunc = "trunc", exp = "exp", expm1 = "expm1", log = "log", log2 = "log2",
               log10 = "log10", log1p = "log1p", cos = "cos", sin = "sin", tan = "tan",
               cosh = "cosh", sinh = "sinh", tanh = "tanh", acos = "arccos", asin = "arcsin",
               atan = "arctan", acosh = "arccosh", asinh = "arcsinh", atanh = "arctanh",
               gamma = "gamma", lgamma = "gammaln", round = "round")

Math.MXNDArray <- function(x, ...) {
  op <- .MATH_OPS[.Generic]
  if (is.na(op)) stop(sprintf("'%s' is not defined for MXNDArray", .Generic), call. = FALSE)
  extra <- list(...)
  if (.Generic == "round" && length(extra) && extra[[1]] != 0) {
    stop("round: only digits = 0 is supported for MXNDArray", call. = FALSE)
  }
  y <- .Call(R_mxl_invoke, .op_handle(op), list(x), NULL, NULL, NULL, TRUE)
  if (.Generic == "log" && length(extra)) {  # log(x, base)
    y <- .Call(R_mxl_scalar, .op_handle("_div_scalar"), y, as.character(log(extra[[1]])))
  }
  y
}

# Summary group: sum, max, min, prod over every element, as R numbers.
Summary.MXNDArray <- function(..., na.rm = FALSE) {
  op <- c(sum = "sum", max = "max", min = "min", prod = "prod")[.Generic]
  if (is.na(op)) stop(sprintf("'%s' is not defined for MXNDArray", .Generic), call. = FALSE)
  vals <- vapply(list(...), function(x) {
    if (!is.mx.ndarray(x)) return(get(.Generic, baseenv())(x, na.rm = na.rm))
    as.numeric(.Call(R_mxl_invoke, .op_handle(op), list(x), NULL, NULL, NULL, TRUE))
  }, 0)
  get(.Generic, baseenv())(vals, na.rm = na.rm)
}
