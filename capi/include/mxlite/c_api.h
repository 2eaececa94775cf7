/*
 * mxlite/c_api.h -- the one stable C ABI of mxlite.
 *
 * Every binding (Python, R, Julia, JavaScript) uses only this file. Plain C99.
 *
 * Conventions (read once, they hold for every function below):
 *  - Every function returns int: MXL_OK (0) on success or an MXL_ERR_* code.
 *    mxl_last_error() then returns the message for the calling thread. No C++
 *    exception, abort or exit ever crosses this boundary.
 *  - Results come back through out-parameters. A string or array returned by the
 *    library (const char*, const char**, handle arrays) stays valid until the next
 *    call into the library on the same thread, unless the function says otherwise.
 *    Copy what you keep.
 *  - Handles are opaque pointers. Each kind has exactly one *_free. Passing a freed
 *    or foreign handle returns MXL_ERR_INVALID_HANDLE, never a crash. Freeing an
 *    array while asynchronous work still uses it is safe: the engine holds its own
 *    reference.
 *  - Work on arrays is asynchronous: functions that compute return at once. Errors
 *    raised by asynchronous work are stored on the arrays the work writes and are
 *    returned, with their message, by the next wait on those arrays
 *    (mxl_nd_wait_to_read, mxl_nd_sync_copy_to, ...) or by mxl_waitall.
 *  - All functions are thread-safe.
 *  - Shapes are row-major (C order), int64 dims, at most MXL_MAX_NDIM of them.
 *
 * Versioning: MXL_ABI_VERSION_MAJOR changes only on an incompatible change; a
 * binding refuses a library whose major differs from the one it was written for.
 * Within a major, changes are additive only.
 */
#ifndef MXLITE_C_API_H_
#define MXLITE_C_API_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define MXL_API __declspec(dllexport)
#else
#define MXL_API __attribute__((visibility("default")))
#endif

/* ---------------------------------------------------------------- versions */

#define MXL_ABI_VERSION_MAJOR 1
#define MXL_ABI_VERSION_MINOR 2
#define MXL_ABI_VERSION_PATCH 0
/* major * 10000 + minor * 100 + patch */
#define MXL_ABI_VERSION 10200

/* The ABI version of the loaded library, encoded as MXL_ABI_VERSION. Never fails. */
MXL_API int mxl_version(void);

/* --------------------------------------------------------------- errors */

#define MXL_OK 0
#define MXL_ERR_INVALID_ARGUMENT 1 /* a parameter or argument has a bad value  */
#define MXL_ERR_SHAPE 2            /* shapes do not agree                       */
#define MXL_ERR_DTYPE 3            /* dtypes do not agree or are unsupported    */
#define MXL_ERR_NOT_FOUND 4        /* unknown operator, parameter, name, key    */
#define MXL_ERR_DEVICE 5           /* device missing or unusable                */
#define MXL_ERR_IO 6               /* file missing, unreadable, corrupt         */
#define MXL_ERR_OUT_OF_MEMORY 7
#define MXL_ERR_INTERNAL 8         /* a bug in mxlite: please report it         */
#define MXL_ERR_INDEX 9            /* index out of range                        */
#define MXL_ERR_INVALID_HANDLE 10  /* NULL, freed or foreign handle             */
#define MXL_ERR_ARITHMETIC 11      /* e.g. integer division by zero             */

/* Message of the last failed call on this thread ("" if none). Never fails. */
MXL_API const char* mxl_last_error(void);
/* Code of the last failed call on this thread (MXL_OK if none). Never fails. */
MXL_API int mxl_last_error_code(void);

/* --------------------------------------------------------------- enums */

/* dtypes: the numbering is MXNet's type flag, also used in saved files. */
#define MXL_FLOAT32 0
#define MXL_FLOAT64 1
#define MXL_FLOAT16 2
#define MXL_UINT8 3
#define MXL_INT32 4
#define MXL_INT8 5
#define MXL_INT64 6
#define MXL_BOOL 7

/* device types: the numbering is MXNet's (and DLPack's kDLCPU / kDLCUDA). */
#define MXL_CPU 1
#define MXL_GPU 2

#define MXL_MAX_NDIM 10

/* ---------------------------------------------------------- DLPack v1.x */
/* The DLPack exchange structs (https://github.com/dmlc/dlpack, ABI v1). Defined
 * here so the header stands alone; skipped when dlpack.h was included first. */
