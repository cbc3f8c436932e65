/**
 * Runs `runSimulation` on a worker thread, for the server. A forecast is mostly synchronous engine work on the
 * virtual clock (10 000 recipients take seconds), and the virtual clock only jumps ahead when its event loop is
 * idle: on the server's own loop it would both stall every request and be slowed by them. A worker has its own loop.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DomainError, type DomainErrorCode } from '../core/errors.js';
import type { Forecast } from './forecast.js';
import { runSimulation, type SimulationInput } from './simulation.js';

/** What crosses to the worker: the input without the progress callback (functions cannot be posted). */
export type WorkerSimulationInput = Omit<SimulationInput, 'onProgress' | 'rows'> & { rows: Record<string, string>[] };

type Reply = { ok: true; forecast: Forecast } | { ok: false; message: string; name: string; code?: string; param?: string };

/** Runs the forecast on a fresh worker; rejects after `timeoutMs` of real time, ending the worker. */
export function runSimulationInWorker(input: WorkerSimulationInput, timeoutMs: number): Promise<Forecast> {
  // Under tsx (tests, development) this module is the .ts source, and the worker inherits tsx's loader via execArgv.
  const self = new URL(import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(self, { workerData: input });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the forecast took longer than ${timeoutMs / 1000} s and was stopped`));
    }, timeoutMs);
    worker.once('message', (reply: Reply) => {
      clearTimeout(timer);
      void worker.terminate();
      if (reply.ok) resolve(reply.forecast);
      else if (reply.name === 'DomainError') reject(new DomainError(reply.code as DomainErrorCode, reply.message, reply.param));
      else reject(new Error(reply.message));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the forecast worker exited with code ${code}`));
    });
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  runSimulation(workerData as WorkerSimulationInput).then(
    (forecast) => port.postMessage({ ok: true, forecast } satisfies Reply),
    (error: unknown) => {
      const e = (error instanceof Error ? error : new Error(String(error))) as Error & { code?: string; param?: string };
      port.postMessage({ ok: false, message: e.message, name: e.name, code: e.code, param: e.param } satisfies Reply);
    },
  );
}
