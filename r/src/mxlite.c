/*
 * .Call glue between R and mxlite's C ABI (mxlite/c_api.h, nothing else).
 *
 * Objects: an NDArray, Symbol, Executor or KVStore is an R external pointer tagged with
 * its kind and carrying an R class ("MXNDArray", "MXSymbol", "MXExecutorHandle",
 * "MXKVStoreHandle"). Each
 * handle is freed by a C finalizer registered when it is wrapped, or earlier by an
 * explicit free (which clears the pointer, so a freed object is an R error, not a crash).
 *
 * Errors: every ABI status is checked; a failure becomes an R condition of class
 * c("mxlite.error", "error", "condition") carrying the core's message, its code and
 * the code's name (see mx_raise). Temporaries are allocated with R_alloc, which R
 * reclaims when the .Call unwinds, and new handles are wrapped (and thus owned by the
 * garbage collector) immediately, so the longjmp of an R error never leaks or skips
 * cleanup.
 *
 * Shapes here are always the C ABI's (row-major); the R code reverses them for R's
 * column-major view. The memory is the same, so data is copied without transposing.
 */
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <stdint.h>
#include <string.h>
#include <limits.h>
#include <math.h>

#include <mxlite/c_api.h>

static SEXP tag_nd, tag_sym, tag_exec, tag_op, tag_kv;
static SEXP class_nd, class_sym, class_exec, class_op, class_kv;

/* ------------------------------------------------------------------ errors */

static const char* code_name(int code) {
  switch (code) {
    case MXL_ERR_INVALID_ARGUMENT: return "MXL_ERR_INVALID_ARGUMENT";
    case MXL_ERR_SHAPE: return "MXL_ERR_SHAPE";
    case MXL_ERR_DTYPE: return "MXL_ERR_DTYPE";
    case MXL_ERR_NOT_FOUND: return "MXL_ERR_NOT_FOUND";
    case MXL_ERR_DEVICE: return "MXL_ERR_DEVICE";
    case MXL_ERR_IO: return "MXL_ERR_IO";
    case MXL_ERR_OUT_OF_MEMORY: return "MXL_ERR_OUT_OF_MEMORY";
    case MXL_ERR_INTERNAL: return "MXL_ERR_INTERNAL";
    case MXL_ERR_INDEX: return "MXL_ERR_INDEX";
    case MXL_ERR_INVALID_HANDLE: return "MXL_ERR_INVALID_HANDLE";
    case MXL_ERR_ARITHMETIC: return "MXL_ERR_ARITHMETIC";
    default: return "MXL_ERR_UNKNOWN";
  }
}

/* Signal an R error of class mxlite.error with the message and code. Never returns.
 * The message is copied into R memory before anything else can overwrite it. */
static void NORET mx_raise(int code, const char* msg) {
  SEXP cond = PROTECT(Rf_allocVector(VECSXP, 4));
  SEXP names = PROTECT(Rf_allocVector(STRSXP, 4));
  SET_VECTOR_ELT(cond, 0, Rf_mkString(msg));
  SET_VECTOR_ELT(cond, 1, R_NilValue);
  SET_VECTOR_ELT(cond, 2, Rf_ScalarInteger(code));
  SET_VECTOR_ELT(cond, 3, Rf_mkString(code_name(code)));
  SET_STRING_ELT(names, 0, Rf_mkChar("message"));
  SET_STRING_ELT(names, 1, Rf_mkChar("call"));
  SET_STRING_ELT(names, 2, Rf_mkChar("code"));
  SET_STRING_ELT(names, 3, Rf_mkChar("kind"));
  Rf_setAttrib(cond, R_NamesSymbol, names);
  SEXP cls = PROTECT(Rf_allocVector(STRSXP, 3));
  SET_STRING_ELT(cls, 0, Rf_mkChar("mxlite.error"));
  SET_STRING_ELT(cls, 1, Rf_mkChar("error"));
  SET_STRING_ELT(cls, 2, Rf_mkChar("condition"));
  Rf_setAttrib(cond, R_ClassSymbol, cls);
  SEXP call = PROTECT(Rf_lang2(Rf_install("stop"), cond));
  Rf_eval(call, R_BaseEnv);
  Rf_error("%s", msg); /* not reached: stop() does not return */
}

static void check(int rc) {
  if (rc != MXL_OK) {
    const char* msg = mxl_last_error();
    mx_raise(rc, msg && *msg ? msg : code_name(rc));
  }
}

static void NORET arg_error(const char* msg) { mx_raise(MXL_ERR_INVALID_ARGUMENT, msg); }

/* ------------------------------------------------------------------ handles */

static void nd_finalize(SEXP x) {
  void* p = R_ExternalPtrAddr(x);
  if (p) { mxl_nd_free((mxl_ndarray)p); R_ClearExternalPtr(x); }
}
static void sym_finalize(SEXP x) {
  void* p = R_ExternalPtrAddr(x);
  if (p) { mxl_symbol_free((mxl_symbol)p); R_ClearExternalPtr(x); }
}
static void exec_finalize(SEXP x) {
  void* p = R_ExternalPtrAddr(x);
  if (p) { mxl_executor_free((mxl_executor)p); R_ClearExternalPtr(x); }
}

static SEXP wrap(void* p, SEXP tag, SEXP cls, R_CFinalizer_t fin) {
  SEXP x = PROTECT(R_MakeExternalPtr(p, tag, R_NilValue));
  if (fin) R_RegisterCFinalizerEx(x, fin, TRUE);
  Rf_setAttrib(x, R_ClassSymbol, cls);
  UNPROTECT(1);
  return x;
}
static SEXP wrap_nd(mxl_ndarray h) { return wrap(h, tag_nd, class_nd, nd_finalize); }
static SEXP wrap_sym(mxl_symbol h) { return wrap(h, tag_sym, class_sym, sym_finalize); }

static void* unwrap(SEXP x, SEXP tag, const char* what) {
  if (TYPEOF(x) != EXTPTRSXP || R_ExternalPtrTag(x) != tag)
    mx_raise(MXL_ERR_INVALID_ARGUMENT, what);
  void* p = R_ExternalPtrAddr(x);
  if (!p) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s: the handle has been freed", what);
    mx_raise(MXL_ERR_INVALID_HANDLE, buf);
  }
  return p;
}
static mxl_ndarray get_nd(SEXP x) { return (mxl_ndarray)unwrap(x, tag_nd, "expected an MXNDArray"); }
static mxl_symbol get_sym(SEXP x) { return (mxl_symbol)unwrap(x, tag_sym, "expected an MXSymbol"); }
static mxl_executor get_exec(SEXP x) { return (mxl_executor)unwrap(x, tag_exec, "expected an MXExecutor handle"); }
static mxl_op get_op(SEXP x) { return (mxl_op)unwrap(x, tag_op, "expected an operator handle"); }

