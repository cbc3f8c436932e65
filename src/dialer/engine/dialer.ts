/**
 * The dialer loop: starts scheduled tasks, recovers expired leases, and for every running task claims as many
 * due recipients as its call window, CPS bucket and concurrency caps allow, then dials them. The database is
 * the queue (ARCHITECTURE.md "The engine"): several dialers on one PostgreSQL share the work through claims.
 */
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { AttemptCompletion, AttemptIdSource, CampaignStore } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import { availableSlots, assignLines, isCallable, nextCallableAt, sharedBucket } from '../policies/index.js';
import { CallRunner, type CallRunnerDeps, type LineClaim } from './call-runner.js';
import { settlement } from './settle.js';
import { TaskRuntimes, type TaskRuntime } from './task-runtime.js';

/** Dialer settings; defaults suit one process on SQLite. */
export interface DialerOptions {
  /** Identifies this process's claims (leases). */
  owner: string;
  /** How long a claim is held; in-flight calls have their leases extended. */
  leaseMs?: number;
  /** How often the loop looks for work when it found none. */
  tickMs?: number;
  /** Calls in flight per account in this process; undefined = no cap. */
  accountConcurrency?: number;
  /** Calls in flight per caller line in this process; undefined = no cap. */
  lineConcurrency?: number;
  /** Most recipients claimed in one go. */
  maxClaim?: number;
  /** Longest back-off between passes that find nothing to do. */
  maxIdleMs?: number;
  /** Longest an outcome waits to be written with others (group commit, see write-batcher.ts); 0 = next turn. */
  outcomeFlushMs?: number;
}

/** What the dialer is built from. */
export interface DialerDeps extends Omit<CallRunnerDeps, 'store' | 'clock'> {
  store: CampaignStore;
  clock: Clock;
  ids: AttemptIdSource;
}

const DEFAULT_LINE = 'default';
const TALLY_COMPACTION_MS = 30_000;

/** Runs campaigns until stopped. */
export class Dialer {
  private readonly runtimes = new TaskRuntimes();
  private readonly runner: CallRunner;
  /** Who waits for every call in flight to settle (a stop). */
  private drainWaiters: (() => void)[] = [];
  private readonly lineLoad = new Map<string, number>();
  private readonly accountLoad = new Map<string, number>();
  private readonly opts: Required<Omit<DialerOptions, 'accountConcurrency' | 'lineConcurrency'>> & DialerOptions;
  private lastRecovery = Number.NEGATIVE_INFINITY;
  private lastLeaseExtension = Number.NEGATIVE_INFINITY;
  private lastTallyCompaction = Number.NEGATIVE_INFINITY;
  /** When every running task was outside its call window at the last pass: the first opening; else -Infinity. */
  private allClosedUntil = Number.NEGATIVE_INFINITY;
  /** Details with a call in flight here, whose leases this process keeps alive. */
  private readonly calling = new Set<string>();

  constructor(private readonly deps: DialerDeps, options: DialerOptions) {
    this.opts = { leaseMs: 120_000, tickMs: 200, maxIdleMs: 2_000, maxClaim: 200, outcomeFlushMs: 200, ...options };
    this.runner = new CallRunner(deps, { delayMs: this.opts.outcomeFlushMs, maxBatch: this.opts.maxClaim });
  }

  /**
   * Loops until the signal aborts, then waits for calls in flight to end (stop: nothing new starts). When a pass
   * finds nothing to do it backs off (up to maxIdleMs), and when every running task is outside its call window it
   * sleeps until the first window opens — a week on the virtual clock is then a few hundred passes, not millions.
   */
  async run(signal: AbortSignal): Promise<void> {
    let idleMs = 0;
    while (!signal.aborted) {
      const started = await this.step().catch((err: unknown) => {
        this.deps.onError(err, 'dialer step');
        return 0;
      });
      if (started > 0) {
        idleMs = 0;
        continue;
      }
      idleMs = Math.min(this.opts.maxIdleMs, idleMs === 0 ? this.opts.tickMs : idleMs * 2);
      const untilWindow = this.allClosedUntil - this.deps.clock.now();
      const wait = this.calling.size === 0 && untilWindow > idleMs ? untilWindow : idleMs;
      await this.deps.clock.sleep(wait, signal).catch(() => undefined);
    }
    await this.drained();
  }

  /** One pass over all work; returns how many calls it started. Exposed for tests and the simulator. */
  async step(): Promise<number> {
    const now = this.deps.clock.now();
    await this.startScheduledTasks(now);
    await this.extendLeases(now);
    await this.recoverLeases(now);
    const tasks = await this.deps.store.listRunningTasks();
    this.runtimes.retain(new Set(tasks.map((t) => t.id)));
    await this.compactTallies(now, tasks);
    let started = 0;
    let firstOpening = tasks.length > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    for (const task of tasks) {
      const rt = await this.runtimeOf(task, now);
      if (!rt) continue;
      if (isCallable(rt.schedule, now)) firstOpening = Number.NEGATIVE_INFINITY;
      else firstOpening = Math.min(firstOpening, nextCallableAt(rt.schedule, now) ?? Number.POSITIVE_INFINITY);
      started += await this.dispatch(task, rt, now);
      if (rt.running === 0) await this.deps.store.completeTaskIfDone(task.id, now);
    }
    // Scheduled starts, recovery and tasks created meanwhile still need looking at: a long sleep is capped at
    // 10 idle periods (20 s by default), so a task started while all others wait for their window is not kept waiting.
    this.allClosedUntil = Math.min(firstOpening, now + 10 * this.opts.maxIdleMs);
    return started;
  }

  /** Calls in flight in this process. */
  get activeCalls(): number {
    return this.calling.size;
  }

