#include "engine.h"

#include "../cuda/loader.h"

#include <algorithm>
#include <map>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace mxl {
namespace engine {

namespace {

// An error raised by pushed work. Shared by every variable it poisoned; `reported`
// keeps waitall from raising an error a wait already raised.
struct ErrorRecord {
  Err code;
  std::string msg;
  bool reported = false;
};
using ErrorPtr = std::shared_ptr<ErrorRecord>;

struct Opr;
struct Entry {
  Opr* op;
  bool write;
};

// The ops waiting on one var, first in first out. Most vars never queue anything, and
// an empty EntryQueue owns no memory (a std::deque allocates ~600 bytes when it is
// constructed: per array, that was most of an array's heap footprint). Consumed entries
// are dropped when the queue drains, or in bulk once they are half of it.
class EntryQueue {
 public:
  bool empty() const { return head_ == items_.size(); }
  const Entry& front() const { return items_[head_]; }
  void push_back(Entry e) { items_.push_back(e); }
  void pop_front() {
    if (++head_ == items_.size()) {
      items_.clear();
      head_ = 0;
    } else if (head_ >= 32 && head_ * 2 >= items_.size()) {
      items_.erase(items_.begin(), items_.begin() + std::ptrdiff_t(head_));
      head_ = 0;
    }
  }

 private:
  std::vector<Entry> items_;
  size_t head_ = 0;
};
}  // namespace

struct Var {
  EntryQueue queue;  // waiting for their turn, in program order
  int running_reads = 0;
  bool writing = false;
  int pending = 0;          // ops that name this var and have not completed
  bool released = false;
  ErrorPtr error;           // the value this var holds is the result of a failed op
};

namespace {

struct Opr {
  std::function<void()> fn;
  std::vector<Var*> reads, writes;
  int wait = 0;
  PushOpts opts;
  bool sync = false;  // a wait's marker: touches no error state
};

struct Engine {
  std::mutex mu;
  std::condition_variable all_done;
  int64_t pending_ops = 0;
  std::deque<ErrorPtr> errors;  // not yet raised by waitall
  bool naive = false;
  int nworkers = 2;

  // CPU worker pool.
  std::mutex qmu;
  std::condition_variable qcv;
  std::deque<Opr*> queue;
  int idle = 0;
  std::vector<std::thread> threads;

  // One worker per GPU, started on the device's first op. It only enqueues work on
  // the device's stream (see gpu::sync_each_op), so one thread keeps up.
  struct DeviceQueue {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<Opr*> queue;
  };
  std::mutex devq_mu;
  std::map<int, DeviceQueue*> devqs;

  Engine() {
    const char* e = std::getenv("MXLITE_ENGINE");
    naive = e && (std::string(e) == "naive" || std::string(e) == "NaiveEngine");
    const char* n = std::getenv("MXLITE_CPU_WORKER_NTHREADS");
    int hw = int(std::thread::hardware_concurrency());
    nworkers = n ? std::atoi(n) : std::clamp(hw, 2, 4);
    if (nworkers < 1) nworkers = 1;
    if (!naive)
      for (int i = 0; i < nworkers; ++i) threads.emplace_back([this] { worker(); });
  }

  void worker() {
    for (;;) {
      Opr* op;
      {
        std::unique_lock<std::mutex> lk(qmu);
        ++idle;
        qcv.wait(lk, [&] { return !queue.empty(); });
        --idle;
        op = queue.front();
        queue.pop_front();
      }
      execute(op);
    }
  }

  DeviceQueue* device_queue(int dev) {
    std::lock_guard<std::mutex> lk(devq_mu);
    DeviceQueue*& q = devqs[dev];
    if (!q) {
      q = new DeviceQueue;  // lives for the process, like the CPU workers
      std::thread([this, q] { device_worker(q); }).detach();
    }
    return q;
  }

  void device_worker(DeviceQueue* q) {
    for (;;) {
      Opr* op;
      {
        std::unique_lock<std::mutex> lk(q->mu);
        q->cv.wait(lk, [&] { return !q->queue.empty(); });
        op = q->queue.front();
        q->queue.pop_front();
      }
      execute(op);
    }
  }

  // Inline only from push: ops made ready by a completion go to the pool, so a long
  // chain of small ops cannot recurse through execute/complete.
  void dispatch(Opr* op, bool from_push) {
    if (naive || op->sync || (from_push && op->opts.small)) {
      execute(op);
      return;
    }
    if (op->opts.ctx.type == DevType::kGPU) {
      DeviceQueue* q = device_queue(op->opts.ctx.id);
      {
        std::lock_guard<std::mutex> lk(q->mu);
        q->queue.push_back(op);
      }
      q->cv.notify_one();
      return;
    }
    bool wake;
    {
      std::lock_guard<std::mutex> lk(qmu);
      queue.push_back(op);
      wake = idle > 0;
    }
    if (wake) qcv.notify_one();
  }