/* NULL-tolerant list of arrays -> C array (R_alloc'd). */
static mxl_ndarray* nd_list(SEXP list, int allow_null) {
  if (TYPEOF(list) != VECSXP) arg_error("expected a list of MXNDArray");
  int n = Rf_length(list);
  mxl_ndarray* out = (mxl_ndarray*)R_alloc(n > 0 ? n : 1, sizeof(mxl_ndarray));
  for (int i = 0; i < n; i++) {
    SEXP e = VECTOR_ELT(list, i);
    out[i] = (allow_null && e == R_NilValue) ? NULL : get_nd(e);
  }
  return out;
}

static const char** str_array(SEXP s) {
  if (s == R_NilValue) return NULL;
  if (TYPEOF(s) != STRSXP) arg_error("expected a character vector");
  int n = Rf_length(s);
  const char** out = (const char**)R_alloc(n > 0 ? n : 1, sizeof(char*));
  for (int i = 0; i < n; i++) out[i] = Rf_translateCharUTF8(STRING_ELT(s, i));
  return out;
}

static SEXP mk_strs(int n, const char** s) {
  SEXP out = PROTECT(Rf_allocVector(STRSXP, n));
  for (int i = 0; i < n; i++) SET_STRING_ELT(out, i, Rf_mkCharCE(s[i] ? s[i] : "", CE_UTF8));
  UNPROTECT(1);
  return out;
}

/* The first string of x, checked (a bad value is an R error, not a crash). */
static const char* str0(SEXP x, const char* what) {
  if (TYPEOF(x) != STRSXP || XLENGTH(x) < 1 || STRING_ELT(x, 0) == NA_STRING) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s must be one string", what);
    arg_error(buf);
  }
  return Rf_translateCharUTF8(STRING_ELT(x, 0));
}

static int64_t* shape_arg(SEXP shape, int* ndim) {
  int n = Rf_length(shape);
  if (n > MXL_MAX_NDIM) arg_error("shape has more than MXL_MAX_NDIM (10) dims");
  int64_t* dims = (int64_t*)R_alloc(n > 0 ? n : 1, sizeof(int64_t));
  SEXP d = PROTECT(Rf_coerceVector(shape, REALSXP));
  for (int i = 0; i < n; i++) {
    double v = REAL(d)[i];
    if (ISNAN(v) || v != (double)(int64_t)v) arg_error("shape dims must be whole numbers");
    dims[i] = (int64_t)v;
  }
  UNPROTECT(1);
  *ndim = n;
  return dims;
}

static SEXP shape_sexp(int ndim, const int64_t* dims) {
  SEXP out = PROTECT(Rf_allocVector(INTSXP, ndim));
  for (int i = 0; i < ndim; i++) {
    if (dims[i] > INT_MAX) arg_error("a dim exceeds R's integer range");
    INTEGER(out)[i] = (int)dims[i];
  }
  UNPROTECT(1);
  return out;
}

static size_t dtype_size(int dtype) {
  switch (dtype) {
    case MXL_FLOAT32: case MXL_INT32: return 4;
    case MXL_FLOAT64: case MXL_INT64: return 8;
    case MXL_FLOAT16: return 2;
    default: return 1; /* uint8, int8, bool */
  }
}

/* ------------------------------------------------------------ library info */

SEXP R_mxl_version(void) { return Rf_ScalarInteger(mxl_version()); }
SEXP R_mxl_abi_major(void) { return Rf_ScalarInteger(MXL_ABI_VERSION_MAJOR); }
SEXP R_mxl_waitall(void) { check(mxl_waitall()); return R_NilValue; }

SEXP R_mxl_random_seed(SEXP seed) {
  check(mxl_random_seed((int64_t)Rf_asReal(seed), -1, 0));
  return R_NilValue;
}

SEXP R_mxl_engine_info(void) {
  const char* kind; int workers;
  check(mxl_engine_info(&kind, &workers));
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
  SET_VECTOR_ELT(out, 0, Rf_mkString(kind));
  SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(workers));
  UNPROTECT(1);
  return out;
}

/* ------------------------------------------------------------------ ndarray */

SEXP R_mxl_nd_create(SEXP shape, SEXP dtype, SEXP dev_type, SEXP dev_id) {
  int ndim; int64_t* dims = shape_arg(shape, &ndim);
  mxl_ndarray h = NULL;
  check(mxl_nd_create(dims, ndim, Rf_asInteger(dtype), Rf_asInteger(dev_type), Rf_asInteger(dev_id), &h));
  return wrap_nd(h);
}

/* New array from R numbers (double/integer/logical), converted to dtype. */
SEXP R_mxl_nd_from_r(SEXP x, SEXP shape, SEXP dtype_s, SEXP dev_type, SEXP dev_id) {
  int ndim; int64_t* dims = shape_arg(shape, &ndim);
  int dtype = Rf_asInteger(dtype_s);
  R_xlen_t n = XLENGTH(x);
  int64_t size = 1;
  for (int i = 0; i < ndim; i++) size *= dims[i];
  if (size != (int64_t)n) arg_error("mx.nd.array: the data length does not match the shape");
  if (dtype == MXL_FLOAT16) arg_error("mx.nd.array: float16 cannot be created from R numbers; create float32 and cast");
  SEXP d = PROTECT(Rf_coerceVector(x, REALSXP));
  const double* v = REAL(d);
  mxl_ndarray h = NULL;
  check(mxl_nd_create(dims, ndim, dtype, Rf_asInteger(dev_type), Rf_asInteger(dev_id), &h));
  SEXP out = PROTECT(wrap_nd(h));
  size_t item = dtype_size(dtype);
  void* buf = R_alloc(n > 0 ? n : 1, item);
  int integral = dtype != MXL_FLOAT32 && dtype != MXL_FLOAT64;
  for (R_xlen_t i = 0; i < n; i++) {
    if (integral && !R_FINITE(v[i])) arg_error("mx.nd.array: NA, NaN or Inf cannot be stored in an integer or bool dtype");
    switch (dtype) {
      case MXL_FLOAT32: ((float*)buf)[i] = (float)v[i]; break;
      case MXL_FLOAT64: ((double*)buf)[i] = v[i]; break;
      case MXL_INT32: ((int32_t*)buf)[i] = (int32_t)v[i]; break;
      case MXL_INT64: ((int64_t*)buf)[i] = (int64_t)v[i]; break;
      case MXL_UINT8: ((uint8_t*)buf)[i] = (uint8_t)v[i]; break;
      case MXL_INT8: ((int8_t*)buf)[i] = (int8_t)v[i]; break;
      case MXL_BOOL: ((uint8_t*)buf)[i] = v[i] != 0; break;
      default: arg_error("mx.nd.array: unknown dtype");
    }
  }
  check(mxl_nd_sync_copy_from(h, buf, (uint64_t)n * item));
  UNPROTECT(2);
  return out;
}

static float half_to_float(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000) << 16, exp = (h >> 10) & 0x1f, man = h & 0x3ff, bits;
  if (exp == 0) {
    if (man == 0) bits = sign;
    else { /* subnormal */
      exp = 127 - 15 + 1;
      while (!(man & 0x400)) { man <<= 1; exp--; }
      bits = sign | (exp << 23) | ((man & 0x3ff) << 13);
    }
  } else if (exp == 31) bits = sign | 0x7f800000 | (man << 13);
  else bits = sign | ((exp + 127 - 15) << 23) | (man << 13);
  float f; memcpy(&f, &bits, 4); return f;
}

