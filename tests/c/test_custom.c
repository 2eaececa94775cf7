/* Binding-written code through the C ABI only: a custom operator "double" (y = 2x)
 * whose callbacks are plain C, run imperatively, recorded by autograd, and in a bound
 * symbol; a recorded function (y = 3x) with a C backward; failing callbacks; and the
 * release of every prop, operator and user pointer. Prints "N passed, N failed". */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define FAILS_WITH(call, code, frag) \
  do { CHECK((call) == (code)); CHECK(strstr(mxl_last_error(), frag) != NULL); } while (0)

static int props_made = 0, props_freed = 0, ops_made = 0, ops_freed = 0, fn_freed = 0;
static int fail_forward = 0;
static int prop_token, op_token, fn_token;  /* addresses used as the callbacks' objects */

/* (v, v + 1, v + 2, ...) */
static mxl_ndarray vec(int64_t n, float v) {
  mxl_ndarray h = NULL;
  OK(mxl_nd_create(&n, 1, MXL_FLOAT32, MXL_CPU, 0, &h));
  float buf[16];
  for (int64_t i = 0; i < n; ++i) buf[i] = v + (float)i;
  OK(mxl_nd_sync_copy_from(h, buf, (uint64_t)n * 4));
  return h;
}
static float at(mxl_ndarray h, int i) {
  float buf[16];
  int ndim = 0, dt = 0, dv = 0, di = 0;
  int64_t dims[MXL_MAX_NDIM];
  OK(mxl_nd_info(h, &ndim, dims, &dt, &dv, &di));
  OK(mxl_nd_sync_copy_to(h, buf, (uint64_t)dims[0] * 4));
  return buf[i];
}

/* dst = src * factor, through the library (what a binding's callback would do) */
static int scale_into(mxl_ndarray src, mxl_ndarray dst, const char* factor) {
  mxl_op mul = NULL;
  if (mxl_op_find("_mul_scalar", &mul) != MXL_OK) return 1;
  const char* k[] = {"scalar"};
  const char* v[] = {factor};
  int nout = 1;
  mxl_ndarray out[1] = {dst};
  return mxl_imperative_invoke(mul, 1, &src, 1, k, v, &nout, out);
}

/* ---- the custom op's callbacks */
static int create_prop(void* user, const char* op_type, int nk, const char** keys, const char** vals,
                       void** prop, int* need_top_grad) {
  (void)user; (void)op_type; (void)nk; (void)keys; (void)vals;
  ++props_made;
  *prop = &prop_token;
  *need_top_grad = 1;
  return 0;
}
static int list(void* prop, int which, int* n, const char*** names) {
  static const char* args[] = {"data"};
  static const char* outs[] = {"output"};
  (void)prop;
  *n = which == MXL_LIST_AUX ? 0 : 1;
  *names = which == MXL_LIST_ARGUMENTS ? args : outs;
  return 0;
}
static int infer_shape(void* prop, int num, int* ndims, int64_t* dims) {
  (void)prop;
  if (num != 2) return 1;
  ndims[1] = ndims[0];
  for (int d = 0; d < ndims[0]; ++d) dims[MXL_MAX_NDIM + d] = dims[d];
  return 0;
}
static int infer_type(void* prop, int num, int* dtypes) {
  (void)prop;
  for (int i = 1; i < num; ++i) dtypes[i] = dtypes[0];
  return 0;
}
static int create_operator(void* prop, int dev_type, int dev_id, int num, const int* ndims, const int64_t* dims,
                           const int* dtypes, void** op) {
  (void)prop; (void)dev_id; (void)ndims; (void)dims; (void)dtypes;
  if (dev_type != MXL_CPU || num != 2) return 1;
  ++ops_made;
  *op = &op_token;
  return 0;
}
static void free_arrays(int n, const mxl_ndarray* a) {
  for (int i = 0; i < n; ++i)
    if (a[i]) mxl_nd_free(a[i]);
}
static int forward(void* op, int is_train, int nin, int nout, int naux, const mxl_ndarray* arrays, const int* reqs) {
  (void)op; (void)is_train;
  int rc = 1;
  if (fail_forward) mxl_callback_set_error("double: forward refused on purpose");
  else if (nin == 1 && nout == 1 && naux == 0 && reqs[0] == MXL_GRAD_WRITE) rc = scale_into(arrays[0], arrays[1], "2");
  free_arrays(nin + nout + naux, arrays);
  return rc;
}
static int backward(void* op, int is_train, int nin, int nout, int naux, const mxl_ndarray* arrays, const int* reqs) {
  (void)op; (void)is_train; (void)reqs;
  /* out_grad[1], in_data[1], out_data[1], in_grad[1] */
  int rc = scale_into(arrays[0], arrays[3], "2");
  free_arrays(2 * nout + 2 * nin + naux, arrays);
  return rc;
}
static void free_prop(void* p) { props_freed += p == &prop_token; }
static void free_op(void* p) { ops_freed += p == &op_token; }

/* ---- the recorded function's backward: igrad = 3 * ograd */
static int fn_backward(void* user, int nog, const mxl_ndarray* og, int nig, const mxl_ndarray* ig) {
  int rc = user == &fn_token && nog == 1 && nig == 1 ? scale_into(og[0], ig[0], "3") : 1;
  free_arrays(nog, og);
  free_arrays(nig, ig);
  return rc;
}
static void fn_free(void* user) { fn_freed += user == &fn_token; }

