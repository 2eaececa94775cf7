# MXSymbol: an immutable graph. Operator nodes come from the generated mx.symbol.*
# functions; shapes given to and returned by inference are in R order (reversed core).

is.mx.symbol <- function(x) inherits(x, "MXSymbol")

.set_attrs <- function(sym, attrs) {
  for (k in names(attrs)) .Call(R_mxl_sym_set_attr, sym, k, as.character(attrs[[k]]))
  invisible(sym)
}

#' A free variable: an input, a weight, anything bound later.
mx.symbol.Variable <- function(name, attr = NULL, shape = NULL, lr.mult = NULL, wd.mult = NULL) {
  if (!is.character(name) || length(name) != 1) stop("mx.symbol.Variable: name must be one string")
  s <- .Call(R_mxl_sym_variable, name)
  if (!is.null(shape)) attr <- c(attr, list("__shape__" = .param_str(rev(as.integer(shape)), "Shape(tuple)")))
  if (!is.null(lr.mult)) attr <- c(attr, list("__lr_mult__" = as.character(lr.mult)))
  if (!is.null(wd.mult)) attr <- c(attr, list("__wd_mult__" = as.character(wd.mult)))
  if (length(attr)) .set_attrs(s, attr)
  s
}

#' One symbol whose outputs are those of all the given symbols.
mx.symbol.Group <- function(...) {
  syms <- list(...)
  if (length(syms) == 1 && is.list(syms[[1]]) && !is.mx.symbol(syms[[1]])) syms <- syms[[1]]
  if (!length(syms) || !all(vapply(syms, is.mx.symbol, TRUE))) stop("mx.symbol.Group: expected MXSymbols")
  .Call(R_mxl_sym_group, syms)
}

#' Argument names (inputs and weights), in binding order.
arguments <- function(x) UseMethod("arguments")
arguments.MXSymbol <- function(x) .Call(R_mxl_sym_list, x, 0L)

#' Output names.
outputs <- function(x) UseMethod("outputs")
outputs.MXSymbol <- function(x) .Call(R_mxl_sym_list, x, 1L)

#' Auxiliary state names (e.g. BatchNorm's moving statistics).
auxiliary.states <- function(x) .Call(R_mxl_sym_list, x, 2L)

#' Every node's output as one grouped symbol (feature extraction).
internals <- function(x) .Call(R_mxl_sym_internals, x)

#' The inputs of the head node, grouped (NULL for a variable).
children <- function(x) .Call(R_mxl_sym_children, x)

#' The head node's name (NULL for a group).
mx.symbol.name <- function(x) .Call(R_mxl_sym_name, x)

#' Attributes of the head node (recursive: of every node, "node$key" names).
mx.symbol.attributes <- function(x, recursive = FALSE) .Call(R_mxl_sym_list_attr, x, recursive)

length.MXSymbol <- function(x) .Call(R_mxl_sym_num_outputs, x)

#' Output i (1-based) or the output called i.
`[[.MXSymbol` <- function(x, i) {
  if (is.character(i)) {
    k <- match(i, outputs(x))
    if (is.na(k)) stop(sprintf("the symbol has no output '%s' (outputs: %s)", i, paste(outputs(x), collapse = ", ")))
    i <- k
  }
  n <- .Call(R_mxl_sym_num_outputs, x)
  if (i < 1 || i > n) stop(sprintf("output index %d out of range 1..%d", i, n))
  .Call(R_mxl_sym_get_output, x, as.integer(i) - 1L)
}

print.MXSymbol <- function(x, ...) {
  if (!.Call(R_mxl_nd_is_live, x)) { cat("<MXSymbol: freed>\n"); return(invisible(x)) }
  nm <- mx.symbol.name(x)
  cat(sprintf("<MXSymbol %s>\n  outputs: %s\n  arguments: %s\n", if (is.null(nm)) "(group)" else nm,
              paste(outputs(x), collapse = ", "), paste(arguments(x), collapse = ", ")))
  invisible(x)
}

#' Release the symbol's handle now.
mx.symbol.free <- function(x) invisible(.Call(R_mxl_sym_free, x))

#' The symbol as MXNet JSON.
mx.symbol.tojson <- function(x) .Call(R_mxl_sym_to_json, x)

#' A symbol from MXNet JSON.
mx.symbol.load.json <- function(str) .Call(R_mxl_sym_from_json, str)

#' Save to a JSON file (written to a temp file, then renamed).
mx.symbol.save <- function(symbol, filename) invisible(.Call(R_mxl_sym_save, symbol, .file_arg(filename, "mx.symbol.save")))

#' Load a symbol saved by mx.symbol.save or MXNet.
mx.symbol.load <- function(filename) .Call(R_mxl_sym_load, .file_arg(filename, "mx.symbol.load"))