/* Contents as an R double vector (memory order), waiting for pending writes. */
SEXP R_mxl_nd_to_r(SEXP x) {
  mxl_ndarray h = get_nd(x);
  int ndim, dtype, dt, di; int64_t dims[MXL_MAX_NDIM];
  check(mxl_nd_info(h, &ndim, dims, &dtype, &dt, &di));
  int64_t n = 1;
  for (int i = 0; i < ndim; i++) n *= dims[i];
  size_t item = dtype_size(dtype);
  void* buf = R_alloc(n > 0 ? n : 1, item);
  check(mxl_nd_sync_copy_to(h, buf, (uint64_t)n * item));
  SEXP out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
  double* o = REAL(out);
  for (int64_t i = 0; i < n; i++) {
    switch (dtype) {
      case MXL_FLOAT32: o[i] = ((float*)buf)[i]; break;
      case MXL_FLOAT64: o[i] = ((double*)buf)[i]; break;
      case MXL_FLOAT16: o[i] = half_to_float(((uint16_t*)buf)[i]); break;
      case MXL_INT32: o[i] = ((int32_t*)buf)[i]; break;
      case MXL_INT64: o[i] = (double)((int64_t*)buf)[i]; break;
      case MXL_UINT8: case MXL_BOOL: o[i] = ((uint8_t*)buf)[i]; break;
      case MXL_INT8: o[i] = ((int8_t*)buf)[i]; break;
      default: o[i] = NA_REAL;
    }
  }
  if (ndim > 0) {
    /* R's column-major dims are the C ABI's dims reversed; the memory is the same. */
    SEXP rdim = PROTECT(Rf_allocVector(INTSXP, ndim));
    for (int i = 0; i < ndim; i++) INTEGER(rdim)[i] = (int)dims[ndim - 1 - i];
    Rf_setAttrib(out, R_DimSymbol, rdim);
    UNPROTECT(1);
  }
  UNPROTECT(1);
  return out;
}

/* Raw bytes in and out: exact exchange for every dtype (float16 included). */
SEXP R_mxl_nd_from_raw(SEXP bytes, SEXP shape, SEXP dtype, SEXP dev_type, SEXP dev_id) {
  if (TYPEOF(bytes) != RAWSXP) arg_error("expected a raw vector");
  int ndim; int64_t* dims = shape_arg(shape, &ndim);
  mxl_ndarray h = NULL;
  check(mxl_nd_create(dims, ndim, Rf_asInteger(dtype), Rf_asInteger(dev_type), Rf_asInteger(dev_id), &h));
  SEXP out = PROTECT(wrap_nd(h));
  check(mxl_nd_sync_copy_from(h, RAW(bytes), (uint64_t)XLENGTH(bytes)));
  UNPROTECT(1);
  return out;
}

SEXP R_mxl_nd_to_raw(SEXP x) {
  mxl_ndarray h = get_nd(x);
  int ndim, dtype, dt, di; int64_t dims[MXL_MAX_NDIM];
  check(mxl_nd_info(h, &ndim, dims, &dtype, &dt, &di));
  int64_t n = 1;
  for (int i = 0; i < ndim; i++) n *= dims[i];
  SEXP out = PROTECT(Rf_allocVector(RAWSXP, (R_xlen_t)(n * dtype_size(dtype))));
  check(mxl_nd_sync_copy_to(h, RAW(out), (uint64_t)XLENGTH(out)));
  UNPROTECT(1);
  return out;
}

/* list(shape (C order, integer), dtype code, dev_type, dev_id) */
SEXP R_mxl_nd_info(SEXP x) {
  int ndim, dtype, dt, di; int64_t dims[MXL_MAX_NDIM];
  check(mxl_nd_info(get_nd(x), &ndim, dims, &dtype, &dt, &di));
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 4));
  SET_VECTOR_ELT(out, 0, shape_sexp(ndim, dims));
  SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(dtype));
  SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(dt));
  SET_VECTOR_ELT(out, 3, Rf_ScalarInteger(di));
  UNPROTECT(1);
  return out;
}

/* R dims (reversed C shape) only: the hot path of dim(). */
SEXP R_mxl_nd_rdim(SEXP x) {
  int ndim, dtype, dt, di; int64_t dims[MXL_MAX_NDIM], rev[MXL_MAX_NDIM];
  check(mxl_nd_info(get_nd(x), &ndim, dims, &dtype, &dt, &di));
  for (int i = 0; i < ndim; i++) rev[i] = dims[ndim - 1 - i];
  return shape_sexp(ndim, rev);
}

SEXP R_mxl_nd_free(SEXP x) {
  if (TYPEOF(x) == EXTPTRSXP && R_ExternalPtrTag(x) == tag_nd) nd_finalize(x);
  return R_NilValue;
}
SEXP R_mxl_nd_is_live(SEXP x) {
  return Rf_ScalarLogical(TYPEOF(x) == EXTPTRSXP && R_ExternalPtrAddr(x) != NULL);
}
SEXP R_mxl_nd_wait(SEXP x) { check(mxl_nd_wait_to_read(get_nd(x))); return R_NilValue; }

SEXP R_mxl_nd_copy_to(SEXP src, SEXP dst) { check(mxl_nd_copy_to(get_nd(src), get_nd(dst))); return dst; }

SEXP R_mxl_nd_reshape(SEXP x, SEXP shape, SEXP reverse) {
  int ndim; int64_t* dims = shape_arg(shape, &ndim);
  mxl_ndarray h = NULL;
  check(mxl_nd_reshape(get_nd(x), dims, ndim, Rf_asLogical(reverse) == TRUE, &h));
  return wrap_nd(h);
}

SEXP R_mxl_nd_slice(SEXP x, SEXP begin, SEXP end) {
  mxl_ndarray h = NULL;
  check(mxl_nd_slice(get_nd(x), (int64_t)Rf_asReal(begin), (int64_t)Rf_asReal(end), &h));
  return wrap_nd(h);
}

SEXP R_mxl_nd_save(SEXP fname, SEXP arrays, SEXP names) {
  mxl_ndarray* a = nd_list(arrays, 0);
  const char** nm = str_array(names);
  if (nm && Rf_length(names) != Rf_length(arrays)) arg_error("mx.nd.save: names and arrays differ in length");
  check(mxl_nd_save(str0(fname, "fname"), Rf_length(arrays), a, nm));
  return R_NilValue;
}

SEXP R_mxl_nd_load(SEXP fname) {
  int n = 0; mxl_ndarray* arrays = NULL; const char** names = NULL;
  check(mxl_nd_load(str0(fname, "fname"), &n, &arrays, &names));
  /* Copy what the library lent us before any allocation can longjmp; the handles are
   * wrapped one by one right away. */
  mxl_ndarray* hs = (mxl_ndarray*)R_alloc(n > 0 ? n : 1, sizeof(mxl_ndarray));
  memcpy(hs, arrays, sizeof(mxl_ndarray) * (size_t)n);
  SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
  SEXP nm = R_NilValue;
  if (names) nm = PROTECT(mk_strs(n, names)); else PROTECT(nm);
  for (int i = 0; i < n; i++) SET_VECTOR_ELT(out, i, wrap_nd(hs[i]));
  if (names) Rf_setAttrib(out, R_NamesSymbol, nm);
  UNPROTECT(2);
  return out;
}

