/**
 * The built-in simulated carrier. Every dial is first written to the ledger, then played out on the injected
 * clock as a real carrier would report it (ringing, answer, release with a cause), with every simulated
 * duration multiplied by the time scale. What happens is planned up front by `planCall`, a pure function of
 * (seed, callee, attempt), so the same campaign gives the same outcomes on every run and at every scale.
 */
import type { Clock } from '../../../ports/clock.js';
import type { CallListener, DialRequest, Telephony } from '../../../ports/telephony.js';
import { planCall } from './call-plan.js';
import type { CalleeChooser } from './sim-callee.js';
import { SimDial } from './sim-dial.js';
import type { DialLedger } from './sim-ledger.js';
import { DEFAULT_SIM_MODEL, parseSimModel, type SimModel, type SimModelSource } from './sim-model.js';

/** What the simulated carrier is built from. */
export interface SimTelephonyOptions {
  clock: Clock;
  ledger: DialLedger;
  /** Per-account outcome models; the default model for accounts without one (and when absent). */
  models?: SimModelSource;
  /** Multiplies every simulated duration on the clock: 1 = real time, 0.01 = 100x faster, 0 = instant. */
  timeScale: number;
  seed: number;
  /** Whether the magic-number suffixes force outcomes (docs/simulator.md); default true. */
  magicNumbers?: boolean;
  /** Who answers each answered call (the persona catalog); silent callees when absent. */
  callees?: CalleeChooser;
  /**
   * Whether answered calls report a recording (marked simulated: no audio exists until someone downloads it and it is
   * rendered from the transcript); default false. A dial with `record: false` never gets one.
   */
  recordings?: boolean;
}

/** The simulated carrier; see the module comment. */
export class SimTelephony implements Telephony {
  private active = 0;
  private drainWaiters: (() => void)[] = [];
  private readonly parsed = new WeakMap<object, SimModel>();

  constructor(private readonly options: SimTelephonyOptions) {
    if (!(options.timeScale >= 0) || !Number.isFinite(options.timeScale)) {
      throw new RangeError(`sim time scale must be a finite number >= 0, got ${options.timeScale}`);
    }
    if (!Number.isFinite(options.seed)) throw new RangeError(`sim seed must be a finite number, got ${options.seed}`);
  }

  /** Calls in progress (dialed, not yet ended). */
  get activeCalls(): number {
    return this.active;
  }

  /**
   * Records the dial in the ledger (synchronously, before anything else), plans it and starts it. Resolves as
   * soon as the call is under way; listener events may arrive before that, since nothing stands between.
   */
  async originate(request: DialRequest, listener: CallListener): Promise<void> {
    this.options.ledger.record({
      at: this.options.clock.now(),
      attemptId: request.attemptId,
      callId: request.callId,
      accountId: request.accountId,
      caller: request.caller,
      callee: request.callee,
      ...(request.attempt !== undefined ? { attempt: request.attempt } : {}),
    });
    const model = await this.modelFor(request.accountId);
    const plan = planCall(model, this.options.seed, request, this.options.magicNumbers ?? true);
    this.active++;
    new SimDial(this.options.clock, this.options.timeScale, request, plan, listener, this, this.options.callees, this.options.recordings ?? false).start();
  }

  /** Resolves once every call in progress has ended (on a virtual clock, keep the clock running meanwhile). */
  drain(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** A call is over (SimDial reports it). */
  callOver(): void {
    this.active--;
    if (this.active > 0) return;
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }

  private async modelFor(accountId: string): Promise<SimModel> {
    const model = (await this.options.models?.modelFor(accountId)) ?? DEFAULT_SIM_MODEL;
    let valid = this.parsed.get(model);
    if (!valid) {
      // A source may hand out raw JSON; validating once per object keeps the hot path cheap.
      valid = model === DEFAULT_SIM_MODEL ? model : parseSimModel(model);
      this.parsed.set(model, valid);
    }
    return valid;
  }
}
