import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { PassThrough } from 'node:stream';
import { makeV3 } from '../fixtures/vectors/make-request.js';
import { startTestServer } from '../support/conformance-server.js';
import { createLogger } from '../../src/app/logger.js';

const acsDate = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function signedIdentityRequest(host: string, key: { AccessKeyId: string; AccessKeySecret: string }, nonce: string) {
  return makeV3({
    accessKeyId: key.AccessKeyId, secret: key.AccessKeySecret, date: acsDate(), nonce,
    body: 'Note=in%20flight', contentType: 'application/x-www-form-urlencoded',
    headers: { host, 'x-acs-action': 'GetCallerIdentity', 'x-acs-version': '2026-12-01' },
  }).req;
}

test('stop() lets an in-flight request finish, then refuses new connections', async () => {
  const server = await startTestServer();
  const signed = signedIdentityRequest(server.host, server.key, 'inflight-1');
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/', headers: signed.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    // Half the body now, the rest after shutdown has begun: a chunked upload still in progress.
    req.write(signed.body.subarray(0, 4));
    setTimeout(() => req.end(signed.body.subarray(4)), 300);
  });
  await new Promise((r) => setTimeout(r, 100));
  const stopping = server.stop();
  const { status, body } = await response;
  await stopping;
  assert.equal(status, 200, body);
  assert.equal((JSON.parse(body) as { Data: { AccessKeyId: string } }).Data.AccessKeyId, server.key.AccessKeyId);
  await assert.rejects(fetch(`${server.url}/health`));
});

test('a body over the limit gets a 413 in the Alibaba error format; other paths a 404 with a RequestId', async () => {
  const server = await startTestServer({ config: { maxBodyBytes: 2048 } });
  try {
    const big = await fetch(`${server.url}/`, { method: 'POST', body: 'x'.repeat(4096), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(big.status, 413);
    const bigBody = (await big.json()) as Record<string, string>;
    assert.equal(bigBody.Code, 'RequestEntityTooLarge');
    assert.match(bigBody.RequestId!, /^[0-9A-F-]{36}$/);
    const other = await fetch(`${server.url}/v1/anything`);
    assert.equal(other.status, 404);
    assert.equal(((await other.json()) as Record<string, string>).Code, 'InvalidApi.NotFound');
  } finally {
    await server.stop();
  }
});

test('one log line per request with RequestId, action, AccessKeyId, status and latency; phone numbers masked', async () => {
  const lines: string[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter(Boolean)));
  const server = await startTestServer({ logger: createLogger('info', sink) });
  try {
    const req = signedIdentityRequest(server.host, server.key, 'log-1');
    const ok = await fetch(`${server.url}/`, { method: 'POST', headers: req.headers, body: req.body });
    assert.equal(ok.status, 200);
    const bad = await fetch(`${server.url}/?Action=SingleCallByTts&Version=2017-05-25&Format=JSON&CalledNumber=13900001234`);
    assert.equal(bad.status, 400);
    server.app.logger.info({ note: 'calling 13900001234' }, 'dialing 13900001234');
    await new Promise((r) => setTimeout(r, 50));
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    assert.equal(requests.length, 2);
    assert.equal(requests[0]!.action, 'GetCallerIdentity');
    assert.equal(requests[0]!.accessKeyId, server.key.AccessKeyId);
    assert.equal(requests[0]!.status, 200);
    assert.equal(typeof requests[0]!.latencyMs, 'number');
    assert.match(String(requests[0]!.requestId), /^[0-9A-F-]{36}$/);
    assert.equal(requests[1]!.code, 'MissingAccessKeyId');
    const all = lines.join('\n');
    assert.doesNotMatch(all, /13900001234/);
    assert.match(all, /139\*\*\*\*1234/);
  } finally {
    await server.stop();
  }
});