/* ---------------------------------------------------------------- operators */

SEXP R_mxl_op_list(void) {
  int n; const char** names;
  check(mxl_op_list(&n, &names));
  return mk_strs(n, names);
}

SEXP R_mxl_op_find(SEXP name) {
  mxl_op op = NULL;
  check(mxl_op_find(str0(name, "name"), &op));
  return wrap((void*)op, tag_op, class_op, NULL); /* static: never freed */
}

SEXP R_mxl_op_info(SEXP opx) {
  mxl_op op = get_op(opx);
  const char *name, *doc, *kv; int nin, nout, np;
  const char **in_names, **pn, **pt, **pd, **pdoc;
  int flags = 0;
  check(mxl_op_info(op, &name, &doc, &nin, &in_names, &nout, &kv, &np, &pn, &pt, &pd, &pdoc));
  /* Copy everything into R objects at once (all protected) before the next ABI call. */
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 10));
  SET_VECTOR_ELT(out, 0, Rf_mkString(name));
  SET_VECTOR_ELT(out, 1, Rf_mkString(doc ? doc : ""));
  SET_VECTOR_ELT(out, 2, nin < 0 ? Rf_allocVector(STRSXP, 0) : mk_strs(nin, in_names));
  SET_VECTOR_ELT(out, 3, Rf_ScalarInteger(nout));
  SET_VECTOR_ELT(out, 4, Rf_mkString(kv ? kv : ""));
  SET_VECTOR_ELT(out, 5, mk_strs(np, pn));
  SET_VECTOR_ELT(out, 6, mk_strs(np, pt));
  SET_VECTOR_ELT(out, 7, mk_strs(np, pd));
  SET_VECTOR_ELT(out, 8, mk_strs(np, pdoc));
  SET_VECTOR_ELT(out, 9, Rf_ScalarLogical(nin < 0));
  check(mxl_op_flags(op, &flags));
  Rf_setAttrib(out, Rf_install("flags"), Rf_ScalarInteger(flags));
  UNPROTECT(1);
  return out;
}

/* Imperative call. inputs: list of MXNDArray; keys/vals: character (or NULL);
 * out: NULL or a list with one slot per output (MXNDArray written in place, or NULL).
 * Returns the single output itself when simplify is TRUE and there is one output,
 * else a list. */
SEXP R_mxl_invoke(SEXP opx, SEXP inputs, SEXP keys, SEXP vals, SEXP out, SEXP simplify) {
  mxl_op op = get_op(opx);
  int nin = Rf_length(inputs);
  mxl_ndarray* in = nd_list(inputs, 0);
  int np = keys == R_NilValue ? 0 : Rf_length(keys);
  if (np != (vals == R_NilValue ? 0 : Rf_length(vals))) arg_error("parameter keys and values differ in length");
  const char** k = str_array(keys);
  const char** v = str_array(vals);
  enum { STATIC_OUTS = 8 };
  int nslots = out == R_NilValue ? STATIC_OUTS : Rf_length(out);
  if (nslots < 1) nslots = 1;
  mxl_ndarray* outs = (mxl_ndarray*)R_alloc(nslots, sizeof(mxl_ndarray));
  int given = out != R_NilValue;
  for (int i = 0; i < nslots; i++) outs[i] = NULL;
  if (given) {
    mxl_ndarray* o = nd_list(out, 1);
    for (int i = 0; i < Rf_length(out); i++) outs[i] = o[i];
  }
  int nout = nslots;
  int rc = mxl_imperative_invoke(op, nin, in, np, k, v, &nout, outs);
  if (rc == MXL_ERR_INVALID_ARGUMENT && !given && nout > nslots) {
    /* more outputs than the default slots: retry with enough */
    outs = (mxl_ndarray*)R_alloc(nout, sizeof(mxl_ndarray));
    for (int i = 0; i < nout; i++) outs[i] = NULL;
    nslots = nout;
    rc = mxl_imperative_invoke(op, nin, in, np, k, v, &nout, outs);
  }
  check(rc);
  /* Slots given as arrays are returned as they are (written in place). */
  if (nout == 1 && Rf_asLogical(simplify) == TRUE)
    return given && VECTOR_ELT(out, 0) != R_NilValue ? VECTOR_ELT(out, 0) : wrap_nd(outs[0]);
  SEXP res = PROTECT(Rf_allocVector(VECSXP, nout));
  for (int i = 0; i < nout; i++) {
    SEXP old = given ? VECTOR_ELT(out, i) : R_NilValue;
    SET_VECTOR_ELT(res, i, old != R_NilValue ? old : wrap_nd(outs[i]));
  }
  UNPROTECT(1);
  return res;
}

/* Arithmetic and comparison for R's Ops group generic: the hot path behind `a + b`.
 * One row per R operator: the op for two arrays of equal shape, for two arrays that
 * broadcast, for array <op> number, and for number <op> array. The per-operator S3
 * methods pass their row (an integer constant in the method's body), so the hot path
 * compares no strings; the Ops group method passes .Generic. */
static const char* const ops_table[][5] = {
    {"+", "elemwise_add", "broadcast_add", "_plus_scalar", "_plus_scalar"},
    {"-", "elemwise_sub", "broadcast_sub", "_minus_scalar", "_rminus_scalar"},
    {"*", "elemwise_mul", "broadcast_mul", "_mul_scalar", "_mul_scalar"},
    {"/", "elemwise_div", "broadcast_div", "_div_scalar", "_rdiv_scalar"},
    {"^", "_power", "broadcast_power", "_power_scalar", "_rpower_scalar"},
    {"%%", "_mod", "broadcast_mod", "_mod_scalar", "_rmod_scalar"},
    {"==", "_equal", "broadcast_equal", "_equal_scalar", "_equal_scalar"},
    {"!=", "_not_equal", "broadcast_not_equal", "_not_equal_scalar", "_not_equal_scalar"},
    {">", "_greater", "broadcast_greater", "_greater_scalar", "_lesser_scalar"},
    {">=", "_greater_equal", "broadcast_greater_equal", "_greater_equal_scalar", "_lesser_equal_scalar"},
    {"<", "_lesser", "broadcast_lesser", "_lesser_scalar", "_greater_scalar"},
    {"<=", "_lesser_equal", "broadcast_lesser_equal", "_lesser_equal_scalar", "_greater_equal_scalar"},
    {"&", "_logical_and", "broadcast_logical_and", "_logical_and_scalar", "_logical_and_scalar"},
    {"|", "_logical_or", "broadcast_logical_or", "_logical_or_scalar", "_logical_or_scalar"},
    {"!", NULL, NULL, NULL, NULL} /* unary only */};
#define N_OPS ((int)(sizeof ops_table / sizeof ops_table[0]))
static mxl_op ops_cache[N_OPS][4]; /* op handles are static in the library */

