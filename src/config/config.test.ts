import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { envName, loadConfig, parseHostPort } from './config.js';

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

test('LLM settings: no model unless a base URL is set; qwen-plus, 15 s idle timeout and 2 retries by default', () => {
  const cwd = emptyDir();
  const defaults = loadConfig({}, cwd);
  assert.equal(defaults.llmBaseUrl, undefined);
  assert.equal(defaults.llmApiKey, undefined);
  assert.deepEqual([defaults.llmModel, defaults.llmTimeoutMs, defaults.llmMaxRetries], ['qwen-plus', 15_000, 2]);
  const set = loadConfig(
    {
      WAIHU_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      WAIHU_LLM_API_KEY: 'sk-test',
      WAIHU_LLM_MODEL: 'qwen2.5:7b',
      WAIHU_LLM_TIMEOUT_MS: '8000',
      WAIHU_LLM_MAX_RETRIES: '0',
    },
    cwd,
  );
  assert.deepEqual(
    [set.llmBaseUrl, set.llmApiKey, set.llmModel, set.llmTimeoutMs, set.llmMaxRetries],
    ['http://127.0.0.1:11434/v1', 'sk-test', 'qwen2.5:7b', 8000, 0],
  );
  assert.throws(() => loadConfig({ WAIHU_LLM_BASE_URL: 'dashscope' }, cwd), /WAIHU_LLM_BASE_URL/);
  assert.throws(() => loadConfig({ WAIHU_LLM_MAX_RETRIES: '6' }, cwd), /WAIHU_LLM_MAX_RETRIES/);
});

test('a rejected configuration names the bad setting but never echoes an LLM secret', () => {
  const cwd = emptyDir();
  const secret = 'sk-do-not-print-7f3a';
  const rejects = (env: Record<string, string>, name: string) =>
    assert.throws(() => loadConfig(env, cwd), (error: Error) => error.message.includes(name) && !error.message.includes(secret));
  rejects({ WAIHU_LLM_API_KEY: secret, WAIHU_LLM_TIMEOUT_MS: 'soon' }, 'WAIHU_LLM_TIMEOUT_MS');
  // A key written into the URL would end up in fetch's error messages, so such a URL is refused outright.
  rejects({ WAIHU_LLM_BASE_URL: `https://user:${secret}@dashscope.aliyuncs.com/compatible-mode/v1` }, 'WAIHU_LLM_BASE_URL');
});

test('SIP trunk settings: sim by default; the sip carrier needs a proxy and takes its keys from WAIHU_SIP_*', () => {
  const cwd = emptyDir();
  const defaults = loadConfig({}, cwd);
  assert.deepEqual(
    [defaults.sipProxy, defaults.sipBind, defaults.rtpPortMin, defaults.rtpPortMax, defaults.sipRingTimeoutSeconds, defaults.sipMaxCallSeconds],
    [undefined, '0.0.0.0:5060', 20000, 20999, 60, 3600],
  );
  assert.deepEqual([defaults.ttsProvider, defaults.asrBaseUrl], ['espeak', undefined]);
  const set = loadConfig(
    {
      WAIHU_TELEPHONY: 'sip', WAIHU_SIP_PROXY: 'sbc.example.net:5080', WAIHU_SIP_BIND: '10.0.0.5:5062', WAIHU_SIP_USERNAME: 'trunk1',
      WAIHU_SIP_PASSWORD: 'pw', WAIHU_SIP_DOMAIN: 'example.net', WAIHU_RTP_PORT_MIN: '30000', WAIHU_RTP_PORT_MAX: '30099',
    },
    cwd,
  );
  assert.deepEqual(
    [set.telephony, set.sipProxy, set.sipBind, set.sipUsername, set.sipPassword, set.sipDomain, set.rtpPortMin, set.rtpPortMax],
    ['sip', 'sbc.example.net:5080', '10.0.0.5:5062', 'trunk1', 'pw', 'example.net', 30000, 30099],
  );
  assert.deepEqual(parseHostPort('[::1]:5060'), { host: '::1', port: 5060 });
  assert.throws(() => loadConfig({ WAIHU_TELEPHONY: 'sip' }, cwd), /WAIHU_SIP_PROXY: required when WAIHU_TELEPHONY is sip/);
  assert.throws(() => loadConfig({ WAIHU_TELEPHONY: 'pstn' }, cwd), /WAIHU_TELEPHONY/);
  assert.throws(() => loadConfig({ WAIHU_SIP_PROXY: 'sbc.example.net' }, cwd), /WAIHU_SIP_PROXY/);
  assert.throws(() => loadConfig({ WAIHU_SIP_BIND: '0.0.0.0:70000' }, cwd), /WAIHU_SIP_BIND/);
  assert.throws(() => loadConfig({ WAIHU_RTP_PORT_MIN: '30000', WAIHU_RTP_PORT_MAX: '20000' }, cwd), /WAIHU_RTP_PORT_MIN/);
  assert.throws(() => loadConfig({ WAIHU_TTS_PROVIDER: 'openai' }, cwd), /WAIHU_TTS_BASE_URL/);
});

test('SIP and speech secrets are never echoed in a rejected configuration', () => {
  const cwd = emptyDir();
  const secret = 'pw-do-not-print-91c2';
  for (const key of ['WAIHU_SIP_PASSWORD', 'WAIHU_TTS_API_KEY', 'WAIHU_ASR_API_KEY']) {
    assert.throws(
      () => loadConfig({ [key]: secret, WAIHU_TELEPHONY: 'sip', WAIHU_SIP_BIND: 'nowhere' }, cwd),
      (error: Error) => error.message.includes('WAIHU_SIP_BIND') && !error.message.includes(secret),
    );
  }
  assert.throws(
    () => loadConfig({ WAIHU_ASR_BASE_URL: `https://u:${secret}@asr.example.net/v1` }, cwd),
    (error: Error) => error.message.includes('WAIHU_ASR_BASE_URL') && !error.message.includes(secret),
  );
});
