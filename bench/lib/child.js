// Runs a bench part in its own process and talks to it over the IPC channel with request/reply messages.
import { fork } from 'node:child_process';

/**
 * Forks `file`, waits for its `{ type: 'ready', ... }` message and returns a handle. `options` are passed to
 * child_process.fork (stdio, execArgv, env ...). Rejects if the child exits before it is ready.
 */
export function startChild(file, options = {}) {
  const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...options });
  const pending = new Map();
  let nextId = 1;
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    for (const { reject } of pending.values()) reject(new Error(`${file} exited (${signal ?? code}) before answering`));
    pending.clear();
    resolve({ code, signal });
  }));
  child.on('message', (msg) => {
    const waiter = pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id);
    if (msg.error) waiter.reject(new Error(`${file}: ${msg.error}`));
    else waiter.resolve(msg);
  });
  const ready = new Promise((resolve, reject) => {
    const onMessage = (msg) => {
      if (msg.type !== 'ready') return;
      child.off('message', onMessage);
      resolve(msg);
    };
    child.on('message', onMessage);
    exit.then(({ code, signal }) => reject(new Error(`${file} exited (${signal ?? code}) before it was ready`)));
  });
  return {
    child,
    ready,
    exit,
    /** Sends `{ type, ...body }` and resolves with the child's reply carrying the same id. */
    request(type, body = {}) {
      if (exited) return Promise.reject(new Error(`${file} has exited`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, type, ...body });
      });
    },
    /** Kills the child if it is still running (used on failure paths only). */
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/**
 * The child's side: answers each `{ id, type }` message with `handlers[type](msg)`'s result. An error becomes
 * `{ id, error }` so the parent's request rejects instead of hanging.
 */
export function serveRequests(handlers) {
  process.on('message', async (msg) => {
    const handler = handlers[msg.type];
    try {
      if (!handler) throw new Error(`unknown request ${msg.type}`);
      const result = await handler(msg);
      process.send({ id: msg.id, ...result });
    } catch (err) {
      process.send({ id: msg.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  });
}

/** CPU time and memory of the calling process, for the parent to difference across a measured window. */
export function processStats() {
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { cpuMicros: cpu.user + cpu.system, rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}