# Symbol arithmetic: the graph counterparts of the NDArray operators.
.SYM_OPS <- list("+" = c("_plus", "_plus_scalar", "_plus_scalar"),
                 "-" = c("_minus", "_minus_scalar", "_rminus_scalar"),
                 "*" = c("_mul", "_mul_scalar", "_mul_scalar"),
                 "/" = c("_div", "_div_scalar", "_rdiv_scalar"),
                 "^" = c("_power", "_power_scalar", "_rpower_scalar"),
                 "%%" = c("_mod", "_mod_scalar", "_rmod_scalar"),
                 "==" = c("_equal", "_equal_scalar", "_equal_scalar"),
                 "!=" = c("_not_equal", "_not_equal_scalar", "_not_equal_scalar"),
                 ">" = c("_greater", "_greater_scalar", "_lesser_scalar"),
                 ">=" = c("_greater_equal", "_greater_equal_scalar", "_lesser_equal_scalar"),
                 "<" = c("_lesser", "_lesser_scalar", "_greater_scalar"),
                 "<=" = c("_lesser_equal", "_lesser_equal_scalar", "_greater_equal_scalar"))

.scalar_str <- function(x, op) {
  if (!(is.numeric(x) || is.logical(x)) || length(x) != 1) {
    stop(sprintf("'%s': the other operand must be an MXSymbol or a single number", op), call. = FALSE)
  }
  as.character(as.numeric(x))
}

.sym_op <- function(op, inputs, params = list()) {
  info <- .op_info(op)
  keys <- names(params)
  atomic <- .Call(R_mxl_sym_atomic, info$handle, if (length(keys)) keys else NULL,
                  if (length(keys)) unlist(params) else NULL)
  s <- .Call(R_mxl_sym_compose, atomic, NULL, NULL, inputs)
  .Call(R_mxl_sym_free, atomic)
  s
}

Ops.MXSymbol <- function(e1, e2) {
  if (missing(e2)) {
    if (.Generic == "-") return(.sym_op("_mul_scalar", list(e1), list(scalar = "-1")))
    if (.Generic == "+") return(e1)
    stop(sprintf("unary '%s' is not defined for MXSymbol", .Generic), call. = FALSE)
  }
  ops <- .SYM_OPS[[.Generic]]
  if (is.null(ops)) stop(sprintf("'%s' is not defined for MXSymbol", .Generic), call. = FALSE)
  if (is.mx.symbol(e1) && is.mx.symbol(e2)) return(.sym_op(ops[1], list(e1, e2)))
  if (is.mx.symbol(e1)) return(.sym_op(ops[2], list(e1), list(scalar = .scalar_str(e2, .Generic))))
  .sym_op(ops[3], list(e2), list(scalar = .scalar_str(e1, .Generic)))
}

# ----------------------------------------------------------------- inference
.shape_args <- function(shapes, fn) {
  if (length(shapes) && (is.null(names(shapes)) || any(names(shapes) == ""))) {
    stop(fn, ": give shapes by argument name, e.g. data = c(784, 128)")
  }
  shapes
}

.infer_core <- function(symbol, shapes) {
  res <- .Call(R_mxl_sym_infer_shape, symbol, names(shapes) %||% character(0),
               lapply(unname(shapes), function(s) rev(as.integer(s))))
  rshapes <- function(lst, nms) {
    out <- lapply(lst, function(s) if (is.null(s)) NULL else rev(s))
    names(out) <- nms
    out
  }
  list(complete = res[[1]],
       arg.shapes = rshapes(res[[2]], arguments(symbol)),
       out.shapes = rshapes(res[[3]], outputs(symbol)),
       aux.shapes = rshapes(res[[4]], auxiliary.states(symbol)))
}

#' Infer every shape from the shapes of some inputs, all in R order.
#'
#' @param symbol an MXSymbol
#' @param ... input shapes by name, R order: data = c(784, 128) is a batch of 128 columns
#' @return list(arg.shapes, out.shapes, aux.shapes), each a named list of R dims; NULL
#'   when some shape cannot be decided (mx.symbol.infer.shape.partial keeps NULLs instead)
mx.symbol.infer.shape <- function(symbol, ...) {
  r <- .infer_core(symbol, .shape_args(list(...), "mx.symbol.infer.shape"))
  if (!r$complete) return(NULL)
  r$complete <- NULL
  r
}

#' Like mx.symbol.infer.shape; unknown shapes are NULL entries.
mx.symbol.infer.shape.partial <- function(symbol, ...) {
  r <- .infer_core(symbol, .shape_args(list(...), "mx.symbol.infer.shape.partial"))
  r$complete <- NULL
  r
}