#ifndef DLPACK_MAJOR_VERSION
#define DLPACK_MAJOR_VERSION 1
#define DLPACK_MINOR_VERSION 0
#define DLPACK_FLAG_BITMASK_READ_ONLY 1
typedef struct { uint32_t major; uint32_t minor; } DLPackVersion;
typedef struct { int32_t device_type; int32_t device_id; } DLDevice;
typedef struct { uint8_t code; uint8_t bits; uint16_t lanes; } DLDataType;
typedef struct {
  void* data;
  DLDevice device;
  int32_t ndim;
  DLDataType dtype;
  int64_t* shape;
  int64_t* strides; /* NULL: compact row-major */
  uint64_t byte_offset;
} DLTensor;
typedef struct DLManagedTensorVersioned {
  DLPackVersion version;
  void* manager_ctx;
  void (*deleter)(struct DLManagedTensorVersioned* self);
  uint64_t flags;
  DLTensor dl_tensor;
} DLManagedTensorVersioned;
#endif

/* --------------------------------------------------------------- handles */

typedef struct mxl_ndarray_t* mxl_ndarray;
typedef const struct mxl_op_t* mxl_op; /* static: valid for the process, never freed */

/* ----------------------------------------------------------------- engine */

/* Block until all pushed work has finished. Returns (and clears) the first error
 * that asynchronous work raised since the last mxl_waitall. */
MXL_API int mxl_waitall(void);

/* Engine description: kind is "threaded" or "naive" (MXLITE_ENGINE=naive);
 * cpu_workers is the CPU worker pool size (MXLITE_CPU_WORKER_NTHREADS). */
MXL_API int mxl_engine_info(const char** kind, int* cpu_workers);

/* --------------------------------------------------------------- storage */

/* Bytes of device memory held by live arrays, the peak of that since start (or the
 * last reset), and bytes kept in the pool for reuse. */
MXL_API int mxl_storage_stats(int dev_type, int dev_id, uint64_t* in_use, uint64_t* peak,
                              uint64_t* pooled);
/* Return pooled (unused) memory to the system and reset the peak to in_use. */
MXL_API int mxl_storage_release_pool(int dev_type, int dev_id);

/* ---------------------------------------------------------------- devices */

/* Number of usable GPUs (mx.context.num_gpus()). 0, not an error, when the CUDA
 * plugin (libmxlite_cuda.so next to libmxlite, or MXLITE_CUDA_PLUGIN), the driver or
 * a device is missing; using a GPU context then fails with MXL_ERR_DEVICE naming
 * what is missing. The first call loads the plugin. */
MXL_API int mxl_num_gpus(int* out);
/* One line on the GPU backend: where the plugin was loaded from, CUDA runtime and
 * driver versions and the number of GPUs, or why GPUs are unusable. The string
 * stays valid for the life of the process. */
MXL_API int mxl_gpu_info(const char** info);

/* ---------------------------------------------------------------- ndarray */

/* New array with uninitialized contents. ndim may be 0 (a scalar). */
MXL_API int mxl_nd_create(const int64_t* shape, int ndim, int dtype, int dev_type, int dev_id,
                          mxl_ndarray* out);
/* Release the handle. Safe while work on the array is pending. */
MXL_API int mxl_nd_free(mxl_ndarray h);
/* Shape (into dims[MXL_MAX_NDIM]), dtype and device in one call; waits for nothing. */
MXL_API int mxl_nd_info(mxl_ndarray h, int* ndim, int64_t* dims, int* dtype, int* dev_type,
                        int* dev_id);
/* Wait until the array's pending writes are done (raises their errors). */
MXL_API int mxl_nd_wait_to_read(mxl_ndarray h);
/* Wait until all pending reads and writes of the array are done. */
MXL_API int mxl_nd_wait_to_write(mxl_ndarray h);
/* Copy nbytes (must equal size * itemsize) from host memory into the array; blocks. */
MXL_API int mxl_nd_sync_copy_from(mxl_ndarray h, const void* data, uint64_t nbytes);
/* Copy the array's contents to host memory (nbytes must equal its byte size); blocks
 * until pending writes are done and returns their error, if any. */
