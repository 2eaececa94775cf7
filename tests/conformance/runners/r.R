# Runs every conformance case (tests/conformance/cases/*.json) through the R package's
# public API and prints `conformance: N passed, N failed`.
#
#   Rscript tests/conformance/runners/r.R [CASES_DIR] [-k SUBSTRING] [-v]
#
# Operators go through the generic path: the mx.nd.* functions generated from the
# registry (mx.nd.invoke for internal "_" names), every parameter as the case's string.
# Case shapes are the C ABI's; R sees dims reversed over the same memory, so arrays are
# built from their bytes with the dims reversed and compared back in C order.
# The format is described in tests/conformance/README.md. Needs the jsonlite package.
# The package as r/run_tests.sh installs it (build/rlib) when R_LIBS does not name one.
local({
  file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  here <- if (length(file_arg)) dirname(sub("^--file=", "", file_arg[1])) else "."
  rlib <- file.path(here, "..", "..", "..", "build", "rlib")
  if (!requireNamespace("mxlite", quietly = TRUE) && dir.exists(rlib)) .libPaths(c(normalizePath(rlib), .libPaths()))
})
# No package, no run (README, "Runners"): say so and exit 77 rather than crash.
for (pkg in c("mxlite", "jsonlite")) {
  if (!suppressPackageStartupMessages(requireNamespace(pkg, quietly = TRUE))) {
    cat(sprintf("conformance: not run (R package %s is not installed: r/run_tests.sh installs it%s)\n", pkg,
                if (pkg == "mxlite") " into build/rlib" else ""))
    quit(status = 77)
  }
}
suppressPackageStartupMessages({
  library(mxlite)
  library(jsonlite)
})

fail <- function(...) stop(structure(class = c("case.failure", "error", "condition"),
                                     list(message = paste0(...), call = NULL)))

# ------------------------------------------------------------------ arrays
hex_raw <- function(hex) {
  if (!nzchar(hex)) return(raw(0))
  n <- nchar(hex)
  as.raw(strtoi(substring(hex, seq(1, n, 2), seq(2, n, 2)), 16L))
}

ITEMSIZE <- c(float32 = 4, float64 = 8, float16 = 2, uint8 = 1, int32 = 4, int8 = 1, int64 = 8, bool = 1)

half_values <- function(bytes) {
  u <- readBin(bytes, "integer", n = length(bytes) / 2, size = 2, signed = FALSE, endian = "little")
  sign <- ifelse(bitwAnd(u, 0x8000L) != 0, -1, 1)
  e <- bitwAnd(bitwShiftR(u, 10L), 0x1fL)
  m <- bitwAnd(u, 0x3ffL)
  v <- ifelse(e == 0, m * 2^-24, ifelse(e == 31, ifelse(m == 0, Inf, NaN), (1 + m / 1024) * 2^(e - 15)))
  sign * v
}

# Expected values (float64, memory order) of a case array.
spec_values <- function(spec) {
  if (!is.null(spec$values)) return(as.numeric(unlist(spec$values)))
  bytes <- hex_raw(spec$hex)
  n <- length(bytes) / ITEMSIZE[[spec$dtype]]
  switch(spec$dtype,
         float32 = readBin(bytes, "double", n = n, size = 4, endian = "little"),
         float64 = readBin(bytes, "double", n = n, size = 8, endian = "little"),
         float16 = half_values(bytes),
         fail("no hex decoder for ", spec$dtype))
}

int_bytes <- function(values, dtype) {
  v <- as.numeric(unlist(values))
  switch(dtype,
         int32 = writeBin(as.integer(v), raw(), size = 4, endian = "little"),
         uint8 = , bool = as.raw(v),
         int8 = as.raw(v %% 256),
         int64 = {
           lo <- v %% 2^32
           hi <- (v - lo) / 2^32
           signed <- function(x) as.integer(ifelse(x >= 2^31, x - 2^32, x))
           words <- as.vector(rbind(signed(lo), signed(hi %% 2^32)))
           writeBin(words, raw(), size = 4, endian = "little")
         },
         fail("no integer encoder for ", dtype))
}

# A case array as an MXNDArray: same bytes, R dims = C shape reversed.
to_nd <- function(spec) {
  shape <- as.integer(unlist(spec$shape))
  bytes <- if (!is.null(spec$hex)) hex_raw(spec$hex) else int_bytes(spec$values, spec$dtype)
  mx.nd.from.raw(bytes, rev(shape), spec$dtype)
}

c_shape <- function(nd) rev(dim(nd))

