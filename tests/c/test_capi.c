/* C API test: uses only mxlite/c_api.h. Creates arrays, invokes operators by name,
 * reads results back and provokes errors, checking each returns a code and a
 * message -- never a crash. Prints "N passed, N failed". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"


static mxl_ndarray make(const int64_t* shape, int ndim, const float* data) {
  mxl_ndarray h = NULL;
  OK(mxl_nd_create(shape, ndim, MXL_FLOAT32, MXL_CPU, 0, &h));
  int64_t n = 1;
  for (int i = 0; i < ndim; ++i) n *= shape[i];
  if (data) OK(mxl_nd_sync_copy_from(h, data, (uint64_t)n * 4));
  return h;
}

static mxl_ndarray call1(const char* op, int nin, mxl_ndarray* in, int np, const char** k, const char** v) {
  mxl_op o = NULL;
  OK(mxl_op_find(op, &o));
  mxl_ndarray out[4] = {NULL, NULL, NULL, NULL};
  int nout = 4;
  OK(mxl_imperative_invoke(o, nin, in, np, k, v, &nout, out));
  return out[0];
}

static int contains(const char* s, const char* frag) { return strstr(s, frag) != NULL; }

int main(void) {
  /* version */
  CHECK(mxl_version() / 10000 == MXL_ABI_VERSION_MAJOR);

  /* create, copy in/out, info */
  int64_t shape[2] = {2, 3};
  float a_data[6] = {1, 2, 3, 4, 5, 6}, b_data[6] = {10, 20, 30, 40, 50, 60}, out[6];
  mxl_ndarray a = make(shape, 2, a_data), b = make(shape, 2, b_data);
  int ndim, dtype, dev_type, dev_id;
  int64_t dims[MXL_MAX_NDIM];
  OK(mxl_nd_info(a, &ndim, dims, &dtype, &dev_type, &dev_id));
  CHECK(ndim == 2 && dims[0] == 2 && dims[1] == 3 && dtype == MXL_FLOAT32 && dev_type == MXL_CPU);

  /* invoke by name */
  mxl_ndarray ab[2] = {a, b};
  mxl_ndarray c = call1("elemwise_add", 2, ab, 0, NULL, NULL);
  OK(mxl_nd_sync_copy_to(c, out, sizeof(out)));
  CHECK(out[0] == 11 && out[5] == 66);
  const char* sk[1] = {"scalar"};
  const char* sv[1] = {"0.5"};
  mxl_ndarray d = call1("_mul_scalar", 1, &c, 1, sk, sv);
  OK(mxl_nd_sync_copy_to(d, out, sizeof(out)));
  CHECK(out[0] == 5.5f && out[5] == 33.f);
  const char* rk[1] = {"axis"};
  const char* rv[1] = {"1"};
  mxl_ndarray s = call1("sum", 1, &a, 1, rk, rv);
  float sums[2];
  OK(mxl_nd_sync_copy_to(s, sums, sizeof(sums)));
  CHECK(sums[0] == 6 && sums[1] == 15);

  /* out= writes an existing array */
  mxl_op add;
  OK(mxl_op_find("elemwise_add", &add));
  int nout = 1;
  mxl_ndarray dst[1] = {a};
  OK(mxl_imperative_invoke(add, 2, ab, 0, NULL, NULL, &nout, dst));
  OK(mxl_nd_sync_copy_to(a, out, sizeof(out)));
  CHECK(dst[0] == a && out[0] == 11);

  /* the one-struct form of the same call */
  mxl_ndarray got[1] = {NULL};
  mxl_invoke_args call = {add, 2, ab, 0, NULL, NULL, 1, got};
  OK(mxl_imperative_invoke_args(&call));
  OK(mxl_nd_sync_copy_to(got[0], out, sizeof(out)));
  CHECK(call.num_outputs == 1 && out[0] == 21 && out[5] == 126);
  OK(mxl_nd_free(got[0]));
  CHECK(mxl_imperative_invoke_args(NULL) == MXL_ERR_INVALID_ARGUMENT && contains(mxl_last_error(), "NULL"));
  call.num_outputs = 0;
  CHECK(mxl_imperative_invoke_args(&call) == MXL_ERR_INVALID_ARGUMENT && contains(mxl_last_error(), "slots"));

  /* views: reshape with codes, slice, at */
  int64_t rs[2] = {-1, 2};
  mxl_ndarray r;
  OK(mxl_nd_reshape(b, rs, 2, 0, &r));
  OK(mxl_nd_info(r, &ndim, dims, NULL, NULL, NULL));
  CHECK(ndim == 2 && dims[0] == 3 && dims[1] == 2);
  mxl_ndarray row;
  OK(mxl_nd_at(b, 1, &row));
  float row_data[3];
  OK(mxl_nd_sync_copy_to(row, row_data, sizeof(row_data)));
  CHECK(row_data[0] == 40 && row_data[2] == 60);

  /* op introspection */
  int nops = 0;
  const char** names;
  OK(mxl_op_list(&nops, &names));
  CHECK(nops > 50);
  mxl_op fc;
  const char *name, *doc, *key;
  int nin, nouts, np;
  const char **inames, **pnames, **ptypes, **pdefs, **pdocs;
  OK(mxl_op_find("sum", &fc));
  OK(mxl_op_info(fc, &name, &doc, &nin, &inames, &nouts, &key, &np, &pnames, &ptypes, &pdefs, &pdocs));
  CHECK(strcmp(name, "sum") == 0 && nin == 1 && np >= 2);

  /* errors: code + message, no crash */
  mxl_op bad;
  CHECK(mxl_op_find("no_such_op", &bad) == MXL_ERR_NOT_FOUND && contains(mxl_last_error(), "no_such_op"));
  CHECK(mxl_last_error_code() == MXL_ERR_NOT_FOUND);
  const char* bk[1] = {"axis_typo"};
  mxl_op sum_op;
  OK(mxl_op_find("sum", &sum_op));
  mxl_ndarray o1[1] = {NULL};
  nout = 1;
  CHECK(mxl_imperative_invoke(sum_op, 1, &a, 1, bk, rv, &nout, o1) == MXL_ERR_NOT_FOUND &&
        contains(mxl_last_error(), "axis_typo"));
  const char* badv[1] = {"(1,x)"};
  nout = 1;
  CHECK(mxl_imperative_invoke(sum_op, 1, &a, 1, rk, badv, &nout, o1) == MXL_ERR_INVALID_ARGUMENT &&
        contains(mxl_last_error(), "axis"));
  int64_t shape3[1] = {4};
  mxl_ndarray e = make(shape3, 1, NULL);
  mxl_ndarray ae[2] = {a, e};
  nout = 1;
  o1[0] = NULL;
  CHECK(mxl_imperative_invoke(add, 2, ae, 0, NULL, NULL, &nout, o1) == MXL_ERR_SHAPE &&
        contains(mxl_last_error(), "(4,)"));
  mxl_ndarray f = make(shape, 2, a_data);
  OK(mxl_nd_free(f));
  CHECK(mxl_nd_info(f, &ndim, dims, NULL, NULL, NULL) == MXL_ERR_INVALID_HANDLE);
  CHECK(mxl_nd_free(f) == MXL_ERR_INVALID_HANDLE);
  CHECK(mxl_nd_free(NULL) == MXL_ERR_INVALID_HANDLE);
  CHECK(mxl_nd_create(shape, 2, 99, MXL_CPU, 0, &f) == MXL_ERR_DTYPE);
  CHECK(mxl_nd_create(shape, 2, MXL_FLOAT32, MXL_GPU, 999, &f) == MXL_ERR_DEVICE);  /* no machine has gpu(999) */
  CHECK(mxl_nd_sync_copy_to(a, out, 5) == MXL_ERR_INVALID_ARGUMENT);

  /* integer division by zero is raised at the wait, and the engine goes on */
  int64_t one = 1;
  mxl_ndarray ia, ib;
  OK(mxl_nd_create(&one, 1, MXL_INT32, MXL_CPU, 0, &ia));
  OK(mxl_nd_create(&one, 1, MXL_INT32, MXL_CPU, 0, &ib));
  int32_t iv = 7, zero = 0, ires = 0;
  OK(mxl_nd_sync_copy_from(ia, &iv, 4));
  OK(mxl_nd_sync_copy_from(ib, &zero, 4));
  mxl_op div;
  OK(mxl_op_find("elemwise_div", &div));
  mxl_ndarray iab[2] = {ia, ib}, q[1] = {NULL};
  nout = 1;
  OK(mxl_imperative_invoke(div, 2, iab, 0, NULL, NULL, &nout, q));
  CHECK(mxl_nd_sync_copy_to(q[0], &ires, 4) == MXL_ERR_ARITHMETIC && contains(mxl_last_error(), "division by zero"));
  OK(mxl_waitall());
  OK(mxl_nd_sync_copy_to(c, out, sizeof(out)));

  /* save / load round trip, and errors naming the file */
  char path[64];
  snprintf(path, sizeof(path), "/tmp/mxlite_capi_%d.params", (int)getpid());
  const char* nm[2] = {"a", "b"};
  mxl_ndarray sv2[2] = {a, b};
  OK(mxl_nd_save(path, 2, sv2, nm));
  int nl = 0;
  mxl_ndarray* loaded;
  const char** lnames;
  OK(mxl_nd_load(path, &nl, &loaded, &lnames));
  CHECK(nl == 2 && lnames && strcmp(lnames[1], "b") == 0);
  mxl_ndarray l0 = loaded[0], l1 = loaded[1];
  OK(mxl_nd_sync_copy_to(l1, out, sizeof(out)));
  CHECK(out[3] == 40);
  OK(mxl_nd_free(l0));
  OK(mxl_nd_free(l1));
  FILE* fp = fopen(path, "r+b");
  CHECK(fp != NULL);
  if (fp) { ftruncate(fileno(fp), 40); fclose(fp); }
  CHECK(mxl_nd_load(path, &nl, &loaded, &lnames) == MXL_ERR_IO && contains(mxl_last_error(), path));
  CHECK(mxl_nd_load("/nonexistent/x.params", &nl, &loaded, &lnames) == MXL_ERR_IO &&
        contains(mxl_last_error(), "/nonexistent/x.params"));
  remove(path);

  /* DLPack round trip shares memory */
  DLManagedTensorVersioned* t = NULL;
  OK(mxl_nd_to_dlpack(b, &t));
  CHECK(t && t->dl_tensor.ndim == 2 && t->dl_tensor.shape[1] == 3 && t->dl_tensor.dtype.code == 2);
  mxl_ndarray back;
  OK(mxl_nd_from_dlpack(t, &back));
  void *p1, *p2;
  OK(mxl_nd_data_ptr(b, &p1));
  OK(mxl_nd_data_ptr(back, &p2));
  CHECK(p1 == p2);
  OK(mxl_nd_free(back));

  /* storage stats move with allocation */
  uint64_t in_use = 0, peak = 0, pooled = 0;
  OK(mxl_storage_stats(MXL_CPU, 0, &in_use, &peak, &pooled));
  CHECK(in_use > 0 && peak >= in_use);
  const char* blas;
  OK(mxl_blas_info(&blas));
  printf("blas: %s\n", blas);

  /* A freed handle's address is not given to the next handle: a double free of it is
   * an error, and the handles made right after stay intact. */
  {
    mxl_symbol gone, next[8];
    OK(mxl_symbol_variable("gone", &gone));
    OK(mxl_symbol_free(gone));
    for (int i = 0; i < 8; ++i) OK(mxl_symbol_variable("next", &next[i]));
    CHECK(mxl_symbol_free(gone) == MXL_ERR_INVALID_HANDLE && contains(mxl_last_error(), "double free"));
    int64_t one = 1;
    mxl_ndarray old_arr = make(&one, 1, a_data), fresh[8];
    OK(mxl_nd_free(old_arr));
    for (int i = 0; i < 8; ++i) fresh[i] = make(&one, 1, a_data);
    CHECK(mxl_nd_info(old_arr, &ndim, dims, &dtype, &dev_type, &dev_id) == MXL_ERR_INVALID_HANDLE);
    for (int i = 0; i < 8; ++i) {
      OK(mxl_symbol_free(next[i]));
      OK(mxl_nd_free(fresh[i]));
    }
  }

  mxl_ndarray all[] = {a, b, c, d, s, r, row, e, ia, ib, q[0]};
  for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); ++i) OK(mxl_nd_free(all[i]));
  OK(mxl_waitall());
  printf("capi: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