static mxl_op table_op(int row, int col) {
  if (!ops_cache[row][col]) check(mxl_op_find(ops_table[row][col + 1], &ops_cache[row][col]));
  return ops_cache[row][col];
}

static mxl_op cached_op(mxl_op* slot, const char* name) {
  if (!*slot) check(mxl_op_find(name, slot));
  return *slot;
}

static int is_nd(SEXP x) { return TYPEOF(x) == EXTPTRSXP && R_ExternalPtrTag(x) == tag_nd; }

/* The table row of an operator given as its row number or its R name. */
static int ops_row(SEXP generic) {
  if (TYPEOF(generic) == INTSXP && XLENGTH(generic) == 1) {
    int row = INTEGER(generic)[0];
    if (row < 0 || row >= N_OPS) arg_error("operator row out of range");
    return row;
  }
  const char* g = str0(generic, "generic");
  for (int i = 0; i < N_OPS; i++)
    if (strcmp(g, ops_table[i][0]) == 0) return i;
  char msg[96];
  snprintf(msg, sizeof msg, "'%s' is not defined for MXNDArray", g);
  arg_error(msg);
}

/* Whole numbers below 1e15 in decimal, by hand (snprintf costs more than the rest of
 * the glue); buf holds at least 21 chars. */
static void write_whole(long long v, char* buf) {
  char tmp[24];
  int len = 0, neg = v < 0;
  unsigned long long u = neg ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do { tmp[len++] = (char)('0' + u % 10); u /= 10; } while (u);
  if (neg) *buf++ = '-';
  while (len) *buf++ = tmp[--len];
  *buf = 0;
}

/* A number as the core's parameter string; FALSE when x is not one number. Other than
 * whole numbers, the last few values formatted are remembered (loops such as x * 0.5
 * repeat the same numbers). buf must hold 32 chars. */
static int scalar_str(SEXP x, char* buf) {
  static struct { double v; char s[32]; } recent[16];
  static int filled[16];
  int type = TYPEOF(x);
  if ((type != REALSXP && type != INTSXP && type != LGLSXP) || XLENGTH(x) != 1) return 0;
  if (ATTRIB(x) != R_NilValue && Rf_getAttrib(x, R_ClassSymbol) != R_NilValue) return 0;
  double v;
  if (type == REALSXP) v = REAL(x)[0];
  else v = INTEGER(x)[0] == NA_INTEGER ? NAN : INTEGER(x)[0];
  if (ISNAN(v)) strcpy(buf, "nan");
  else if (!R_FINITE(v)) strcpy(buf, v > 0 ? "inf" : "-inf");
  else if (v < 1e15 && v > -1e15 && v == (double)(long long)v) write_whole((long long)v, buf);
  else {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int slot = (int)((bits ^ (bits >> 29) ^ (bits >> 47)) & 15);
    if (!filled[slot] || memcmp(&recent[slot].v, &v, sizeof v) != 0) {
      snprintf(recent[slot].s, sizeof recent[slot].s, "%.17g", v);
      recent[slot].v = v;
      filled[slot] = 1;
    }
    strcpy(buf, recent[slot].s);
  }
  return 1;
}

/* Unary -x, +x, !x. */
static SEXP unary_op(int row, SEXP x) {
  static mxl_op mul_scalar, logical_not;
  const char* g = ops_table[row][0];
  mxl_ndarray in = get_nd(x), out = NULL;
  int nout = 1;
  if (strcmp(g, "+") == 0) return x;
  if (strcmp(g, "-") == 0) {
    const char* key = "scalar";
    const char* val = "-1";
    check(mxl_imperative_invoke(cached_op(&mul_scalar, "_mul_scalar"), 1, &in, 1, &key, &val, &nout, &out));
  } else if (strcmp(g, "!") == 0) {
    check(mxl_imperative_invoke(cached_op(&logical_not, "logical_not"), 1, &in, 0, NULL, NULL, &nout, &out));
  } else {
    char msg[96];
    snprintf(msg, sizeof msg, "unary '%s' is not defined for MXNDArray", g);
    arg_error(msg);
  }
  return wrap_nd(out);
}

/* generic: the operator's table row (integer) or R name; e2 NULL for a unary operator. */
SEXP R_mxl_ops(SEXP generic, SEXP e1, SEXP e2) {
  int row = ops_row(generic);
  if (e2 == R_NilValue || !ops_table[row][1]) return unary_op(row, e1);
  mxl_ndarray out = NULL;
  int nout = 1;
  int nd1 = is_nd(e1);
  if (nd1 && is_nd(e2)) {
    mxl_ndarray in[2] = {get_nd(e1), get_nd(e2)};
    int nda, ndb, t, dt, di; int64_t da[MXL_MAX_NDIM], db[MXL_MAX_NDIM];
    check(mxl_nd_info(in[0], &nda, da, &t, &dt, &di));
    check(mxl_nd_info(in[1], &ndb, db, &t, &dt, &di));
    int same = nda == ndb && memcmp(da, db, sizeof(int64_t) * (size_t)nda) == 0;
    check(mxl_imperative_invoke(table_op(row, same ? 0 : 1), 2, in, 0, NULL, NULL, &nout, &out));
    return wrap_nd(out);
  }
  char val[32];
  if (!scalar_str(nd1 ? e2 : e1, val)) {
    char msg[200];
    snprintf(msg, sizeof msg, "'%s': the other operand must be an MXNDArray or a single number "
             "(convert R arrays with mx.nd.array)", ops_table[row][0]);
    arg_error(msg);
  }
  mxl_ndarray in = get_nd(nd1 ? e1 : e2);
  const char* key = "scalar";
  const char* vp = val;
  check(mxl_imperative_invoke(table_op(row, nd1 ? 2 : 3), 1, &in, 1, &key, &vp, &nout, &out));
  return wrap_nd(out);
}

/* The R operators R_mxl_ops implements (the first column of its table). */
SEXP R_mxl_ops_names(void) {
  SEXP out = PROTECT(Rf_allocVector(STRSXP, N_OPS));
  for (int i = 0; i < N_OPS; i++) SET_STRING_ELT(out, i, Rf_mkChar(ops_table[i][0]));
  UNPROTECT(1);
  return out;
}

/* a <op> scalar: the scalar op with its one parameter (unary minus, log base). */
SEXP R_mxl_scalar(SEXP op, SEXP a, SEXP scalar) {
  mxl_ndarray in = get_nd(a);
  const char* key = "scalar";
  const char* val = str0(scalar, "scalar");
  mxl_ndarray out = NULL;
  int nout = 1;
  check(mxl_imperative_invoke(get_op(op), 1, &in, 1, &key, &val, &nout, &out));
  return wrap_nd(out);
}

/* ------------------------------------------------------------------ symbols */

SEXP R_mxl_sym_variable(SEXP name) {
  mxl_symbol s = NULL;
  check(mxl_symbol_variable(str0(name, "name"), &s));
  return wrap_sym(s);
}

SEXP R_mxl_sym_atomic(SEXP opx, SEXP keys, SEXP vals) {
  mxl_op op = get_op(opx);
  int np = keys == R_NilValue ? 0 : Rf_length(keys);
  mxl_symbol s = NULL;
  check(mxl_symbol_create_atomic(op, np, str_array(keys), str_array(vals), &s));
  return wrap_sym(s);
}

