/*
 * _fastpath.c -- optional CPython accelerator for mxlite's NDArray.
 *
 * Why it exists: `c = a + b` through cffi costs three Python frames (__add__, the
 * dispatch helper, __del__ of the array `c` dropped) and two libffi calls: about
 * 10k instructions, more than the core spends running the op. This module gives
 * NDArray a C base type whose number slots call the C ABI directly and whose
 * dealloc frees the handle: the common cases (array op array, array op Python
 * number) cost one C call. Everything else -- numpy operands, lists, numpy
 * scalars, huge ints -- goes to the pure-Python implementation handed over by
 * configure(), so behaviour is defined in one place.
 *
 * It never links libmxlite: configure() passes the addresses of the functions
 * that cffi loaded, so one process always has one core. It uses only the public
 * header. Without it (no Python headers at build time, or MXLITE_FASTPATH=0)
 * the pure-Python NDArray does the same work, slower.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <stdio.h>
#include <string.h>

#include "mxlite/c_api.h"

typedef int (*invoke_fn)(mxl_invoke_args*);
typedef int (*free_fn)(mxl_ndarray);
typedef int (*info_fn)(mxl_ndarray, int*, int64_t*, int*, int*, int*);

/* ------------------------------------------------------------ configuration */

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, NUM_OPS };

typedef struct {
  mxl_op elem, bcast, scalar, rscalar; /* rscalar: number <op> array (NULL: use fallback) */
  PyObject* fallback;                  /* f(array, other): array <op> other          */
  PyObject* rfallback;                 /* f(array, other): other <op> array          */
  PyObject* ifallback;                 /* f(array, other): array <op>= other         */
} OpSet;

static struct {
  int ready;               /* configure() done: the number slots work */
  invoke_fn invoke;
  free_fn nd_free;         /* set by init(): arrays die correctly from the start */
  info_fn nd_info;
  PyTypeObject* nd_type;   /* the Python NDArray class (a subclass of NDArrayBase) */
  PyObject* make_cdata;    /* address -> cffi cdata 'mxl_ndarray' */
  PyObject* check_call;    /* rc -> raises the matching MXNetError */
  PyTypeObject* cdata_type;
  Py_ssize_t cdata_ptr_offset; /* where a cffi pointer cdata keeps its value */
  OpSet ops[NUM_OPS];
  mxl_op neg;              /* _mul_scalar, for -a */
} g;

/* ------------------------------------------------------------ the base type */

typedef struct {
  PyObject_HEAD
  mxl_ndarray h;      /* owned: freed when the object dies */
  PyObject* cdata;    /* cffi view of h for the Python code, made on first use */
  PyObject* meta;     /* (shape, dtype flag, device type, device id) or NULL */
  PyObject* grad;
  PyObject* weakrefs;
} NDArrayObject;

static PyTypeObject NDArrayBase_Type;

#define ND(o) ((NDArrayObject*)(o))

static void release_handle(NDArrayObject* self) {
  mxl_ndarray h = self->h;
  self->h = NULL;
  Py_CLEAR(self->cdata);
  if (h && g.nd_free) g.nd_free(h); /* never blocks: the engine keeps its own reference */
}

static void nd_dealloc(PyObject* o) {
  NDArrayObject* self = ND(o);
  if (self->weakrefs) PyObject_ClearWeakRefs(o);
  release_handle(self);
  Py_CLEAR(self->meta);
  Py_CLEAR(self->grad);
  Py_TYPE(o)->tp_free(o);
}

/* The pointer inside a cffi pointer cdata. The offset was verified by configure()
 * on a cdata whose value it knew; anything else is rejected. */
static int handle_from_object(PyObject* v, mxl_ndarray* out) {
  if (v == Py_None) {
    *out = NULL;
    return 0;
  }
  if (PyLong_Check(v)) {
    void* p = PyLong_AsVoidPtr(v);
    if (!p && PyErr_Occurred()) return -1;
    *out = (mxl_ndarray)p;
    return 0;
  }
  if (g.cdata_type && PyObject_TypeCheck(v, g.cdata_type)) {
    memcpy(out, (char*)v + g.cdata_ptr_offset, sizeof(*out));
    return 0;
  }
  PyErr_Format(PyExc_TypeError, "NDArray.handle: expected an mxl_ndarray cdata, an address or None, got %s",
               Py_TYPE(v)->tp_name);
  return -1;
}

