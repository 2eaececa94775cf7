// The emulator self-tests' tally (test_emu.cu, test_nccl_emu.cc): CHECK counts and
// reports a failure without stopping; main() prints "N passed, N failed".
#pragma once
#include <cstdio>

inline int g_pass = 0, g_fail = 0;
#define CHECK(cond)                                                     \
  do {                                                                  \
    if (cond) {                                                         \
      ++g_pass;                                                         \
    } else {                                                            \
      ++g_fail;                                                         \
      fprintf(stderr, "FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                   \
  } while (0)
