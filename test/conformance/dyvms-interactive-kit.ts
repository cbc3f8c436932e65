/**
 * Helpers of the dyvms interactive-call suites: dyvms actions through either official client, refusals checked
 * against the documented envelope, V1 requests that ask for XML, and waiting for a call's dialog.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { formatDate } from '../../src/core/local-time.js';
import { makeV1 } from '../fixtures/vectors/make-request.js';
import { DYVMS } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { via, type ClientName, type Tenant } from './aiccs-kit.js';
import { dyvmsBody } from './dyvms-kit.js';

/** The response body of a dyvms call, as it comes (dyvms-kit.ts). */
export const dyvms = dyvmsBody;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asserts the call is refused with that code, status and message. */
export async function refused(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, code: string, status: number, message: RegExp) {
  const err = await rejection(dyvms(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: status >= 500 ? 'ServerError' : 'ClientError' });
  assert.match(String(body.Message), message, `${action} ${JSON.stringify(params)}`);
}

/** One dialog turn as aiccs GetCallDialogContent returns it. */
export interface Turn {
  role: string;
  content: string;
}

/** Polls GetCallDialogContent until the call has hung up; its turns. */
export async function dialogOf(t: Tenant, callId: string): Promise<Turn[]> {
  for (let i = 0; i < 400; i++) {
    const body = await via('openapi-core V3', t, 'GetCallDialogContent', { CallId: callId, CallDate: formatDate(Date.now(), 'Asia/Shanghai') });
    const data = body.Data as { CallStatus: number; DialogContent: string };
    if (data.CallStatus === 2) return JSON.parse(data.DialogContent) as Turn[];
    await sleep(25);
  }
  throw new Error(`call ${callId} did not end`);
}

/** A V1 request signed like pop-core, asking for XML (Format=XML); status and text. */
export async function xmlCall(t: Tenant, action: string, params: Record<string, string>): Promise<{ status: number; text: string }> {
  const { req } = makeV1({
    method: 'GET', accessKeyId: t.key.AccessKeyId, secret: t.key.AccessKeySecret,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), nonce: randomBytes(16).toString('hex'),
    params: { Action: action, Version: DYVMS, Format: 'XML', CalledNumber: undefined, TtsCode: undefined, ...params },
  });
  const res = await fetch(`${t.url}/?${req.rawQuery}`);
  return { status: res.status, text: await res.text() };
}

/** The call's Data of QueryCallDetailByCallId under that product id, parsed; null when not found. */
export async function callDetail(client: ClientName, t: Tenant, callId: string, prodId: string): Promise<Record<string, unknown> | null> {
  const body = await dyvms(client, t, 'QueryCallDetailByCallId', { CallId: callId, ProdId: prodId, QueryDate: Date.now() });
  assert.equal(body.Code, 'OK');
  return JSON.parse(String(body.Data)) as Record<string, unknown> | null;
}
