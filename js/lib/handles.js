'use strict';
// Ownership of C handles: dispose() frees at once; objects never disposed are freed by
// the garbage collector through a FinalizationRegistry (a safety net: GC timing is not
// promised). Each owner keeps its handle in a small cell {h} that the registry also
// holds: dispose() empties the cell, so the collector never frees twice. (No unregister
// token: V8 makes register() with one much slower, and arrays register on every op.)

const { MXNetError } = require('./capi');

/** A tracker for one kind of handle, freed by `free(handle)`. */
function handleKind(kindName, free) {
  // An owner is only collected once nothing (a pending dataAsync included) refers to it.
  const registry = new FinalizationRegistry((cell) => {
    if (cell.h !== null) {
      const h = cell.h;
      cell.h = null;
      free(h);
    }
  });
  return {
    /** A cell owning `handle`, freed when `owner` is collected unless released first. */
    track(owner, handle) {
      const cell = { h: handle };
      registry.register(owner, cell);
      return cell;
    },
    /** The live handle of a cell; throws MXNetError once disposed. */
    get(cell) {
      const h = cell.h;
      if (h === null) throw new MXNetError(`this ${kindName} was disposed`, 'MXL_ERR_INVALID_HANDLE');
      return h;
    },
    /** Frees the cell's handle now (later when a worker thread still uses it). Idempotent. */
    release(cell) {
      const h = cell.h;
      if (h !== null) {
        cell.h = null;
        if (cell.held) cell.deferred = h; // freed by the last unhold
        else free(h);
      }
    },
    /** The live handle, kept from being freed until unhold(cell): for calls on worker threads. */
    hold(cell) {
      const h = this.get(cell);
      cell.held = (cell.held || 0) + 1;
      return h;
    },
    unhold(cell) {
      cell.held -= 1;
      if (cell.held === 0 && cell.deferred) {
        const h = cell.deferred;
        cell.deferred = null;
        free(h);
      }
    },
  };
}

module.exports = { handleKind };
