/* KVStore through the C ABI only (mxlite/c_api.h): local and device stores, summed
 * pushes, pulls to several arrays, optimizer updates in the store, per-key
 * parameters, saved and reloaded states, and every error path (bad handles, unknown
 * keys, shapes, optimizers, files) returning a code and a message naming the key.
 * dist_* outside mpirun must fail with MXL_ERR_DEVICE. Prints "N passed, N failed". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

#define FAILS_WITH(call, code, frag) \
  do { CHECK((call) == (code)); CHECK(strstr(mxl_last_error(), frag) != NULL); } while (0)

static mxl_ndarray filled(int64_t n, float v) {
  mxl_ndarray h = NULL;
  OK(mxl_nd_create(&n, 1, MXL_FLOAT32, MXL_CPU, 0, &h));
  float* buf = malloc((size_t)n * sizeof(float));
  for (int64_t i = 0; i < n; ++i) buf[i] = v;
  OK(mxl_nd_sync_copy_from(h, buf, (uint64_t)n * 4));
  free(buf);
  return h;
}

/* The first element of a 1-d float array after all pending work on it. */
static float first(mxl_ndarray h) {
  int ndim = 0, dtype = 0, dt = 0, di = 0;
  int64_t dims[MXL_MAX_NDIM];
  OK(mxl_nd_info(h, &ndim, dims, &dtype, &dt, &di));
  float* buf = malloc((size_t)dims[0] * sizeof(float));
  OK(mxl_nd_sync_copy_to(h, buf, (uint64_t)dims[0] * 4));
  float v = buf[0];
  free(buf);
  return v;
}

static int close_to(float a, float b) { return fabsf(a - b) <= 1e-5f * (1.0f + fabsf(b)); }

