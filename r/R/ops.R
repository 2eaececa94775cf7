# Operator functions generated from the registry (mxl_op_list / mxl_op_info) when the
# package loads: every public operator X becomes mx.nd.X (imperative, on MXNDArrays)
# and mx.symbol.X (a graph node). Nothing here lists operators by hand.
#
# Parameters are the registry's, passed as MXNet parameter strings and parsed by the
# core: R values are formatted (c(3, 3) -> "(3, 3)", TRUE -> "True", mx.cpu() -> "cpu(0)").
# Shapes and axes in parameters are the core's (row-major, 0-based), exactly as the
# registry documents them and as MXNet's R package passed them: for an R array with
# dim = c(784, 128) (core shape (128, 784)), the R columns are core axis 0. Convert R
# terms with mx.core.shape() and mx.core.axis(). Only the hand-written creation
# functions (mx.nd.array, mx.nd.zeros, mx.nd.ones) and shape results (dim,
# mx.symbol.infer.shape, mx.simple.bind) speak R's column-major order.

.op_handle <- function(name) {
  h <- .mx$ops[[name]]
  if (is.null(h)) {
    h <- .Call(R_mxl_op_find, name)
    assign(name, h, envir = .mx$ops)
  }
  h
}

.op_info <- function(name) {
  info <- .mx$infos[[name]]
  if (is.null(info)) {
    handle <- .op_handle(name)
    raw <- .Call(R_mxl_op_info, handle)
    p_types <- raw[[7]]
    p_defaults <- raw[[8]]
    params <- raw[[6]]
    # A required parameter has default "" (strings and None-able ones are optional).
    required <- params[p_defaults == "" & !grepl("None", p_types) & p_types != "string"]
    info <- list(name = name, canonical = raw[[1]], handle = handle, doc = raw[[2]],
                 inputs = raw[[3]], num_outputs = raw[[4]], key_var_num_args = raw[[5]],
                 params = params, param_types = p_types, param_defaults = p_defaults,
                 param_docs = raw[[9]], variadic = raw[[10]], required = required,
                 flags = attr(raw, "flags"))
    assign(name, info, envir = .mx$infos)
  }
  info
}

#' All operator names in the registry (aliases included).
mx.op.list <- function() .Call(R_mxl_op_list)

# ----------------------------------------------------------- parameter strings
.param_number <- function(v) {
  if (is.logical(v)) return(ifelse(v, "True", "False"))
  s <- as.character(v)
  s[is.na(v)] <- "None"
  s
}

# One R value as MXNet's parameter string for a parameter of the given registry type.
.param_str <- function(v, type = "") {
  if (is.character(v)) {
    if (length(v) != 1) stop("a string parameter must be one string")
    return(v)
  }
  if (inherits(v, "MXContext")) return(format(v))
  if (is.numeric(v) || is.logical(v)) {
    parts <- .param_number(v)
    if (length(v) != 1 || startsWith(type, "Shape") || startsWith(type, "tuple")) {
      return(paste0("(", paste(parts, collapse = ", "), if (length(v) == 1) "," else "", ")"))
    }
    return(parts)
  }
  stop("cannot pass a ", class(v)[1], " as an operator parameter")
}

