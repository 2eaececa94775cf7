# Per-operation overhead from R: `a + b` on two small arrays (10 float32 values),
# against the same loop in the Python binding over the same libmxlite, measured in
# this one run. Prints microseconds per op and the ratio R / Python (target <= 2).
#
# Run: Rscript r/bench/bench_dispatch.R [n_ops]
# Python is found as python3 (override with PYTHON); it loads the library this
# package was built against (MXLITE_LIBRARY), with the repository's python/ on the
# path unless that library belongs to an installed Python package.
library(mxlite)

args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args)) as.integer(args[1]) else 20000L
repeats <- 3L

# One measurement: microseconds per op, wall clock and process CPU (all threads).
# free_now: free each result at once (mx.nd.free), as Python's reference counting does;
# otherwise results wait for R's garbage collector, which leaves thousands of arrays
# alive between collections.
time_r <- function(n, free_now = FALSE) {
  a <- mx.nd.ones(10)
  b <- mx.nd.ones(10)
  for (i in 1:200) c <- a + b  # warm up
  mx.nd.waitall()
  best <- c(wall = Inf, cpu = Inf)
  for (r in seq_len(repeats)) {
    t0 <- proc.time()
    if (free_now) for (i in seq_len(n)) { c <- a + b; mx.nd.free(c) }
    else for (i in seq_len(n)) c <- a + b
    mx.nd.waitall()
    t <- proc.time() - t0
    best <- pmin(best, c(t[["elapsed"]], t[["user.self"]] + t[["sys.self"]]))
  }
  best / n * 1e6
}

python_code <- "
import sys, time
import mxlite as mx
n, repeats = int(sys.argv[1]), int(sys.argv[2])
a = mx.nd.ones((10,)); b = mx.nd.ones((10,))
for _ in range(200): c = a + b
mx.nd.waitall()
wall = cpu = float('inf')
for _ in range(repeats):
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(n): c = a + b
    mx.nd.waitall()
    wall = min(wall, time.perf_counter() - t0)
    cpu = min(cpu, time.process_time() - c0)
print(wall / n * 1e6, cpu / n * 1e6)
"

time_python <- function(n) {
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
  value <- suppressWarnings(as.numeric(strsplit(tail(out, 1), " ")[[1]]))
  if (length(value) != 2 || anyNA(value)) stop("the Python measurement failed:\n", paste(out, collapse = "\n"))
  c(wall = value[1], cpu = value[2])
}

# Alternate the two languages so that a change in machine load hits both alike.
r_us <- r_free_us <- py_us <- c(wall = Inf, cpu = Inf)
for (round in 1:3) {
  r_us <- pmin(r_us, time_r(n))
  r_free_us <- pmin(r_free_us, time_r(n, free_now = TRUE))
  py_us <- pmin(py_us, time_python(n))
}
cat(sprintf("a + b (10 float32), %d ops x %d repeats x 3 rounds, best:\n", n, repeats))
cat(sprintf("  wall: R %.2f us/op, Python %.2f us/op  (R freeing each result at once: %.2f)\n",
            r_us[["wall"]], py_us[["wall"]], r_free_us[["wall"]]))
cat(sprintf("  cpu:  R %.2f us/op, Python %.2f us/op  (R freeing each result at once: %.2f)\n",
            r_us[["cpu"]], py_us[["cpu"]], r_free_us[["cpu"]]))
cat(sprintf("ratio R / Python: %.2f wall, %.2f cpu (target <= 2); freeing at once: %.2f wall, %.2f cpu\n",
            r_us[["wall"]] / py_us[["wall"]], r_us[["cpu"]] / py_us[["cpu"]],
            r_free_us[["wall"]] / py_us[["wall"]], r_free_us[["cpu"]] / py_us[["cpu"]]))
