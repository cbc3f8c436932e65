/**
 * Test helpers of the SmartCall flow: a real customer callback server on 127.0.0.1 that records every POST and
 * answers from a script, and a SmartCall run on the simulated carrier with a scripted callee.
 *
 * Clock: the call runs on a VirtualClock whose `isBusy` hook is the hook's in-flight count. Without it the clock
 * cannot see a request waiting for its response on a socket, jumps to the next timer meanwhile (a mute timeout, the
 * call's limit) and `runUntil` ends up rejecting with "no timer is waiting". With it, virtual time holds still
 * during each exchange, so simulated durations stay exact whatever the server's real latency; the hook's own
 * deadline runs on the system clock, since the server answers in real time.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallSession } from '../../ports/call-session.js';
import { systemClock, VirtualClock } from '../../ports/clock.js';
import type { SmartCallHook } from '../../ports/smart-call-hook.js';
import type { CallOutcome } from '../../ports/telephony.js';
import { HttpSmartCallHook } from '../../providers/hooks/http-smart-call-hook.js';
import type { SmartCallBodyEncoding } from '../../providers/hooks/smart-call-wire.js';
import { TrackedSmartCallHook } from '../../providers/hooks/tracked-smart-call-hook.js';
import { ScriptedCallee, type CalleeAction, type SimCallee } from '../../providers/telephony/sim/sim-callee.js';
import type { SimCallSession } from '../../providers/telephony/sim/sim-call-session.js';
import type { LedgerEntry } from '../../providers/telephony/sim/sim-ledger.js';
import { SimTelephony } from '../../providers/telephony/sim/sim-telephony.js';
import { dial, runCall, T0 } from '../../providers/telephony/sim/sim-test-kit.js';
import { RecordingSession } from '../recording-session.js';
import { runSmartCall, type SmartCallOptions, type SmartCallResult } from './smart-call-flow.js';

export { T0 };

/** The number dialed: its suffix 0015 always answers and never hangs up. */
export const CALLEE = '13800000015';

/** One POST as the customer's server received it. */
export interface ReceivedCallback {
  query: Record<string, string>;
  /** The query's `content`, parsed. */
  content: Record<string, unknown>;
  /** The body: parsed JSON, form fields, or '' when empty. */
  body: unknown;
  headers: IncomingMessage['headers'];
}

/** How the server answers one POST. */
export interface ServerAnswer {
  /** A JSON body; `raw` wins when both are given. */
  json?: unknown;
  raw?: string;
  /** Default 200. */
  status?: number;
  /** Real milliseconds to wait before answering. */
  delayMs?: number;
}

/** Picks the answer to the `index`-th POST (0-based). */
export type CustomerScript = (callback: ReceivedCallback, index: number) => ServerAnswer;

/** A running customer server. */
export interface CustomerServer {
  url: string;
  received: ReceivedCallback[];
  close(): Promise<void>;
}

/** A success reply with `data` (call_id is left out: the flow accepts replies without it). */
export function reply(data: Record<string, unknown>): ServerAnswer {
  return { json: { result: 'success', msg: '成功', data } };
}

/** Answers the POSTs in order, then hangs up every later one. */
export function inOrder(...answers: ServerAnswer[]): CustomerScript {
  return (_callback, index) => answers[index] ?? reply({ action: 'hangup' });
}

/** Starts a customer server on 127.0.0.1 with a free port. */
export async function startCustomerServer(script: CustomerScript, path = '/smartcall?token=t1'): Promise<CustomerServer> {
  const received: ReceivedCallback[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const callback = parseCallback(req, Buffer.concat(chunks).toString('utf8'));
      const answer = script(callback, received.length);
      received.push(callback);
      const send = () => {
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(answer.raw ?? JSON.stringify(answer.json ?? {}));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A URL where nothing listens: a port just freed. */
export async function deadUrl(): Promise<string> {
  const server = await startCustomerServer(() => reply({ action: 'hangup' }));
  await server.close();
  return server.url;
}

function parseCallback(req: IncomingMessage, text: string): ReceivedCallback {
  const url = new URL(req.url ?? '/', 'http://x');
  const query = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  const body = text === '' ? '' : type.startsWith('application/json') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
  return { query, content: JSON.parse(query.content ?? '{}') as Record<string, unknown>, body, headers: req.headers };
}

/** What a test gives a simulated SmartCall. */
export interface SimRun {
  callee: SimCallee | CalleeAction[];
  /** The customer's server; or give `hook` to talk to an in-process fake instead. */
  url?: string;
  hook?: SmartCallHook;
  /** Aborting it cancels the call: the platform hangs up (DialRequest.signal). */
  signal?: AbortSignal;
  options: Omit<SmartCallOptions, 'hook' | 'clock'>;
  hookTimeoutMs?: number;
  bodyEncoding?: SmartCallBodyEncoding;
  sessionTimeoutMs?: number;
}

/** A simulated SmartCall's outcome: the flow's result, the carrier's transcript (ms since answer) and outcome. */
export interface SimSmartCall {
  result: SmartCallResult;
  /** [kind, text, ms since answer] of every operation and callee action. */
  turns: [string, string | undefined, number][];
  outcome: CallOutcome;
  answerAt: number;
}

/** Runs one SmartCall to its end on the simulated carrier; see the module comment for the clock. */
export async function runOnSim(run: SimRun): Promise<SimSmartCall> {
  const inner = run.hook ?? new HttpSmartCallHook({
    url: run.url ?? '', clock: systemClock, timeoutMs: run.hookTimeoutMs ?? 2000, bodyEncoding: run.bodyEncoding ?? 'json',
  });
  const hook = new TrackedSmartCallHook(inner);
  const clock = new VirtualClock(T0, { isBusy: () => hook.inFlight > 0 });
  const callee = Array.isArray(run.callee) ? new ScriptedCallee(run.callee) : run.callee;
  const sim = new SimTelephony({ clock, ledger: { record: () => {} }, timeScale: 1, seed: 7, callees: () => callee });
  let result: SmartCallResult | undefined;
  const flow = async (session: CallSession) => {
    const recording = new RecordingSession(session, clock);
    result = await runSmartCall(recording, { hook, clock, identity: CALLEE, ...run.options });
  };
  const setup = { clock, ledger: [] as LedgerEntry[], sim };
  const extra = { ...(run.sessionTimeoutMs ? { sessionTimeoutMs: run.sessionTimeoutMs } : {}), ...(run.signal ? { signal: run.signal } : {}) };
  const call = await runCall(setup, dial(CALLEE, extra), flow);
  if (!result) throw new Error('the flow did not finish');
  const answerAt = call.outcome.answerAt ?? T0;
  const session = call.session as SimCallSession;
  const turns = session.transcript.map((t): [string, string | undefined, number] => [t.kind, t.text, t.at - answerAt]);
  return { result, turns, outcome: call.outcome, answerAt };
}
