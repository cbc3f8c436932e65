/**
 * Shared helpers of the aiccs task-action conformance suites: two official clients per tenant (openapi-core with V3,
 * the core of every generated SDK, and pop-core with V1), parameters shaped the way the generated aiccs SDK sends
 * them, and stored-state seeding for what the dialer would do (it does not run in the API server).
 */
import assert from 'node:assert/strict';
import { IdGenerator } from '../../src/core/ids.js';
import type { AttemptOutcome } from '../../src/core/campaigns/campaign-records.js';
import type { NewAccessKey } from '../../src/core/accounts/access-keys.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import type { TestServer } from '../support/conformance-server.js';
import { openApiCore, popCore, type ApiCaller, type ParamLocation, type PopCaller } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection, REQUEST_ID } from '../support/sdk-errors.js';

/** aiccs' API version. */
export const AICCS = '2019-10-15';

/** Every documented CallDay. */
export const ALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** One account with its key and one client of each kind. */
export interface Tenant {
  accountId: string;
  key: NewAccessKey;
  core: ApiCaller;
  pop: PopCaller;
  url: string;
}

/** A tenant for the server's default key. */
export function defaultTenant(server: TestServer): Tenant {
  return tenantOf(server, server.key);
}

/** A tenant for `key` on `server`. */
export function tenantOf(server: TestServer, key: NewAccessKey): Tenant {
  return { accountId: key.AccountId, key, core: openApiCore(server.host, key), pop: popCore(server.url, AICCS, key), url: server.url };
}

/** A second account with its own key. */
export async function otherTenant(server: TestServer, name: string): Promise<Tenant> {
  const account = await server.app.accessKeys.createAccount(name);
  return tenantOf(server, await server.app.accessKeys.createAccessKey(account.id));
}

/** The generated SDK's "shrink": array and object parameters go as one JSON string. */
export function shrink(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  return out;
}

/** Calls through openapi-core (V3) with shrunk parameters; returns the parsed body. */
export async function viaCore(t: Tenant, action: string, params: Record<string, unknown> = {}, where: ParamLocation = 'query') {
  return (await t.core.call({ version: AICCS, action, params: shrink(params), where })).body;
}

/** Calls through pop-core (V1, POST by default) with shrunk parameters; returns the parsed body. */
export async function viaPop(t: Tenant, action: string, params: Record<string, unknown> = {}, method: 'GET' | 'POST' = 'POST') {
  return t.pop.request(action, shrink(params), method);
}

/** The two clients every action is driven through. */
export const CLIENTS = ['openapi-core V3', 'pop-core V1'] as const;

/** One of CLIENTS. */
export type ClientName = (typeof CLIENTS)[number];

/**
 * Calls through the named client. openapi-core sends the parameters in the query, as the generated aiccs SDK does,
 * except ImportTaskNumberDatas, whose PhoneNumberList the SDK sends in a form body.
 */
export function via(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}) {
  if (client === 'pop-core V1') return viaPop(t, action, params);
  return viaCore(t, action, params, action === 'ImportTaskNumberDatas' ? 'form' : 'query');
}

/** Asserts the documented success envelope and returns the body. */
export function assertOk(body: Record<string, unknown>): Record<string, unknown> {
  assert.equal(body.Code, 'OK', `expected Code OK, got ${JSON.stringify(body)}`);
  assert.equal(body.Success, true);
  assert.equal(body.Message, 'OK');
  assert.match(String(body.RequestId), REQUEST_ID);
  return body;
}

/**
 * `Data` of a success body as plain objects all the way down (pop-core's json-bigint builds null-prototype objects,
 * which deepStrictEqual tells apart from literals). Only for Data without int64 numbers.
 */
export function data(body: Record<string, unknown>): Record<string, unknown> {
  assertOk(body);
  const d = body.Data;
  assert.ok(d !== null && typeof d === 'object', 'Data is an object');
  return JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
}

/** What an error must carry: its code, status and (optionally) words its message contains. */
export interface ExpectedError {
  code: string;
  status: number;
  message?: RegExp;
}

