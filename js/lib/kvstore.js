'use strict';
// mx.kv: MXNet's KVStore over the core's store (the C ABI's mxl_kvstore_*), the same
// store the Python package uses.
//
//   const kv = mx.kv.create('local');          // or 'device', 'nccl', 'dist_sync', 'dist_async'
//   kv.init(3, mx.nd.ones([2, 3]));
//   kv.push(3, [a, b]);                        // the values of one key are summed
//   kv.pull(3, [out1, out2]);                  // the value is copied into every out
//   kv.setOptimizer('sgd', { learningRate: 0.1, momentum: 0.9 });  // updates run in the store
//
// Keys are integers or strings, one kind per store (MXNet's rule); the core takes
// strings, integers travel in decimal. With an optimizer set, the learning rate and
// the other per-update parameters (Adam's bias-corrected lr) are sent to the store
// before each push, only when they change.

module.exports = function makeKVStore(mx) {
  const { lib, check, cString, cStrings, MXNetError } = require('./capi');
  const { NDArray, describe } = require('./ndarray');
  const { paramStr } = require('./ops');

  const HANDLES = require('./handles').handleKind('KVStore', (h) => lib.mxl_kvstore_free(h));

  function invalid(msg) { return new MXNetError(msg, 'MXL_ERR_INVALID_ARGUMENT'); }

  const handles = (arrays) => BigUint64Array.from(arrays, (a) => a.handle);

  class KVStore {
    /** Wraps a handle from mxl_kvstore_create; use mx.kv.create. */
    constructor(handle) {
      this._cell = HANDLES.track(this, handle);
      this._keyKind = null;     // 'number' or 'string', fixed by the first key used
      this._optimizer = null;   // the mx.optimizer.Optimizer applied in the store
      this._counts = new Map(); // key -> updates pushed since setOptimizer (the lr schedule's count)
      this._sent = new Map();   // key -> per-update parameters last sent, as a string
      this._known = new Set();  // core keys seen initialized (the store holds the list)
    }

    /** The C handle (a BigInt pointer); throws MXNetError once disposed. */
    get handle() { return HANDLES.get(this._cell); }

    /** Frees the store now; pending pushes and pulls complete. Idempotent. */
    dispose() { HANDLES.release(this._cell); }

    _info() {
      const type = new BigUint64Array(1);
      const rank = new Int32Array(1);
      const num = new Int32Array(1);
      check(lib.mxl_kvstore_info(this.handle, type, rank, num));
      return { type: cString(type[0]), rank: rank[0], numWorkers: num[0] };
    }

    /** 'local', 'device', 'nccl', 'dist_sync' or 'dist_async'. */
    get type() { return this._info().type; }

    /** This worker's rank (0 for local stores). */
    get rank() { return this._info().rank; }

    /** The number of workers (1 for local stores). */
    get numWorkers() { return this._info().numWorkers; }

    /** A user key as the core's string key; fixes or checks the store's key kind. */
    _key(key, what) {
      const kind = Number.isSafeInteger(key) ? 'number' : typeof key === 'string' ? 'string' : null;
      if (kind === null) {
        throw new TypeError(`kvstore ${what}: a key must be an integer or a string, got ${describe(key)}`);
      }
      if (kind === 'string' && key === '') throw invalid(`kvstore ${what}: a key must not be empty`);
      if (this._keyKind === null) this._keyKind = kind;
      else if (this._keyKind !== kind) {
        throw invalid(`kvstore ${what}: mixed key types are not allowed: this store uses ` +
          `${this._keyKind === 'number' ? 'integer' : 'string'} keys, got ${JSON.stringify(key)}`);
      }
      return String(key);
    }

    _userKey(k) { return this._keyKind === 'number' ? Number(k) : k; }

    /**
     * [keys, arrays] flattened: one key with an NDArray or a list of NDArrays (one per
     * device), or a list of keys with one NDArray or one list each.
     */
    _pairs(key, value, what) {
      if (Array.isArray(key)) {
        if (!Array.isArray(value) || value.length !== key.length) {
          throw invalid(`kvstore ${what}: ${key.length} keys need a list of ${key.length} values, got ${describe(value)}`);
        }
        const keys = [];
        const arrays = [];
        key.forEach((k, i) => {
          const [ks, vs] = this._pairs(k, value[i], what);
          keys.push(...ks);
          arrays.push(...vs);
        });
        return [keys, arrays];
      }
      const k = this._key(key, what);
      const vals = Array.isArray(value) ? value : [value];
      if (!vals.length) throw invalid(`kvstore ${what}: key ${JSON.stringify(key)}: no arrays given`);
      vals.forEach((v, i) => {
        if (!(v instanceof NDArray)) {
          throw new TypeError(`kvstore ${what}: key ${JSON.stringify(key)}: value ${i} must be an NDArray, got ${describe(v)}`);
        }
      });
      return [vals.map(() => k), vals];
    }

    /** Initializes key(s) with a copy of value(s). dist_*: rank 0's value is used on every worker. */
    init(keys, values) {
      const [ks, arrays] = this._pairs(keys, values, 'init');
      check(lib.mxl_kvstore_init(this.handle, ks.length, ks, handles(arrays)));
    }

    /**
     * Pushes value(s): the values of one key (e.g. from several devices) are summed;
     * with an optimizer the sum is the gradient of the key's update, else it replaces
     * the stored value.
     */
    push(keys, values) {
      const [ks, arrays] = this._pairs(keys, values, 'push');
      const counted = this._sendParams(ks);
      check(lib.mxl_kvstore_push(this.handle, ks.length, ks, handles(arrays)));
      counted();
    }

    /** Copies the value of key(s) into outs (an NDArray, or a list: one per device). */
    pull(keys, outs) {
      if (outs === undefined || outs === null) {
        throw invalid('kvstore pull: outs is required (the arrays to copy the values into)');
      }
      const [ks, arrays] = this._pairs(keys, outs, 'pull');
      check(lib.mxl_kvstore_pull(this.handle, ks.length, ks, handles(arrays)));
    }

    /** push(keys, values), then pull(keys, outs); without outs the values are pulled into. */
    pushPull(keys, values, outs = null) {
      const [pk, parrays] = this._pairs(keys, values, 'pushPull');
      const [ok, oarrays] = this._pairs(keys, outs === null ? values : outs, 'pushPull');
      const counted = this._sendParams(pk);
      check(lib.mxl_kvstore_pushpull(this.handle, pk.length, pk, handles(parrays), ok.length, ok, handles(oarrays)));
      counted();
    }

    /** Waits for the store's pending work; dist_*: until every worker is here (dist_async: then averages). */
    barrier() { check(lib.mxl_kvstore_barrier(this.handle)); }

    /** The initialized keys, in init order (integers for an integer-keyed store). */
    keys() {
      const n = new Int32Array(1);
      const p = new BigUint64Array(1);
      check(lib.mxl_kvstore_keys(this.handle, n, p));
      return cStrings(p[0], n[0]).map((k) => this._userKey(k));
    }

    /** The number of optimizer updates the store has applied to key. */
    numUpdate(key) {
      const n = new BigInt64Array(1);
      check(lib.mxl_kvstore_num_update(this.handle, this._key(key, 'numUpdate'), n));
      return Number(n[0]);
    }

    /**
     * Applies an optimizer's updates in the store: an mx.optimizer object, or a name
     * ('sgd', 'nag', 'adam', 'adagrad', 'rmsprop') and its options
     * (`setOptimizer('sgd', {learningRate: 0.1, momentum: 0.9, wd: 1e-4, rescaleGrad})`).
     * Replaces an earlier optimizer and its states.
     */
    setOptimizer(optimizer, options = {}) {
      if (!(optimizer instanceof mx.optimizer.Optimizer) && typeof optimizer !== 'string') {
        throw new TypeError(`kvstore setOptimizer: expected an optimizer name or an mx.optimizer object, got ${describe(optimizer)}`);
      }
      const opt = mx.optimizer.create(optimizer, options);
      const [opName, fixed] = opt.updateOp();
      const names = Object.keys(fixed);
      check(lib.mxl_kvstore_set_optimizer(this.handle, opName, names.length, names,
        names.map((n) => paramStr(fixed[n]))));
      this._optimizer = opt;
      this._counts = new Map();
      this._sent = new Map();
    }

    /** The optimizer applied in the store (null before setOptimizer). */
    get optimizer() { return this._optimizer; }

    /**
     * Sends the parameters of each pushed key's next update when they changed; returns
     * the function that counts those updates (called once the push is accepted).
     */
    _sendParams(keys) {
      if (!this._optimizer) return () => {};
      const next = [];
      for (const k of new Set(keys)) {
        if (!this._known.has(k)) this._known = new Set(this.keys().map(String));
        if (!this._known.has(k)) continue; // the push itself reports the uninitialized key
        const count = (this._counts.get(k) || 0) + 1;
        const params = this._optimizer.stepParams(count);
        const names = Object.keys(params);
        const vals = names.map((n) => paramStr(params[n]));
        const sig = JSON.stringify([names, vals]);
        if (this._sent.get(k) !== sig) {
          check(lib.mxl_kvstore_set_optimizer_params(this.handle, k, names.length, names, vals));
          this._sent.set(k, sig);
        }
        next.push([k, count]);
      }
      return () => { for (const [k, count] of next) this._counts.set(k, count); };
    }

    /** Saves every key's optimizer states and update counts to fname (.params format). */
    saveOptimizerStates(fname) {
      if (!this._optimizer) throw invalid('kvstore saveOptimizerStates: no optimizer is set (call setOptimizer first)');
      check(lib.mxl_kvstore_save_optimizer_states(this.handle, String(fname)));
    }

    /** Loads states saved by saveOptimizerStates (same optimizer, keys and shapes); counts resume. */
    loadOptimizerStates(fname) {
      if (!this._optimizer) throw invalid('kvstore loadOptimizerStates: no optimizer is set (call setOptimizer first)');
      check(lib.mxl_kvstore_load_optimizer_states(this.handle, String(fname)));
      // The per-update parameters (Adam's lr) follow the store's counts.
      const n = new BigInt64Array(1);
      for (const k of this.keys().map(String)) {
        check(lib.mxl_kvstore_num_update(this.handle, k, n));
        this._counts.set(k, Number(n[0]));
      }
      this._sent = new Map();
    }
  }

  /** A new store: 'local' (default), 'device', 'nccl' (NCCL on GPUs), 'dist_sync' ('dist') or 'dist_async'. */
  function create(type = 'local') {
    if (typeof type !== 'string') throw new TypeError(`kv.create: the type must be a string, got ${describe(type)}`);
    const out = new BigUint64Array(1);
    check(lib.mxl_kvstore_create(type, out));
    return new KVStore(out[0]);
  }

  return { KVStore, create };
};