static PyObject* nd_get_handle(PyObject* o, void* unused) {
  NDArrayObject* self = ND(o);
  (void)unused;
  if (!self->h) Py_RETURN_NONE;
  if (!self->cdata) {
    PyObject* addr = PyLong_FromVoidPtr(self->h);
    if (!addr) return NULL;
    self->cdata = PyObject_CallOneArg(g.make_cdata, addr);
    Py_DECREF(addr);
    if (!self->cdata) return NULL;
  }
  Py_INCREF(self->cdata);
  return self->cdata;
}

/* Setting a handle hands it to the object; the one it held before is freed. */
static int nd_set_handle(PyObject* o, PyObject* v, void* unused) {
  mxl_ndarray h = NULL;
  (void)unused;
  if (v && handle_from_object(v, &h) < 0) return -1;
  if (h == ND(o)->h) return 0;
  release_handle(ND(o));
  ND(o)->h = h;
  return 0;
}

static PyGetSetDef nd_getset[] = {
    {"handle", nd_get_handle, nd_set_handle, "the mxl_ndarray handle (owned by this object)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef nd_members[] = {
    {"_meta", T_OBJECT, offsetof(NDArrayObject, meta), 0, NULL},
    {"_grad", T_OBJECT, offsetof(NDArrayObject, grad), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ------------------------------------------------------------ the hot paths */

static int is_nd(PyObject* o) { return PyObject_TypeCheck(o, &NDArrayBase_Type); }

/* Python numbers the C path formats itself; numpy scalars and others go to Python. */
static int is_number(PyObject* o) { return PyFloat_CheckExact(o) || PyLong_CheckExact(o) || PyBool_Check(o); }

static PyObject* raise_status(int rc) {
  PyObject* r = PyObject_CallFunction(g.check_call, "i", rc);
  Py_XDECREF(r);
  if (!PyErr_Occurred()) PyErr_Format(PyExc_RuntimeError, "mxlite: call failed with status %d", rc);
  return NULL;
}

/* (shape, dtype flag, device type, device id), as NDArray._load_meta makes it; cached. */
static PyObject* meta_of(PyObject* a) {
  NDArrayObject* self = ND(a);
  if (self->meta && PyTuple_CheckExact(self->meta) && PyTuple_GET_SIZE(self->meta) == 4) return self->meta;
  int ndim = 0, dtype = 0, devtype = 0, devid = 0;
  int64_t dims[MXL_MAX_NDIM];
  int rc = g.nd_info(self->h, &ndim, dims, &dtype, &devtype, &devid);
  if (rc) return raise_status(rc);
  PyObject* shape = PyTuple_New(ndim);
  if (!shape) return NULL;
  for (int i = 0; i < ndim; ++i) {
    PyObject* d = PyLong_FromLongLong(dims[i]);
    if (!d) {
      Py_DECREF(shape);
      return NULL;
    }
    PyTuple_SET_ITEM(shape, i, d);
  }
  PyObject* m = Py_BuildValue("(Niii)", shape, dtype, devtype, devid);
  if (!m) return NULL;
  Py_XSETREF(self->meta, m);
  return m;
}

/* A new NDArray owning h, with the given metadata (borrowed; may be NULL). */
static PyObject* wrap(mxl_ndarray h, PyObject* meta) {
  PyObject* r = g.nd_type->tp_alloc(g.nd_type, 0);
  if (!r) {
    g.nd_free(h);
    return NULL;
  }
  ND(r)->h = h;
  Py_XINCREF(meta);
  ND(r)->meta = meta;
  return r;
}

static PyObject* run(mxl_invoke_args* args, PyObject* out, PyObject* meta) {
  int rc;
  /* cffi releases the GIL around every call; so do we (an op may wait for the engine). */
  Py_BEGIN_ALLOW_THREADS
  rc = g.invoke(args);
  Py_END_ALLOW_THREADS
  if (rc) return raise_status(rc);
  if (out) {
    Py_INCREF(out);
    return out;
  }
  return wrap(args->outputs[0], meta);
}

static PyObject* nd_nd(const OpSet* s, PyObject* a, PyObject* b, PyObject* out) {
  PyObject* ma = meta_of(a);
  if (!ma) return NULL;
  PyObject* mb = meta_of(b);
  if (!mb) return NULL;
  PyObject* sa = PyTuple_GET_ITEM(ma, 0);
  PyObject* sb = PyTuple_GET_ITEM(mb, 0);
  int same = sa == sb;
  if (!same) {
    same = PyObject_RichCompareBool(sa, sb, Py_EQ);
    if (same < 0) return NULL;
  }
  mxl_ndarray ins[2] = {ND(a)->h, ND(b)->h};
  mxl_ndarray slot = out ? ND(out)->h : NULL;
  mxl_invoke_args args = {same ? s->elem : s->bcast, 2, ins, 0, NULL, NULL, 1, &slot};
  /* elemwise: same shape, dtype and device as the input; broadcast: read lazily */
  return run(&args, out, same ? ma : NULL);
}

/* Scalar parameter text exactly as the Python path writes it: str(int), repr(float),
 * "1"/"0" for bools. Returns 1 when v is not representable here (use Python). */
static int format_scalar(PyObject* v, char* buf, size_t n) {
  if (PyBool_Check(v)) {
    snprintf(buf, n, "%s", v == Py_True ? "1" : "0");
    return 0;
  }
  if (PyLong_CheckExact(v)) {
    int overflow = 0;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow) return 1;
    if (x == -1 && PyErr_Occurred()) return -1;
    snprintf(buf, n, "%lld", x);
    return 0;
  }
  /* a float: repr() text, remembered for the values a training loop repeats */
  enum { SLOTS = 64 };
  static struct { double v; char text[40]; int used; } cache[SLOTS];
  double d = PyFloat_AS_DOUBLE(v);
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  unsigned i = (unsigned)((bits ^ (bits >> 29) ^ (bits >> 47)) % SLOTS);
  if (cache[i].used && memcmp(&cache[i].v, &d, sizeof d) == 0) {
    snprintf(buf, n, "%s", cache[i].text);
    return 0;
  }
  char* s = PyOS_double_to_string(d, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
  if (!s) return -1;
  int fits = strlen(s) < sizeof cache[i].text;
  snprintf(buf, n, "%s", s);
  if (fits) {
    cache[i].v = d;
    snprintf(cache[i].text, sizeof cache[i].text, "%s", s);
    cache[i].used = 1;
  }
  PyMem_Free(s);
  return fits ? 0 : 1;
}

static const char* const kScalarKey[1] = {"scalar"};

static PyObject* nd_scalar_text(mxl_op op, PyObject* a, const char* text, PyObject* out) {
  PyObject* ma = ND(a)->meta; /* same shape, dtype and device as the input (may be unknown) */
  mxl_ndarray in = ND(a)->h;
  mxl_ndarray slot = out ? ND(out)->h : NULL;
  const char* vals[1] = {text};
  mxl_invoke_args args = {op, 1, &in, 1, (const char**)kScalarKey, vals, 1, &slot};
  return run(&args, out, ma);
}

/* array <op> number; 1-returns NULL with no error set when Python must handle it */
static PyObject* nd_scalar(mxl_op op, PyObject* a, PyObject* v, PyObject* out, int* unhandled) {
  char text[64];
  int f = format_scalar(v, text, sizeof text);
  if (f < 0) return NULL;
  if (f > 0) {
    *unhandled = 1;
    return NULL;
  }
  return nd_scalar_text(op, a, text, out);
}

static PyObject* binop(int k, PyObject* a, PyObject* b) {
  const OpSet* s = &g.ops[k];
  int unhandled = 0;
  PyObject* r;
  if (!g.ready) Py_RETURN_NOTIMPLEMENTED;
  if (is_nd(a)) {
    if (is_nd(b)) return nd_nd(s, a, b, NULL);
    if (is_number(b) && s->scalar) {
      r = nd_scalar(s->scalar, a, b, NULL, &unhandled);
      if (r || !unhandled) return r;
    }
    return PyObject_CallFunctionObjArgs(s->fallback, a, b, NULL);
  }
  /* reflected: b is the array (Python tried a's own operator first) */
  if (is_number(a) && s->rscalar) {
    r = nd_scalar(s->rscalar, b, a, NULL, &unhandled);
    if (r || !unhandled) return r;
  }
  return PyObject_CallFunctionObjArgs(s->rfallback, b, a, NULL);
}

static PyObject* inplace(int k, PyObject* a, PyObject* b) {
  const OpSet* s = &g.ops[k];
  int unhandled = 0;
  PyObject* r;
  if (!g.ready || !is_nd(a)) Py_RETURN_NOTIMPLEMENTED;
  if (is_nd(b)) return nd_nd(s, a, b, a);
  if (is_number(b) && s->scalar) {
    r = nd_scalar(s->scalar, a, b, a, &unhandled);
    if (r || !unhandled) return r;
  }
  return PyObject_CallFunctionObjArgs(s->ifallback, a, b, NULL);
}

static PyObject* nb_add(PyObject* a, PyObject* b) { return binop(OP_ADD, a, b); }
static PyObject* nb_sub(PyObject* a, PyObject* b) { return binop(OP_SUB, a, b); }
static PyObject* nb_mul(PyObject* a, PyObject* b) { return binop(OP_MUL, a, b); }
static PyObject* nb_div(PyObject* a, PyObject* b) { return binop(OP_DIV, a, b); }
static PyObject* nb_iadd(PyObject* a, PyObject* b) { return inplace(OP_ADD, a, b); }
static PyObject* nb_isub(PyObject* a, PyObject* b) { return inplace(OP_SUB, a, b); }
static PyObject* nb_imul(PyObject* a, PyObject* b) { return inplace(OP_MUL, a, b); }
static PyObject* nb_idiv(PyObject* a, PyObject* b) { return inplace(OP_DIV, a, b); }

static PyObject* nb_neg(PyObject* a) {
  if (!g.ready) {
    PyErr_SetString(PyExc_RuntimeError, "mxlite._fastpath is not configured");
    return NULL;
  }
  return nd_scalar_text(g.neg, a, "-1.0", NULL);
}

static PyNumberMethods nd_as_number = {
    .nb_add = nb_add,
    .nb_subtract = nb_sub,
    .nb_multiply = nb_mul,
    .nb_negative = nb_neg,
    .nb_inplace_add = nb_iadd,
    .nb_inplace_subtract = nb_isub,
    .nb_inplace_multiply = nb_imul,
    .nb_true_divide = nb_div,
    .nb_inplace_true_divide = nb_idiv,
};

static PyTypeObject NDArrayBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "mxlite._fastpath.NDArrayBase",
    .tp_basicsize = sizeof(NDArrayObject),
    .tp_dealloc = nd_dealloc,
    .tp_as_number = &nd_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Storage and arithmetic of mxlite.nd.NDArray, in C (see mxlite/_fastpath.c).",
    .tp_weaklistoffset = offsetof(NDArrayObject, weakrefs),
    .tp_getset = nd_getset,
    .tp_members = nd_members,
    .tp_new = PyType_GenericNew,
};

/* ------------------------------------------------------------ generic invoke */

enum { SMALL = 16 };

/* Items of a list or tuple as UTF-8 strings (borrowed from the str objects). */
static int utf8_items(PyObject* seq, Py_ssize_t n, const char** out, const char* what) {
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* o = PySequence_Fast_GET_ITEM(seq, i);
    if (!PyUnicode_Check(o)) {
      PyErr_Format(PyExc_TypeError, "invoke: %s %zd must be a str, got %s", what, i, Py_TYPE(o)->tp_name);
      return -1;
    }
    out[i] = PyUnicode_AsUTF8(o);
    if (!out[i]) return -1;
  }
  return 0;
}

/* invoke(op_addr, inputs, keys, vals, out, num_slots) -> NDArray or list: the generic
 * op call of the generated mx.nd functions. inputs: NDArrays; keys, vals: parameter
 * strings; out: None, an NDArray or a list of them (written in place and returned). */
static PyObject* fp_invoke(PyObject* mod, PyObject* const* argv, Py_ssize_t argc) {
  (void)mod;
  if (argc != 6) {
    PyErr_SetString(PyExc_TypeError, "invoke: expected (op, inputs, keys, vals, out, num_slots)");
    return NULL;
  }
  if (!g.ready) {
    PyErr_SetString(PyExc_RuntimeError, "mxlite._fastpath is not configured");
    return NULL;
  }
  void* op = PyLong_AsVoidPtr(argv[0]);
  if (!op && PyErr_Occurred()) return NULL;
  Py_ssize_t nslot_req = PyLong_AsSsize_t(argv[5]);
  if (nslot_req < 0 && PyErr_Occurred()) return NULL;
  PyObject *ins_seq = NULL, *keys_seq = NULL, *vals_seq = NULL, *outs_seq = NULL, *result = NULL;
  mxl_ndarray ins_small[SMALL], slots_small[SMALL];
  const char *keys_small[SMALL], *vals_small[SMALL];
  mxl_ndarray *ins = ins_small, *slots = slots_small;
  const char **keys = keys_small, **vals = vals_small;
  PyObject* out = argv[4];

  if (!(ins_seq = PySequence_Fast(argv[1], "invoke: inputs must be a list or tuple"))) goto done;
  if (!(keys_seq = PySequence_Fast(argv[2], "invoke: keys must be a list or tuple"))) goto done;
  if (!(vals_seq = PySequence_Fast(argv[3], "invoke: vals must be a list or tuple"))) goto done;
  Py_ssize_t n_in = PySequence_Fast_GET_SIZE(ins_seq), n_par = PySequence_Fast_GET_SIZE(keys_seq);
  if (PySequence_Fast_GET_SIZE(vals_seq) != n_par) {
    PyErr_SetString(PyExc_ValueError, "invoke: keys and vals differ in length");
    goto done;
  }
  Py_ssize_t n_out = 0;
  if (out != Py_None) {
    if (is_nd(out)) {
      n_out = 1;
    } else {
      if (!(outs_seq = PySequence_Fast(out, "invoke: out must be an NDArray or a list of them"))) goto done;
      n_out = PySequence_Fast_GET_SIZE(outs_seq);
    }
  } else {
    n_out = nslot_req;
  }
  if (n_in > SMALL && !(ins = PyMem_Calloc((size_t)n_in, sizeof *ins))) goto nomem;
  if (n_par > SMALL && (!(keys = PyMem_Calloc((size_t)n_par, sizeof *keys)) ||
                        !(vals = PyMem_Calloc((size_t)n_par, sizeof *vals))))
    goto nomem;
  if (n_out > SMALL && !(slots = PyMem_Calloc((size_t)n_out, sizeof *slots))) goto nomem;
  for (Py_ssize_t i = 0; i < n_in; ++i) {
    PyObject* a = PySequence_Fast_GET_ITEM(ins_seq, i);
    if (!is_nd(a)) {
      PyErr_Format(PyExc_TypeError, "invoke: input %zd must be an NDArray, got %s", i, Py_TYPE(a)->tp_name);
      goto done;
    }
    ins[i] = ND(a)->h;
  }
  if (utf8_items(keys_seq, n_par, keys, "parameter name") || utf8_items(vals_seq, n_par, vals, "parameter value"))
    goto done;
  for (Py_ssize_t i = 0; i < n_out; ++i) {
    PyObject* o = out == Py_None ? NULL : outs_seq ? PySequence_Fast_GET_ITEM(outs_seq, i) : out;
    if (o && !is_nd(o)) {
      PyErr_Format(PyExc_TypeError, "invoke: out %zd must be an NDArray, got %s", i, Py_TYPE(o)->tp_name);
      goto done;
    }
    slots[i] = o ? ND(o)->h : NULL;
  }
  {
    mxl_invoke_args args = {(mxl_op)op, (int)n_in, ins, (int)n_par, keys, vals, (int)n_out, slots};
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = g.invoke(&args);
    Py_END_ALLOW_THREADS
    if (rc) {
      raise_status(rc);
      goto done;
    }
    if (out != Py_None) {
      Py_INCREF(out);
      result = out;
      goto done;
    }
    if (args.num_outputs == 1) {
      result = wrap(slots[0], NULL);
      goto done;
    }
    /* wrap every new handle first (each is freed if the list cannot be made) */
    result = PyList_New(args.num_outputs);
    for (int i = 0; i < args.num_outputs; ++i) {
      PyObject* r = result ? wrap(slots[i], NULL) : NULL;
      if (!r) {
        if (!result) g.nd_free(slots[i]);
        Py_CLEAR(result);
        continue;
      }
      PyList_SET_ITEM(result, i, r);
    }
  }
  goto done;
nomem:
  PyErr_NoMemory();
done:
  if (ins != ins_small) PyMem_Free(ins);
  if (keys != keys_small) PyMem_Free((void*)keys);
  if (vals != vals_small) PyMem_Free((void*)vals);
  if (slots != slots_small) PyMem_Free(slots);
  Py_XDECREF(ins_seq);
  Py_XDECREF(keys_seq);
  Py_XDECREF(vals_seq);
  Py_XDECREF(outs_seq);
  return result;
}

/* ------------------------------------------------------------ configure */

static int as_address(PyObject* o, void** out, const char* what) {
  if (o == Py_None) {
    *out = NULL;
    return 0;
  }
  *out = PyLong_AsVoidPtr(o);
  if (!*out && PyErr_Occurred()) {
    PyErr_Format(PyExc_TypeError, "configure: %s must be an address (int) or None", what);
    return -1;
  }
  return 0;
}

/* init(free_addr, info_addr, make_cdata, sample_cdata, sample_addr) -> bool, at library load.
 * Finds where cffi keeps a pointer cdata's value (the word after the object header and
 * the ctype pointer in every cffi release: checked here on a cdata of known value, not
 * assumed). False: not recognised, and the caller must use the pure-Python NDArray. */
static PyObject* init(PyObject* mod, PyObject* args) {
  PyObject *nd_free, *nd_info, *make_cdata, *sample, *sample_addr;
  (void)mod;
  if (!PyArg_ParseTuple(args, "OOOOO", &nd_free, &nd_info, &make_cdata, &sample, &sample_addr)) return NULL;
  void *fr, *inf, *want;
  if (as_address(nd_free, &fr, "free") || as_address(nd_info, &inf, "info") ||
      as_address(sample_addr, &want, "sample_addr"))
    return NULL;
  Py_ssize_t offset = -1;
  for (Py_ssize_t off = sizeof(PyObject); off + (Py_ssize_t)sizeof(void*) <= Py_TYPE(sample)->tp_basicsize;
       off += sizeof(void*)) {
    void* v;
    memcpy(&v, (char*)sample + off, sizeof v);
    if (v == want) {
      offset = off;
      break;
    }
  }
  if (offset < 0 || !fr || !inf || !want) Py_RETURN_FALSE;
  g.nd_free = (free_fn)fr;
  g.nd_info = (info_fn)inf;
  g.cdata_ptr_offset = offset;
  Py_INCREF(Py_TYPE(sample));
  Py_XSETREF(g.cdata_type, Py_TYPE(sample));
  Py_INCREF(make_cdata);
  Py_XSETREF(g.make_cdata, make_cdata);
  Py_RETURN_TRUE;
}

/* configure(NDArray, invoke_addr, check_call, ops, neg_op_addr), once the operator
 * handles are known. ops: for add, sub, mul, truediv: (elemwise, broadcast, scalar,
 * reflected scalar op addresses, fallback, reflected fallback, in-place fallback). */
static PyObject* configure(PyObject* mod, PyObject* args) {
  PyObject *nd_type, *invoke, *check_call, *ops, *neg;
  (void)mod;
  if (!PyArg_ParseTuple(args, "O!OOO!O", &PyType_Type, &nd_type, &invoke, &check_call, &PyList_Type, &ops, &neg))
    return NULL;
  if (!g.cdata_type) {
    PyErr_SetString(PyExc_RuntimeError, "configure: init() has not succeeded");
    return NULL;
  }
  if (!PyType_IsSubtype((PyTypeObject*)nd_type, &NDArrayBase_Type)) {
    PyErr_SetString(PyExc_TypeError, "configure: the NDArray class must derive from NDArrayBase");
    return NULL;
  }
  if (PyList_GET_SIZE(ops) != NUM_OPS) {
    PyErr_Format(PyExc_ValueError, "configure: expected %d operator sets, got %zd", NUM_OPS, PyList_GET_SIZE(ops));
    return NULL;
  }
  void *inv, *ng;
  if (as_address(invoke, &inv, "invoke") || as_address(neg, &ng, "neg")) return NULL;
  if (!inv || !ng) {
    PyErr_SetString(PyExc_ValueError, "configure: invoke and neg must not be NULL");
    return NULL;
  }
  for (int k = 0; k < NUM_OPS; ++k) {
    PyObject* t = PyList_GET_ITEM(ops, k);
    PyObject *e, *b, *s, *rs, *fb, *rfb, *ifb;
    if (!PyArg_ParseTuple(t, "OOOOOOO", &e, &b, &s, &rs, &fb, &rfb, &ifb)) return NULL;
    OpSet* o = &g.ops[k];
    void *pe, *pb, *ps, *prs;
    if (as_address(e, &pe, "elemwise op") || as_address(b, &pb, "broadcast op") ||
        as_address(s, &ps, "scalar op") || as_address(rs, &prs, "reflected scalar op"))
      return NULL;
    if (!pe || !pb) {
      PyErr_Format(PyExc_ValueError, "configure: operator set %d lacks its array ops", k);
      return NULL;
    }
    o->elem = (mxl_op)pe;
    o->bcast = (mxl_op)pb;
    o->scalar = (mxl_op)ps;
    o->rscalar = (mxl_op)prs;
    Py_INCREF(fb);
    Py_XSETREF(o->fallback, fb);
    Py_INCREF(rfb);
    Py_XSETREF(o->rfallback, rfb);
    Py_INCREF(ifb);
    Py_XSETREF(o->ifallback, ifb);
  }
  g.invoke = (invoke_fn)inv;
  g.neg = (mxl_op)ng;
  Py_INCREF(nd_type);
  Py_XSETREF(g.nd_type, (PyTypeObject*)nd_type);
  Py_INCREF(check_call);
  Py_XSETREF(g.check_call, check_call);
  g.ready = 1;
  Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
    {"init", init, METH_VARARGS,
     "init(free_addr, info_addr, make_cdata, sample_cdata, sample_addr) -> bool: at library load; "
     "False means cffi's pointer layout was not recognised (use the pure-Python NDArray)."},
    {"invoke", (PyCFunction)(void (*)(void))fp_invoke, METH_FASTCALL,
     "invoke(op_addr, inputs, keys, vals, out, num_slots) -> NDArray or list of NDArrays."},
    {"configure", configure, METH_VARARGS,
     "configure(NDArray, invoke_addr, check_call, ops, neg_op_addr): wires the number slots."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_fastpath", "C fast paths for mxlite.nd.NDArray (optional).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__fastpath(void) {
  if (PyType_Ready(&NDArrayBase_Type) < 0) return NULL;
  PyObject* m = PyModule_Create(&module_def);
  if (!m) return NULL;
  Py_INCREF(&NDArrayBase_Type);
  if (PyModule_AddObject(m, "NDArrayBase", (PyObject*)&NDArrayBase_Type) < 0) {
    Py_DECREF(&NDArrayBase_Type);
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