SEXP R_mxl_sym_compose(SEXP sym, SEXP name, SEXP keys, SEXP args) {
  mxl_symbol s = get_sym(sym);
  int n = Rf_length(args);
  mxl_symbol* a = (mxl_symbol*)R_alloc(n > 0 ? n : 1, sizeof(mxl_symbol));
  for (int i = 0; i < n; i++) a[i] = get_sym(VECTOR_ELT(args, i));
  const char* nm = name == R_NilValue ? NULL : str0(name, "name");
  mxl_symbol out = NULL;
  check(mxl_symbol_compose(s, nm, n, str_array(keys), a, &out));
  return wrap_sym(out);
}

SEXP R_mxl_sym_free(SEXP x) {
  if (TYPEOF(x) == EXTPTRSXP && R_ExternalPtrTag(x) == tag_sym) sym_finalize(x);
  return R_NilValue;
}

SEXP R_mxl_sym_group(SEXP syms) {
  int n = Rf_length(syms);
  mxl_symbol* a = (mxl_symbol*)R_alloc(n > 0 ? n : 1, sizeof(mxl_symbol));
  for (int i = 0; i < n; i++) a[i] = get_sym(VECTOR_ELT(syms, i));
  mxl_symbol out = NULL;
  check(mxl_symbol_group(n, a, &out));
  return wrap_sym(out);
}

SEXP R_mxl_sym_list(SEXP sym, SEXP which) {
  int n; const char** names;
  check(mxl_symbol_list(get_sym(sym), Rf_asInteger(which), &n, &names));
  return mk_strs(n, names);
}

SEXP R_mxl_sym_name(SEXP sym) {
  const char* name; int found;
  check(mxl_symbol_name(get_sym(sym), &name, &found));
  return found ? Rf_mkString(name) : R_NilValue;
}

SEXP R_mxl_sym_num_outputs(SEXP sym) {
  int n; check(mxl_symbol_num_outputs(get_sym(sym), &n)); return Rf_ScalarInteger(n);
}

SEXP R_mxl_sym_get_output(SEXP sym, SEXP index) {
  mxl_symbol out = NULL;
  check(mxl_symbol_get_output(get_sym(sym), Rf_asInteger(index), &out));
  return wrap_sym(out);
}

SEXP R_mxl_sym_internals(SEXP sym) {
  mxl_symbol out = NULL;
  check(mxl_symbol_get_internals(get_sym(sym), &out));
  return wrap_sym(out);
}

SEXP R_mxl_sym_children(SEXP sym) {
  mxl_symbol out = NULL;
  check(mxl_symbol_get_children(get_sym(sym), &out));
  return out ? wrap_sym(out) : R_NilValue;
}

SEXP R_mxl_sym_set_attr(SEXP sym, SEXP key, SEXP value) {
  check(mxl_symbol_set_attr(get_sym(sym), str0(key, "key"),
                            str0(value, "value")));
  return R_NilValue;
}

SEXP R_mxl_sym_get_attr(SEXP sym, SEXP key) {
  const char* v; int found;
  check(mxl_symbol_get_attr(get_sym(sym), str0(key, "key"), &v, &found));
  return found ? Rf_mkString(v) : R_NilValue;
}

SEXP R_mxl_sym_list_attr(SEXP sym, SEXP recursive) {
  int n; const char** pairs;
  check(mxl_symbol_list_attr(get_sym(sym), Rf_asLogical(recursive) == TRUE, &n, &pairs));
  SEXP vals = PROTECT(Rf_allocVector(STRSXP, n));
  SEXP keys = PROTECT(Rf_allocVector(STRSXP, n));
  for (int i = 0; i < n; i++) {
    SET_STRING_ELT(keys, i, Rf_mkCharCE(pairs[2 * i], CE_UTF8));
    SET_STRING_ELT(vals, i, Rf_mkCharCE(pairs[2 * i + 1], CE_UTF8));
  }
  Rf_setAttrib(vals, R_NamesSymbol, keys);
  UNPROTECT(2);
  return vals;
}

SEXP R_mxl_sym_to_json(SEXP sym) {
  const char* json;
  check(mxl_symbol_to_json(get_sym(sym), &json));
  return Rf_mkString(json);
}

SEXP R_mxl_sym_from_json(SEXP json) {
  mxl_symbol out = NULL;
  check(mxl_symbol_from_json(str0(json, "json"), &out));
  return wrap_sym(out);
}

SEXP R_mxl_sym_save(SEXP sym, SEXP fname) {
  check(mxl_symbol_save(get_sym(sym), str0(fname, "fname")));
  return R_NilValue;
}

SEXP R_mxl_sym_load(SEXP fname) {
  mxl_symbol out = NULL;
  check(mxl_symbol_load(str0(fname, "fname"), &out));
  return wrap_sym(out);
}

SEXP R_mxl_sym_reset_names(void) { check(mxl_symbol_reset_names()); return R_NilValue; }

static SEXP shape_list(int n, const int* ndims, const int64_t* dims) {
  SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
  int64_t off = 0;
  for (int i = 0; i < n; i++) {
    if (ndims[i] < 0) continue; /* unknown: NULL */
    SET_VECTOR_ELT(out, i, shape_sexp(ndims[i], dims + off));
    off += ndims[i];
  }
  UNPROTECT(1);
  return out;
}

/* names: character; shapes: list of C-order shapes. Returns
 * list(complete, arg_shapes, out_shapes, aux_shapes), unknown shapes NULL. */
SEXP R_mxl_sym_infer_shape(SEXP sym, SEXP names, SEXP shapes) {
  int n = Rf_length(names);
  if (n != Rf_length(shapes)) arg_error("infer.shape: names and shapes differ in length");
  int* ndims = (int*)R_alloc(n > 0 ? n : 1, sizeof(int));
  int total = 0;
  for (int i = 0; i < n; i++) total += Rf_length(VECTOR_ELT(shapes, i));
  int64_t* dims = (int64_t*)R_alloc(total > 0 ? total : 1, sizeof(int64_t));
  int off = 0;
  for (int i = 0; i < n; i++) {
    int nd; int64_t* d = shape_arg(VECTOR_ELT(shapes, i), &nd);
    ndims[i] = nd;
    memcpy(dims + off, d, sizeof(int64_t) * (size_t)nd);
    off += nd;
  }
  int complete, na, no, nx;
  const int *and_, *ond, *xnd;
  const int64_t *ad, *od, *xd;
  check(mxl_symbol_infer_shape(get_sym(sym), n, str_array(names), ndims, dims, &complete,
                               &na, &and_, &ad, &no, &ond, &od, &nx, &xnd, &xd));
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 4));
  SET_VECTOR_ELT(out, 0, Rf_ScalarLogical(complete));
  SET_VECTOR_ELT(out, 1, shape_list(na, and_, ad));
  SET_VECTOR_ELT(out, 2, shape_list(no, ond, od));
  SET_VECTOR_ELT(out, 3, shape_list(nx, xnd, xd));
  UNPROTECT(1);
  return out;
}

