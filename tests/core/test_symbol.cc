// Symbols and executors through the core API: MXNet's names and JSON, shape
// inference, forward/backward, gradients against finite differences, the memory
// plan, and the errors binding and backward must raise.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "check.h"
#include "core/executor/executor.h"
#include "core/ndarray/autograd.h"

using namespace mxl;

static Symbol op(const char* name, std::vector<Symbol> args, KV params = {}, const char* nm = "",
                 std::vector<std::pair<std::string, Symbol>> kw = {}) {
  const OpDef& d = Registry::get(name);
  return Symbol::atomic(d, params, name).compose(nm, args, kw);
}

static NDArray arr(Shape s, std::vector<double> v, DType t = DType::f32) {
  NDArray a(s, t, Context::cpu());
  if (t == DType::f64) a.sync_copy_from(v.data(), v.size() * 8);
  else {
    std::vector<float> f(v.begin(), v.end());
    a.sync_copy_from(f.data(), f.size() * 4);
  }
  return a;
}
static std::vector<double> get(const NDArray& a) {
  std::vector<double> out(size_t(a.size()));
  if (a.dtype() == DType::f64) a.sync_copy_to(out.data(), out.size() * 8);
  else {
    std::vector<float> f(out.size());
    a.sync_copy_to(f.data(), f.size() * 4);
    out.assign(f.begin(), f.end());
  }
  return out;
}
static bool throws(const std::function<void()>& f, const char* frag) {
  try {
    f();
  } catch (const Error& e) {
    if (std::strstr(e.what(), frag)) return true;
    std::printf("  message was: %s\n", e.what());
    return false;
  }
  return false;
}

static Symbol tutorial() {
  reset_auto_names();
  Symbol a = Symbol::variable("A"), b = Symbol::variable("B");
  Symbol c = op("_DivScalar", {op("_Plus", {a, b})}, {{"scalar", "10"}});
  return op("_PlusScalar", {c}, {{"scalar", "1"}});
}

TEST(tutorial_names_and_shapes) {
  Symbol d = tutorial();
  CHECK((d.list_arguments() == std::vector<std::string>{"A", "B"}));
  CHECK((d.list_outputs() == std::vector<std::string>{"_plusscalar0_output"}));
  auto r = d.infer_shape({{"A", Shape{10}}, {"B", Shape{10}}});
  CHECK(r.complete && r.args.size() == 2 && r.args[1] == Shape{10} && r.outs[0] == Shape{10} && r.aux.empty());
}

TEST(json_matches_mxnet_and_round_trips) {
  // What MXNet 1.9.1 writes for the tutorial's graph, byte for byte.
  const char* expect = R"({
  "nodes": [
    {
      "op": "null", 
      "name": "A", 
      "inputs": []
    }, 
    {
      "op": "null", 
      "name": "B", 
      "inputs": []
    }, 
    {
      "op": "elemwise_add", 
      "name": "_plus0", 
      "inputs": [[0, 0, 0], [1, 0, 0]]
    }, 
    {
      "op": "_div_scalar", 
      "name": "_divscalar0", 
      "attrs": {"scalar": "10"}, 
      "inputs": [[2, 0, 0]]
    }, 
    {
      "op": "_plus_scalar", 
      "name": "_plusscalar0", 
      "attrs": {"scalar": "1"}, 
      "inputs": [[3, 0, 0]]
    }
  ], 
  "arg_nodes": [0, 1], 
  "node_row_ptr": [0, 1, 2, 3, 4, 5], 
  "heads": [[4, 0, 0]], 
  "attrs": {"mxnet_version": ["int", 10901]}
})";
  std::string js = tutorial().to_json();
  CHECK(js == expect);
  if (js != expect) std::printf("%s\n", js.c_str());
  Symbol back = Symbol::from_json(js);
  CHECK(back.to_json() == js);
  CHECK(back.list_outputs() == tutorial().list_outputs());
}

TEST(bad_json_is_a_clear_error) {
  CHECK(throws([] { Symbol::from_json("{\"nodes\": [}"); }, "malformed JSON"));
  CHECK(throws([] { Symbol::from_json(R"({"nodes": [{"op": "relu", "name": "x", "inputs": [[1, 0, 0]]},
                                    {"op": "relu", "name": "y", "inputs": [[0, 0, 0]]}], "heads": [[1,0,0]]})"); },
               "cycle"));
  CHECK(throws([] { Symbol::from_json(R"({"nodes": [{"op": "nope", "name": "x", "inputs": []}], "heads": [[0,0,0]]})"); },
               "unknown operator 'nope'"));
  CHECK(throws([] { Symbol::from_json(R"({"nodes": [{"op": "null", "name": "x", "inputs": []}], "heads": [[3,0,0]]})"); },
               "does not exist"));
}

