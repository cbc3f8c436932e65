import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { envName, loadConfig } from './config.js';

const emptyDir = () => mkdtempSync(path.join(tmpdir(), 'waihu-config-'));

test('embedded defaults: port 8080, ./data, SQLite (no database URL), sim telephony, Asia/Shanghai', () => {
  const cwd = emptyDir();
  const config = loadConfig({}, cwd);
  assert.equal(config.port, 8080);
  assert.equal(config.dataDir, path.join(cwd, 'data'));
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.telephony, 'sim');
  assert.equal(config.timeZone, 'Asia/Shanghai');
  assert.ok(Object.isFrozen(config));
});

test('env vars carry the WAIHU_ prefix and override the config file', () => {
  const cwd = emptyDir();
  writeFileSync(path.join(cwd, 'waihu.config.json'), JSON.stringify({ port: 9000, WAIHU_TIME_ZONE: 'UTC', dataDir: 'x' }));
  const config = loadConfig({ WAIHU_PORT: '9100', WAIHU_DATABASE_URL: 'postgres://u@127.0.0.1/db' }, cwd);
  assert.equal(config.port, 9100);
  assert.equal(config.timeZone, 'UTC');
  assert.equal(config.dataDir, path.join(cwd, 'x'));
  assert.equal(config.databaseUrl, 'postgres://u@127.0.0.1/db');
  assert.equal(envName('maxClockSkewSeconds'), 'WAIHU_MAX_CLOCK_SKEW_SECONDS');
});

test('bad values and unknown keys are rejected with the variable named', () => {
  const cwd = emptyDir();
  assert.throws(() => loadConfig({ WAIHU_PORT: 'eighty' }, cwd), /WAIHU_PORT/);
  writeFileSync(path.join(cwd, 'waihu.config.json'), JSON.stringify({ prot: 1 }));
  assert.throws(() => loadConfig({}, cwd), /unrecognized|prot/i);
  assert.throws(() => loadConfig({ WAIHU_CONFIG: 'missing.json' }, cwd), /does not exist/);
});

test('dialer caps per account and per caller line: unset by default, whole numbers from 1', () => {
  const cwd = emptyDir();
  const defaults = loadConfig({}, cwd);
  assert.equal(defaults.accountConcurrency, undefined);
  assert.equal(defaults.lineConcurrency, undefined);
  const set = loadConfig({ WAIHU_ACCOUNT_CONCURRENCY: '200', WAIHU_LINE_CONCURRENCY: '30' }, cwd);
  assert.deepEqual([set.accountConcurrency, set.lineConcurrency], [200, 30]);
  assert.throws(() => loadConfig({ WAIHU_ACCOUNT_CONCURRENCY: '0' }, cwd), /WAIHU_ACCOUNT_CONCURRENCY/);
  assert.throws(() => loadConfig({ WAIHU_LINE_CONCURRENCY: 'many' }, cwd), /WAIHU_LINE_CONCURRENCY/);
});
