import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLI, waihu } from '../support/cli-runner.js';

test('waihu keys create --json prints the pair; list, disable, enable and delete manage it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-cli-'));
  const created = waihu(dir, ['keys', 'create', '--json', '--description', 'ci']);
  assert.equal(created.code, 0, created.stderr);
  const pair = JSON.parse(created.stdout) as Record<string, string>;
  assert.deepEqual(Object.keys(pair).sort(), ['AccessKeyId', 'AccessKeySecret', 'AccountId']);
  assert.match(pair.AccountId!, /^\d{18,19}$/);
  assert.match(pair.AccessKeyId!, /^LTAI[A-Za-z0-9]{20}$/);
  assert.equal(pair.AccessKeySecret!.length, 30);

  const listed = JSON.parse(waihu(dir, ['keys', 'list', '--json']).stdout) as { AccessKeyId: string; Status: string }[];
  assert.deepEqual(listed.map((k) => [k.AccessKeyId, k.Status]), [[pair.AccessKeyId, 'Active']]);
  assert.equal(waihu(dir, ['keys', 'disable', pair.AccessKeyId!]).code, 0);
  assert.equal((JSON.parse(waihu(dir, ['keys', 'list', '--json']).stdout) as { Status: string }[])[0]!.Status, 'Inactive');
  assert.equal(waihu(dir, ['keys', 'enable', pair.AccessKeyId!]).code, 0);
  assert.equal(waihu(dir, ['keys', 'delete', pair.AccessKeyId!]).code, 0);
  assert.deepEqual(JSON.parse(waihu(dir, ['keys', 'list', '--json']).stdout), []);

  const missing = waihu(dir, ['keys', 'delete', 'LTAInope']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /AccessKey LTAInope does not exist/);
  assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/, 'no stack trace for an expected failure');
});

test('waihu accounts operator ID makes an account an operator; --off takes it back; an unknown id fails', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-cli-'));
  const created = JSON.parse(waihu(dir, ['accounts', 'create', 'staff', '--json']).stdout) as { AccountId: string };
  const operatorOf = () => (JSON.parse(waihu(dir, ['accounts', 'list', '--json']).stdout) as { AccountId: string; Operator: boolean }[])
    .find((a) => a.AccountId === created.AccountId)?.Operator;
  assert.equal(operatorOf(), false);
  assert.equal(waihu(dir, ['accounts', 'operator', created.AccountId]).code, 0);
  assert.equal(operatorOf(), true);
  assert.equal(waihu(dir, ['accounts', 'operator', created.AccountId, '--off']).code, 0);
  assert.equal(operatorOf(), false);
  const missing = waihu(dir, ['accounts', 'operator', '123']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /account 123 does not exist/);
});

test('secrets are encrypted at rest and the generated master key file is private (0600)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-cli-'));
  const pair = JSON.parse(waihu(dir, ['keys', 'create', '--json']).stdout) as Record<string, string>;
  assert.equal(statSync(path.join(dir, 'master.key')).mode & 0o777, 0o600);
  const db = new Database(path.join(dir, 'waihu.db'), { readonly: true });
  const row = db.prepare('select secret_ciphertext as s from access_keys where id = ?').get(pair.AccessKeyId) as { s: string };
  db.close();
  assert.ok(row.s.startsWith('v1:'));
  assert.ok(!row.s.includes(pair.AccessKeySecret!));
  assert.ok(!Buffer.from(row.s.slice(3), 'base64').includes(Buffer.from(pair.AccessKeySecret!)));
});

test('unknown commands and bad usage exit non-zero with help', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-cli-'));
  const bad = waihu(dir, ['frobnicate']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown command "frobnicate"/);
  assert.equal(waihu(dir, ['keys', 'disable']).code, 2);
});

test('serve: first start prints the default key once; SIGTERM shuts down cleanly; a restart prints no secret', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-serve-'));
  const first = await serveUntilListening(dir);
  assert.match(first.output, /AccessKeySecret: [A-Za-z0-9]{30}/);
  const health = await fetch(`${first.url}/health`);
  assert.deepEqual(await health.json(), { status: 'ok' });
  assert.equal(await first.stop(), 0);
  const second = await serveUntilListening(dir);
  assert.doesNotMatch(second.output, /AccessKeySecret/);
  assert.equal(await second.stop(), 0);
});

async function serveUntilListening(dir: string): Promise<{ output: string; url: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', CLI.tsx, CLI.entry, 'serve'], {
    cwd: dir,
    env: { ...process.env, WAIHU_DATA_DIR: dir, WAIHU_PORT: '0', WAIHU_LOG_LEVEL: 'warn', WAIHU_DATABASE_URL: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line; output so far:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output, url, stop: async () => { child.kill('SIGTERM'); return exited; } };
}
