/**
 * Helpers for the simulated carrier's tests (and later the engine's): a listener that records what the
 * carrier reported, and a carrier on a virtual clock with an in-memory ledger.
 */
import type { CallSession } from '../../../ports/call-session.js';
import { VirtualClock } from '../../../ports/clock.js';
import type { CallListener, CallOutcome, DialRequest } from '../../../ports/telephony.js';
import type { CalleeChooser } from './sim-callee.js';
import type { LedgerEntry } from './sim-ledger.js';
import type { SimModelSource } from './sim-model.js';
import { SimTelephony } from './sim-telephony.js';

/** The start of virtual time in these tests: Monday 2026-03-02 09:00 in Shanghai. */
export const T0 = Date.parse('2026-03-02T09:00:00+08:00');

/** What a flow does on an answered call in a test. */
export type TestFlow = (session: CallSession) => Promise<void>;

/** A flow that says one short line and returns (the robot hangs up). */
export const sayHello: TestFlow = async (session) => {
  await session.say('您好');
};

/** A flow that listens until the call is cut by the callee or a limit. */
export const listenForever: TestFlow = async (session) => {
  for (;;) await session.listen({ timeoutMs: 10_000 });
};

/** A listener that keeps every event, relative to T0, and the outcome. */
export interface RecordedCall {
  listener: CallListener;
  events: string[];
  /** Resolves with the outcome once `ended` was called. */
  ended: Promise<CallOutcome>;
  outcome?: CallOutcome;
  session?: CallSession;
}

/** Records one call; answered calls run `flow`. */
export function recordCall(flow: TestFlow = sayHello): RecordedCall {
  let resolveEnded!: (outcome: CallOutcome) => void;
  const call: RecordedCall = {
    events: [],
    ended: new Promise((resolve) => (resolveEnded = resolve)),
    listener: {
      ringing: (at) => void call.events.push(`ringing@${at - T0}`),
      answered: async (session, at) => {
        call.events.push(`answered@${at - T0}`);
        call.session = session;
        await flow(session);
      },
      ended: (outcome) => {
        call.events.push(`ended@${outcome.endAt - T0}`);
        call.outcome = outcome;
        resolveEnded(outcome);
      },
    },
  };
  return call;
}

/** A carrier on a virtual clock, with the ledger kept in an array. */
export function simOnVirtualClock(options: { timeScale?: number; seed?: number; models?: SimModelSource; callees?: CalleeChooser } = {}) {
  const clock = new VirtualClock(T0);
  const ledger: LedgerEntry[] = [];
  const sim = new SimTelephony({
    clock,
    ledger: { record: (entry) => void ledger.push(entry) },
    timeScale: options.timeScale ?? 1,
    seed: options.seed ?? 7,
    ...(options.models ? { models: options.models } : {}),
    ...(options.callees ? { callees: options.callees } : {}),
  });
  return { clock, ledger, sim };
}

let serial = 0;

/** A dial request with unique ids; `callee` and any field may be given. */
export function dial(callee: string, extra: Partial<DialRequest> = {}): DialRequest {
  serial++;
  const ids = { attemptId: `att-${serial}`, callId: `100${serial}^200${serial}` };
  return { ...ids, accountId: 'acct-1', caller: '057100001111', callee, ...extra };
}

/** Runs one call to its end on the virtual clock and returns its recording. */
export async function runCall(
  setup: ReturnType<typeof simOnVirtualClock>,
  request: DialRequest,
  flow?: TestFlow,
): Promise<RecordedCall & { outcome: CallOutcome }> {
  const call = recordCall(flow);
  await setup.sim.originate(request, call.listener);
  await setup.clock.runUntil(() => call.outcome !== undefined);
  return call as RecordedCall & { outcome: CallOutcome };
}