# Split the arguments of a generated call into inputs (of the given class), params and
# the special ones. Inputs: by input name, or positional in the registry's input order.
.split_args <- function(info, args, input_class, fn_name) {
  n <- length(args)
  nms <- names(args)
  if (is.null(nms)) nms <- rep("", n)
  positional <- list()
  named_inputs <- list()
  keys <- character(0)
  vals <- character(0)
  special <- list()
  for (i in seq_len(n)) {
    a <- args[[i]]
    nm <- nms[i]
    if (nm == "") {
      if (inherits(a, input_class)) {
        positional[[length(positional) + 1]] <- a
      } else if (is.list(a) && length(a) > 0 && all(vapply(a, inherits, TRUE, input_class))) {
        positional <- c(positional, a)
      } else {
        params_doc <- if (length(info$params)) paste0("give parameters by name (", paste(info$params, collapse = ", "), ")")
                      else "the operator takes no parameters"
        stop(sprintf("%s: unnamed argument %d must be an %s; %s", fn_name, i, input_class, params_doc), call. = FALSE)
      }
    } else if (nm %in% info$inputs) {
      if (!inherits(a, input_class)) {
        stop(sprintf("%s: input '%s' must be an %s, got %s", fn_name, nm, input_class, class(a)[1]), call. = FALSE)
      }
      named_inputs[[nm]] <- a
    } else if (nm %in% info$params) {
      if (!is.null(a)) {
        keys <- c(keys, nm)
        vals <- c(vals, tryCatch(.param_str(a, info$param_types[match(nm, info$params)]),
                                 error = function(e) stop(sprintf("%s: parameter '%s': %s", fn_name, nm,
                                                                  conditionMessage(e)), call. = FALSE)))
      }
    } else if (nm %in% c("out", "name", "attr")) {
      special[[nm]] <- a
    } else if (inherits(a, input_class)) {
      inputs_doc <- if (info$variadic) "... (positional)" else paste(info$inputs, collapse = ", ")
      .mx_stop("MXL_ERR_NOT_FOUND", sprintf("%s: '%s' is not an input of operator '%s' (inputs: %s)",
                                            fn_name, nm, info$canonical, inputs_doc))
    } else if (!is.null(a)) {
      # Not a known parameter: the core validates it and reports it (MXL_ERR_NOT_FOUND
      # naming the operator and the parameter), the same error in every language.
      keys <- c(keys, nm)
      vals <- c(vals, .param_str(a))
    }
  }
  if (info$variadic) {
    if (length(named_inputs)) stop(sprintf("%s: inputs of a variadic operator are positional", fn_name), call. = FALSE)
    inputs <- positional
    kv <- info$key_var_num_args
    if (nzchar(kv) && !(kv %in% keys)) {
      keys <- c(keys, kv)
      vals <- c(vals, as.character(length(inputs)))
    }
    input_names <- NULL
  } else {
    slots <- vector("list", length(info$inputs))
    names(slots) <- info$inputs
    for (nm in names(named_inputs)) slots[[nm]] <- named_inputs[[nm]]
    free <- which(vapply(slots, is.null, TRUE))
    if (length(positional) > length(free)) {
      stop(sprintf("%s: %d inputs given, the operator takes %d (%s)", fn_name,
                   length(positional) + length(named_inputs), length(info$inputs),
                   paste(info$inputs, collapse = ", ")), call. = FALSE)
    }
    for (k in seq_along(positional)) slots[free[k]] <- list(positional[[k]])
    given <- !vapply(slots, is.null, TRUE)
    input_names <- names(slots)[given]
    inputs <- unname(slots[given])
  }
  list(inputs = inputs, input_names = input_names, keys = keys, vals = vals, special = special)
}

# ------------------------------------------------------------ imperative calls
#' Run a registry operator on arrays: the generic path behind every mx.nd.* function.
#'
#' @param op registry name (aliases included), e.g. "broadcast_add"
#' @param inputs list of MXNDArray
#' @param params named list or character vector of parameters (strings passed
#'   unchanged; R values formatted as for generated functions)
#' @param out NULL, or a list of MXNDArray (or NULL slots) written in place
#' @return a list of MXNDArray (the operator's outputs)
mx.nd.invoke <- function(op, inputs = list(), params = list(), out = NULL) {
  info <- .op_info(op)
  keys <- names(params)
  if (length(params) && is.null(keys)) stop("mx.nd.invoke: params must be named")
  vals <- vapply(seq_along(params), function(i) {
    type <- info$param_types[match(keys[i], info$params)]
    .param_str(params[[i]], if (is.na(type)) "" else type)
  }, "")
  if (!is.null(out) && inherits(out, "MXNDArray")) out <- list(out)
  .Call(R_mxl_invoke, info$handle, inputs, if (length(keys)) keys else NULL,
        if (length(vals)) vals else NULL, out, FALSE)
}

#' A graph node for a registry operator: the generic path behind mx.symbol.* functions.
#'
#' @param op registry name; inputs: list of MXSymbol (positional, or named by the
#'   operator's input names); params as for mx.nd.invoke; name: the node name or NULL
mx.symbol.invoke <- function(op, inputs = list(), params = list(), name = NULL) {
  info <- .op_info(op)
  keys <- names(params)
  if (length(params) && is.null(keys)) stop("mx.symbol.invoke: params must be named")
  vals <- vapply(seq_along(params), function(i) {
    type <- info$param_types[match(keys[i], info$params)]
    .param_str(params[[i]], if (is.na(type)) "" else type)
  }, "")
  atomic <- .Call(R_mxl_sym_atomic, info$handle, if (length(keys)) keys else NULL, if (length(vals)) vals else NULL)
  on.exit(.Call(R_mxl_sym_free, atomic))
  in_names <- names(inputs)
  .Call(R_mxl_sym_compose, atomic, name, if (!is.null(in_names) && all(in_names != "")) in_names else NULL,
        unname(inputs))
}

# An R-side error with the same class, kind and code fields as the C ABI's errors.
.mx_stop <- function(kind, message) {
  codes <- c(MXL_ERR_INVALID_ARGUMENT = 1L, MXL_ERR_SHAPE = 2L, MXL_ERR_DTYPE = 3L, MXL_ERR_NOT_FOUND = 4L)
  stop(structure(class = c("mxlite.error", "error", "condition"),
                 list(message = message, call = NULL, code = codes[[kind]], kind = kind)))
}

`%||%` <- function(a, b) if (is.null(a) || length(a) == 0) b else a

