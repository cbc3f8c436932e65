/**
 * `waihu simulate`: runs a campaign on the virtual clock with the real engine (store, dialer, simulated carrier)
 * and summarises what happened as a forecast. It is the same code that runs campaigns for real, not a model of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newTaskRecord } from '../core/campaigns/new-task.js';
import { parseImportRows } from '../core/campaigns/recipient.js';
import { parseTaskSettings, type TaskSettingsInput } from '../core/campaigns/task-settings.js';
import type { CallResult } from '../core/calls/call-result.js';
import { IdGenerator } from '../core/ids.js';
import { Dialer } from '../dialer/engine/dialer.js';
import { DEFAULT_CALLEE_FREQUENCY_RULES } from '../dialer/policies/index.js';
import { runOpeningLine } from '../flows/opening-line.js';
import { VirtualClock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { Telephony } from '../ports/telephony.js';
import { staticModelSource } from '../providers/telephony/sim/sim-model.js';
import { SimTelephony } from '../providers/telephony/sim/sim-telephony.js';
import { openStore } from '../store/open-store.js';
import { summarise, type Forecast } from './forecast.js';

/** What to simulate. */
export interface SimulationInput {
  /**
   * Import rows: calleeNumber, optional outId, every other key a variable. Read once, a thousand at a time, so a
   * generator keeps a million-row forecast from holding every row in memory while the campaign runs.
   */
  rows: Iterable<Record<string, string>>;
  /** CreateAiCallTask parameters (StartType is forced to IMMEDIATE at `startAt`). */
  settings: TaskSettingsInput;
  startAt: number;
  seed: number;
  /** Virtual seconds per real second; 0 runs as fast as possible. */
  speed: number;
  /** The simulated carrier's outcome model (JSON as in docs/simulator.md); the default model when absent. */
  model?: unknown;
  /** Gives up after this much virtual time (a schedule that never opens would run forever). */
  maxVirtualMs?: number;
  onProgress?(done: number, total: number, virtualNow: number): void;
}

const ACCOUNT = '100000000000000000';
const STEP_MS = 60_000;

/** Runs the campaign to completion (or the time limit) and returns the forecast. */
export async function runSimulation(input: SimulationInput): Promise<Forecast> {
  const clock = new VirtualClock(input.startAt);
  // A temporary file rather than ':memory:': a large campaign then lives in the page cache, not in this process.
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-simulate-'));
  const store = await openStore({ sqliteFile: path.join(dir, 'simulation.db') });
  try {
    await store.migrate();
    await store.insertAccount({ id: ACCOUNT, name: 'simulation', createdAt: input.startAt });
    const ids = new IdGenerator(clock, 1);
    const settings = parseTaskSettings({ ...input.settings, StartType: 'IMMEDIATE' });
    const task = newTaskRecord(ids.next(), ACCOUNT, settings, input.startAt);
    await store.insertTask(task);
    const total = await importRows(store, ids, task.id, input);
    const dialTimes: number[] = [];
    const answerTimes: number[] = [];
    const models = input.model === undefined ? undefined : staticModelSource({ [ACCOUNT]: input.model });
    const errors: unknown[] = [];
    const dialer = new Dialer({
      store, clock, ids,
      telephony: noteAnswers(new SimTelephony({ clock, ledger: { record: (e) => void dialTimes.push(e.at) }, models, timeScale: 1, seed: input.seed }), answerTimes),
      resolveNumber: async (_a, number) => ({ ok: true, plain: number }),
      flowFor: () => (session) => runOpeningLine(session, { template: '您好${name}，这里是语音通知。' }).then(() => undefined),
      calleeLimits: DEFAULT_CALLEE_FREQUENCY_RULES, cappedDelayMs: 60_000, onError: (err) => errors.push(err),
    }, { owner: 'simulation', tickMs: 200 });
    const stop = new AbortController();
    const loop = dialer.run(stop.signal);
    const completed = await advanceUntilDone(input, clock, async () => {
      const progress = (await store.taskProgress(ACCOUNT, [task.id])).get(task.id);
      const done = (progress?.byState[4] ?? 0) + (progress?.byState[5] ?? 0);
      input.onProgress?.(done, total, clock.now());
      return (await store.getTask(ACCOUNT, task.id))?.status === 'COMPLETED';
    });
    stop.abort();
    await clock.runUntil(() => dialer.activeCalls === 0);
    await loop;
    if (errors.length > 0) throw new Error(`the engine reported ${errors.length} error(s); first: ${String(errors[0])}`);
    const results = await finalResults(store, task.id);
    return summarise({ startAt: input.startAt, endAt: clock.now(), completed, dialTimes, answerTimes, results, timeZone: settings.timeZone, taskCps: settings.taskCps });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The carrier, with every answer's time noted on the way to the engine (the forecast's hourly series). */
function noteAnswers(carrier: Telephony, answerTimes: number[]): Telephony {
  return {
    originate: (request, listener) => carrier.originate(request, {
      ringing: (at) => listener.ringing(at),
      answered: (session, at) => {
        answerTimes.push(at);
        return listener.answered(session, at);
      },
      ended: (outcome) => listener.ended(outcome),
    }),
  };
}

/** Imports the rows in batches of 1000 (one ImportTaskNumberDatas each); returns how many there were. */
async function importRows(store: Store, ids: IdGenerator, taskId: string, input: SimulationInput): Promise<number> {
  let total = 0;
  let chunk: Record<string, string>[] = [];
  const flush = async () => {
    const recipients = parseImportRows(chunk, 0);
    chunk = [];
    await store.importDetails({
      accountId: ACCOUNT, taskId, batchId: ids.next(), encryptionType: 0, at: input.startAt,
      details: recipients.map((r) => ({ ...r, id: ids.next() })),
    });
  };
  for (const row of input.rows) {
    chunk.push(row);
    total++;
    if (chunk.length === 1000) await flush();
  }
  if (chunk.length > 0) await flush();
  return total;
}

/** Every recipient's final result, read a page at a time so a large campaign is never all in memory at once. */
async function finalResults(store: Store, taskId: string): Promise<(CallResult | null)[]> {
  const results: (CallResult | null)[] = [];
  for (let pageNo = 1; ; pageNo++) {
    const page = await store.pageDetails(ACCOUNT, taskId, {}, { pageNo, pageSize: 1000 });
    for (const d of page.items) results.push(d.callResult);
    if (page.items.length < 1000) return results;
  }
}

async function advanceUntilDone(input: SimulationInput, clock: VirtualClock, isDone: () => Promise<boolean>): Promise<boolean> {
  const deadline = input.startAt + (input.maxVirtualMs ?? 60 * 86_400_000);
  const realStart = performance.now();
  while (clock.now() < deadline) {
    await clock.runUntil(Math.min(clock.now() + STEP_MS, deadline));
    if (await isDone()) return true;
    if (input.speed > 0) {
      const behind = (clock.now() - input.startAt) / input.speed - (performance.now() - realStart);
      if (behind > 0) await new Promise((r) => setTimeout(r, behind));
    }
  }
  return false;
}