  // Runs op (unless an input is poisoned), then releases its dependencies.
  void execute(Opr* op) {
    ErrorPtr err;
    if (!op->sync) {
      for (Var* r : op->reads)
        if (r->error) { err = r->error; break; }  // granted under mu: visible here
      if (!err) {
        try {
          op->fn();
        } catch (const Error& e) {
          err = std::make_shared<ErrorRecord>(ErrorRecord{e.code, e.what()});
        } catch (const std::bad_alloc&) {
          err = std::make_shared<ErrorRecord>(
              ErrorRecord{Err::kOutOfMemory, std::string(op->opts.name) + ": out of memory"});
        } catch (const std::exception& e) {
          err = std::make_shared<ErrorRecord>(
              ErrorRecord{Err::kInternal, std::string(op->opts.name) + ": " + e.what()});
        } catch (...) {
          err = std::make_shared<ErrorRecord>(
              ErrorRecord{Err::kInternal, std::string(op->opts.name) + ": unknown exception"});
        }
        if (err) {
          std::lock_guard<std::mutex> lk(mu);
          while (!errors.empty() && errors.front()->reported) errors.pop_front();
          errors.push_back(err);
        }
      }
    } else {
      op->fn();  // signals a waiter; cannot throw
    }
    // Captured arrays may free their chunks here, which takes `mu`: do it unlocked.
    op->fn = nullptr;
    complete(op, err);
  }

  void complete(Opr* op, const ErrorPtr& err) {
    std::vector<Opr*> ready;
    std::vector<Var*> dead;
    {
      std::lock_guard<std::mutex> lk(mu);
      for (Var* r : op->reads) {
        --r->running_reads;
        --r->pending;
        grant(r, ready);
        if (r->released && r->pending == 0) dead.push_back(r);
      }
      for (Var* w : op->writes) {
        if (!op->sync) w->error = err;  // success clears an earlier error
        w->writing = false;
        --w->pending;
        grant(w, ready);
        if (w->released && w->pending == 0) dead.push_back(w);
      }
      if (--pending_ops == 0) all_done.notify_all();
    }
    for (Var* v : dead) delete v;
    delete op;
    dispatch_ready(ready);
  }

  // Ops made ready by a completion run from one loop per thread, not by recursion:
  // in naive mode (and for sync waiters) dispatch executes inline, and a long queue on
  // one variable would otherwise nest execute/complete once per op and overflow the
  // stack (found by ASan in test_engine_naive). Ready ops are independent of each
  // other, so running them in FIFO order is as valid as the nested order.
  void dispatch_ready(const std::vector<Opr*>& ready) {
    static thread_local std::deque<Opr*>* draining = nullptr;
    if (draining) {
      draining->insert(draining->end(), ready.begin(), ready.end());
      return;
    }
    std::deque<Opr*> todo(ready.begin(), ready.end());
    draining = &todo;
    while (!todo.empty()) {
      Opr* o = todo.front();
      todo.pop_front();
      dispatch(o, false);
    }
    draining = nullptr;
  }

  // Hands v to the next ops in its queue that may run now. Called with mu held.
  static void grant(Var* v, std::vector<Opr*>& ready) {
    while (!v->queue.empty()) {
      Entry e = v->queue.front();
      if (e.write) {
        if (v->writing || v->running_reads > 0) return;
        v->writing = true;
      } else {
        if (v->writing) return;
        ++v->running_reads;
      }
      v->queue.pop_front();
      if (--e.op->wait == 0) ready.push_back(e.op);
      if (e.write) return;
    }
  }

  void push(Opr* op) {
    // A var both read and written counts as written; repeats count once.
    auto& w = op->writes;
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    auto& r = op->reads;
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    r.erase(std::remove_if(r.begin(), r.end(),
                           [&](Var* v) { return std::binary_search(w.begin(), w.end(), v); }),
            r.end());
    bool ready;
    {
      std::lock_guard<std::mutex> lk(mu);
      for (Var* v : r)
        MXL_CHECK(!v->released, Err::kInvalidHandle, op->opts.name, ": reads a released array");
      for (Var* v : w)
        MXL_CHECK(!v->released, Err::kInvalidHandle, op->opts.name, ": writes a released array");
      op->wait = 1;
      for (Var* v : r) {
        ++v->pending;
        if (!v->writing && v->queue.empty()) ++v->running_reads;
        else { v->queue.push_back({op, false}); ++op->wait; }
      }
      for (Var* v : w) {
        ++v->pending;
        if (!v->writing && v->running_reads == 0 && v->queue.empty()) v->writing = true;
        else { v->queue.push_back({op, true}); ++op->wait; }
      }
      ++pending_ops;
      ready = --op->wait == 0;
    }
    if (ready) dispatch(op, true);
  }

