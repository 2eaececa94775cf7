// Registry bookkeeping, parameter parsing and the shape/type rules many ops share.
#include "registry.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

namespace mxl {

// ------------------------------------------------------------ parsing values
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n\r"), e = s.find_last_not_of(" \t\n\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

[[noreturn]] void bad_value(const OpDef* op, const ParamSpec& p, const std::string& got,
                            const std::string& why = "") {
  fail(Err::kInvalidArgument, op ? op->name : std::string("?"), ": parameter '", p.name,
       "' expects ", p.type_str(), ", got '", got, "'", why.empty() ? "" : " (", why,
       why.empty() ? "" : ")");
}

bool parse_int(const std::string& s, int64_t* out) {
  std::string t = trim(s);
  if (!t.empty() && (t.back() == 'L' || t.back() == 'l')) t.pop_back();  // Python 2 longs
  if (t.empty()) return false;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(t.c_str(), &end, 10);
  if (errno == 0 && *end == '\0') {
    *out = v;
    return true;
  }
  // MXNet accepts integral floats such as "2.0" for int parameters.
  double f = std::strtod(t.c_str(), &end);
  if (*end != '\0' || !std::isfinite(f) || f != std::floor(f) || std::fabs(f) > 9.2e18) return false;
  *out = int64_t(f);
  return true;
}

bool parse_float(const std::string& s, double* out) {
  std::string t = trim(s);
  if (t.empty()) return false;
  std::string low = t;
  std::transform(low.begin(), low.end(), low.begin(), ::tolower);
  if (low == "inf" || low == "+inf" || low == "infinity") { *out = INFINITY; return true; }
  if (low == "-inf" || low == "-infinity") { *out = -INFINITY; return true; }
  if (low == "nan") { *out = NAN; return true; }
  if (low == "true") { *out = 1; return true; }
  if (low == "false") { *out = 0; return true; }
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (*end != '\0') return false;
  *out = v;
  return true;
}

bool parse_bool(const std::string& s, int64_t* out) {
  std::string t = trim(s);
  if (t == "True" || t == "true" || t == "1") { *out = 1; return true; }
  if (t == "False" || t == "false" || t == "0") { *out = 0; return true; }
  return false;
}

// "(2, 3)", "[2,3]", "2", "()", "(None, 2)": None entries become INT64_MIN.
bool parse_tuple(const std::string& s, Shape* out) {
  std::string t = trim(s);
  if (!t.empty() && (t.front() == '(' || t.front() == '[')) {
    char close = t.front() == '(' ? ')' : ']';
    if (t.back() != close) return false;
    t = t.substr(1, t.size() - 2);
  }
  std::vector<int64_t> dims;
  size_t pos = 0;
  t = trim(t);
  while (pos < t.size()) {
    size_t comma = t.find(',', pos);
    std::string item = trim(t.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
    pos = comma == std::string::npos ? t.size() : comma + 1;
    if (item.empty()) {
      if (pos >= t.size()) break;  // trailing comma "(2,)"
      return false;
    }
    int64_t v;
    if (item == "None") v = INT64_MIN;
    else if (!parse_int(item, &v)) return false;
    dims.push_back(v);
  }
  if (int(dims.size()) > kMaxDim) return false;
  *out = Shape(dims);
  return true;
}

std::string join_choices(const std::vector<std::string>& c) {
  std::string s = "{";
  for (size_t i = 0; i < c.size(); ++i) s += (i ? ", '" : "'") + c[i] + "'";
  return s + "}";
}

}  // namespace

std::string ParamSpec::type_str() const {
  std::string t;
  switch (type) {
    case PType::kInt: t = "int"; break;
    case PType::kFloat: t = "float"; break;
    case PType::kBool: t = "boolean"; break;
    case PType::kEnum: t = join_choices(choices); break;
    case PType::kString: t = "string"; break;
    case PType::kShape: t = "Shape(tuple)"; break;
    case PType::kDType:
      t = "{'bool', 'float16', 'float32', 'float64', 'int32', 'int64', 'int8', 'uint8'}";
      break;
  }
  if (optional) t += " or None";
  return t;
}

// Parses one value of spec p (op for messages only).
static ParamValue parse_value(const OpDef* op, const ParamSpec& p, const std::string& raw) {
  ParamValue v;
  std::string t = trim(raw);
  if (p.optional && t == "None") {
    v.none = true;
    return v;
  }
  switch (p.type) {
    case PType::kInt:
      if (!parse_int(t, &v.i)) bad_value(op, p, raw);
      if (double(v.i) < p.lo || double(v.i) > p.hi) {
        std::ostringstream os;
        os << "out of range [" << p.lo << ", " << p.hi << "]";
        bad_value(op, p, raw, os.str());
      }
      break;
    case PType::kFloat:
      if (!parse_float(t, &v.f)) bad_value(op, p, raw);
      if (v.f < p.lo || v.f > p.hi) {
        std::ostringstream os;
        os << "out of range [" << p.lo << ", " << p.hi << "]";
        bad_value(op, p, raw, os.str());
      }
      break;
    case PType::kBool:
      if (!parse_bool(t, &v.i)) bad_value(op, p, raw);
      break;
    case PType::kEnum: {
      std::string u = t;
      if (u.size() >= 2 && (u.front() == '\'' || u.front() == '"') && u.back() == u.front())
        u = u.substr(1, u.size() - 2);
      auto it = std::find(p.choices.begin(), p.choices.end(), u);
      if (it == p.choices.end()) bad_value(op, p, raw);
      v.i = it - p.choices.begin();
      v.s = u;
      break;
    }
    case PType::kString:
      v.s = raw;
      break;
    case PType::kShape:
      if (!parse_tuple(t, &v.shape)) bad_value(op, p, raw);
      break;
    case PType::kDType: {
      std::string u = t;
      if (u.size() >= 2 && (u.front() == '\'' || u.front() == '"') && u.back() == u.front())
        u = u.substr(1, u.size() - 2);
      if (u.rfind("<class 'numpy.", 0) == 0) u = u.substr(14, u.size() - 16);  // str(np.float32)
      try {
        v.i = int64_t(dtype_from_name(u));
      } catch (const Error&) {
        bad_value(op, p, raw);
      }
      break;
    }
  }
  return v;
}

// ------------------------------------------------------------------- Attrs
Attrs Attrs::parse(const OpDef* op, const std::vector<std::pair<std::string, std::string>>& kv,
                   std::shared_ptr<void> state) {
  Attrs a;
  a.op = op;
  a.raw_ = kv;
  a.values_.resize(op->params.size());
  std::vector<bool> given(op->params.size(), false);
  for (const auto& [k, val] : kv) {
    int idx = op->param_index(k);
    if (idx < 0 && op->free_params) continue;  // kept in raw_ for the op to read
    if (idx < 0) {
      std::string known;
      for (const auto& p : op->params) known += (known.empty() ? "" : ", ") + p.name;
      fail(Err::kNotFound, op->name, ": unknown parameter '", k, "' (parameters: ",
           known.empty() ? "none" : known, ")");
    }
    a.values_[idx] = parse_value(op, op->params[idx], val);
    given[idx] = true;
  }
  for (size_t i = 0; i < op->params.size(); ++i) {
    if (given[i]) continue;
    const ParamSpec& p = op->params[i];
    MXL_CHECK(!p.required, Err::kInvalidArgument, op->name, ": required parameter '", p.name,
              "' (", p.type_str(), ") is missing");
    a.values_[i] = op->defaults()[i];
  }
  if (state) a.state = std::move(state);
  else if (op->make_state) a.state = op->make_state(a);
  return a;
}

const std::vector<ParamValue>& OpDef::defaults() const {
  std::call_once(defaults_once_, [this] {
    defaults_.resize(params.size());
    for (size_t i = 0; i < params.size(); ++i)
      if (!params[i].required) defaults_[i] = parse_value(this, params[i], params[i].def);
  });
  return defaults_;
}

const ParamValue& Attrs::get(const char* name) const {
  MXL_CHECK(op != nullptr, Err::kInternal, "parameter '", name, "' read from empty Attrs");
  int idx = op->param_index(name);
  MXL_CHECK(idx >= 0, Err::kInternal, op->name, ": kernel read undeclared parameter '", name, "'");
  return values_[idx];
}
int64_t Attrs::i(const char* name) const { return get(name).i; }
double Attrs::f(const char* name) const { return get(name).f; }
bool Attrs::b(const char* name) const { return get(name).i != 0; }
const std::string& Attrs::s(const char* name) const { return get(name).s; }
const Shape& Attrs::shape(const char* name) const { return get(name).shape; }
DType Attrs::dtype(const char* name) const { return DType(get(name).i); }
bool Attrs::none(const char* name) const { return get(name).none; }

GVals GradGraph::op_stateful(const std::string& name, const GVals&, const Attrs& forward) {
  fail(Err::kInternal, "the gradient of ", forward.op ? forward.op->name : std::string("?"), " needs stateful op ",
       name, ", which this gradient graph cannot run");
}

// ------------------------------------------------------------------- OpDef
OpDef& OpDef::param(std::string n, PType t, std::string def, std::string d) {
  ParamSpec p;
  p.name = std::move(n);
  p.type = t;
  p.def = std::move(def);
  p.doc = std::move(d);
  params.push_back(std::move(p));
  return *this;
}
OpDef& OpDef::param_required(std::string n, PType t, std::string d) {
  param(std::move(n), t, "", std::move(d));
  params.back().required = true;
  return *this;
}
OpDef& OpDef::param_optional(std::string n, PType t, std::string d) {
  param(std::move(n), t, "None", std::move(d));
  params.back().optional = true;
  return *this;
}
OpDef& OpDef::param_enum(std::string n, std::vector<std::string> c, std::string def, std::string d) {
  param(std::move(n), PType::kEnum, std::move(def), std::move(d));
  params.back().choices = std::move(c);
  return *this;
}

int OpDef::num_inputs(const Attrs& a) const {
  if (inputs_fn) return int(inputs_fn(a).size());
  if (key_var_num_args.empty()) return int(inputs.size());
  return int(a.i(key_var_num_args.c_str()));
}
int OpDef::num_outs(const Attrs& a) const { return num_outputs_fn ? num_outputs_fn(a) : num_outputs; }
std::vector<std::string> OpDef::input_names(const Attrs& a) const {
  if (inputs_fn) return inputs_fn(a);
  if (key_var_num_args.empty()) return inputs;
  std::vector<std::string> v;
  int n = num_inputs(a);
  for (int i = 0; i < n; ++i) v.push_back("arg" + std::to_string(i));
  return v;
}
int OpDef::param_index(const std::string& n) const {
  for (size_t i = 0; i < params.size(); ++i)
    if (params[i].name == n) return int(i);
  return -1;
}

// ---------------------------------------------------------------- Registry
namespace {
struct RegistryData {
  std::deque<OpDef> ops;               // stable addresses
  std::map<std::string, OpDef*> byname;  // names and aliases
};
RegistryData& reg() {
  static RegistryData r;
  return r;
}
void insert_name(const std::string& n, OpDef* d) {
  if (!reg().byname.emplace(n, d).second) {
    std::fprintf(stderr, "mxlite: operator name '%s' registered twice\n", n.c_str());
    std::abort();  // a build defect, caught by any test run
  }
}
}  // namespace

OpDef& OpDef::alias(std::string a) {
  aliases.push_back(a);
  insert_name(a, this);
  return *this;
}

OpDef& Registry::add(const std::string& name) {
  reg().ops.emplace_back();
  OpDef& d = reg().ops.back();
  d.name = name;
  insert_name(name, &d);
  return d;
}
const OpDef* Registry::find(const std::string& name) {
  auto it = reg().byname.find(name);
  return it == reg().byname.end() ? nullptr : it->second;
}
const OpDef& Registry::get(const std::string& name) {
  const OpDef* d = find(name);
  MXL_CHECK(d != nullptr, Err::kNotFound, "unknown operator '", name, "'");
  return *d;
}
std::vector<std::string> Registry::names(bool with_aliases) {
  std::vector<std::string> v;
  for (const auto& [n, d] : reg().byname)
    if (with_aliases || n == d->name) v.push_back(n);
  return v;  // std::map keeps them sorted
}
std::vector<const OpDef*> Registry::all() {
  std::vector<const OpDef*> v;
  for (const auto& d : reg().ops) v.push_back(&d);
  return v;
}

// ------------------------------------------------------------ common rules
bool shape_same(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  Shape known;
  auto merge = [&](const Shape& s, const char* what, size_t i) {
    if (!s.known()) return;
    if (!known.known()) known = s;
    else
      MXL_CHECK(known == s, Err::kShape, a.op->name, ": shape mismatch, ", what, " ", i, " has shape ",
                s, " but expected ", known);
  };
  for (size_t i = 0; i < in.size(); ++i) merge(in[i], "input", i);
  for (size_t i = 0; i < out.size(); ++i) merge(out[i], "output", i);
  if (!known.known()) return false;
  for (auto& s : in) s = known;
  for (auto& s : out) s = known;
  return true;
}

Shape broadcast_shapes(const char* op, const Shape& a, const Shape& b) {
  int n = std::max(a.ndim, b.ndim);
  Shape r;
  r.ndim = n;
  for (int i = 0; i < n; ++i) {
    int ia = i - (n - a.ndim), ib = i - (n - b.ndim);
    int64_t da = ia >= 0 ? a.d[ia] : 1, db = ib >= 0 ? b.d[ib] : 1;
    MXL_CHECK(da == db || da == 1 || db == 1, Err::kShape, op, ": operands could not be broadcast together with shapes ",
              a, " ", b);
    r.d[i] = da == 1 ? db : da;
  }
  return r;
}

bool shape_broadcast(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!in[0].known() || !in[1].known()) return false;
  Shape r = broadcast_shapes(a.op->name.c_str(), in[0], in[1]);
  if (out[0].known())
    MXL_CHECK(out[0] == r, Err::kShape, a.op->name, ": output shape ", out[0], " but inputs broadcast to ", r);
  out[0] = r;
  return true;
}

bool type_same(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  int t = -1;
  auto merge = [&](int x, const char* what, size_t i) {
    if (x < 0) return;
    if (t < 0) t = x;
    else
      MXL_CHECK(t == x, Err::kDType, a.op->name, ": dtype mismatch, ", what, " ", i, " is ",
                dtype_name(DType(x)), " but expected ", dtype_name(DType(t)));
  };
  for (size_t i = 0; i < in.size(); ++i) merge(in[i], "input", i);
  for (size_t i = 0; i < out.size(); ++i) merge(out[i], "output", i);
  if (t < 0) return false;
  for (auto& x : in) x = t;
  for (auto& x : out) x = t;
  return true;
}

int normalize_axis(const char* op, int64_t axis, int ndim) {
  int64_t a = axis < 0 ? axis + ndim : axis;
  MXL_CHECK(a >= 0 && a < std::max(ndim, 1), Err::kInvalidArgument, op, ": axis ", axis,
            " is out of range for an array with ", ndim, " dimensions");
  return int(a);
}

}  // namespace mxl