MXL_API int mxl_nd_sync_copy_to(mxl_ndarray h, void* data, uint64_t nbytes);
/* Asynchronous copy src -> dst (same shape; dtype converted; any devices). */
MXL_API int mxl_nd_copy_to(mxl_ndarray src, mxl_ndarray dst);
/* A view sharing memory: same data, new shape of equal size. shape may use MXNet's
 * reshape codes (0 copy dim, -1 infer, -2 copy rest, -3 merge two, -4 split) and
 * reverse != 0 applies them right to left. */
MXL_API int mxl_nd_reshape(mxl_ndarray h, const int64_t* shape, int ndim, int reverse,
                           mxl_ndarray* out);
/* A view of rows [begin, end) along axis 0 (negative values count from the end). */
MXL_API int mxl_nd_slice(mxl_ndarray h, int64_t begin, int64_t end, mxl_ndarray* out);
/* A view of row idx along axis 0, with that axis dropped (idx may be negative). */
MXL_API int mxl_nd_at(mxl_ndarray h, int64_t idx, mxl_ndarray* out);
/* Host pointer to the first element, after waiting for pending writes (CPU only).
 * Valid while the array lives; used for zero-copy views such as NumPy's. */
MXL_API int mxl_nd_data_ptr(mxl_ndarray h, void** out);

/* Save arrays to fname in MXNet's .params format (readable by MXNet 1.x). names may
 * be NULL (a list) or hold n strings (a dict). Written to a temp file then renamed. */
MXL_API int mxl_nd_save(const char* fname, int n, const mxl_ndarray* arrays,
                        const char** names);
/* Load a file written by mxl_nd_save or by MXNet. *arrays (new handles the caller
 * frees) and *names (NULL for a list) stay valid until the next call on this thread. */
MXL_API int mxl_nd_load(const char* fname, int* n, mxl_ndarray** arrays, const char*** names);

/* Zero-copy export: *out shares the array's memory and keeps it alive until the
 * consumer calls (*out)->deleter(*out). Waits for pending writes first. */
MXL_API int mxl_nd_to_dlpack(mxl_ndarray h, DLManagedTensorVersioned** out);
/* Zero-copy import: the new array uses the tensor's memory and calls its deleter when
 * the last reference is gone. Takes ownership of t on success only. Non-compact strides
 * are rejected. */
MXL_API int mxl_nd_from_dlpack(DLManagedTensorVersioned* t, mxl_ndarray* out);

/* ----------------------------------------------------------------- random */

/* Seed the generator of one device (dev_type -1: every device). Ops pushed after this
 * call draw a reproducible stream per device. */
MXL_API int mxl_random_seed(int64_t seed, int dev_type, int dev_id);

/* -------------------------------------------------------------- operators */

/* All operator names, aliases included, sorted. */
MXL_API int mxl_op_list(int* n, const char*** names);
/* The operator called name (or one of its aliases); MXL_ERR_NOT_FOUND if none. */
MXL_API int mxl_op_find(const char* name, mxl_op* out);

/* Description of an operator. num_inputs is -1 for a variable number of inputs (the
 * count then comes from the parameter named by *key_var_num_args). Parameter types are
 * strings such as "int", "float", "boolean", "Shape(tuple)", "int or None",
 * "{'relu', 'sigmoid'}"; defaults are strings ("" for a required parameter). */
MXL_API int mxl_op_info(mxl_op op, const char** name, const char** doc, int* num_inputs,
                        const char*** input_names, int* num_outputs,
                        const char** key_var_num_args, int* num_params,
                        const char*** param_names, const char*** param_types,
                        const char*** param_defaults, const char*** param_docs);

/* Properties of an operator, as bits of *flags. */
#define MXL_OP_DIFFERENTIABLE 1 /* has a registered gradient                      */
#define MXL_OP_RANDOM 2         /* draws from the device's random generator        */
#define MXL_OP_MUTATES_INPUTS 4 /* writes some inputs (aux states, optimizer state) */
#define MXL_OP_HAS_GPU 8        /* has a CUDA kernel                               */
#define MXL_OP_HIDDEN 16        /* internal (name starts with "_"), e.g. a backward op */
#define MXL_OP_CPU_ONLY 32      /* no CUDA kernel wanted, for a stated reason        */
#define MXL_OP_CUSTOM 64        /* computed by a binding's registered type (Custom, mxl_custom_op_register); any device */
MXL_API int mxl_op_flags(mxl_op op, int* flags);