int main(void) {
  CHECK(mxl_version() == MXL_ABI_VERSION);
  CHECK(MXL_ABI_VERSION_MINOR >= 2);

  mxl_custom_op_fns fns;
  memset(&fns, 0, sizeof fns);
  fns.create_prop = create_prop;
  fns.list = list;
  fns.infer_shape = infer_shape;
  fns.infer_type = infer_type;
  fns.create_operator = create_operator;
  fns.forward = forward;
  fns.backward = backward;
  fns.free_prop = free_prop;
  fns.free_op = free_op;
  OK(mxl_custom_op_register("double", &fns));
  int ntypes = 0;
  const char** types = NULL;
  OK(mxl_custom_op_list(&ntypes, &types));
  int found = 0;
  for (int i = 0; i < ntypes; ++i) found |= strcmp(types[i], "double") == 0;
  CHECK(found);

  mxl_op custom = NULL;
  OK(mxl_op_find("Custom", &custom));
  const char* k[] = {"op_type"};
  const char* v[] = {"double"};

  /* --- imperative, recorded by autograd */
  mxl_ndarray x = vec(3, 1.0f), gx = vec(3, 0.0f);
  OK(mxl_autograd_mark_variable(x, gx, MXL_GRAD_WRITE));
  OK(mxl_autograd_set_recording(1, NULL));
  mxl_ndarray y[1] = {NULL};
  int nout = 1;
  OK(mxl_imperative_invoke(custom, 1, &x, 1, k, v, &nout, y));
  OK(mxl_autograd_set_recording(0, NULL));
  CHECK(nout == 1 && at(y[0], 0) == 2.0f && at(y[0], 2) == 6.0f);
  OK(mxl_autograd_backward(1, y, NULL, 0, NULL, 1, NULL));
  CHECK(at(gx, 0) == 2.0f && at(gx, 2) == 2.0f);
  OK(mxl_nd_free(y[0]));
  CHECK(props_made >= 1 && ops_made == 1 && ops_freed == 1 && props_freed == props_made);

  /* --- in a bound symbol: forward and backward nodes call the callbacks */
  mxl_symbol var = NULL, atom = NULL, net = NULL;
  OK(mxl_symbol_variable("x", &var));
  OK(mxl_symbol_create_atomic(custom, 1, k, v, &atom));
  OK(mxl_symbol_compose(atom, "dbl", 1, NULL, &var, &net));
  int nargs = 0;
  const char** names = NULL;
  OK(mxl_symbol_list(net, MXL_LIST_OUTPUTS, &nargs, &names));
  CHECK(nargs == 1 && strcmp(names[0], "dbl_output") == 0);
  mxl_ndarray gsym = vec(3, 0.0f), head = vec(3, 1.0f);
  int req = MXL_GRAD_WRITE;
  mxl_executor ex = NULL;
  OK(mxl_executor_bind(net, MXL_CPU, 0, 1, &x, &gsym, &req, 0, NULL, &ex));
  OK(mxl_executor_forward(ex, 1));
  OK(mxl_executor_backward(ex, 1, &head));
  int nouts = 0;
  mxl_ndarray* outs = NULL;
  OK(mxl_executor_outputs(ex, &nouts, &outs));
  CHECK(nouts == 1 && at(outs[0], 1) == 4.0f);
  CHECK(at(gsym, 0) == 2.0f && at(gsym, 2) == 6.0f);  /* 2 * head, head = (1, 2, 3) */
  OK(mxl_nd_free(outs[0]));
  OK(mxl_executor_free(ex));
  OK(mxl_waitall());
  OK(mxl_symbol_free(net));
  OK(mxl_symbol_free(atom));
  OK(mxl_symbol_free(var));
  CHECK(ops_made == 2 && ops_freed == 2 && props_freed == props_made);

  /* --- failing callback and unknown type */
  fail_forward = 1;
  nout = 1;
  y[0] = NULL;
  FAILS_WITH(mxl_imperative_invoke(custom, 1, &x, 1, k, v, &nout, y), MXL_ERR_INVALID_ARGUMENT,
             "Custom operator 'double' forward: double: forward refused on purpose");
  fail_forward = 0;
  const char* v2[] = {"triple"};
  nout = 1;
  FAILS_WITH(mxl_imperative_invoke(custom, 1, &x, 1, k, v2, &nout, y), MXL_ERR_NOT_FOUND,
             "op_type 'triple' is not registered");

  /* --- a recorded function: y = 3x computed by the caller, backward by callback */
  mxl_ndarray fy = vec(3, 0.0f);
  OK(scale_into(x, fy, "3"));
  OK(mxl_autograd_set_recording(1, NULL));
  OK(mxl_autograd_record_function("triple", 1, &x, 1, &fy, fn_backward, fn_free, &fn_token));
  OK(mxl_autograd_set_recording(0, NULL));
  CHECK(fn_freed == 0);
  OK(mxl_autograd_backward(1, &fy, NULL, 0, NULL, 1, NULL));
  CHECK(at(gx, 0) == 3.0f && at(gx, 2) == 3.0f);
  OK(mxl_nd_free(fy));
  CHECK(fn_freed == 1);  /* the tape went with its last output */
  /* not recording: nothing is recorded and user is released at once */
  mxl_ndarray fz = vec(3, 0.0f);
  OK(mxl_autograd_record_function("triple", 1, &x, 1, &fz, fn_backward, fn_free, &fn_token));
  CHECK(fn_freed == 2);
  FAILS_WITH(mxl_autograd_record_function("bad", 1, &x, 0, NULL, fn_backward, fn_free, &fn_token),
             MXL_ERR_INVALID_ARGUMENT, "bad input or output list");
  CHECK(fn_freed == 3);
  OK(mxl_nd_free(fz));

  OK(mxl_nd_free(x));
  OK(mxl_nd_free(gx));
  OK(mxl_nd_free(gsym));
  OK(mxl_nd_free(head));
  OK(mxl_waitall());
  printf("test_custom: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