  // Pushes a marker op and blocks until it runs; then raises the var's error.
  void wait_var(Var* v, bool for_write) {
    {
      std::lock_guard<std::mutex> lk(mu);
      bool busy = v->writing || !v->queue.empty() || (for_write && v->running_reads > 0);
      if (!busy) {
        raise_if(v->error);
        return;
      }
    }
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    auto* op = new Opr;
    op->sync = true;
    op->opts.name = "wait";
    op->fn = [&] {
      std::lock_guard<std::mutex> lk(m);
      done = true;
      cv.notify_all();
    };
    (for_write ? op->writes : op->reads).push_back(v);
    // Markers never run inline on a worker's behalf: they only signal.
    push(op);
    {
      std::unique_lock<std::mutex> lk(m);
      cv.wait(lk, [&] { return done; });
    }
    std::lock_guard<std::mutex> lk(mu);
    raise_if(v->error);
  }

  // Called with mu held.
  static void raise_if(const ErrorPtr& e) {
    if (!e) return;
    e->reported = true;
    throw Error(e->code, e->msg);
  }
};

Engine& eng() {
  static Engine* e = new Engine;  // never destroyed: workers may outlive static teardown
  return *e;
}

}  // namespace

Var* new_var() { return new Var; }

void release_var(Var* v) {
  if (!v) return;
  Engine& e = eng();
  bool now;
  {
    std::lock_guard<std::mutex> lk(e.mu);
    v->released = true;
    now = v->pending == 0;
  }
  if (now) delete v;
}

void push(std::function<void()> fn, std::vector<Var*> reads, std::vector<Var*> writes,
          const PushOpts& opts) {
  auto* op = new Opr;
  op->fn = std::move(fn);
  op->reads = std::move(reads);
  op->writes = std::move(writes);
  op->opts = opts;
  try {
    eng().push(op);
  } catch (...) {
    delete op;
    throw;
  }
}

bool run_if_idle(Var* const* reads, int nreads, Var* const* writes, int nwrites, const char* name,
                 void (*fn)(void*), void* arg) {
  Engine& e = eng();
  auto idle = [](const Var* v) { return !v->writing && v->running_reads == 0 && v->queue.empty() && !v->released; };
  {
    std::lock_guard<std::mutex> lk(e.mu);
    for (int i = 0; i < nreads; ++i)
      if (reads[i]->writing || !reads[i]->queue.empty() || reads[i]->released) return false;
    for (int i = 0; i < nwrites; ++i)
      if (!idle(writes[i])) return false;
    // Claim the vars as a running op would, so concurrent pushes queue behind us.
    for (int i = 0; i < nreads; ++i) ++reads[i]->running_reads;
    for (int i = 0; i < nwrites; ++i) writes[i]->writing = true;
    ++e.pending_ops;
  }
  ErrorPtr err;
  for (int i = 0; i < nreads && !err; ++i) err = reads[i]->error;
  if (!err) {
    try {
      fn(arg);
    } catch (const Error& ex) {
      err = std::make_shared<ErrorRecord>(ErrorRecord{ex.code, ex.what()});
    } catch (const std::bad_alloc&) {
      err = std::make_shared<ErrorRecord>(ErrorRecord{Err::kOutOfMemory, std::string(name) + ": out of memory"});
    } catch (const std::exception& ex) {
      err = std::make_shared<ErrorRecord>(ErrorRecord{Err::kInternal, std::string(name) + ": " + ex.what()});
    }
  }
  std::vector<Opr*> ready;
  {
    std::lock_guard<std::mutex> lk(e.mu);
    if (err) {
      while (!e.errors.empty() && e.errors.front()->reported) e.errors.pop_front();
      if (std::find(e.errors.begin(), e.errors.end(), err) == e.errors.end()) e.errors.push_back(err);
    }
    for (int i = 0; i < nreads; ++i) {
      --reads[i]->running_reads;
      Engine::grant(reads[i], ready);
    }
    for (int i = 0; i < nwrites; ++i) {
      writes[i]->error = err;
      writes[i]->writing = false;
      Engine::grant(writes[i], ready);
    }
    if (--e.pending_ops == 0) e.all_done.notify_all();
  }
  for (Opr* o : ready) e.dispatch(o, false);
  return true;
}

void wait_to_read(Var* v) { eng().wait_var(v, false); }
void wait_to_write(Var* v) { eng().wait_var(v, true); }

void waitall() {
  Engine& e = eng();
  {
    // GPU ops complete when enqueued on their stream: drain the streams too.
    std::unique_lock<std::mutex> lk(e.mu);
    e.all_done.wait(lk, [&] { return e.pending_ops == 0; });
  }
  gpu::sync_all();
  std::unique_lock<std::mutex> lk(e.mu);
  while (!e.errors.empty()) {
    ErrorPtr err = e.errors.front();
    e.errors.pop_front();
    if (!err->reported) {
      e.errors.clear();
      err->reported = true;
      throw Error(err->code, err->msg);
    }
  }
}

const char* kind() { return eng().naive ? "naive" : "threaded"; }
int cpu_workers() { return eng().naive ? 0 : eng().nworkers; }

}  // namespace engine
}  // namespace mxl
