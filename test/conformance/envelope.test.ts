// Answers produced outside the action pipeline (an oversized body, a wrong path) still follow the error contract of
// docs/errors.md: Alibaba's error body with a RequestId, in the format the caller asked for, so every client reports it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { makeV1 } from '../fixtures/vectors/make-request.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { PROBES } from '../support/probes.js';
import { openApiClient, popCore, WAIHU } from '../support/sdk-clients.js';
import { assertOpenApiClientError, assertPopCoreError, rejection } from '../support/sdk-errors.js';

const MAX_BODY_BYTES = 1024;
const LONG_TEXT = 'x'.repeat(2 * MAX_BODY_BYTES);

/** The query of a signed V1 GetCallerIdentity that asks for XML. */
function v1XmlRequest(server: TestServer): { query: string } {
  const { req } = makeV1({
    method: 'POST',
    accessKeyId: server.key.AccessKeyId,
    secret: server.key.AccessKeySecret,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    nonce: randomBytes(16).toString('hex'),
    params: { Action: 'GetCallerIdentity', Version: WAIHU, Format: 'XML', CalledNumber: undefined, TtsCode: undefined },
  });
  return { query: req.rawQuery };
}

describe(`a server with maxBodyBytes ${MAX_BODY_BYTES}`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { maxBodyBytes: MAX_BODY_BYTES } });
  });
  after(() => server.stop());

  test('openapi-client sending a larger chunked form body gets RequestEntityTooLarge (413) with a RequestId', async () => {
    const client = openApiClient(server.host, server.key);
    const err = await rejection(client.call({ version: WAIHU, action: 'CreateAccessKey', params: { Description: LONG_TEXT }, where: 'form' }));
    const data = assertOpenApiClientError(err, { code: 'RequestEntityTooLarge', status: 413 });
    assert.ok(String(data.Message).includes(String(MAX_BODY_BYTES)), String(data.Message));
  });

  test('pop-core POSTing a larger form body (with Content-Length) gets RequestEntityTooLarge (413) with a RequestId', async () => {
    const client = popCore(server.url, WAIHU, server.key);
    const err = await rejection(client.request('CreateAccessKey', { Description: LONG_TEXT }, 'POST'));
    assertPopCoreError(err, { code: 'RequestEntityTooLarge', status: 413 }, `${server.url}/`);
  });

  test('a body just under the limit is accepted', async () => {
    const description = 'y'.repeat(200);
    const client = openApiClient(server.host, server.key);
    const res = await client.call({ version: WAIHU, action: 'CreateAccessKey', params: { Description: description }, where: 'form' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body.Code, 'OK');
  });

  test('an oversized body on a V1 request with Format=XML is answered in XML', async () => {
    const { query } = v1XmlRequest(server);
    const res = await fetch(`${server.url}/?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Note=${LONG_TEXT}`,
    });
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('content-type'), 'text/xml;charset=utf-8');
    assert.match(await res.text(), /<Error><RequestId>[0-9A-F-]{36}<\/RequestId>.*<Code>RequestEntityTooLarge<\/Code>/);
  });
});

describe('a client whose endpoint carries a path', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  test('pop-core with endpoint http://host/api gets InvalidApi.NotFound (404) with a RequestId', async () => {
    const client = popCore(`${server.url}/api`, WAIHU, server.key);
    const err = await rejection(client.request('GetCallerIdentity', {}, 'POST'));
    const data = assertPopCoreError(err, { code: 'InvalidApi.NotFound', status: 404 }, `${server.url}/api/`);
    assert.ok(String(data.Message).includes('"/"'), 'the message says where RPC requests go');
  });

  test('a wrong path with Format=XML in the query is answered in XML', async () => {
    const { query } = v1XmlRequest(server);
    const res = await fetch(`${server.url}/api/?${query}`, { method: 'POST' });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'text/xml;charset=utf-8');
    assert.match(await res.text(), /<Error><RequestId>[0-9A-F-]{36}<\/RequestId>.*<Code>InvalidApi\.NotFound<\/Code>/);
  });

  test('the same clients at the right endpoint succeed', async () => {
    for (const probe of PROBES) {
      const body = await probe.call(server, server.key, { version: WAIHU, action: 'GetCallerIdentity' });
      assert.equal(body.Code, 'OK', probe.name);
    }
  });
});