TEST(forward_backward_tutorial) {
  Symbol d = tutorial();
  NDArray A = arr({10}, std::vector<double>(10, 1)), B = arr({10}, std::vector<double>(10, 2));
  NDArray gA(Shape{10}, DType::f32, Context::cpu()), gB(Shape{10}, DType::f32, Context::cpu());
  Executor ex(d, Context::cpu(), {A, B}, {gA, gB}, {GradReq::kWrite, GradReq::kWrite}, {});
  ex.forward(true);
  CHECK(std::fabs(get(ex.outputs()[0])[3] - 1.3) < 1e-6);
  CHECK(throws([&] { ex.backward({}); }, "not a loss"));
  ex.backward({arr({10}, std::vector<double>(10, 1))});
  CHECK(std::fabs(get(gA)[0] - 0.1) < 1e-6 && std::fabs(get(gB)[9] - 0.1) < 1e-6);
}

static Symbol mlp(int layers, int hidden, int classes) {
  reset_auto_names();
  Symbol x = Symbol::variable("data");
  for (int i = 0; i < layers; ++i) {
    std::string nm = "fc" + std::to_string(i);
    x = op("FullyConnected", {}, {{"num_hidden", std::to_string(i + 1 == layers ? classes : hidden)}}, nm.c_str(),
           {{"data", x}});
    if (i + 1 < layers) x = op("Activation", {x}, {{"act_type", "relu"}});
  }
  return op("SoftmaxOutput", {x, Symbol::variable("softmax_label")}, {}, "softmax");
}

TEST(mlp_names_and_inferred_parameter_shapes) {
  Symbol s = mlp(2, 128, 10);
  CHECK((s.list_arguments() ==
         std::vector<std::string>{"data", "fc0_weight", "fc0_bias", "fc1_weight", "fc1_bias", "softmax_label"}));
  auto r = s.infer_shape({{"data", Shape{128, 784}}});
  CHECK(r.complete);
  CHECK(r.args[1] == (Shape{128, 784}) && r.args[2] == Shape{128} && r.args[3] == (Shape{10, 128}) &&
        r.args[5] == Shape{128} && r.outs[0] == (Shape{128, 10}));
  CHECK(throws([&] { s.infer_shape({{"data", Shape{128, 784}}, {"fc0_weight", Shape{128, 700}}}); }, "fc0"));
}

// Loss of SoftmaxOutput = -sum log p[label]: its gradient is what backward gives.
TEST(mlp_gradient_matches_finite_differences) {
  Symbol s = mlp(2, 3, 2);
  auto r = s.infer_shape({{"data", Shape{4, 5}}});
  std::vector<NDArray> args, grads;
  std::vector<GradReq> reqs;
  std::mt19937 rng(3);
  std::normal_distribution<double> nd(0, 0.5);
  auto names = s.list_arguments();
  for (size_t i = 0; i < r.args.size(); ++i) {
    std::vector<double> v(size_t(r.args[i].size()));
    for (size_t k = 0; k < v.size(); ++k) v[k] = names[i] == "softmax_label" ? double(k % 2) : nd(rng);
    args.push_back(arr(r.args[i], v, DType::f64));
    grads.push_back(NDArray(r.args[i], DType::f64, Context::cpu()));
    reqs.push_back(names[i] == "softmax_label" ? GradReq::kNull : GradReq::kWrite);
  }
  Executor ex(s, Context::cpu(), args, grads, reqs, {});
  auto loss = [&] {
    ex.forward(false);
    auto p = get(ex.outputs()[0]);
    double l = 0;
    for (int n = 0; n < 4; ++n) l -= std::log(p[size_t(n * 2 + n % 2)]);
    return l;
  };
  ex.forward(true);
  ex.backward({});
  double worst = 0;
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    auto g = get(grads[i]);
    auto v = get(args[i]);
    for (size_t k = 0; k < v.size(); ++k) {
      const double h = 1e-6;
      auto w = v;
      w[k] = v[k] + h;
      args[i].sync_copy_from(w.data(), w.size() * 8);
      double lp = loss();
      w[k] = v[k] - h;
      args[i].sync_copy_from(w.data(), w.size() * 8);
      double lm = loss();
      args[i].sync_copy_from(v.data(), v.size() * 8);
      worst = std::max(worst, std::fabs((lp - lm) / (2 * h) - g[k]));
    }
  }
  CHECK(worst < 1e-6);
  if (worst >= 1e-6) std::printf("  worst gradient error %g\n", worst);
}