/* Run an operator on arrays. Parameters travel as strings (MXNet style: "128",
 * "relu", "(3,3)") and are parsed and validated by the core.
 * outputs: an array of *num_outputs slots. A non-NULL slot is an existing array
 * written in place (MXNet's out=); a NULL slot receives a new handle. On return
 * *num_outputs is the operator's output count (MXL_ERR_INVALID_ARGUMENT if the
 * slots were too few). */
MXL_API int mxl_imperative_invoke(mxl_op op, int num_inputs, const mxl_ndarray* inputs,
                                  int num_params, const char** keys, const char** vals,
                                  int* num_outputs, mxl_ndarray* outputs);

/* The same call with its arguments in one struct, for bindings whose foreign-call
 * cost grows with the argument count (Python's cffi in ABI mode, koffi): the
 * struct is filled once and only the changing fields are set per call.
 * num_outputs is in/out exactly as above. Thread-safe like the rest. */
typedef struct mxl_invoke_args {
  mxl_op op;
  int num_inputs;
  const mxl_ndarray* inputs;
  int num_params;
  const char** keys;
  const char** vals;
  int num_outputs;
  mxl_ndarray* outputs;
} mxl_invoke_args;
MXL_API int mxl_imperative_invoke_args(mxl_invoke_args* args);

/* ---------------------------------------------------------------- symbols */
/* A symbol is an immutable graph; functions that "change" one return a new handle.
 * Every returned mxl_symbol is owned by the caller (mxl_symbol_free). */

typedef struct mxl_symbol_t* mxl_symbol;
typedef struct mxl_executor_t* mxl_executor;

/* A free variable (an argument or auxiliary state of a graph). */
MXL_API int mxl_symbol_variable(const char* name, mxl_symbol* out);
/* An operator node whose inputs are given later by mxl_symbol_compose. */
MXL_API int mxl_symbol_create_atomic(mxl_op op, int num_params, const char** keys, const char** vals,
                                     mxl_symbol* out);
/* Fill inputs. For an atomic symbol: args are the op's inputs, by input name when keys
 * is non-NULL, else positional; missing inputs become variables "<name>_<input>". For a
 * graph: args replace free variables by name (keys) or in list_arguments order. name
 * NULL or "": an automatic name from a per-thread counter (e.g. "fullyconnected0"). */
MXL_API int mxl_symbol_compose(mxl_symbol sym, const char* name, int num_args, const char** keys,
                               const mxl_symbol* args, mxl_symbol* out);
/* Frees a symbol handle; graphs composed from it stay valid (they share nodes). */
MXL_API int mxl_symbol_free(mxl_symbol sym);
/* One symbol whose outputs are the outputs of syms, in order (MXNet's Group). */
MXL_API int mxl_symbol_group(int num, const mxl_symbol* syms, mxl_symbol* out);
/* which: MXL_LIST_ARGUMENTS, _OUTPUTS, _AUX, _INPUTS. Names valid until the next call. */
#define MXL_LIST_ARGUMENTS 0
#define MXL_LIST_OUTPUTS 1
#define MXL_LIST_AUX 2
#define MXL_LIST_INPUTS 3
MXL_API int mxl_symbol_list(mxl_symbol sym, int which, int* n, const char*** names);
/* Name of the single head node; *found = 0 for a group with several nodes. */
MXL_API int mxl_symbol_name(mxl_symbol sym, const char** name, int* found);
/* Number of outputs of the symbol (1 for a single op output, more for a group). */
MXL_API int mxl_symbol_num_outputs(mxl_symbol sym, int* n);
MXL_API int mxl_symbol_get_output(mxl_symbol sym, int index, mxl_symbol* out);
MXL_API int mxl_symbol_get_internals(mxl_symbol sym, mxl_symbol* out);
MXL_API int mxl_symbol_get_children(mxl_symbol sym, mxl_symbol* out);
/* Attributes of the head node ("__shape__", "lr_mult", ...). set_attr changes the node in
 * place, as MXNet does. get_attr: *found = 0 when absent. */
MXL_API int mxl_symbol_set_attr(mxl_symbol sym, const char* key, const char* value);
MXL_API int mxl_symbol_get_attr(mxl_symbol sym, const char* key, const char** value, int* found);
/* Attributes as key/value pairs (2 * *n strings). recursive != 0: every node, with keys
 * "<node>$<key>" (operator parameters included, like MXNet's attr_dict). */