/* ---------------------------------------------------------------- executors */

SEXP R_mxl_exec_bind(SEXP sym, SEXP dev_type, SEXP dev_id, SEXP args, SEXP grads, SEXP reqs, SEXP aux) {
  int na = Rf_length(args);
  mxl_ndarray* a = nd_list(args, 0);
  mxl_ndarray* g = grads == R_NilValue ? NULL : nd_list(grads, 1);
  if (g && Rf_length(grads) != na) arg_error("bind: grad arrays and args differ in length");
  SEXP r = PROTECT(Rf_coerceVector(reqs, INTSXP));
  if (Rf_length(r) != na) arg_error("bind: grad.req and args differ in length");
  mxl_ndarray* x = nd_list(aux, 0);
  mxl_executor ex = NULL;
  check(mxl_executor_bind(get_sym(sym), Rf_asInteger(dev_type), Rf_asInteger(dev_id), na, a, g,
                          INTEGER(r), Rf_length(aux), x, &ex));
  UNPROTECT(1);
  return wrap(ex, tag_exec, class_exec, exec_finalize);
}

SEXP R_mxl_exec_free(SEXP x) {
  if (TYPEOF(x) == EXTPTRSXP && R_ExternalPtrTag(x) == tag_exec) exec_finalize(x);
  return R_NilValue;
}

SEXP R_mxl_exec_forward(SEXP ex, SEXP is_train) {
  check(mxl_executor_forward(get_exec(ex), Rf_asLogical(is_train) == TRUE));
  return R_NilValue;
}

SEXP R_mxl_exec_backward(SEXP ex, SEXP head_grads) {
  int n = head_grads == R_NilValue ? 0 : Rf_length(head_grads);
  mxl_ndarray* g = n ? nd_list(head_grads, 1) : NULL;
  check(mxl_executor_backward(get_exec(ex), n, g));
  return R_NilValue;
}

SEXP R_mxl_exec_outputs(SEXP ex) {
  int n; mxl_ndarray* outs;
  check(mxl_executor_outputs(get_exec(ex), &n, &outs));
  mxl_ndarray* hs = (mxl_ndarray*)R_alloc(n > 0 ? n : 1, sizeof(mxl_ndarray));
  memcpy(hs, outs, sizeof(mxl_ndarray) * (size_t)n);
  SEXP res = PROTECT(Rf_allocVector(VECSXP, n));
  for (int i = 0; i < n; i++) SET_VECTOR_ELT(res, i, wrap_nd(hs[i]));
  UNPROTECT(1);
  return res;
}

SEXP R_mxl_exec_memory(SEXP ex) {
  uint64_t planned, naive;
  check(mxl_executor_memory(get_exec(ex), &planned, &naive));
  SEXP out = PROTECT(Rf_allocVector(REALSXP, 2));
  REAL(out)[0] = (double)planned;
  REAL(out)[1] = (double)naive;
  UNPROTECT(1);
  return out;
}

SEXP R_mxl_exec_fusion(SEXP ex) {
  int groups = 0, nodes = 0;
  check(mxl_executor_fusion(get_exec(ex), &groups, &nodes));
  SEXP out = PROTECT(Rf_allocVector(INTSXP, 2));
  INTEGER(out)[0] = groups;
  INTEGER(out)[1] = nodes;
  UNPROTECT(1);
  return out;
}

/* ----------------------------------------------------------------- autograd */

SEXP R_mxl_autograd_set(SEXP what, SEXP on) {
  int prev = 0;
  if (Rf_asInteger(what) == 0) check(mxl_autograd_set_recording(Rf_asLogical(on) == TRUE, &prev));
  else check(mxl_autograd_set_training(Rf_asLogical(on) == TRUE, &prev));
  return Rf_ScalarLogical(prev);
}

/* Attach grad (an array of x's shape) to x; the grad array is kept alive by x's handle
 * (the external pointer's protected slot) and read back by R_mxl_nd_grad. */
SEXP R_mxl_autograd_mark(SEXP x, SEXP grad, SEXP req) {
  check(mxl_autograd_mark_variable(get_nd(x), get_nd(grad), Rf_asInteger(req)));
  R_SetExternalPtrProtected(x, grad);
  return R_NilValue;
}

SEXP R_mxl_nd_grad(SEXP x) {
  get_nd(x);
  return R_ExternalPtrProtected(x);
}

SEXP R_mxl_autograd_backward(SEXP heads, SEXP head_grads, SEXP train) {
  int n = Rf_length(heads);
  mxl_ndarray* h = nd_list(heads, 0);
  mxl_ndarray* g = head_grads == R_NilValue ? NULL : nd_list(head_grads, 1);
  if (g && Rf_length(head_grads) != n) arg_error("backward: one head gradient per head (or NULL)");
  check(mxl_autograd_backward(n, h, g, 0, NULL, Rf_asLogical(train) == TRUE, NULL));
  return R_NilValue;
}

/* ------------------------------------------------------------------ kvstore */

static void kv_finalize(SEXP x) {
  void* p = R_ExternalPtrAddr(x);
  if (p) { mxl_kvstore_free((mxl_kvstore)p); R_ClearExternalPtr(x); }
}
static mxl_kvstore get_kv(SEXP x) { return (mxl_kvstore)unwrap(x, tag_kv, "expected a KVStore handle"); }

/* keys: character (one per value, already flattened by the R side); values: list of
 * MXNDArray of the same length. */
static int kv_pairs(SEXP keys, SEXP values, const char*** k, mxl_ndarray** v, const char* what) {
  if (TYPEOF(keys) != STRSXP) arg_error("kvstore: keys must be a character vector");
  int n = Rf_length(keys);
  if (Rf_length(values) != n) {
    char msg[160];
    snprintf(msg, sizeof msg, "kvstore %s: %d keys but %d arrays", what, n, Rf_length(values));
    arg_error(msg);
  }
  *k = str_array(keys);
  *v = nd_list(values, 0);
  return n;
}

/* The parameters of an optimizer update, as mxl_imperative_invoke takes them. */
static int kv_params(SEXP keys, SEXP vals, const char*** k, const char*** v) {
  int n = keys == R_NilValue ? 0 : Rf_length(keys);
  if (n != (vals == R_NilValue ? 0 : Rf_length(vals))) arg_error("kvstore: parameter keys and values differ in length");
  *k = str_array(keys);
  *v = str_array(vals);
  return n;
}

SEXP R_mxl_kv_create(SEXP type) {
  mxl_kvstore kv = NULL;
  check(mxl_kvstore_create(str0(type, "type"), &kv));
  return wrap(kv, tag_kv, class_kv, kv_finalize);
}

SEXP R_mxl_kv_free(SEXP x) {
  if (TYPEOF(x) == EXTPTRSXP && R_ExternalPtrTag(x) == tag_kv) kv_finalize(x);
  return R_NilValue;
}

/* list(type, rank, num_workers) */
SEXP R_mxl_kv_info(SEXP x) {
  const char* type; int rank, workers;
  check(mxl_kvstore_info(get_kv(x), &type, &rank, &workers));
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
  SET_VECTOR_ELT(out, 0, Rf_mkString(type));
  SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(rank));
  SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(workers));
  UNPROTECT(1);
  return out;
}

