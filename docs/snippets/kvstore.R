# The KVStore in four languages, R: sum pushes, pull to several outs, SGD in the store.
# Run by docs/run_checks.sh; stops with an error if a value is wrong. As in MXNet's R
# package, push and pull take a list over devices of lists over keys.
suppressMessages(library(mxlite))

kv <- mx.kv.create("local")
cat(kv$type, kv$rank, kv$num.workers, "\n")                 # local 0 1

# Push one gradient per device: the store sums them. Pull copies the value to every out.
kv$init("w", mx.nd.ones(c(2, 3)))
kv$push("w", list(list(mx.nd.ones(c(2, 3))), list(mx.nd.ones(c(2, 3)) * 2)))
outs <- list(list(mx.nd.zeros(c(2, 3))), list(mx.nd.zeros(c(2, 3))))
kv$pull("w", outs)
stopifnot(all(as.array(outs[[2]][[1]]) == 3))              # without an optimizer a push replaces

# The optimizer runs in the store: a push of gradients updates the weight.
kv$init("v", mx.nd.ones(c(2, 3)))
kv$set.optimizer(mx.opt.create("sgd", learning.rate = 0.1, momentum = 0.9))
for (step in 1:2) {
  kv$push("v", list(list(mx.nd.ones(c(2, 3))), list(mx.nd.ones(c(2, 3)))))   # gradient 2
}
v <- mx.nd.zeros(c(2, 3))
kv$pull("v", v)
# mom = -0.1 * 2 = -0.2, w = 0.8; mom = 0.9 * -0.2 - 0.2 = -0.38, w = 0.42
stopifnot(all(abs(as.array(v) - 0.42) < 1e-6))

# Optimizer states (momentum, update counts) go to a file and come back.
fname <- tempfile(fileext = ".states")
kv$save.optimizer.states(fname)
kv$load.optimizer.states(fname)
stopifnot(kv$num.update("v") == 2)

msg <- tryCatch(kv$push("nope", mx.nd.ones(c(2, 3))), error = conditionMessage)
cat(msg, "\n")              # kvstore push: key 'nope' has not been initialized (call init first)
kv$free()
cat("kvstore ok\n")
