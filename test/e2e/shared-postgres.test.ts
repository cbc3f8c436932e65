/**
 * Two waihu processes (two apps, two listeners, two pools) on one PostgreSQL: a request replayed from one
 * to the other is refused, and a key created through one signs requests accepted by the other.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, ensureDefaultAccount, type App } from '../../src/app/app.js';
import { startHttpServer, type RunningServer } from '../../src/app/http-server.js';
import { createLogger } from '../../src/app/logger.js';
import { loadConfig } from '../../src/config/config.js';
import { makeV3 } from '../fixtures/vectors/make-request.js';
import { SchemaSource } from '../support/pg-schemas.js';

const baseUrl = process.env.WAIHU_TEST_DATABASE_URL;

async function node(databaseUrl: string, masterKey: string): Promise<{ app: App; server: RunningServer }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-pg-node-'));
  const app = await createApp(loadConfig({}, dir, { port: 0, dataDir: dir, databaseUrl, masterKey }), { logger: createLogger('silent') });
  return { app, server: await startHttpServer(app) };
}

function identityRequest(port: number, key: { AccessKeyId: string; AccessKeySecret: string }, nonce: string) {
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return makeV3({
    accessKeyId: key.AccessKeyId, secret: key.AccessKeySecret, date, nonce,
    headers: { host: `127.0.0.1:${port}`, 'x-acs-action': 'GetCallerIdentity', 'x-acs-version': '2026-12-01' },
  }).req;
}

/** Sends the exact signed headers (fetch would rewrite Host to the target, which a replay must not do). */
function send(port: number, req: ReturnType<typeof identityRequest>): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const out = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: req.headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    out.on('error', reject);
    out.end(req.body);
  });
}

describe('two waihu processes on one PostgreSQL', { skip: baseUrl ? false : 'WAIHU_TEST_DATABASE_URL is not set (scripts/test.sh provides it)' }, () => {
  const schemas = new SchemaSource(baseUrl ?? 'postgres://unused');
  const nodes: { app: App; server: RunningServer }[] = [];
  after(async () => {
    for (const n of nodes) {
      await n.server.stop();
      await n.app.close();
    }
    await schemas.dropAll();
  });

  test('a nonce used on one node is refused on the other; keys are shared', async () => {
    const url = await schemas.freshUrl();
    const masterKey = randomBytes(32).toString('hex');
    nodes.push(await node(url, masterKey), await node(url, masterKey));
    const [a, b] = nodes as [{ app: App; server: RunningServer }, { app: App; server: RunningServer }];
    const key = await ensureDefaultAccount(a.app);
    assert.ok(key);
    assert.equal(await ensureDefaultAccount(b.app), undefined, 'the second node sees the account the first created');

    const req = identityRequest(a.server.port, key, `shared-${randomBytes(8).toString('hex')}`);
    const first = await send(a.server.port, req);
    assert.equal(first.status, 200);
    const replay = await send(b.server.port, req);
    assert.equal(replay.status, 400);
    assert.equal(replay.body.Code, 'SignatureNonceUsed');

    const fresh = await send(b.server.port, identityRequest(b.server.port, key, `shared-${randomBytes(8).toString('hex')}`));
    assert.equal(fresh.status, 200);
    assert.equal((fresh.body.Data as Record<string, string>).AccessKeyId, key.AccessKeyId);
  });
});
