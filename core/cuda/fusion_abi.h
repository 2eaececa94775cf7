/* Elementwise fusion: an optional extension of the CUDA plugin (plugin_abi.h), kept
 * in its own table so that the plugin's main ABI does not change with it. The core
 * looks up MXL_CUDA_FUSION_INIT_SYMBOL in the loaded plugin with dlsym; a plugin
 * without it (or whose init fails) simply runs every op unfused.
 *
 * At bind time the executor (core/executor/executor.cc) describes each chain of
 * connected elementwise nodes as steps; the plugin (core/cuda/fusion.cu) writes one
 * CUDA kernel for the chain from the shared functors (core/op/elemwise_math.h via
 * core/cuda/elemwise_steps.cuh), compiles it with NVRTC and loads it with the CUDA
 * driver API, both opened at run time, and launches it in place of the chain. */
#ifndef MXLITE_CUDA_FUSION_ABI_H_
#define MXLITE_CUDA_FUSION_ABI_H_
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MXL_CUDA_FUSION_ABI_VERSION 1
#define MXL_FUSION_MAX_ARGS 32 /* tensor inputs + outputs + scalars of one fused kernel */

/* One node of a chain. Operands: k >= 0 is the chain's input k, k < 0 the result of
 * step -k - 1 (an earlier step). Steps are in execution order. */
typedef struct {
  const char* op;  /* registered operator name, one that fusible() accepts */
  int arg[2];      /* tensor operands; arg[1] unused for one-operand ops */
  double scalar;   /* the op's "scalar" parameter, for the ops that take one */
} mxl_fusion_step;

typedef struct {
  int abi_version;
  /* Tensor operands of `op` (1 or 2) when it can be fused, else 0; *takes_scalar
   * (when not NULL) is set to whether the op reads a "scalar" parameter. */
  int (*fusible)(const char* op, int* takes_scalar);
  /* Writes and compiles one kernel computing the chain for `dtype` (MXNet type flag;
   * float32, float64, float16) on device `dev`: nin input arrays, outputs = the
   * results of steps outs[0..nout). Compiled kernels are cached by source text.
   * Returns 0 and *kernel, or nonzero with the reason (NVRTC or the driver missing,
   * the compiler's log) in err. */
  int (*build)(int dev, int dtype, const mxl_fusion_step* steps, int nsteps, int nin, const int* outs, int nout,
               void** kernel, char* err, size_t err_len);
  /* The generated CUDA source of a kernel (for debug output and tests). */
  const char* (*source)(const void* kernel);
  /* Enqueues the kernel over n elements on `stream` of device `dev` (the current
   * device); scalars are the steps' scalar parameters, in step order. */
  int (*launch)(const void* kernel, int dev, const void* const* in, void* const* out, const double* scalars,
                int64_t n, void* stream, char* err, size_t err_len);
} mxl_cuda_fusion_api;

/* Exported by a plugin that can fuse. Fills *api; returns 0, or nonzero with a message. */
typedef int (*mxl_cuda_fusion_init_fn)(mxl_cuda_fusion_api* api, char* err, size_t err_len);
#define MXL_CUDA_FUSION_INIT_SYMBOL "mxl_cuda_fusion_init"

#ifdef __cplusplus
}
#endif
#endif /* MXLITE_CUDA_FUSION_ABI_H_ */
