# Per-operation overhead from R against the Python binding over the same libmxlite,
# both measured in this one run: `a + b` and `a + 1` on small float32 arrays.
#
# Measured exactly as bench/bench_ndarray.py's dispatch line measures Python: arrays of
# shape (4,), a timed run is n ops then a wait on the last result (wait_to_read, so the
# engine's work is included), the best of `repeats` runs counts. R and Python take turns
# (3 rounds, best of each) so that a change in machine load hits both alike. Prints
# microseconds per op, wall clock and process CPU (all threads), and R / Python.
# Target (issue #7): R <= 2x Python. Also printed: R's own floor, `x + y` on an R object
# whose S3 Ops method does nothing, against the same Python figure.
#
# Run: Rscript r/bench/bench_dispatch.R [n_ops] [repeats]
# Python is found as python3 (override with PYTHON); it loads the library this package
# was built against (mx.info()$library), with the repository's python/ on the path
# unless that library belongs to an installed Python package.
library(mxlite)

args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args) >= 1) as.integer(args[1]) else 10000L
repeats <- if (length(args) >= 2) as.integer(args[2]) else 7L
rounds <- 3L

# Best (wall, cpu) of `repeats` runs of f, in microseconds per op.
best_of <- function(f) {
  f()  # warm-up: pools, caches, byte-compilation
  best <- c(wall = Inf, cpu = Inf)
  for (r in seq_len(repeats)) {
    t <- system.time(f(), gcFirst = FALSE)
    best <- pmin(best, c(t[["elapsed"]], t[["user.self"]] + t[["sys.self"]]))
  }
  best / n * 1e6
}

time_r <- function() {
  a <- mx.nd.ones(4)
  b <- mx.nd.ones(4)
  add <- function() { c <- a; for (i in seq_len(n)) c <- a + b; mx.nd.wait(c) }
  add_scalar <- function() { c <- a; for (i in seq_len(n)) c <- a + 1; mx.nd.wait(c) }
  # The same work without R's operator dispatch: the .Call that `+` reaches.
  routine <- getNativeSymbolInfo("R_mxl_ops", "mxlite")$address
  add_call <- function() { c <- a; for (i in seq_len(n)) c <- .Call(routine, "+", a, b); mx.nd.wait(c) }
  rbind(add = best_of(add), add_scalar = best_of(add_scalar), add_call = best_of(add_call))
}

# R's own floor for any binding whose arrays use R's operators: `x + y` dispatched to an
# S3 Ops method that does nothing (no mxlite call, no allocation). A binding's `a + b`
# pays this before it does any work.
time_r_floor <- function() {
  Ops.mxlite_bench_noop <- function(e1, e2) e1
  registerS3method("Ops", "mxlite_bench_noop", Ops.mxlite_bench_noop)
  x <- structure(list(), class = "mxlite_bench_noop")
  noop <- function() { c <- x; for (i in seq_len(n)) c <- x + x; c }
  best_of(noop)
}

python_code <- "
import sys, time
import mxlite as mx
n, repeats = int(sys.argv[1]), int(sys.argv[2])
a, b = mx.nd.ones((4,)), mx.nd.ones((4,))

def add():
    c = a
    for _ in range(n):
        c = a + b
    c.wait_to_read()

def add_scalar():
    c = a
    for _ in range(n):
        c = a + 1
    c.wait_to_read()

for fn in (add, add_scalar):
    fn()
    wall = cpu = float('inf')
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    print(wall / n * 1e6, cpu / n * 1e6)
"

time_python <- function() {
  lib <- mx.info()$library
  py <- Sys.getenv("PYTHON", "python3")
  # R puts its own lib folders on LD_LIBRARY_PATH; they can hold another libpython.
  env <- c(paste0("MXLITE_LIBRARY=", lib), "LD_LIBRARY_PATH=")
  if (!grepl("/mxlite/lib/", lib, fixed = TRUE)) {
    repo_python <- normalizePath(file.path(dirname(lib), "..", "..", "python"), mustWork = FALSE)
    if (!dir.exists(repo_python)) repo_python <- normalizePath(file.path(dirname(lib), "..", "python"), mustWork = FALSE)
    env <- c(env, paste0("PYTHONPATH=", repo_python))
  }
  script <- tempfile(fileext = ".py")
  writeLines(python_code, script)
  on.exit(unlink(script))
  out <- system2(py, c(script, n, repeats), stdout = TRUE, stderr = TRUE, env = env)
  value <- suppressWarnings(as.numeric(unlist(strsplit(tail(out, 2), " "))))
  if (length(value) != 4 || anyNA(value)) stop("the Python measurement failed:\n", paste(out, collapse = "\n"))
  matrix(value, nrow = 2, byrow = TRUE, dimnames = list(c("add", "add_scalar"), c("wall", "cpu")))
}

r_us <- matrix(Inf, 3, 2, dimnames = list(c("add", "add_scalar", "add_call"), c("wall", "cpu")))
py_us <- matrix(Inf, 2, 2, dimnames = list(c("add", "add_scalar"), c("wall", "cpu")))
floor_us <- c(wall = Inf, cpu = Inf)
for (round in seq_len(rounds)) {
  r_us <- pmin(r_us, time_r())
  py_us <- pmin(py_us, time_python())
  floor_us <- pmin(floor_us, time_r_floor())
}

cat(sprintf("per-op overhead, shape (4,) float32, %d ops per run, best of %d runs x %d rounds:\n",
            n, repeats, rounds))
labels <- c(add = "a + b", add_scalar = "a + 1")
for (op in rownames(py_us)) {
  for (clock in c("wall", "cpu")) {
    cat(sprintf("  %s %-4s  R %5.2f us/op   Python %5.2f us/op   ratio R / Python %.2f\n",
                labels[[op]], clock, r_us[op, clock], py_us[op, clock], r_us[op, clock] / py_us[op, clock]))
  }
}
cat(sprintf("  a + b without R's dispatch (.Call of the same C routine)     %5.2f us/op = %.2f x Python's whole a + b\n",
            r_us["add_call", "wall"], r_us["add_call", "wall"] / py_us["add", "wall"]))
cat(sprintf("  R's floor: x + y dispatched to a no-op S3 method (no mxlite)  %5.2f us/op = %.2f x Python's whole a + b\n",
            floor_us[["wall"]], floor_us[["wall"]] / py_us["add", "wall"]))
cat(sprintf("ratio R / Python (a + b, wall): %.2f (target <= 2)\n", r_us["add", "wall"] / py_us["add", "wall"]))
