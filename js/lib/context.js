'use strict';
// Devices (MXNet's mx.context): mx.cpu(i), mx.gpu(i).

const { lib, check, C } = require('./capi');

const TYPE_NAMES = { [C.MXL_CPU]: 'cpu', [C.MXL_GPU]: 'gpu', 3: 'cpu_pinned', 5: 'cpu_shared' };
const TYPE_IDS = Object.fromEntries(Object.entries(TYPE_NAMES).map(([k, v]) => [v, Number(k)]));

/** A device: type ('cpu' or 'gpu') and id. */
class Context {
  constructor(deviceType, deviceId = 0) {
    if (deviceType instanceof Context) {
      this.deviceTypeid = deviceType.deviceTypeid;
      this.deviceId = deviceType.deviceId;
      return;
    }
    const id = typeof deviceType === 'number' ? deviceType : TYPE_IDS[deviceType];
    if (TYPE_NAMES[id] === undefined) {
      throw new TypeError(`unknown device type ${JSON.stringify(deviceType)}; expected one of ` +
        Object.keys(TYPE_IDS).join(', '));
    }
    if (!Number.isInteger(deviceId) || deviceId < 0) {
      throw new TypeError(`device id must be a non-negative integer, got ${deviceId}`);
    }
    this.deviceTypeid = id;
    this.deviceId = deviceId;
  }

  get deviceType() { return TYPE_NAMES[this.deviceTypeid]; }

  equals(other) {
    return other instanceof Context && other.deviceTypeid === this.deviceTypeid &&
      other.deviceId === this.deviceId;
  }

  toString() { return `${this.deviceType}(${this.deviceId})`; }

  [Symbol.for('nodejs.util.inspect.custom')]() { return this.toString(); }

  /** Returns this device's pooled (unused) memory to the system. */
  emptyCache() { check(lib.mxl_storage_release_pool(this.deviceTypeid, this.deviceId)); }
}

const cpu = (deviceId = 0) => new Context('cpu', deviceId);
const gpu = (deviceId = 0) => new Context('gpu', deviceId);
const cpuPinned = (deviceId = 0) => new Context('cpu_pinned', deviceId);

let defaultContext = cpu(0);

/** The default context of new arrays (cpu(0) unless changed by withContext). */
function currentContext() { return defaultContext; }

/** Runs fn() with ctx as the default context (MXNet's `with ctx:`); returns its result. */
function withContext(ctx, fn) {
  const old = defaultContext;
  defaultContext = toContext(ctx);
  try { return fn(); } finally { defaultContext = old; }
}

/** ctx as a Context: a Context, 'cpu', 'gpu(1)', or undefined (the default). */
function toContext(ctx) {
  if (ctx === undefined || ctx === null) return defaultContext;
  if (ctx instanceof Context) return ctx;
  if (typeof ctx === 'string') {
    const m = ctx.match(/^(\w+)(?:\((\d+)\))?$/);
    if (m) return new Context(m[1], m[2] ? Number(m[2]) : 0);
  }
  throw new TypeError(`ctx must be a Context (mx.cpu(), mx.gpu(0)), got ${String(ctx)}`);
}

/** Number of usable GPUs (0 when the CUDA plugin, driver or device is missing). */
function numGpus() {
  const n = new Int32Array(1);
  check(lib.mxl_num_gpus(n));
  return n[0];
}

/** One line on the GPU backend: plugin, CUDA versions and GPU count, or why GPUs are unusable. */
function gpuInfo() {
  const p = new BigUint64Array(1);
  check(lib.mxl_gpu_info(p));
  return require('./capi').cString(p[0]);
}

module.exports = { numGpus, gpuInfo, Context, cpu, gpu, cpuPinned, currentContext, withContext, toContext, TYPE_NAMES };
