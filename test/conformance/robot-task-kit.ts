/** Helpers of the dyvms robot-task suites: calls through either official client, refusals, a robot, XML via signed V1. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { makeV1 } from '../fixtures/vectors/make-request.js';
import type { TestServer } from '../support/conformance-server.js';
import { DYVMS, type KeyPair } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import type { ClientName, Tenant } from './aiccs-kit.js';
import { created, waihu } from './waihu-kit.js';
import { dyvms } from './dyvms-kit.js';

export { dyvms };

/** A robot whose intent follows the callee's first answer. */
export const SURVEY_SCRIPT = {
  version: 1,
  start: 'greet',
  nodes: {
    greet: {
      type: 'ask',
      prompt: '您好$name$，这里是$company$回访中心，请问您现在方便吗？',
      // Callees may answer over the prompt (the simulated refuser often does, then hangs up): the robot hears them.
      bargeIn: true,
      intents: [
        { name: '拒绝', keywords: ['不方便', '不需要', '不用', '没空', '没兴趣', '别打', '不参加'], next: 'bye_no', tag: { name: '意向', value: '拒绝' } },
        { name: '同意', keywords: ['方便', '好', '可以', '行', '是', '嗯', '你说', '满意'], next: 'bye_yes', tag: { name: '意向', value: '同意' } },
      ],
      noInput: { retries: 0, next: 'bye_no' },
      noMatch: { retries: 0, next: 'bye_yes' },
    },
    bye_yes: { type: 'hangup', prompt: '好的，感谢您的支持，再见。', intent: '有意向' },
    bye_no: { type: 'hangup', prompt: '打扰您了，再见。', intent: '无意向' },
  },
};

/** The calling number every suite registers. */
export const CALLER = '057188990001';

/** `Data` of a dyvms call, parsed from its JSON text. */
export async function dyvmsData<T = Record<string, unknown>>(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>): Promise<T> {
  const body = await dyvms(client, t, action, params);
  assert.equal(typeof body.Data, 'string', `${action}: Data is JSON text, as the SDK model types it`);
  return JSON.parse(String(body.Data)) as T;
}

/** Asserts a dyvms call is refused with `code` and `status`; the message must match `message`. */
export async function dyvmsRefused(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, code: string, status: number, message?: RegExp) {
  const err = await rejection(dyvms(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: 'ClientError' });
  if (message) assert.match(String(body.Message), message);
  return body;
}

/** Asserts InvalidParameter naming `param`. */
export function invalidParam(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, param: string, why?: RegExp) {
  return dyvmsRefused(client, t, action, params, 'InvalidParameter', 400, why ?? new RegExp(`"${param}" is not valid`));
}

/** Registers the caller number and a robot; returns the robot's DialogId. */
export async function robotFor(client: ClientName, t: Tenant, name = '回访'): Promise<string> {
  await waihu(client, t, 'AddCallerNumber', { PhoneNumber: CALLER });
  return created(client, t, 'CreateRobot', { Name: name, Script: JSON.stringify(SURVEY_SCRIPT) });
}

/** CreateRobotTask's required parameters. */
export function taskParams(dialogId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { TaskName: '回访任务', DialogId: dialogId, Caller: CALLER, NumberStatusIdent: true, RetryType: 0, ...extra };
}

/** Creates a robot task; returns its id. */
export async function createTask(client: ClientName, t: Tenant, dialogId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = await dyvms(client, t, 'CreateRobotTask', taskParams(dialogId, extra));
  const id = String(body.Data);
  assert.match(id, /^\d{18,19}$/);
  return id;
}

/** The task's status as QueryRobotTaskDetail reports it. */
export async function statusOf(client: ClientName, t: Tenant, taskId: string): Promise<string> {
  return String((await dyvmsData(client, t, 'QueryRobotTaskDetail', { Id: taskId })).status);
}

/** A V1 request signed like pop-core's with Format=XML, sent with fetch; the raw XML text. */
export async function xmlCall(server: TestServer, key: KeyPair, action: string, params: Record<string, string>): Promise<{ status: number; text: string }> {
  const { req } = makeV1({
    method: 'POST', inBody: true, accessKeyId: key.AccessKeyId, secret: key.AccessKeySecret,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), nonce: randomBytes(16).toString('hex'),
    params: { Action: action, Version: DYVMS, Format: 'XML', CalledNumber: undefined, TtsCode: undefined, ...params },
  });
  const res = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: req.body });
  return { status: res.status, text: await res.text() };
}
