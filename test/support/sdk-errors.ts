/**
 * What each official client throws for an error response, as recorded in test/fixtures/vectors/*-results.json,
 * turned into assertions: a test states the code and status it expects, these check the rest of the shape.
 */
import assert from 'node:assert/strict';
import OpenApiCoreModule from '@alicloud/openapi-core';

/** Alibaba-style request ids, as waihu issues them (an upper-case UUID). */
export const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** The fields the clients put on what they throw. */
export interface SdkError extends Error {
  code?: string;
  statusCode?: number;
  requestId?: string;
  retryAfter?: number;
  description?: string;
  url?: string;
  /** pop-core: the request and response it saw. */
  entry?: { response?: { statusCode?: number } };
  data?: Record<string, unknown>;
}

/** Awaits a call that must fail and returns what it threw. */
export async function rejection(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (err) {
    assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
    return err as SdkError;
  }
  assert.fail('the call succeeded although the server should have refused it');
}

/** What a test expects of an error response. */
export interface Expected {
  code: string;
  status: number;
}

function assertBody(err: SdkError, expected: Expected): Record<string, unknown> {
  const data = err.data;
  assert.ok(data, `${err.name} carries the parsed error body as data`);
  assert.equal(data.Code, expected.code);
  assert.match(String(data.RequestId), REQUEST_ID, 'every error body carries a RequestId');
  assert.equal(typeof data.HostId, 'string');
  assert.equal(typeof data.Message, 'string');
  return data;
}

/** openapi-client (vectors openapi-client-10…19): a plain Error, "<Code>: code: <status>, <Message> request id: <RequestId>". */
export function assertOpenApiClientError(err: SdkError, expected: Expected): Record<string, unknown> {
  const data = assertBody(err, expected);
  assert.equal(err.name, 'Error');
  assert.equal(err.code, expected.code);
  assert.equal(err.statusCode, expected.status);
  assert.equal(data.statusCode, expected.status, 'openapi-client copies the HTTP status into data');
  assert.equal(err.message, `${expected.code}: code: ${expected.status}, ${String(data.Message)} request id: ${String(data.RequestId)}`);
  assert.equal(err.description, 'undefined', 'waihu sends no Description, which the client prints as "undefined"');
  return data;
}

/** The openapi-core error classes, by the name a vector records. */
const CORE_CLASSES = {
  ClientError: OpenApiCoreModule.ClientError,
  ServerError: OpenApiCoreModule.ServerError,
  ThrottlingError: OpenApiCoreModule.ThrottlingError,
};

/** openapi-core (vectors sdk-11…16): ClientError for 4xx, ServerError for 5xx, ThrottlingError for any Throttling code. */
export function assertOpenApiCoreError(
  err: SdkError,
  expected: Expected & { kind: keyof typeof CORE_CLASSES },
): Record<string, unknown> {
  const data = assertBody(err, expected);
  assert.ok(err instanceof CORE_CLASSES[expected.kind], `expected ${expected.kind}, got ${err.constructor.name}`);
  assert.equal(err.name, expected.kind);
  assert.equal(err.code, expected.code);
  assert.equal(err.statusCode, expected.status);
  assert.equal(err.requestId, data.RequestId);
  assert.equal(err.message, `${expected.code}: code: ${expected.status}, ${String(data.Message)} request id: ${String(data.RequestId)}`);
  return data;
}

/** pop-core (vectors pop-core-05, -06): name "<Code>Error", message "<Message>, URL: <url>", data = whole body. */
export function assertPopCoreError(err: SdkError, expected: Expected, urlPrefix: string): Record<string, unknown> {
  const data = assertBody(err, expected);
  assert.equal(err.name, `${expected.code}Error`);
  assert.equal(err.code, expected.code);
  assert.ok(err.url?.startsWith(urlPrefix), `pop-core reports the URL it called (${String(err.url)})`);
  assert.equal(err.message, `${String(data.Message)}, URL: ${String(err.url)}`);
  // pop-core ignores the status when deciding to throw, but keeps it in the entry it attaches.
  assert.equal(err.entry?.response?.statusCode, expected.status);
  return data;
}
