// Engine semantics: laziness, the three hazard orders, real overlap, error
// propagation and recovery, release with pending work. Runs threaded, and again
// with MXLITE_ENGINE=naive (see CMakeLists.txt) where laziness/overlap do not apply.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "check.h"
#include "core/engine/engine.h"

using namespace mxl;
using namespace std::chrono;
using engine::Var;

static void sleep_ms(int ms) { std::this_thread::sleep_for(milliseconds(ms)); }
static double since(steady_clock::time_point t) {
  return duration<double, std::milli>(steady_clock::now() - t).count();
}
static bool naive() { return std::strcmp(engine::kind(), "naive") == 0; }
static engine::PushOpts opts(const char* name = "test") { return {Context::cpu(), name, false}; }

TEST(push_returns_before_slow_op_finishes) {
  if (naive()) return;  // naive runs inline by definition
  Var* v = engine::new_var();
  std::atomic<bool> done{false};
  auto t0 = steady_clock::now();
  engine::push([&] { sleep_ms(300); done = true; }, {}, {v}, opts());
  CHECK(since(t0) < 100);
  CHECK(!done);
  engine::wait_to_read(v);
  CHECK(done);
  engine::release_var(v);
}

TEST(read_after_write) {
  Var* v = engine::new_var();
  int x = 0, seen = -1;
  engine::push([&] { sleep_ms(50); x = 1; }, {}, {v}, opts());
  engine::push([&] { seen = x; }, {v}, {}, opts());
  engine::waitall();
  CHECK(seen == 1);
  engine::release_var(v);
}

TEST(write_after_read) {
  Var* v = engine::new_var();
  int x = 1, seen = -1;
  engine::push([&] { sleep_ms(50); seen = x; }, {v}, {}, opts());
  engine::push([&] { x = 2; }, {}, {v}, opts());
  engine::waitall();
  CHECK(seen == 1);
  CHECK(x == 2);
  engine::release_var(v);
}

TEST(write_after_write) {
  Var* v = engine::new_var();
  int x = 0;
  engine::push([&] { sleep_ms(50); x = 1; }, {}, {v}, opts());
  engine::push([&] { x = 2; }, {}, {v}, opts());
  engine::wait_to_read(v);
  CHECK(x == 2);
  engine::release_var(v);
}

TEST(reads_run_concurrently_and_writes_wait_for_them) {
  if (naive()) return;
  Var* v = engine::new_var();
  std::atomic<int> active{0}, max_active{0};
  int x = 0;
  auto reader = [&] {
    int a = ++active;
    int m = max_active;
    while (a > m && !max_active.compare_exchange_weak(m, a)) {}
    sleep_ms(100);
    --active;
  };
  engine::push(reader, {v}, {}, opts());
  engine::push(reader, {v}, {}, opts());
  engine::push([&] { x = active.load() + 10; }, {}, {v}, opts());
  engine::waitall();
  CHECK(max_active == 2);
  CHECK(x == 10);  // the write saw no reader still running
  engine::release_var(v);
}

TEST(independent_ops_overlap) {
  if (naive() || engine::cpu_workers() < 2) return;
  Var* a = engine::new_var();
  Var* b = engine::new_var();
  auto t0 = steady_clock::now();
  engine::push([] { sleep_ms(300); }, {}, {a}, opts());
  engine::push([] { sleep_ms(300); }, {}, {b}, opts());
  engine::waitall();
  CHECK(since(t0) < 550);
  engine::release_var(a);
  engine::release_var(b);
}

TEST(program_order_per_variable) {
  // x = x * 3 + i for i in 0..N: any reordering changes the result.
  Var* v = engine::new_var();
  uint64_t x = 1, expect = 1;
  for (uint64_t i = 0; i < 2000; ++i) {
    engine::push([&x, i] { x = x * 3 + i; }, {}, {v}, {Context::cpu(), "step", i % 2 == 0});
    expect = expect * 3 + i;
  }
  engine::wait_to_read(v);
  CHECK(x == expect);
  engine::release_var(v);
}

TEST(error_is_raised_at_wait_with_its_message_and_engine_recovers) {
  Var* x = engine::new_var();
  Var* y = engine::new_var();
  engine::push([] { fail(Err::kArithmetic, "myop: integer division by zero"); }, {}, {x}, opts("myop"));
  bool ran = false;
  engine::push([&] { ran = true; }, {x}, {y}, opts("consumer"));  // skipped: its input failed
  try {
    engine::wait_to_read(y);
    CHECK(false);
  } catch (const Error& e) {
    CHECK(e.code == Err::kArithmetic);
    CHECK(std::string(e.what()).find("integer division by zero") != std::string::npos);
  }
  CHECK(!ran);
  bool raised = false;
  try {
    engine::wait_to_read(x);
  } catch (const Error&) {
    raised = true;
  }
  CHECK(raised);  // still poisoned until overwritten
  engine::waitall();  // already reported: waitall does not raise it again
  int v = 0;
  engine::push([&] { v = 7; }, {}, {x}, opts());  // a new value clears the error
  engine::wait_to_read(x);
  CHECK(v == 7);
  engine::release_var(x);
  engine::release_var(y);
}

TEST(waitall_raises_unreported_error_once) {
  Var* x = engine::new_var();
  engine::push([] { fail(Err::kInvalidArgument, "boom-42"); }, {}, {x}, opts());
  bool raised = false;
  try {
    engine::waitall();
  } catch (const Error& e) {
    raised = std::string(e.what()) == "boom-42";
  }
  CHECK(raised);
  engine::waitall();  // does not raise again
  engine::release_var(x);
}

TEST(release_with_pending_work_is_safe) {
  std::atomic<int> count{0};
  for (int i = 0; i < 100; ++i) {
    Var* v = engine::new_var();
    engine::push([&] { sleep_ms(1); ++count; }, {}, {v}, opts());
    engine::push([&] { ++count; }, {v}, {}, opts());
    engine::release_var(v);  // deleted once both finished
  }
  engine::waitall();
  CHECK(count == 200);
}

TEST(many_threads_pushing) {
  Var* shared = engine::new_var();
  std::atomic<int64_t> total{0};
  int64_t plain = 0;  // only touched by ops writing `shared`: the engine serialises them
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([&] {
      Var* mine = engine::new_var();
      for (int i = 0; i < 1000; ++i) {
        engine::push([&] { ++plain; }, {mine}, {shared}, {Context::cpu(), "inc", i % 3 == 0});
        engine::push([&] { ++total; }, {shared}, {mine}, opts());
      }
      engine::wait_to_read(mine);
      engine::release_var(mine);
    });
  for (auto& t : ts) t.join();
  engine::waitall();
  CHECK(plain == 4000);
  CHECK(total == 4000);
  engine::release_var(shared);
}

int main() { return check::run_all(std::getenv("MXLITE_ENGINE") ? "engine(naive)" : "engine"); }
