/** Calling dyvmsapi 2017-05-25 through either official client, for the dyvms conformance suites. */
import assert from 'node:assert/strict';
import { DYVMS, popCore } from '../support/sdk-clients.js';
import type { ClientName, Tenant } from './aiccs-kit.js';

/** The response body of a dyvms call through the named client, as it comes (pop-core's json-bigint values included). */
export async function dyvmsBody(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  if (client === 'pop-core V1') return popCore(t.url, DYVMS, t.key).request(action, params, 'POST') as Promise<Record<string, unknown>>;
  return (await t.core.call({ version: DYVMS, action, params })).body as Record<string, unknown>;
}

/** The success body of a dyvms call through the named client, `Code` and `Message` OK asserted. */
export async function dyvms(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const body = await dyvmsBody(client, t, action, params);
  assert.equal(body.Code, 'OK', JSON.stringify(body));
  assert.equal(body.Message, 'OK');
  return body;
}