MXL_API int mxl_symbol_list_attr(mxl_symbol sym, int recursive, int* n, const char*** pairs);
MXL_API int mxl_symbol_to_json(mxl_symbol sym, const char** json);
MXL_API int mxl_symbol_from_json(const char* json, mxl_symbol* out);
MXL_API int mxl_symbol_save(mxl_symbol sym, const char* fname);  /* temp file + rename */
MXL_API int mxl_symbol_load(const char* fname, mxl_symbol* out);

/* Shape inference from known input shapes: names[i] has shape dims[offset_i ..] of
 * ndims[i] dims (concatenated). For each of arguments, outputs and aux states (in list
 * order) it returns ndims (-1: unknown) and concatenated dims, valid until the next
 * call. *complete = 1 when every shape is known. A contradiction is an MXL_ERR_SHAPE
 * naming the operator and the shapes. */
MXL_API int mxl_symbol_infer_shape(mxl_symbol sym, int num_known, const char** names, const int* ndims,
                                   const int64_t* dims, int* complete,
                                   int* num_args, const int** arg_ndims, const int64_t** arg_dims,
                                   int* num_outs, const int** out_ndims, const int64_t** out_dims,
                                   int* num_aux, const int** aux_ndims, const int64_t** aux_dims);
/* Type inference: dtypes of known inputs; results -1 where unknown. */
MXL_API int mxl_symbol_infer_type(mxl_symbol sym, int num_known, const char** names, const int* dtypes,
                                  int* complete, int* num_args, const int** arg_types, int* num_outs,
                                  const int** out_types, int* num_aux, const int** aux_types);
/* Reset this thread's automatic-name counters (mx.name.NameManager scope). */
MXL_API int mxl_symbol_reset_names(void);

/* -------------------------------------------------------------- executors */

#define MXL_GRAD_NULL 0
#define MXL_GRAD_WRITE 1
#define MXL_GRAD_ADD 3

/* Bind a symbol to arrays: args (list_arguments order), arg_grads (entries may be NULL
 * where grad_reqs[i] is MXL_GRAD_NULL; arg_grads itself may be NULL), aux
 * (list_auxiliary_states order). The executor keeps references to all arrays. */
MXL_API int mxl_executor_bind(mxl_symbol sym, int dev_type, int dev_id, int num_args,
                              const mxl_ndarray* args, const mxl_ndarray* arg_grads, const int* grad_reqs,
                              int num_aux, const mxl_ndarray* aux, mxl_executor* out);
/* Frees the executor; bound arrays stay with their owners, pending work completes. */
MXL_API int mxl_executor_free(mxl_executor ex);
/* Asynchronous: pushes the work and returns. */
MXL_API int mxl_executor_forward(mxl_executor ex, int is_train);
/* head_grads: one per output (entries may be NULL for loss outputs), or num 0. */
MXL_API int mxl_executor_backward(mxl_executor ex, int num, const mxl_ndarray* head_grads);
/* New handles (caller frees) to the output arrays; the arrays stay the same across
 * forward calls. */
MXL_API int mxl_executor_outputs(mxl_executor ex, int* n, mxl_ndarray** outputs);
/* Memory plan figures: bytes of internal buffers after reuse, and without reuse. */
MXL_API int mxl_executor_memory(mxl_executor ex, uint64_t* planned_bytes, uint64_t* naive_bytes);
/* Elementwise fusion on a GPU (docs/gpu.md): the fused kernels made at bind time and
 * the graph nodes they replace; both 0 on the CPU, with MXLITE_FUSION=0, or when
 * fusion is unavailable (debug_str says why). */
MXL_API int mxl_executor_fusion(mxl_executor ex, int* groups, int* nodes);
/* A readable dump of the bound graph and its memory plan (MXNet's debug_str);
 * the string stays valid until the next call on this thread. */
MXL_API int mxl_executor_debug_str(mxl_executor ex, const char** str);

/* --------------------------------------------------------------- autograd */

