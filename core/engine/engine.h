// The dependency engine. Work is pushed with the variables it reads and writes and
// runs when those allow, on the worker pool of its device; push returns at once.
// Per variable, program order holds (read-after-write, write-after-read,
// write-after-write); independent work runs concurrently. An error thrown by pushed
// work is stored on the variables it writes (and on the work that reads them next)
// and rethrown by the next wait on them, or by waitall.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "../base/base.h"

namespace mxl {
namespace engine {

struct Var;  // one per NDArray chunk (and per device RNG)

Var* new_var();
// Deletes v once every operation pushed on it has finished.
void release_var(Var* v);

struct PushOpts {
  Context ctx;
  const char* name = "op";  // for error messages
  bool small = false;       // cheap: may run inline on the caller when its inputs are ready
};
// fn runs once its reads and writes allow. reads and writes may overlap or repeat.
void push(std::function<void()> fn, std::vector<Var*> reads, std::vector<Var*> writes,
          const PushOpts& opts);

// Fast path for cheap work: if no pending or running op uses any of the vars, runs
// fn(arg) now on the calling thread (errors are stored on `writes` as usual) and
// returns true; otherwise does nothing and returns false (push it instead). No heap
// allocation: this is the imperative dispatch path of small ops.
bool run_if_idle(Var* const* reads, int nreads, Var* const* writes, int nwrites, const char* name,
                 void (*fn)(void*), void* arg);

void wait_to_read(Var* v);   // pending writes done; throws their error
void wait_to_write(Var* v);  // pending reads and writes done; throws a stored error
void waitall();              // everything done; throws the first error not yet reported

const char* kind();          // "threaded" or "naive"
int cpu_workers();

}  // namespace engine
}  // namespace mxl