int main(void) {
  CHECK(mxl_version() == MXL_ABI_VERSION);
  CHECK(MXL_ABI_VERSION_MINOR >= 1);

  /* --- create, info, free */
  mxl_kvstore kv = NULL;
  OK(mxl_kvstore_create("local", &kv));
  const char* type = NULL;
  int rank = -1, nw = -1;
  OK(mxl_kvstore_info(kv, &type, &rank, &nw));
  CHECK(type && strcmp(type, "local") == 0);
  CHECK(rank == 0 && nw == 1);
  mxl_kvstore bad = NULL;
  FAILS_WITH(mxl_kvstore_create("nope", &bad), MXL_ERR_INVALID_ARGUMENT, "'nope'");
  FAILS_WITH(mxl_kvstore_create(NULL, &bad), MXL_ERR_INVALID_ARGUMENT, "type is NULL");
  /* dist_* outside mpirun: a clear device error, not a hang or a singleton MPI job */
  unsetenv("OMPI_COMM_WORLD_SIZE");
  FAILS_WITH(mxl_kvstore_create("dist_sync", &bad), MXL_ERR_DEVICE, "mpirun");

  /* --- init, push (summed), pull (to several arrays) */
  const char* k3[] = {"3"};
  mxl_ndarray w = filled(4, 1.0f);
  OK(mxl_kvstore_init(kv, 1, k3, &w));
  FAILS_WITH(mxl_kvstore_init(kv, 1, k3, &w), MXL_ERR_INVALID_ARGUMENT, "duplicate init of key '3'");
  const char* k33[] = {"3", "3"};
  mxl_ndarray two[2] = {filled(4, 2.0f), filled(4, 3.0f)};
  OK(mxl_kvstore_push(kv, 2, k33, two));
  mxl_ndarray outs[2] = {filled(4, 0.0f), filled(4, 0.0f)};
  OK(mxl_kvstore_pull(kv, 2, k33, outs));
  CHECK(close_to(first(outs[0]), 5.0f) && close_to(first(outs[1]), 5.0f));

  /* several keys in one call, pushpull */
  const char* kab[] = {"a", "b"};
  mxl_ndarray ab[2] = {filled(2, 1.0f), filled(3, 1.0f)};
  OK(mxl_kvstore_init(kv, 2, kab, ab));
  mxl_ndarray abv[2] = {filled(2, 7.0f), filled(3, 8.0f)};
  mxl_ndarray abo[2] = {filled(2, 0.0f), filled(3, 0.0f)};
  OK(mxl_kvstore_pushpull(kv, 2, kab, abv, 2, kab, abo));
  CHECK(close_to(first(abo[0]), 7.0f) && close_to(first(abo[1]), 8.0f));
  int nkeys = 0;
  const char** keys = NULL;
  OK(mxl_kvstore_keys(kv, &nkeys, &keys));
  CHECK(nkeys == 3 && strcmp(keys[0], "3") == 0 && strcmp(keys[2], "b") == 0);

  /* --- errors: unknown key, shape, NULLs, freed arrays, bad handles */
  const char* k9[] = {"9"};
  FAILS_WITH(mxl_kvstore_push(kv, 1, k9, &w), MXL_ERR_NOT_FOUND, "key '9' has not been initialized");
  FAILS_WITH(mxl_kvstore_pull(kv, 1, k9, &w), MXL_ERR_NOT_FOUND, "key '9'");
  mxl_ndarray wrong = filled(5, 1.0f);
  FAILS_WITH(mxl_kvstore_push(kv, 1, k3, &wrong), MXL_ERR_SHAPE, "has shape (5,) but the key was initialized with shape (4,)");
  FAILS_WITH(mxl_kvstore_pull(kv, 1, k3, &wrong), MXL_ERR_SHAPE, "key '3'");
  /* pushpull checks the pull side before pushing: the value is unchanged */
  FAILS_WITH(mxl_kvstore_pushpull(kv, 1, k3, &two[0], 1, k3, &wrong), MXL_ERR_SHAPE, "key '3'");
  OK(mxl_kvstore_pull(kv, 1, k3, &outs[0]));
  CHECK(close_to(first(outs[0]), 5.0f));
  FAILS_WITH(mxl_kvstore_push(kv, 1, NULL, &w), MXL_ERR_INVALID_ARGUMENT, "NULL");
  const char* knull[] = {NULL};
  FAILS_WITH(mxl_kvstore_push(kv, 1, knull, &w), MXL_ERR_INVALID_ARGUMENT, "key 0 is NULL");
  const char* kempty[] = {""};
  FAILS_WITH(mxl_kvstore_init(kv, 1, kempty, &w), MXL_ERR_INVALID_ARGUMENT, "empty");
  mxl_ndarray gone = filled(4, 1.0f);
  OK(mxl_nd_free(gone));
  FAILS_WITH(mxl_kvstore_push(kv, 1, k3, &gone), MXL_ERR_INVALID_HANDLE, "key '3'");
  FAILS_WITH(mxl_kvstore_push(NULL, 1, k3, &w), MXL_ERR_INVALID_HANDLE, "NULL");
  FAILS_WITH(mxl_kvstore_push((mxl_kvstore)&passed, 1, k3, &w), MXL_ERR_INVALID_HANDLE, "not a live");

  /* --- optimizer in the store: sgd_mom_update, per-key lr */
  const char* none_k[] = {"momentum"};
  const char* none_v[] = {"0.5"};
  FAILS_WITH(mxl_kvstore_save_optimizer_states(kv, "/tmp/x"), MXL_ERR_INVALID_ARGUMENT, "no optimizer");
  FAILS_WITH(mxl_kvstore_set_optimizer(kv, "relu", 0, NULL, NULL), MXL_ERR_INVALID_ARGUMENT, "not a fused update op");
  FAILS_WITH(mxl_kvstore_set_optimizer(kv, "no_such_op", 0, NULL, NULL), MXL_ERR_NOT_FOUND, "no_such_op");
  const char* badp_k[] = {"momentum"};
  const char* badp_v[] = {"lots"};
  FAILS_WITH(mxl_kvstore_set_optimizer(kv, "sgd_mom_update", 1, badp_k, badp_v), MXL_ERR_INVALID_ARGUMENT, "momentum");
  OK(mxl_kvstore_set_optimizer(kv, "sgd_mom_update", 1, none_k, none_v));
  const char* lr_k[] = {"lr"};
  const char* lr_v[] = {"0.1"};
  OK(mxl_kvstore_set_optimizer_params(kv, NULL, 1, lr_k, lr_v));
  const char* nope_k[] = {"beta1"};
  FAILS_WITH(mxl_kvstore_set_optimizer_params(kv, NULL, 1, nope_k, lr_v), MXL_ERR_NOT_FOUND, "beta1");
  FAILS_WITH(mxl_kvstore_set_optimizer_params(kv, "9", 1, lr_k, lr_v), MXL_ERR_NOT_FOUND, "key '9'");
  /* weight 5, grad 1: mom = -0.1, w = 4.9; then mom = 0.5*-0.1 - 0.1 = -0.15, w = 4.75 */
  mxl_ndarray g = filled(4, 1.0f);
  OK(mxl_kvstore_push(kv, 1, k3, &g));
  OK(mxl_kvstore_pull(kv, 1, k3, &outs[0]));
  CHECK(close_to(first(outs[0]), 4.9f));
  OK(mxl_kvstore_save_optimizer_states(kv, "/tmp/mxl_test_kvstore.states"));
  OK(mxl_kvstore_push(kv, 1, k3, &g));
  OK(mxl_kvstore_pull(kv, 1, k3, &outs[0]));
  CHECK(close_to(first(outs[0]), 4.75f));
  int64_t nu = 0;
  OK(mxl_kvstore_num_update(kv, "3", &nu));
  CHECK(nu == 2);
  /* a per-key lr wins over the global one */
  const char* lr2_v[] = {"1.0"};
  OK(mxl_kvstore_set_optimizer_params(kv, "a", 1, lr_k, lr2_v));
  const char* ka[] = {"a"};
  mxl_ndarray ga = filled(2, 1.0f);
  OK(mxl_kvstore_push(kv, 1, ka, &ga));
  OK(mxl_kvstore_pull(kv, 1, ka, &abo[0]));
  CHECK(close_to(first(abo[0]), 6.0f));  /* 7 - 1.0 * 1 */

  /* states reload: back to the state after one update (mom -0.1), next update from
   * the current weight 4.75: mom = -0.05 - 0.1 = -0.15, w = 4.6 */
  OK(mxl_kvstore_load_optimizer_states(kv, "/tmp/mxl_test_kvstore.states"));
  OK(mxl_kvstore_num_update(kv, "3", &nu));
  CHECK(nu == 1);
  OK(mxl_kvstore_push(kv, 1, k3, &g));
  OK(mxl_kvstore_pull(kv, 1, k3, &outs[0]));
  CHECK(close_to(first(outs[0]), 4.6f));
  FAILS_WITH(mxl_kvstore_load_optimizer_states(kv, "/tmp/no/such/file"), MXL_ERR_IO, "/tmp/no/such/file");
  /* states of another optimizer are refused */
  mxl_kvstore kv2 = NULL;
  OK(mxl_kvstore_create("local", &kv2));
  OK(mxl_kvstore_init(kv2, 1, k3, &w));
  OK(mxl_kvstore_set_optimizer(kv2, "adam_update", 1, lr_k, lr_v));
  FAILS_WITH(mxl_kvstore_load_optimizer_states(kv2, "/tmp/mxl_test_kvstore.states"), MXL_ERR_INVALID_ARGUMENT,
             "sgd_mom_update");
  /* a key of another shape is refused, naming the key and both shapes */
  mxl_kvstore kv3 = NULL;
  OK(mxl_kvstore_create("local", &kv3));
  mxl_ndarray w5 = filled(5, 1.0f);
  OK(mxl_kvstore_init(kv3, 1, k3, &w5));
  OK(mxl_kvstore_set_optimizer(kv3, "sgd_mom_update", 1, lr_k, lr_v));
  FAILS_WITH(mxl_kvstore_load_optimizer_states(kv3, "/tmp/mxl_test_kvstore.states"), MXL_ERR_SHAPE,
             "key '3': state 'mom' has shape (4,) but the key has shape (5,)");
  unlink("/tmp/mxl_test_kvstore.states");

  /* --- "device": the value stays on the init array's device (cpu(1) here) */
  mxl_kvstore dev = NULL;
  OK(mxl_kvstore_create("device", &dev));
  int64_t n2 = 2;
  mxl_ndarray on1 = NULL;
  OK(mxl_nd_create(&n2, 1, MXL_FLOAT32, MXL_CPU, 1, &on1));
  float ones[2] = {1, 1};
  OK(mxl_nd_sync_copy_from(on1, ones, 8));
  const char* kd[] = {"d"};
  OK(mxl_kvstore_init(dev, 1, kd, &on1));
  mxl_ndarray mixed[2] = {filled(2, 1.0f), on1}; /* cpu(0) + cpu(1) */
  const char* kdd[] = {"d", "d"};
  OK(mxl_kvstore_push(dev, 2, kdd, mixed));
  mxl_ndarray dout = filled(2, 0.0f);
  OK(mxl_kvstore_pull(dev, 1, kd, &dout));
  CHECK(close_to(first(dout), 2.0f));

  /* --- free exactly once */
  OK(mxl_kvstore_free(dev));
  FAILS_WITH(mxl_kvstore_free(dev), MXL_ERR_INVALID_HANDLE, "double free");
  FAILS_WITH(mxl_kvstore_info(dev, &type, &rank, &nw), MXL_ERR_INVALID_HANDLE, "not a live");
  OK(mxl_kvstore_free(kv3));
  OK(mxl_kvstore_free(kv2));
  OK(mxl_kvstore_free(kv));
  OK(mxl_waitall());

  printf("kvstore (C ABI): %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