compare <- function(what, got, spec, rtol, atol) {
  if (!is.mx.ndarray(got)) fail(what, ": not an MXNDArray")
  dt <- mx.nd.dtype(got)
  if (dt != spec$dtype) fail(sprintf("%s: dtype %s, expected %s", what, dt, spec$dtype))
  shape <- as.integer(unlist(spec$shape))
  if (!identical(c_shape(got), shape)) {
    fail(sprintf("%s: shape [%s], expected [%s]", what, paste(c_shape(got), collapse = ", "),
                 paste(shape, collapse = ", ")))
  }
  g <- as.vector(as.array(got))  # memory order = C order
  if (is.null(spec$hex) && is.null(spec$values)) return(check_properties(what, g, spec))
  e <- spec_values(spec)
  if (dt %in% c("float32", "float64", "float16")) {
    close <- abs(g - e) <= atol + rtol * abs(e)
    close[is.na(close)] <- FALSE
    close <- close | (is.nan(g) & is.nan(e)) | (is.infinite(e) & !is.na(g) & g == e)
    bad <- !close
  } else {
    bad <- g != e
  }
  if (any(bad)) {
    k <- which(bad)[1]
    fail(sprintf("%s: %d of %d values differ; first at flat index %d: got %s, expected %s (rtol %g, atol %g)",
                 what, sum(bad), length(bad), k - 1, format(g[k], digits = 9), format(e[k], digits = 9), rtol, atol))
  }
}

check_properties <- function(what, g, spec) {
  if (!is.null(spec$min) && length(g) && min(g) < spec$min) fail(sprintf("%s: value %g below the minimum %g", what, min(g), spec$min))
  if (!is.null(spec$max) && length(g) && max(g) > spec$max) fail(sprintf("%s: value %g above the maximum %g", what, max(g), spec$max))
  if (isTRUE(spec$integral) && any(floor(g) != g)) fail(what, ": values are not whole numbers")
}

check_error <- function(err, spec, replacements = list()) {
  if (is.null(err)) fail(sprintf("expected %s, but the call succeeded", spec$kind))
  kind <- mx.error.kind(err)
  msg <- conditionMessage(err)
  if (is.na(kind) || kind != spec$kind) fail(sprintf("error kind %s, expected %s (message: %s)", kind, spec$kind, msg))
  for (frag in unlist(spec$contains)) {
    for (k in names(replacements)) frag <- gsub(k, replacements[[k]], frag, fixed = TRUE)
    if (!grepl(frag, msg, fixed = TRUE)) fail(sprintf("%s message lacks '%s': %s", kind, frag, msg))
  }
}

catch_mx <- function(expr) tryCatch({ expr; NULL }, mxlite.error = function(e) e)

# ------------------------------------------------------------------ the generic op path
invoke <- function(op, inputs, params, out = NULL) {
  params <- as.list(unlist(params))  # strings, unchanged
  if (startsWith(op, "_")) return(mx.nd.invoke(op, inputs, params, out = out))
  fn <- get0(paste0("mx.nd.", op), envir = asNamespace("mxlite"), inherits = FALSE)
  if (is.null(fn)) fail(sprintf("operator '%s' has no generated function mx.nd.%s", op, op))
  args <- c(inputs, params)
  if (!is.null(out)) args$out <- out
  res <- do.call(fn, args)
  if (is.mx.ndarray(res)) list(res) else res
}

# ------------------------------------------------------------------ actions
run_invoke <- function(case) {
  inputs <- lapply(case$inputs, to_nd)
  if (!is.null(case$expect_error)) {
    err <- catch_mx(for (o in invoke(case$op, inputs, case$params)) mx.nd.wait(o))
    return(check_error(err, case$expect_error))
  }
  outs <- invoke(case$op, inputs, case$params)
  exp <- case$expect
  if (length(outs) != length(exp$outputs)) fail(sprintf("%d outputs, expected %d", length(outs), length(exp$outputs)))
  for (i in seq_along(outs)) compare(sprintf("output %d", i - 1), outs[[i]], exp$outputs[[i]], exp$rtol, exp$atol)
}

# Gradients with autograd: attach gradients to the inputs, record the call (training
# mode when is_train), backward from the outputs with the head gradients.
run_grad <- function(case) {
  inputs <- lapply(case$inputs, to_nd)
  wrt <- as.integer(unlist(case$grad_inputs))
  for (i in wrt) mx.nd.attach.grad(inputs[[i + 1]])
  outs <- mx.autograd.record(invoke(case$op, inputs, case$params), train.mode = isTRUE(case$is_train))
  heads <- case$head_grads
  mx.autograd.backward(outs, if (is.null(heads)) NULL else lapply(heads, to_nd), train.mode = isTRUE(case$is_train))
  exp <- case$expect
  for (k in seq_along(wrt)) {
    compare(sprintf("gradient of input %d", wrt[k]), mx.nd.grad(inputs[[wrt[k] + 1]]), exp$grads[[k]], exp$rtol, exp$atol)
  }
}

