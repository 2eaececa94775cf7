// Minimal test harness for the core tests: CHECK records, main() prints the tally
// in the project's closing-line format ("N passed, N failed").
#pragma once
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace check {
inline int passed = 0, failed = 0;
inline std::vector<std::pair<std::string, std::function<void()>>>& tests() {
  static std::vector<std::pair<std::string, std::function<void()>>> t;
  return t;
}
struct Reg {
  Reg(const char* n, std::function<void()> f) { tests().emplace_back(n, std::move(f)); }
};
inline bool current_ok = true;
inline int run_all(const char* suite) {
  for (auto& [name, fn] : tests()) {
    current_ok = true;
    try {
      fn();
    } catch (const std::exception& e) {
      std::printf("  %s: unexpected exception: %s\n", name.c_str(), e.what());
      current_ok = false;
    }
    std::printf("%s %s.%s\n", current_ok ? "PASS" : "FAIL", suite, name.c_str());
    (current_ok ? passed : failed)++;
  }
  std::printf("%s: %d passed, %d failed\n", suite, passed, failed);
  return failed ? 1 : 0;
}
}  // namespace check

#define TEST(name) \
  static void test_##name(); \
  static check::Reg reg_##name(#name, test_##name); \
  static void test_##name()
#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);     \
      check::current_ok = false;                                                 \
    }                                                                            \
  } while (0)
