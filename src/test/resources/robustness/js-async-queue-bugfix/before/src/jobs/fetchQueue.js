'use strict';

const { EventEmitter } = require('node:events');

/**
 * Fetches URLs with at most `concurrency` requests in flight and retries failures
 * with exponential back-off. Emits 'done' (url, body) and 'failed' (url, error).
 */
class FetchQueue extends EventEmitter {
  constructor({ concurrency = 4, retries = 2, backoffMs = 200, fetchImpl = globalThis.fetch } = {}) {
    super();
    this.concurrency = concurrency;
    this.retries = retries;
    this.backoffMs = backoffMs;
    this.fetchImpl = fetchImpl;
    this.pending = [];
    this.active = 0;
    this.idleWaiters = [];
  }

  add(url) {
    this.pending.push(url);
    this._pump();
    return this;
  }

  addAll(urls) {
    for (const url of urls) {
      this.pending.push(url);
    }
    this._pump();
    return this;
  }

  /** Resolves once the queue is empty and nothing is in flight. */
  onIdle() {
    if (this.active === 0 && this.pending.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  _pump() {
    while (this.active < this.concurrency && this.pending.length > 0) {
      const url = this.pending.shift();
      this.active++;
      this._run(url).finally(() => {
        this.active--;
        this._pump();
        this._notifyIdle();
      });
    }
  }

  async _run(url) {
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      try {
        const response = this.fetchImpl(url);
        if (!response.ok) {
          throw new Error(`HTTP ${response.status} for ${url}`);
        }
        const body = await response.text();
        this.emit('done', url, body);
        return;
      } catch (error) {
        if (attempt === this.retries) {
          this.emit('failed', url, error);
          return;
        }
        await sleep(this.backoffMs * 2 ** attempt);
      }
    }
  }

  _notifyIdle() {
    if (this.active === 0 && this.pending.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { FetchQueue };