/* Per-thread flags; prev receives the old value (may be NULL). */
MXL_API int mxl_autograd_set_recording(int on, int* prev);
MXL_API int mxl_autograd_set_training(int on, int* prev);
MXL_API int mxl_autograd_is_recording(int* on);
MXL_API int mxl_autograd_is_training(int* on);
/* attach_grad: gradients of h go into grad (same shape) with grad_req MXL_GRAD_*. */
MXL_API int mxl_autograd_mark_variable(mxl_ndarray h, mxl_ndarray grad, int grad_req);
/* Backward from heads (head_grads entries NULL: ones). With num_vars > 0 the gradients
 * of vars are returned as new handles in grads_out (caller frees) instead of being
 * written to the attached arrays (mx.autograd.grad). */
MXL_API int mxl_autograd_backward(int num_heads, const mxl_ndarray* heads, const mxl_ndarray* head_grads,
                                  int num_vars, const mxl_ndarray* vars, int train, mxl_ndarray* grads_out);

/* Callbacks into the binding (here and in "custom operators" below) return 0 on
 * success; on failure they call mxl_callback_set_error and return non-zero, and the
 * library call that ran them fails with MXL_ERR_INVALID_ARGUMENT and a message that
 * names the function or operator and contains that text. Callbacks run on the thread
 * that made the library call (autograd backward, imperative invoke, executor forward /
 * backward, symbol inference) and may call back into the library. Arrays they receive
 * are new handles owned by the callback (it frees each with mxl_nd_free, now or
 * later); NULL entries stand for arrays that do not exist. */
typedef void (*mxl_free_fn)(void* user);

/* The backward of a recorded function (mx.autograd.Function): ograds are the
 * gradients of its outputs (zeros where none flowed); it writes the gradient of each
 * input into igrads[i], a new array of that input's shape and dtype with undefined
 * contents (write zeros for an input without gradient). */
typedef int (*mxl_function_backward_fn)(void* user, int num_ograds, const mxl_ndarray* ograds,
                                        int num_igrads, const mxl_ndarray* igrads);
/* Records a function that the caller computed with recording paused as one tape node:
 * outputs get tape links to inputs, and backward through them calls backward(user,
 * ...). name appears in error messages. free_user(user) (may be NULL) runs once the
 * tape no longer needs user -- at once when nothing is recorded (not recording, or no
 * input leads to a marked variable). */
MXL_API int mxl_autograd_record_function(const char* name, int num_inputs, const mxl_ndarray* inputs,
                                         int num_outputs, const mxl_ndarray* outputs,
                                         mxl_function_backward_fn backward, mxl_free_fn free_user, void* user);
/* Sets the message of a failing callback (copied); call it before returning non-zero.
 * Never fails. */
MXL_API int mxl_callback_set_error(const char* msg);

/* ---------------------------------------------------------------- kvstore */
/* A KVStore holds named arrays that several devices, and for dist_* several worker
 * processes, push to and pull from (MXNet's KVStore). Types:
 *   "local"       values kept on cpu(0); pushes from any devices are summed there
 *   "device"      values kept on the device of the array given to init
 *   "dist_sync"   as local, and each push is summed over all workers (MPI allreduce)
 *                 before the update, so every worker applies the same update
 *   "dist_async"  a push updates only this worker's copy, at once, with no
 *                 communication; mxl_kvstore_barrier averages every key's value over
 *                 the workers. Optimizer states stay per worker.
 * ("dist" = "dist_sync"; MXNet's "*_device" spellings of the dist types are accepted.)
 * dist_* needs libmxlite_mpi.so (built when CMake finds MPI) and workers started by
 * mpirun; otherwise create fails with MXL_ERR_DEVICE saying which is missing. All
 * workers must make the same kvstore calls in the same order (init, push, barrier);
 * a collective that waits longer than MXLITE_KV_TIMEOUT seconds (default 60) for
 * another worker fails with MXL_ERR_DEVICE naming the key and the rank, and the job
 * is aborted when the process exits.
 *
 * Keys are non-empty strings; bindings pass integer keys in decimal ("3"). Push,
 * pull and pushpull are asynchronous like any other work on arrays: errors of the
 * collectives reach the next wait on the arrays involved. A pull after a push of
 * the same key sees that push. The handle is thread-safe. */

typedef struct mxl_kvstore_t* mxl_kvstore;

