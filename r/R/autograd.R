# Imperative gradients (MXNet's mx.autograd, which the R package of MXNet 1.x lacked):
#   x <- mx.nd.array(c(1, 2, 3)); mx.nd.attach.grad(x)
#   y <- mx.autograd.record(sum(x * x))   # NB: Summary's sum returns an R number; use mx.nd.sum
#   mx.autograd.backward(y); mx.nd.grad(x)

#' Attach a gradient buffer (zeros, x's dims) to x: later backward passes write
#' (grad.req "write") or add ("add") d(head)/dx into it. Returns x.
mx.nd.attach.grad <- function(x, grad.req = "write") {
  code <- .GRAD_REQ[grad.req]
  if (is.na(code)) stop("grad.req must be 'null', 'write' or 'add'")
  grad <- .Call(R_mxl_invoke, .op_handle("zeros_like"), list(x), NULL, NULL, NULL, TRUE)
  .Call(R_mxl_autograd_mark, x, grad, code)
  invisible(x)
}

#' The gradient buffer attached to x (NULL if none).
mx.nd.grad <- function(x) .Call(R_mxl_nd_grad, x)

#' Evaluate expr while recording operations for mx.autograd.backward (train.mode:
#' operators such as Dropout and BatchNorm behave as in training). Returns expr's value.
mx.autograd.record <- function(expr, train.mode = TRUE) {
  prev_rec <- .Call(R_mxl_autograd_set, 0L, TRUE)
  prev_train <- .Call(R_mxl_autograd_set, 1L, train.mode)
  on.exit({
    .Call(R_mxl_autograd_set, 0L, prev_rec)
    .Call(R_mxl_autograd_set, 1L, prev_train)
  })
  expr
}

#' Backpropagate from heads (an MXNDArray or a list) into the attached gradients.
#' head.grads: one array per head, NULL entries (or NULL) meaning ones.
mx.autograd.backward <- function(heads, head.grads = NULL, train.mode = TRUE) {
  if (is.mx.ndarray(heads)) heads <- list(heads)
  if (is.mx.ndarray(head.grads)) head.grads <- list(head.grads)
  invisible(.Call(R_mxl_autograd_backward, heads, head.grads, train.mode))
}