shape_lists_equal <- function(got, expected) {
  if (length(got) != length(expected)) return(FALSE)
  all(mapply(function(g, e) identical(as.integer(rev(g)), as.integer(unlist(e))), got, expected))
}

fmt_shapes <- function(lst) paste0("[", paste(vapply(lst, function(s) paste0("[", paste(rev(s), collapse = ", "), "]"), ""),
                                              collapse = ", "), "]")

run_symbol <- function(case) {
  sym <- mx.symbol.load.json(case$json)
  ex <- NULL
  for (n in seq_along(case$steps)) {
    step <- case$steps[[n]]
    where <- sprintf("step %d (%s)", n - 1, step$do)
    err <- tryCatch({
      switch(step$do,
        list_arguments = , list_outputs = , list_auxiliary_states = {
          got <- switch(step$do, list_arguments = arguments(sym), list_outputs = outputs(sym),
                        list_auxiliary_states = auxiliary.states(sym))
          expected <- as.character(unlist(step$expect))
          if (!identical(got, expected)) {
            fail(sprintf("%s: [%s], expected [%s]", where, paste(got, collapse = ", "), paste(expected, collapse = ", ")))
          }
        },
        infer_shape = {
          shapes <- lapply(step$shapes, function(s) rev(as.integer(unlist(s))))
          res <- NULL
          e <- catch_mx(res <- do.call(mx.symbol.infer.shape, c(list(sym), shapes)))
          if (!is.null(step$expect_error)) {
            check_error(e, step$expect_error)
          } else {
            if (!is.null(e)) stop(e)
            if (is.null(res)) fail(where, ": shapes could not all be inferred")
            ex_ <- step$expect
            for (k in c("arg", "out", "aux")) {
              got <- res[[paste0(k, ".shapes")]]
              expected <- ex_[[paste0(k, "_shapes")]]
              if (!shape_lists_equal(got, expected)) {
                fail(sprintf("%s: %s_shapes %s, expected %s", where, k, fmt_shapes(got),
                             toJSON(expected, auto_unbox = FALSE)))
              }
            }
          }
        },
        bind = {
          args <- lapply(step$args, to_nd)
          aux <- lapply(step$aux, to_nd)
          reqs <- if (is.list(step$grad_req)) unlist(step$grad_req) else step$grad_req
          bound <- NULL
          e <- catch_mx(bound <- mx.symbol.bind(sym, mx.cpu(), args, if (length(aux)) aux else list(), grad.reqs = reqs))
          if (!is.null(step$expect_error)) {
            check_error(e, step$expect_error)
            return(invisible())  # an expected bind error ends the program
          }
          if (!is.null(e)) stop(e)
          ex <- bound
        },
        forward = {
          mx.exec.forward(ex, is.train = isTRUE(step$is_train))
          exp <- step$expect
          outs <- ex$outputs
          if (length(outs) != length(exp$outputs)) {
            fail(sprintf("%s: %d outputs, expected %d", where, length(outs), length(exp$outputs)))
          }
          for (i in seq_along(outs)) compare(sprintf("%s output %d", where, i - 1), outs[[i]], exp$outputs[[i]], exp$rtol, exp$atol)
          for (nm in names(exp$aux)) compare(sprintf("%s aux %s", where, nm), ex$aux.arrays[[nm]], exp$aux[[nm]], exp$rtol, exp$atol)
        },
        backward = {
          heads <- step$head_grads
          mx.exec.backward(ex, if (is.null(heads)) NULL else lapply(heads, to_nd))
          exp <- step$expect
          for (nm in names(exp$grads)) {
            compare(sprintf("%s gradient of %s", where, nm), ex$grad.arrays[[nm]], exp$grads[[nm]], exp$rtol, exp$atol)
          }
        },
        fail(where, ": unknown symbol step"))
      NULL
    }, mxlite.error = function(e) e)
    if (!is.null(err)) fail(sprintf("%s: unexpected %s: %s", where, mx.error.kind(err), conditionMessage(err)))
  }
}

run_engine <- function(case) {
  env <- lapply(case$arrays, to_nd)
  for (step in case$steps) {  # issued without waiting: the engine orders them
    inputs <- unname(env[unlist(step$inputs)])
    out <- env[[step$out]]
    res <- invoke(step$op, inputs, step$params, out = out)
    if (is.null(out)) env[[step$out]] <- res[[1]]
  }
  exp <- case$expect
  for (nm in names(exp$arrays)) compare(sprintf("array %s", nm), env[[nm]], exp$arrays[[nm]], exp$rtol, exp$atol)
}