/* A new store of the given type; the caller frees it with mxl_kvstore_free. */
MXL_API int mxl_kvstore_create(const char* type, mxl_kvstore* out);
/* Releases the store; pending pushes and pulls complete. */
MXL_API int mxl_kvstore_free(mxl_kvstore kv);
/* The store's type (canonical name, valid for the life of the store), this worker's
 * rank and the number of workers (0 and 1 for local stores). Any may be NULL. */
MXL_API int mxl_kvstore_info(mxl_kvstore kv, const char** type, int* rank, int* num_workers);
/* Initializes num keys, keys[i] with a copy of values[i]. A key given twice, here or
 * in an earlier init, is MXL_ERR_INVALID_ARGUMENT. dist_*: the value of rank 0 is
 * broadcast to every worker. */
MXL_API int mxl_kvstore_init(mxl_kvstore kv, int num, const char** keys, const mxl_ndarray* values);
/* Pushes num (key, value) pairs. Values of the same key are summed (any devices;
 * each must have the key's shape, else MXL_ERR_SHAPE naming the key and both
 * shapes). With an optimizer the sum is the gradient of the key's update; without
 * one it replaces the value. Unknown key: MXL_ERR_NOT_FOUND. */
MXL_API int mxl_kvstore_push(mxl_kvstore kv, int num, const char** keys, const mxl_ndarray* values);
/* Pulls num (key, out) pairs: the key's value is copied into each out (any device or
 * dtype, the key's shape). */
MXL_API int mxl_kvstore_pull(mxl_kvstore kv, int num, const char** keys, const mxl_ndarray* outs);
/* mxl_kvstore_push of the num_push pairs, then mxl_kvstore_pull of the num_pull
 * pairs, checked together before anything is pushed. */
MXL_API int mxl_kvstore_pushpull(mxl_kvstore kv, int num_push, const char** push_keys,
                                 const mxl_ndarray* values, int num_pull, const char** pull_keys,
                                 const mxl_ndarray* outs);
/* Updates are applied in the store by the fused update operator op_name (inputs
 * weight, grad, states...: sgd_update, sgd_mom_update, nag_mom_update, adam_update,
 * rmsprop_update, rmspropalex_update, ftrl_update, signsgd_update, signum_update,
 * ftml_update, _adagrad_update, _adadelta_update, mp_sgd_update, mp_sgd_mom_update,
 * mp_nag_mom_update) with the given parameters (strings, as mxl_imperative_invoke;
 * "lr" may be left to mxl_kvstore_set_optimizer_params). The store creates each
 * key's states at its first update (zeros; float32 for mp_* ops, whose "weight32" is
 * a float32 copy of the weight) and sets ftml_update's "t" to the key's update count.
 * Replaces an earlier optimizer and its states. */
MXL_API int mxl_kvstore_set_optimizer(mxl_kvstore kv, const char* op_name, int num_params,
                                      const char** keys, const char** vals);
/* Changes optimizer parameters from the next update on, states kept: for one key, or
 * for every key when key is NULL or "" (per-key values win over these). This is how a
 * binding passes learning-rate schedules, per-parameter multipliers and Adam's bias
 * correction. An unknown parameter is MXL_ERR_NOT_FOUND. */
MXL_API int mxl_kvstore_set_optimizer_params(mxl_kvstore kv, const char* key, int num_params,
                                             const char** keys, const char** vals);
/* Number of optimizer updates applied to key so far (0 before the first one). */
MXL_API int mxl_kvstore_num_update(mxl_kvstore kv, const char* key, int64_t* out);
/* The initialized keys, in init order; valid until the next call on this thread. */
MXL_API int mxl_kvstore_keys(mxl_kvstore kv, int* n, const char*** keys);
/* Waits for the store's pending work, then, for dist_*, until every worker has
 * reached the barrier (dist_async: then averages every key over the workers). */
MXL_API int mxl_kvstore_barrier(mxl_kvstore kv);
/* Saves the optimizer states and update counts of every key (.params format, temp
 * file + rename). MXL_ERR_INVALID_ARGUMENT without an optimizer. */
MXL_API int mxl_kvstore_save_optimizer_states(mxl_kvstore kv, const char* fname);
/* Loads states saved by mxl_kvstore_save_optimizer_states. The file's optimizer, keys
 * and shapes must match the store's (else an error naming what differs, and the
 * states are left unchanged). */
MXL_API int mxl_kvstore_load_optimizer_states(mxl_kvstore kv, const char* fname);

