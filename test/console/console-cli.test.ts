/** `waihu users create|list` from the shell, and the created user signing in to a server on the same data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app/app.js';
import { startHttpServer } from '../../src/app/http-server.js';
import { createLogger } from '../../src/app/logger.js';
import { loadConfig } from '../../src/config/config.js';
import { waihu } from '../support/cli-runner.js';

test('waihu users create makes a console user who can then sign in; list shows it; ambiguity and short passwords fail', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-users-'));
  try {
    const none = waihu(dir, ['users', 'create', 'ops', '--password', 'ops-password']);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no account yet/);

    const account = (JSON.parse(waihu(dir, ['accounts', 'create', 'acme', '--json']).stdout) as { AccountId: string }).AccountId;
    const created = waihu(dir, ['users', 'create', 'ops', '--password', 'ops-password', '--json']);
    assert.equal(created.code, 0, created.stderr);
    assert.equal((JSON.parse(created.stdout) as { AccountId: string }).AccountId, account);
    assert.ok(!created.stdout.includes('ops-password'), 'the password is not echoed');

    const short = waihu(dir, ['users', 'create', 'tiny', '--password', 'short']);
    assert.equal(short.code, 1);
    assert.match(short.stderr, /at least 8 characters/);
    const taken = waihu(dir, ['users', 'create', 'ops', '--password', 'another-password']);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /already exists/);

    waihu(dir, ['accounts', 'create', 'second']);
    const ambiguous = waihu(dir, ['users', 'create', 'who', '--password', 'who-password']);
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.stderr, /--account/);
    assert.equal(waihu(dir, ['users', 'create', 'who', '--password', 'who-password', '--account', account]).code, 0);

    const listed = JSON.parse(waihu(dir, ['users', 'list', '--json']).stdout) as { Name: string; AccountId: string }[];
    assert.deepEqual(listed.map((u) => [u.Name, u.AccountId]), [['ops', account], ['who', account]]);
    assert.equal(waihu(dir, ['users']).code, 2, 'no verb prints usage and fails');

    const app = await createApp(loadConfig({}, dir, { port: 0, dataDir: dir, logLevel: 'silent' }), { logger: createLogger('silent') });
    const server = await startHttpServer(app);
    try {
      const signIn = (password: string) => fetch(`${server.url}/console/api/session`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ops', password }),
      });
      const res = await signIn('ops-password');
      assert.equal(res.status, 200);
      assert.deepEqual(((await res.json()) as { user: { name: string; accountId: string } }).user.accountId, account);
      assert.equal((await signIn('wrong-password')).status, 401);
    } finally {
      await server.stop();
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