compare_loaded <- function(loaded, expected, named) {
  if (named) {
    if (is.null(names(loaded))) fail("loaded a list, expected named arrays")
    if (!identical(names(loaded), names(expected))) {
      fail(sprintf("names [%s], expected [%s]", paste(names(loaded), collapse = ", "), paste(names(expected), collapse = ", ")))
    }
  } else {
    if (!is.null(names(loaded))) fail("loaded named arrays, expected a list")
    if (length(loaded) != length(expected)) fail(sprintf("%d arrays, expected %d", length(loaded), length(expected)))
  }
  for (i in seq_along(expected)) {
    got <- loaded[[i]]
    spec <- expected[[i]]
    want <- to_nd(spec)
    same <- mx.nd.dtype(got) == spec$dtype && identical(c_shape(got), as.integer(unlist(spec$shape))) &&
      identical(mx.nd.to.raw(got), mx.nd.to.raw(want))
    if (!same) {
      fail(sprintf("array %s: %s [%s] differs from the expected %s [%s] (bit for bit)",
                   if (named) names(expected)[i] else i - 1, mx.nd.dtype(got), paste(c_shape(got), collapse = ", "),
                   spec$dtype, paste(unlist(spec$shape), collapse = ", ")))
    }
  }
}

run_save_load <- function(case, named) {
  d <- tempfile("mxl_conf")
  dir.create(d)
  on.exit(unlink(d, recursive = TRUE))
  path <- file.path(d, "arrays.params")
  arrays <- lapply(case$arrays, to_nd)
  if (!named) arrays <- unname(arrays)
  mx.nd.save(arrays, path)
  compare_loaded(mx.nd.load(path), case$arrays, named)
}

run_load <- function(case, named) {
  d <- tempfile("mxl_conf")
  dir.create(d)
  on.exit(unlink(d, recursive = TRUE))
  path <- file.path(d, "file.params")
  if (!is.null(case$file_hex)) writeBin(hex_raw(case$file_hex), path)
  else path <- file.path(d, "missing", "file.params")
  loaded <- NULL
  err <- catch_mx(loaded <- mx.nd.load(path))
  if (!is.null(case$expect_error)) return(check_error(err, case$expect_error, list("<file>" = path)))
  if (!is.null(err)) fail(sprintf("unexpected %s: %s", mx.error.kind(err), conditionMessage(err)))
  compare_loaded(loaded, case$expect$arrays, named)
}

ACTIONS <- list(invoke = run_invoke, grad = run_grad, symbol = run_symbol, engine = run_engine)

# A case's arrays are named (a JSON object) or a list (a JSON array): jsonlite keeps
# the difference when parsed with simplifyVector = FALSE.
is_named <- function(x) !is.null(names(x))

run_case <- function(case) {
  tryCatch({
    action <- case$action
    if (identical(action, "save_load")) run_save_load(case, is_named(case$arrays))
    else if (identical(action, "load")) run_load(case, is.null(case$expect) || is_named(case$expect$arrays))
    else if (!is.null(action) && action %in% names(ACTIONS)) ACTIONS[[action]](case)
    else fail(sprintf("unknown action '%s'", action))
    NULL
  },
  case.failure = function(e) conditionMessage(e),
  mxlite.error = function(e) sprintf("unexpected %s: %s", mx.error.kind(e), conditionMessage(e)),
  error = function(e) sprintf("R error: %s", conditionMessage(e)))
}

main <- function(argv) {
  file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  here <- if (length(file_arg)) dirname(sub("^--file=", "", file_arg[1])) else "."
  cases_dir <- file.path(here, "..", "cases")
  only <- NULL
  verbose <- FALSE
  i <- 1
  while (i <= length(argv)) {
    a <- argv[i]
    if (a == "-k") { i <- i + 1; only <- argv[i] }
    else if (a == "-v") verbose <- TRUE
    else cases_dir <- a
    i <- i + 1
  }
  files <- sort(list.files(cases_dir, pattern = "\\.json$", full.names = TRUE))
  cases <- do.call(c, lapply(files, function(f) fromJSON(f, simplifyVector = FALSE)))
  if (!length(cases)) {
    cat(sprintf("conformance: no cases in %s\n", cases_dir))
    return(1L)
  }
  passed <- 0L
  failed <- 0L
  for (case in cases) {
    if (!is.null(only) && !grepl(only, case$id, fixed = TRUE)) next
    reason <- run_case(case)
    if (is.null(reason)) {
      passed <- passed + 1L
      if (verbose) cat(sprintf("ok   %s\n", case$id))
    } else {
      failed <- failed + 1L
      cat(sprintf("FAIL %s: %s\n", case$id, reason))
    }
  }
  mx.nd.waitall()
  cat(sprintf("conformance: %d passed, %d failed\n", passed, failed))
  if (failed == 0L) 0L else 1L
}

quit(status = main(commandArgs(trailingOnly = TRUE)))