/* init, push or pull (which = 0, 1, 2) of flattened (key, array) pairs. */
SEXP R_mxl_kv_transfer(SEXP x, SEXP which, SEXP keys, SEXP values) {
  typedef int (*transfer_fn)(mxl_kvstore, int, const char**, const mxl_ndarray*);
  static const transfer_fn fns[] = {mxl_kvstore_init, mxl_kvstore_push, mxl_kvstore_pull};
  static const char* const names[] = {"init", "push", "pull"};
  int w = Rf_asInteger(which);
  if (w < 0 || w > 2) arg_error("kvstore: which must be 0 (init), 1 (push) or 2 (pull)");
  const char** k; mxl_ndarray* v;
  int n = kv_pairs(keys, values, &k, &v, names[w]);
  check(fns[w](get_kv(x), n, k, v));
  return R_NilValue;
}

SEXP R_mxl_kv_set_optimizer(SEXP x, SEXP op, SEXP keys, SEXP vals) {
  const char **k, **v;
  int n = kv_params(keys, vals, &k, &v);
  check(mxl_kvstore_set_optimizer(get_kv(x), str0(op, "optimizer op"), n, k, v));
  return R_NilValue;
}

/* key NULL: every key. */
SEXP R_mxl_kv_set_optimizer_params(SEXP x, SEXP key, SEXP keys, SEXP vals) {
  const char **k, **v;
  int n = kv_params(keys, vals, &k, &v);
  check(mxl_kvstore_set_optimizer_params(get_kv(x), key == R_NilValue ? NULL : str0(key, "key"), n, k, v));
  return R_NilValue;
}

SEXP R_mxl_kv_num_update(SEXP x, SEXP key) {
  int64_t n = 0;
  check(mxl_kvstore_num_update(get_kv(x), str0(key, "key"), &n));
  return Rf_ScalarReal((double)n);
}

SEXP R_mxl_kv_keys(SEXP x) {
  int n; const char** keys;
  check(mxl_kvstore_keys(get_kv(x), &n, &keys));
  return mk_strs(n, keys);
}

SEXP R_mxl_kv_barrier(SEXP x) { check(mxl_kvstore_barrier(get_kv(x))); return R_NilValue; }

SEXP R_mxl_kv_save_states(SEXP x, SEXP fname) {
  check(mxl_kvstore_save_optimizer_states(get_kv(x), str0(fname, "fname")));
  return R_NilValue;
}

SEXP R_mxl_kv_load_states(SEXP x, SEXP fname) {
  check(mxl_kvstore_load_optimizer_states(get_kv(x), str0(fname, "fname")));
  return R_NilValue;
}

/* ------------------------------------------------------------- registration */

#define DEF(name, n) {#name, (DL_FUNC)&name, n}
static const R_CallMethodDef call_methods[] = {
    DEF(R_mxl_version, 0), DEF(R_mxl_abi_major, 0), DEF(R_mxl_waitall, 0),
    DEF(R_mxl_random_seed, 1), DEF(R_mxl_engine_info, 0),
    DEF(R_mxl_nd_create, 4), DEF(R_mxl_nd_from_r, 5), DEF(R_mxl_nd_to_r, 1),
    DEF(R_mxl_nd_from_raw, 5), DEF(R_mxl_nd_to_raw, 1), DEF(R_mxl_nd_info, 1),
    DEF(R_mxl_nd_rdim, 1), DEF(R_mxl_nd_free, 1), DEF(R_mxl_nd_is_live, 1),
    DEF(R_mxl_nd_wait, 1), DEF(R_mxl_nd_copy_to, 2), DEF(R_mxl_nd_reshape, 3),
    DEF(R_mxl_nd_slice, 3), DEF(R_mxl_nd_save, 3), DEF(R_mxl_nd_load, 1),
    DEF(R_mxl_op_list, 0), DEF(R_mxl_op_find, 1), DEF(R_mxl_op_info, 1), DEF(R_mxl_invoke, 6), DEF(R_mxl_ops, 3), DEF(R_mxl_ops_names, 0), DEF(R_mxl_scalar, 3),
    DEF(R_mxl_sym_variable, 1), DEF(R_mxl_sym_atomic, 3), DEF(R_mxl_sym_compose, 4),
    DEF(R_mxl_sym_free, 1), DEF(R_mxl_sym_group, 1), DEF(R_mxl_sym_list, 2),
    DEF(R_mxl_sym_name, 1), DEF(R_mxl_sym_num_outputs, 1), DEF(R_mxl_sym_get_output, 2),
    DEF(R_mxl_sym_internals, 1), DEF(R_mxl_sym_children, 1), DEF(R_mxl_sym_set_attr, 3),
    DEF(R_mxl_sym_get_attr, 2), DEF(R_mxl_sym_list_attr, 2), DEF(R_mxl_sym_to_json, 1),
    DEF(R_mxl_sym_from_json, 1), DEF(R_mxl_sym_save, 2), DEF(R_mxl_sym_load, 1),
    DEF(R_mxl_sym_reset_names, 0), DEF(R_mxl_sym_infer_shape, 3),
    DEF(R_mxl_exec_bind, 7), DEF(R_mxl_exec_free, 1), DEF(R_mxl_exec_forward, 2),
    DEF(R_mxl_exec_backward, 2), DEF(R_mxl_exec_outputs, 1), DEF(R_mxl_exec_memory, 1), DEF(R_mxl_exec_fusion, 1),
    DEF(R_mxl_autograd_set, 2), DEF(R_mxl_autograd_mark, 3), DEF(R_mxl_nd_grad, 1),
    DEF(R_mxl_autograd_backward, 3),
    DEF(R_mxl_kv_create, 1), DEF(R_mxl_kv_free, 1), DEF(R_mxl_kv_info, 1), DEF(R_mxl_kv_transfer, 4),
    DEF(R_mxl_kv_set_optimizer, 4),
    DEF(R_mxl_kv_set_optimizer_params, 4), DEF(R_mxl_kv_num_update, 2), DEF(R_mxl_kv_keys, 1),
    DEF(R_mxl_kv_barrier, 1), DEF(R_mxl_kv_save_states, 2), DEF(R_mxl_kv_load_states, 2),
    {NULL, NULL, 0}};

static SEXP keep_string(const char* s) {
  SEXP x = Rf_mkString(s);
  R_PreserveObject(x);
  return x;
}

void R_init_mxlite(DllInfo* dll) {
  R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
  tag_nd = Rf_install("mxl_ndarray");
  tag_sym = Rf_install("mxl_symbol");
  tag_exec = Rf_install("mxl_executor");
  tag_op = Rf_install("mxl_op");
  tag_kv = Rf_install("mxl_kvstore");
  class_nd = keep_string("MXNDArray");
  class_sym = keep_string("MXSymbol");
  class_exec = keep_string("MXExecutorHandle");
  class_op = keep_string("MXOp");
  class_kv = keep_string("MXKVStoreHandle");
}
