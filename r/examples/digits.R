# The digits data for the R examples and tests: tests/data/digits.csv (scikit-learn's
# 8x8 handwritten digits with the Python tutorial's held-out split), each image
# up-sampled to 28x28 = 784 inputs exactly as examples/digits.py does (linear
# interpolation, output pixel o samples input coordinate o * 7/27), scaled to 0..1.
#
# load_digits(path) -> list(train.x, train.y, test.x, test.y); x matrices have one
# sample per COLUMN (dim c(784, n)), as MXNet's R package lays data out.

.interp_matrix <- function(n_in = 8, n_out = 28) {
  m <- matrix(0, n_out, n_in)
  for (o in seq_len(n_out) - 1) {
    c <- o * (n_in - 1) / (n_out - 1)
    lo <- min(floor(c), n_in - 2)
    f <- c - lo
    m[o + 1, lo + 1] <- 1 - f
    m[o + 1, lo + 2] <- f
  }
  m
}

load_digits <- function(path) {
  d <- read.csv(path)
  pixels <- as.matrix(d[, grep("^p", names(d))]) * (255 / 16)
  m <- .interp_matrix()
  # each image: 8x8 row-major -> M %*% img %*% t(M), flattened row-major like numpy
  x <- apply(pixels, 1, function(p) {
    big <- m %*% matrix(p, 8, 8, byrow = TRUE) %*% t(m)
    as.vector(t(pmin(pmax(big, 0), 255)))
  }) / 255
  test <- d$test == 1
  list(train.x = x[, !test], train.y = d$label[!test], test.x = x[, test], test.y = d$label[test])
}
