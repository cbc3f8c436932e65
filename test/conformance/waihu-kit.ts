/** Helpers of the waihu management-action suites: call an action through either official client, read its Data, expect a refusal. */
import assert from 'node:assert/strict';
import { popCore, WAIHU } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { assertOk, type ClientName, type Tenant } from './aiccs-kit.js';

/** The success body of a waihu call through the named client (pop-core's json-bigint objects as they come). */
export async function waihuBody(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const body = client === 'pop-core V1'
    ? await popCore(t.url, WAIHU, t.key).request(action, params, 'POST')
    : (await t.core.call({ version: WAIHU, action, params })).body;
  return assertOk(body);
}

/** `Data` of a waihu call through the named client, as plain JSON. */
export async function waihuData(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}): Promise<unknown> {
  return JSON.parse(JSON.stringify((await waihuBody(client, t, action, params)).Data));
}

/** `Data` of a waihu call that answers with an object. */
export async function waihu(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return (await waihuData(client, t, action, params)) as Record<string, unknown>;
}

/** The id or code a Create action answers with. */
export async function created(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>): Promise<string> {
  return String(await waihuData(client, t, action, params));
}

/** Asserts a waihu call fails with that code and status (and message); returns the error body. */
export async function refused(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, code: string, status: number, message?: RegExp) {
  const err = await rejection(waihu(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: 'ClientError' });
  if (message) assert.match(String(body.Message), message);
  return body;
}