/* -------------------------------------------------------- custom operators */
/* Operators written in a binding (MXNet's mx.operator.CustomOp / CustomOpProp). A type
 * is registered by name; the registered operator "Custom" (parameter op_type; every
 * other parameter is passed on, as a string) then works in mxl_imperative_invoke
 * (recorded by autograd), in symbols (arguments named by the prop, "<name>_<arg>"
 * variables for missing ones, kept by JSON) and in executors. Per graph node, or per
 * imperative call, the library asks the type for a "prop" (create_prop), and the prop
 * for an operator object (create_operator) at the first forward; the node's backward
 * uses the same operator object. Callback conventions: see mxl_callback_set_error.
 * Forward and backward run on the calling thread, in program order, while the rest
 * of the graph runs asynchronously; the arrays they receive may be read and written
 * with any library function (work on them is ordered before the nodes that follow).
 * Auxiliary states are not supported yet (a prop listing any is an error). */

/* The callbacks of one custom op type (all but the free functions required):
 *  create_prop      a prop for one node: kwargs are the node's parameters without
 *                   op_type; *need_top_grad = 0 when backward does not read the output
 *                   gradients (a loss).
 *  list             names of the prop's arguments, outputs or aux states (which:
 *                   MXL_LIST_ARGUMENTS, MXL_LIST_OUTPUTS, MXL_LIST_AUX); the strings
 *                   must stay valid until the next callback on the same prop.
 *  infer_shape      shapes of arguments, outputs, aux states (num entries, in that
 *                   order; dims has MXL_MAX_NDIM slots per entry): on entry the known
 *                   ones (ndims[i] = -1: unknown), on return all of them. Asked once an
 *                   argument shape is known; while some are unknown a failure only
 *                   means "not yet".
 *  infer_type       dtypes in the same order, in/out like infer_shape (-1: unknown).
 *  create_operator  the operator object for a device and the (known) shapes and dtypes
 *                   of arguments, outputs and aux states, laid out as for infer_shape.
 *  forward          arrays: in_data[num_in], out_data[num_out], aux[num_aux]; reqs: one
 *                   per output (MXL_GRAD_WRITE, MXL_GRAD_ADD, MXL_GRAD_NULL, 2 = in place).
 *  backward         arrays: out_grad[num_out] (NULL entries when need_top_grad is 0),
 *                   in_data[num_in], out_data[num_out], in_grad[num_in], aux[num_aux];
 *                   reqs: one per in_grad.
 *  free_prop / free_op  when the node or call that used the prop / operator is gone.
 *  free_user        when a new registration replaced the type and no node uses it. */
typedef struct mxl_custom_op_fns {
  void* user; /* passed to create_prop */
  int (*create_prop)(void* user, const char* op_type, int num_kwargs, const char** keys,
                     const char** vals, void** prop, int* need_top_grad);
  int (*list)(void* prop, int which, int* n, const char*** names);
  int (*infer_shape)(void* prop, int num, int* ndims, int64_t* dims);
  int (*infer_type)(void* prop, int num, int* dtypes);
  int (*create_operator)(void* prop, int dev_type, int dev_id, int num, const int* ndims,
                         const int64_t* dims, const int* dtypes, void** op);
  int (*forward)(void* op, int is_train, int num_in, int num_out, int num_aux, const mxl_ndarray* arrays,
                 const int* reqs);
  int (*backward)(void* op, int is_train, int num_in, int num_out, int num_aux, const mxl_ndarray* arrays,
                  const int* reqs);
  mxl_free_fn free_prop; /* may be NULL */
  mxl_free_fn free_op;   /* may be NULL */
  mxl_free_fn free_user; /* may be NULL */
} mxl_custom_op_fns;

/* Registers op_type (or replaces it for nodes made from now on); *fns is copied. */
MXL_API int mxl_custom_op_register(const char* op_type, const mxl_custom_op_fns* fns);
/* The registered custom op types, sorted; valid until the next call on this thread. */
MXL_API int mxl_custom_op_list(int* n, const char*** op_types);

/* ------------------------------------------------------------------- misc */

/* Which BLAS the GEMM kernels use ("scipy_openblas", "openblas", ... or "builtin"). */
MXL_API int mxl_blas_info(const char** name);

#ifdef __cplusplus
}
#endif
#endif /* MXLITE_C_API_H_ */
