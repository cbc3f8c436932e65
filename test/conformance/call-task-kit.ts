/**
 * Helpers of the dyvms task-center suites: a tenant with a caller number and templates, calls through either official
 * client (JSON) or openapi-core asking for XML, refusals, and waiting for the running dialer to move a task along.
 */
import assert from 'node:assert/strict';
import OpenApiCoreModule from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import { formatDateTime } from '../../src/core/local-time.js';
import type { TestServer } from '../support/conformance-server.js';
import { DYVMS, flatQuery } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';
import { created, waihu } from './waihu-kit.js';
import { dyvmsBody } from './dyvms-kit.js';

/** The response body of a dyvms call, as it comes (dyvms-kit.ts). */
export const dyvms = dyvmsBody;

const OpenApiCore = OpenApiCoreModule.default;

/** A tenant ready to create CallTasks: a caller number and two TTS templates. */
export interface CallTaskTenant extends Tenant {
  caller: string;
  /** A notification template filling ${name} and ${item}. */
  withVars: string;
  /** A notification template with no variables. */
  plain: string;
}

/** A new account with its caller number and templates, set up through `client`. */
export async function callTaskTenant(server: TestServer, client: ClientName, label: string, caller = '057188330001'): Promise<CallTaskTenant> {
  const t = await otherTenant(server, label);
  await waihu(client, t, 'AddCallerNumber', { PhoneNumber: caller });
  const withVars = await created(client, t, 'CreateTtsTemplate', { Name: '发货通知', Content: '${name}您好，您的${item}已发货。', Type: 'NOTIFY' });
  const plain = await created(client, t, 'CreateTtsTemplate', { Name: '维护通知', Content: '系统今晚维护。', Type: 'NOTIFY' });
  return { ...t, caller, withVars, plain };
}

/** The raw XML body of a dyvms call through openapi-core asking Format=XML (bodyType string keeps the text). */
export async function dyvmsXml(t: Tenant, action: string, params: Record<string, unknown>): Promise<string> {
  const [host] = t.url.replace('http://', '').split('/');
  const client = new OpenApiCore(new OpenApiCoreModule.$OpenApiUtil.Config({
    accessKeyId: t.key.AccessKeyId, accessKeySecret: t.key.AccessKeySecret, endpoint: host, protocol: 'HTTP',
  }));
  const out = await client.callApi(
    new OpenApiCoreModule.$OpenApiUtil.Params({
      action, version: DYVMS, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', bodyType: 'string', reqBodyType: 'formData',
    }),
    new OpenApiCoreModule.$OpenApiUtil.OpenApiRequest({ query: flatQuery({ ...params, Format: 'XML' }) }),
    new RuntimeOptions({}),
  );
  return String((out as { body: unknown }).body);
}

/** Creates a CallTask and returns its id as text (a safe integer, exact in both clients). */
export async function createCallTask(client: ClientName, t: Tenant, params: Record<string, unknown>): Promise<string> {
  const body = await dyvms(client, t, 'CreateCallTask', params);
  assert.equal(body.Code, '200');
  const id = String(body.Data);
  assert.match(id, /^\d{13,16}$/);
  assert.ok(Number.isSafeInteger(Number(id)), 'a CallTask id stays below 2^53, so JSON.parse keeps it exact');
  return id;
}

/** The one listed task with that id (ListCallTask filtered by TaskId), as plain JSON. */
export async function listedTask(client: ClientName, t: Tenant, taskId: string): Promise<Record<string, unknown>> {
  const body = await dyvms(client, t, 'ListCallTask', { PageNumber: 1, TaskId: taskId });
  assert.equal(body.Code, '200');
  const data = JSON.parse(JSON.stringify(body.Data)) as Record<string, unknown>[];
  assert.equal(data.length, 1, `task ${taskId} is listed once`);
  return data[0]!;
}

/** ListCallTaskDetail's body as plain JSON. */
export async function taskItems(client: ClientName, t: Tenant, params: Record<string, unknown>) {
  const body = JSON.parse(JSON.stringify(await dyvms(client, t, 'ListCallTaskDetail', params))) as Record<string, unknown>;
  assert.equal(body.Code, 'OK');
  return body as { Total: number; TotalPage: number; PageNumber: number; PageSize: number; Data?: Record<string, unknown>[] };
}

/** Polls ListCallTask until the task shows `status`; the listed task. */
export async function untilStatus(client: ClientName, t: Tenant, taskId: string, status: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await listedTask(client, t, taskId);
    if (task.Status === status) return task;
    if (Date.now() > deadline) throw new Error(`task ${taskId} is still ${String(task.Status)}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Asserts a dyvms call is refused with `code` and `status`, its message matching `message`; the error body. */
export async function refusedCall(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, code: string, status: number, message?: RegExp) {
  const err = await rejection(dyvms(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: status >= 500 ? 'ServerError' : 'ClientError' });
  if (message) assert.match(String(body.Message), message);
  return body;
}

/** InvalidParameter (400) naming `param`. */
export function invalidParam(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, param: string, why?: RegExp) {
  return refusedCall(client, t, action, params, 'InvalidParameter', 400, why ?? new RegExp(`"${param}" is not valid`))
    .then((body) => assert.match(String(body.Message), new RegExp(`"${param}"`)));
}

/** `yyyy.MM.dd HH:mm:ss` of an instant in China time, the documented FireTime format. */
export function fireTimeText(at: number): string {
  return formatDateTime(at, 'Asia/Shanghai').replace(/-/g, '.');
}

/**
 * `count` (at most 1000) distinct mobile numbers 1<prefix><index><suffix>, `prefix` three digits from 300, ending in a
 * sim magic `suffix` (0000 answers, 0001 is busy).
 */
export function callees(count: number, prefix: string, suffix = '0000'): string[] {
  return Array.from({ length: count }, (_, i) => `1${prefix}${String(i).padStart(3, '0')}${suffix}`);
}