TEST(memory_plan_reuses_buffers_and_matches_unplanned) {
  Symbol s = mlp(10, 64, 10);
  auto run = [&](bool plan, ExecPlanStats* st) {
    if (plan) unsetenv("MXLITE_MEMORY_PLAN");
    else setenv("MXLITE_MEMORY_PLAN", "0", 1);
    auto r = s.infer_shape({{"data", Shape{32, 64}}});
    std::vector<NDArray> args, grads;
    std::vector<GradReq> reqs;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-0.3, 0.3);
    for (size_t i = 0; i < r.args.size(); ++i) {
      std::vector<double> v(size_t(r.args[i].size()));
      for (size_t k = 0; k < v.size(); ++k) v[k] = i + 1 == r.args.size() ? double(k % 10) : u(rng);
      args.push_back(arr(r.args[i], v));
      grads.push_back(NDArray(r.args[i], DType::f32, Context::cpu()));
      reqs.push_back(GradReq::kWrite);
    }
    Executor ex(s, Context::cpu(), args, grads, reqs, {});
    ex.forward(true);
    ex.backward({});
    *st = ex.stats();
    auto out = get(ex.outputs()[0]);
    auto g = get(grads[1]);
    out.insert(out.end(), g.begin(), g.end());
    return out;
  };
  ExecPlanStats planned, naive;
  auto a = run(true, &planned), b = run(false, &naive);
  unsetenv("MXLITE_MEMORY_PLAN");
  CHECK(a == b);
  CHECK(planned.planned_bytes * 10 <= planned.naive_bytes * 7);  // at least 30% below naive
  CHECK(naive.planned_bytes == naive.naive_bytes);
  std::printf("  10-layer MLP plan: %llu of %llu naive bytes (%d in place)\n",
              (unsigned long long)planned.planned_bytes, (unsigned long long)planned.naive_bytes, planned.inplace);
}

TEST(bind_errors_name_the_argument) {
  Symbol s = mlp(1, 4, 3);
  NDArray data(Shape{2, 5}, DType::f32, Context::cpu());
  NDArray w(Shape{3, 4}, DType::f32, Context::cpu()), bias(Shape{3}, DType::f32, Context::cpu());
  NDArray label(Shape{2}, DType::f32, Context::cpu());
  CHECK(throws([&] { Executor(s, Context::cpu(), {data, w, bias}, {}, {}, {}); }, "4 arguments but 3"));
  CHECK(throws([&] { Executor(s, Context::cpu(), {data, w, bias, label}, {}, {}, {}); }, "fc0"));
  NDArray w_ok(Shape{3, 5}, DType::f32, Context::cpu());
  Executor ex(s, Context::cpu(), {data, w_ok, bias, label}, {}, {}, {});
  CHECK(throws([&] { ex.backward({}); }, "no gradients"));
  Executor ex2(s, Context::cpu(), {data, w_ok, bias, label},
               {NDArray(), NDArray(Shape{3, 5}, DType::f32, Context::cpu()), NDArray(), NDArray()},
               {GradReq::kNull, GradReq::kWrite, GradReq::kNull, GradReq::kNull}, {});
  CHECK(throws([&] { ex2.backward({}); }, "before backward"));
}

TEST(autograd_matches_executor) {
  NDArray x = arr({3}, {1, 2, 3});
  NDArray gx(Shape{3}, DType::f32, Context::cpu());
  autograd::mark_variable(x, gx, 1);
  autograd::set_recording(true);
  NDArray y = invoke("elemwise_mul", {x, x})[0];
  NDArray z = invoke("_mul_scalar", {y}, {{"scalar", "3"}})[0];
  autograd::set_recording(false);
  autograd::backward({z}, {}, {}, true);
  auto g = get(gx);
  CHECK(g[0] == 6 && g[1] == 12 && g[2] == 18);  // d(3x^2)/dx = 6x
}

int main() { return check::run_all("symbol"); }