/** Asserts that a call through `client` fails as expected; returns the error body. */
export async function expectError(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, expected: ExpectedError) {
  const err = await rejection(via(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, expected, `${t.url}/`)
    : assertOpenApiCoreError(err, { ...expected, kind: expected.status >= 500 ? 'ServerError' : 'ClientError' });
  if (expected.message) assert.match(String(body.Message), expected.message);
  return body;
}

/** Valid CreateAiCallTask parameters: all day, every day, IMMEDIATE. */
export function taskParams(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    TaskName: name,
    StartType: 'IMMEDIATE',
    CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'],
    CallDay: ALL_DAYS,
    TaskCps: 10,
    ...extra,
  };
}

/** An int64 id as pop-core's json-bigint hands it over (a BigNumber for 16+ digits), as exact text. */
export function exactId(value: unknown): string {
  const text = String(value);
  assert.match(text, /^\d{18,19}$/, `an 18-19 digit id, got ${text}`);
  return text;
}

/** Creates a task through pop-core and returns its exact id. */
export async function createTask(t: Tenant, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = assertOk(await viaPop(t, 'CreateAiCallTask', taskParams(name, extra)));
  return exactId(body.Data);
}

/** `count` JSON import rows numbered from `first`. */
export function rows(count: number, first = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({ calleeNumber: `1390000${String(first + i).padStart(4, '0')}`, outId: `o-${first + i}`, name: `n${first + i}` }));
}

/** Imports rows through pop-core; returns the exact BatchId. */
export async function importRows(t: Tenant, taskId: string, list: Record<string, unknown>[], extra: Record<string, unknown> = {}): Promise<string> {
  const body = assertOk(await viaPop(t, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: list, ...extra }));
  return exactId(body.Data);
}

/** The status the store holds for a task. */
export async function storedStatus(store: Store, accountId: string, taskId: string): Promise<string | undefined> {
  return (await store.getTask(accountId, taskId))?.status;
}

/** An outcome the "dialer" gives one number, relative to the moment of the call. */
export type PlannedOutcome = (at: number) => Omit<AttemptOutcome, 'endedAt'> & { endedAt?: number };

/**
 * Does what a dialer would: claims the task's due details and settles those whose number has a planned outcome
 * (state 4), dialed at `at`; the others are given back untouched. Returns the CallId of each number called.
 */
export async function settleCalls(store: Store, taskId: string, plan: Record<string, PlannedOutcome>, at: number): Promise<Record<string, string>> {
  const ids = new IdGenerator(systemClock, 1000);
  const claims = await store.claimDueDetails({ taskId, now: at, limit: 1000, leaseOwner: 'test-dialer', leaseMs: 60_000, ids });
  const callIds: Record<string, string> = {};
  for (const claim of claims) {
    const outcome = plan[claim.detail.number];
    if (!outcome) {
      await store.releaseClaim(claim.attempt.id, at, claim.detail.dueAt);
      continue;
    }
    await store.markOriginated({ attemptId: claim.attempt.id, at, callerNumber: '057100001111', calleeKey: claim.detail.number });
    const planned = outcome(at);
    await store.completeAttempt({ attemptId: claim.attempt.id, outcome: { endedAt: at + 60_000, ...planned }, next: { state: 4 } });
    callIds[claim.detail.number] = claim.attempt.callId;
  }
  return callIds;
}

/** An answered call of `seconds`, hung up by the callee. */
export function answered(seconds: number, majorIntent = 'A'): PlannedOutcome {
  return (at) => ({
    callResult: 'ANSWERED', ringAt: at + 1000, answerAt: at + 5000, releaseAt: at + 5000 + seconds * 1000,
    durationSeconds: seconds, hangupDirection: 'user', majorIntent, conversationTurnCount: 3, endedAt: at + 5000 + seconds * 1000,
  });
}

/** A call that ended with `result` without being answered. */
export function missed(result: 'NO_ANSWER' | 'USER_BUSY' | 'POWERED_OFF'): PlannedOutcome {
  return (at) => ({ callResult: result, ringAt: at + 1000, releaseAt: at + 30_000, durationSeconds: 0, endedAt: at + 30_000 });
}
