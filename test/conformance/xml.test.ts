// XML responses: V1 callers who ask for Format=XML (or send no Format, the documented V1 default) get Alibaba's XML
// bodies, errors as <Error> with the exact content-type openapi-client needs to parse them (vector openapi-client-15).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { makeV1 } from '../fixtures/vectors/make-request.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { startReplayProxy } from '../support/replay-proxy.js';
import { DYVMS, openApiClient, openApiCore, WAIHU, type KeyPair } from '../support/sdk-clients.js';
import { assertOpenApiClientError, assertOpenApiCoreError, rejection } from '../support/sdk-errors.js';

const XML_TYPE = 'text/xml;charset=utf-8';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const REQUEST_ID_ELEMENT = /<RequestId>[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}<\/RequestId>/;

interface V1Options {
  method?: 'GET' | 'POST';
  inBody?: boolean;
  /** Parameters over the GetCallerIdentity defaults; undefined removes one (e.g. Format). */
  params?: Record<string, string | undefined>;
}

/** Signs a V1 request with the fixtures' signer and sends it with fetch; returns status, content-type and text. */
async function sendV1(server: TestServer, key: KeyPair, options: V1Options = {}) {
  const { req } = makeV1({
    method: options.method ?? 'GET',
    accessKeyId: key.AccessKeyId,
    secret: key.AccessKeySecret,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    nonce: randomBytes(16).toString('hex'),
    inBody: options.inBody,
    params: { Action: 'GetCallerIdentity', Version: WAIHU, Format: 'XML', CalledNumber: undefined, TtsCode: undefined, ...options.params },
  });
  const headers: Record<string, string> = req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {};
  const res = await fetch(`${server.url}/${req.rawQuery ? `?${req.rawQuery}` : ''}`, {
    method: req.method,
    headers,
    ...(req.body.length ? { body: req.body } : {}),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('XML responses', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  function assertIdentityXml(res: { status: number; type: string | null; text: string }): void {
    assert.equal(res.status, 200);
    assert.equal(res.type, XML_TYPE);
    assert.ok(res.text.startsWith(`${XML_DECLARATION}<GetCallerIdentityResponse><RequestId>`), res.text);
    assert.match(res.text, REQUEST_ID_ELEMENT);
    assert.ok(res.text.includes('<Code>OK</Code>'), res.text);
    assert.ok(
      res.text.includes(`<Data><AccountId>${server.key.AccountId}</AccountId><AccessKeyId>${server.key.AccessKeyId}</AccessKeyId></Data>`),
      res.text,
    );
    assert.ok(res.text.endsWith('</GetCallerIdentityResponse>'), res.text);
  }

  test('V1 GET with Format=XML answers <GetCallerIdentityResponse> naming the signing key', async () => {
    assertIdentityXml(await sendV1(server, server.key));
  });

  test('V1 POST with every parameter in a form body and Format=xml (lower case) answers XML too', async () => {
    assertIdentityXml(await sendV1(server, server.key, { method: 'POST', inBody: true, params: { Format: 'xml' } }));
  });

  test('V1 without Format gets XML, the documented V1 default', async () => {
    assertIdentityXml(await sendV1(server, server.key, { params: { Format: undefined } }));
  });

  test('V1 with Format=JSON answers JSON', async () => {
    const res = await sendV1(server, server.key, { params: { Format: 'JSON' } });
    assert.equal(res.status, 200);
    assert.equal(res.type, 'application/json;charset=utf-8');
    const body = JSON.parse(res.text) as Record<string, unknown>;
    assert.deepEqual(body.Data, { AccountId: server.key.AccountId, AccessKeyId: server.key.AccessKeyId });
  });

  test('a V1 Format=XML request with a wrong secret gets <Error> with exactly text/xml;charset=utf-8 and escaped text', async () => {
    const res = await sendV1(server, { ...server.key, AccessKeySecret: 'wrong' }, { method: 'POST' });
    assert.equal(res.status, 400);
    assert.equal(res.type, XML_TYPE);
    assert.ok(res.text.startsWith(`${XML_DECLARATION}<Error><RequestId>`), res.text);
    assert.match(res.text, REQUEST_ID_ELEMENT);
    assert.ok(res.text.includes('<HostId>'), res.text);
    assert.ok(res.text.includes('<Code>SignatureDoesNotMatch</Code>'), res.text);
    // The string to sign is full of '&', which XML must carry as &amp;.
    assert.ok(res.text.includes('server string to sign is:POST&amp;%2F&amp;AccessKeyId%3D'), res.text);
    assert.ok(res.text.endsWith('</Message></Error>'), res.text);
  });

  test('an early failure (no Version) still answers in the XML the caller asked for', async () => {
    const res = await sendV1(server, server.key, { params: { Version: undefined } });
    assert.equal(res.status, 400);
    assert.equal(res.type, XML_TYPE);
    assert.ok(res.text.includes('<Code>MissingVersion</Code>'), res.text);
    assert.match(res.text, REQUEST_ID_ELEMENT);
  });

  test('Format=YAML is InvalidParameter.Format (400), answered in JSON', async () => {
    const res = await sendV1(server, server.key, { params: { Format: 'YAML' } });
    assert.equal(res.status, 400);
    assert.equal(res.type, 'application/json;charset=utf-8');
    const body = JSON.parse(res.text) as Record<string, unknown>;
    assert.equal(body.Code, 'InvalidParameter.Format');
    assert.match(String(body.RequestId), /^[0-9A-F-]{36}$/);
  });

  test('openapi-client parses the XML error of a V3 call with Format=XML and throws MissingTtsCode', async () => {
    // Through a (non-replaying, single-request) proxy, to see that the client really had XML to parse.
    const proxy = await startReplayProxy(server.port);
    const client = openApiClient(proxy.host, server.key);
    const err = await rejection(
      client.call({ version: DYVMS, action: 'SingleCallByTts', params: { CalledNumber: '13900001234', Format: 'XML' } }),
    ).finally(() => proxy.stop());
    assert.equal(proxy.lastContentType, XML_TYPE);
    const data = assertOpenApiClientError(err, { code: 'MissingTtsCode', status: 400 });
    assert.equal(data.Message, 'TtsCode is mandatory for this action.');
    assert.equal(data.HostId, 'dyvmsapi.aliyuncs.com');
  });

  test('openapi-core parses the same XML error into a ClientError', async () => {
    const client = openApiCore(server.host, server.key);
    const err = await rejection(
      client.call({ version: DYVMS, action: 'SingleCallByTts', params: { CalledNumber: '13900001234', Format: 'XML' } }),
    );
    assertOpenApiCoreError(err, { code: 'MissingTtsCode', status: 400, kind: 'ClientError' });
  });
});