  private async startScheduledTasks(now: number): Promise<void> {
    for (const task of await this.deps.store.listDueScheduledTasks(now)) {
      await this.deps.store.changeTaskStatus(task.accountId, task.id, 'start', now).catch((err: unknown) => this.deps.onError(err, `scheduled start of ${task.id}`));
    }
  }

  /**
   * The task's runtime; a task whose stored settings no longer build one (they are validated on the way in, so
   * only data written by an older version could) is stopped and reported instead of being retried every tick.
   */
  private async runtimeOf(task: TaskRecord, now: number): Promise<TaskRuntime | undefined> {
    try {
      return this.runtimes.get(task, now);
    } catch (err) {
      this.deps.onError(err, `settings of task ${task.id}; the task is stopped`);
      await this.deps.store.changeTaskStatus(task.accountId, task.id, 'stop', now);
      return undefined;
    }
  }

  private async dispatch(task: TaskRecord, rt: TaskRuntime, now: number): Promise<number> {
    if (!isCallable(rt.schedule, now)) return 0;
    const lines = (task.settings.callerNumbers.length > 0 ? task.settings.callerNumbers : [DEFAULT_LINE]).map((line) => ({
      line, running: this.lineLoad.get(line) ?? 0,
    }));
    const slots = availableSlots(
      { task: rt.running, account: this.accountLoad.get(task.accountId) ?? 0, lines },
      { task: task.settings.concurrency ?? undefined, account: this.opts.accountConcurrency, line: this.opts.lineConcurrency },
    );
    const granted = rt.bucket.takeMany(now, Math.min(slots, this.opts.maxClaim));
    if (granted === 0) return 0;
    const claims = await this.deps.store.claimDueDetails({
      taskId: task.id, now, limit: granted, leaseOwner: this.opts.owner, leaseMs: this.opts.leaseMs, ids: this.deps.ids,
      // This process's bucket only spares a claim when it has no token; the task's shared bucket decides, so two
      // processes on one task start TaskCps calls a second between them, not each.
      pacing: sharedBucket({ ratePerSecond: rt.bucket.ratePerSecond, burst: rt.bucket.burst }, now),
    });
    if (claims.length < granted) rt.bucket.refund(granted - claims.length);
    const assigned = assignLines(lines, claims.length, this.opts.lineConcurrency);
    this.launchAll(task, rt, claims.map((claim, i) => ({ claim, line: assigned[i] ?? lines[0]!.line })));
    return claims.length;
  }

  private launchAll(task: TaskRecord, rt: TaskRuntime, claims: LineClaim[]): void {
    for (const { claim, line } of claims) {
      rt.running++;
      this.calling.add(claim.detail.id);
      bump(this.lineLoad, line, 1);
      bump(this.accountLoad, task.accountId, 1);
    }
    this.runner.runAll(task, rt, claims, { lineFree: (line) => this.freeLine(task, rt, line), done: (detailId) => this.settled(detailId) });
  }

  /** A call is over at the carrier: its task, account and line slots may be used again (its outcome may still be queued). */
  private freeLine(task: TaskRecord, rt: TaskRuntime, line: string): void {
    rt.running--;
    bump(this.lineLoad, line, -1);
    bump(this.accountLoad, task.accountId, -1);
  }

  /** A call is settled: its lease need not be kept alive any more. */
  private settled(detailId: string): void {
    this.calling.delete(detailId);
    if (this.calling.size > 0) return;
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once no call of this process is in flight. */
  private drained(): Promise<void> {
    if (this.calling.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /**
   * Every claim and outcome appends detail-count deltas (store/detail-tallies.ts); merging a running task's now and
   * then keeps its progress and QueryAiCallDetailPage's Total a sum over a few thousand rows at most.
   */
  private async compactTallies(now: number, tasks: readonly TaskRecord[]): Promise<void> {
    if (now - this.lastTallyCompaction < TALLY_COMPACTION_MS) return;
    this.lastTallyCompaction = now;
    for (const task of tasks) await this.deps.store.compactDetailTallies(task.id);
  }

  /** Calls can outlast a lease (talk time is up to an hour); keep ours alive well before they expire. */
  private async extendLeases(now: number): Promise<void> {
    if (now - this.lastLeaseExtension < this.opts.leaseMs / 3 || this.calling.size === 0) return;
    this.lastLeaseExtension = now;
    await this.deps.store.extendLeases(this.opts.owner, [...this.calling], now + this.opts.leaseMs);
  }

  /** Crash recovery: never-dialed claims go back to the queue; dialed-without-outcome ones follow the retry policy. */
  private async recoverLeases(now: number): Promise<void> {
    if (now - this.lastRecovery < this.opts.leaseMs / 4) return;
    this.lastRecovery = now;
    const { interrupted } = await this.deps.store.recoverExpiredLeases(now);
    const completions: AttemptCompletion[] = [];
    for (const { detail, attempt } of interrupted) {
      const task = await this.deps.store.getTask(detail.accountId, detail.taskId);
      if (!task) continue;
      const rt = await this.runtimeOf(task, now);
      const next = rt ? settlement(attempt.attemptNumber, 'INTERRUPTED', now, rt.retry) : ({ state: 5 } as const);
      const outcome = { callResult: null, failedReason: 'interrupted: the dialer stopped before the call reported an outcome', endedAt: now };
      const receipts = this.deps.receiptTypes?.(detail.accountId);
      completions.push({ attemptId: attempt.id, outcome, next, ...(receipts ? { receipts } : {}) });
    }
    await this.deps.store.completeAttempts(completions);
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const value = (map.get(key) ?? 0) + by;
  if (value === 0) map.delete(key);
  else map.set(key, value);
}