.nd_call <- function(info, args, fn_name) {
  s <- .split_args(info, args, "MXNDArray", fn_name)
  out <- s$special$out
  if (!is.null(out) && inherits(out, "MXNDArray")) out <- list(out)
  # Creation operators take a ctx parameter: default to the default context.
  keys <- s$keys
  vals <- s$vals
  if ("ctx" %in% info$params && !("ctx" %in% keys)) {
    keys <- c(keys, "ctx")
    vals <- c(vals, format(.mx$ctx))
  }
  .Call(R_mxl_invoke, info$handle, s$inputs, if (length(keys)) keys else NULL,
        if (length(vals)) vals else NULL, out, TRUE)
}

.sym_call <- function(info, args, fn_name) {
  s <- .split_args(info, args, "MXSymbol", fn_name)
  atomic <- .Call(R_mxl_sym_atomic, info$handle, if (length(s$keys)) s$keys else NULL,
                  if (length(s$vals)) s$vals else NULL)
  name <- s$special$name
  sym <- .Call(R_mxl_sym_compose, atomic, if (is.null(name)) NULL else as.character(name),
               s$input_names, s$inputs)
  .Call(R_mxl_sym_free, atomic)
  if (!is.null(s$special$attr)) .set_attrs(sym, s$special$attr)
  sym
}

# ------------------------------------------------------------------ help text
.help_text <- function(info, fn_name, kind) {
  lines <- c(sprintf("%s  (registry operator '%s')", fn_name, info$canonical), "",
             strwrap(info$doc, width = 78), "", "Arguments:")
  what <- if (kind == "nd") "MXNDArray" else "MXSymbol"
  if (info$variadic) lines <- c(lines, sprintf("  ...: %s inputs (positional)", what))
  for (n in info$inputs) lines <- c(lines, sprintf("  %s: %s input", n, what))
  for (i in seq_along(info$params)) {
    p <- info$params[i]
    if (info$variadic && p == info$key_var_num_args) next
    req <- if (p %in% info$required) "required" else sprintf("optional, default %s",
                                                             if (nzchar(info$param_defaults[i])) info$param_defaults[i] else "None")
    lines <- c(lines, sprintf("  %s: %s, %s", p, info$param_types[i], req))
    if (nzchar(info$param_docs[i])) lines <- c(lines, paste0("      ", strwrap(info$param_docs[i], width = 72)))
  }
  if (kind == "nd") {
    lines <- c(lines, "  out: MXNDArray (or list) to write the result into, optional", "",
               "Value: an MXNDArray, or a list of them for several outputs.")
  } else {
    lines <- c(lines, "  name: the node's name, optional (automatic otherwise)",
               "  attr: named list of attributes, optional", "", "Value: an MXSymbol.")
  }
  lines <- c(lines, "", "Shapes and axes in parameters are the core's (row-major, 0-based): see mx.core.axis().")
  paste(lines, collapse = "\n")
}

#' Help text of a generated operator function, from the registry's documentation.
#'
#' mx.help("mx.nd.FullyConnected"), mx.help(mx.symbol.Convolution) or mx.help("Convolution").
mx.help <- function(topic) {
  name <- if (is.function(topic)) attr(topic, "mx.function.name") else as.character(topic)
  if (is.null(name)) stop("mx.help: not a generated mxlite operator function")
  text <- .mx$docs[[name]]
  if (is.null(text) && !is.null(.mx$docs[[paste0("mx.nd.", name)]])) text <- .mx$docs[[paste0("mx.nd.", name)]]
  if (is.null(text)) stop(sprintf("mx.help: no operator function '%s'", name))
  cat(text, "\n")
  invisible(text)
}

# -------------------------------------------------------------- the generator
# (op_name is bound in each generated function's own environment, below.)
utils::globalVariables("op_name")

.generate_operator_functions <- function(ns) {
  for (name in .Call(R_mxl_op_list)) {
    if (startsWith(name, "_")) next  # internal ops: reachable by name via mx.nd.invoke
    for (kind in c("nd", "symbol")) {
      fn_name <- paste0("mx.", kind, ".", name)
      if (exists(fn_name, envir = ns, inherits = FALSE)) next  # hand-written (R conventions)
      # Each function keeps its operator's name in its own environment.
      env <- new.env(parent = ns)
      env$op_name <- name
      env$fn_name <- fn_name
      fn <- if (kind == "nd") {
        function(...) .nd_call(.op_info(op_name), list(...), fn_name)
      } else {
        function(...) .sym_call(.op_info(op_name), list(...), fn_name)
      }
      environment(fn) <- env
      attr(fn, "mx.function.name") <- fn_name
      class(fn) <- c("MXOpFunction", "function")
      assign(fn_name, fn, envir = ns)
      local({
        nm <- name; fnm <- fn_name; k <- kind
        delayedAssign(fnm, .help_text(.op_info(nm), fnm, if (k == "nd") "nd" else "symbol"), assign.env = .mx$docs)
      })
    }
  }
}

#' Printing a generated operator function shows its help text.
print.MXOpFunction <- function(x, ...) { mx.help(x); invisible(x) }
