import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waihu } from '../support/cli-runner.js';

/** The command's stdout parsed as JSON, after checking it succeeded. */
function json<T>(dataDir: string, args: string[]): T {
  const run = waihu(dataDir, [...args, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
}

function freshDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'waihu-cli-agents-'));
}

/** Writes `value` as JSON into the data dir and returns the file's path. */
function jsonFile(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

test('apps: create prints the ApplicationCode; list, show and delete manage it', () => {
  const dir = freshDir();
  const created = waihu(dir, ['apps', 'create', '--name', '续保助手', '--prompt', '提醒${name}续保，保单号${policy}', '--start-word', '${name}您好', '--voice', 'xiaoyun', '--volume', '60']);
  assert.equal(created.code, 0, created.stderr);
  const code = created.stdout.trim();
  assert.match(code, /^A[A-Z0-9]{10}$/);
  // On a store with no account the first command sets up what `waihu serve` would: the default account and key.
  assert.match(created.stderr, /AccessKeySecret: [A-Za-z0-9]{30}/);
  assert.equal(json<unknown[]>(dir, ['keys', 'list']).length, 1);

  const listed = json<{ ApplicationCode: string; Name: string }[]>(dir, ['apps', 'list']);
  assert.deepEqual(listed.map((a) => [a.ApplicationCode, a.Name]), [[code, '续保助手']]);
  assert.deepEqual(json<unknown[]>(dir, ['apps', 'list', '--name', 'nothing-like-it']), []);

  const shown = json<Record<string, unknown>>(dir, ['apps', 'show', code]);
  assert.deepEqual([shown.PromptParam, shown.StartWordParam, shown.TtsVoiceCode, shown.TtsVolume], [['name', 'policy'], ['name'], 'xiaoyun', 60]);
  const text = waihu(dir, ['apps', 'show', code]);
  assert.match(text.stdout, /提醒\$\{name\}续保/);
  assert.match(text.stdout, /PromptParam\s+name, policy/);
  assert.doesNotMatch(text.stderr, /AccessKeySecret/, 'the secret is shown only once');

  const taken = waihu(dir, ['apps', 'create', '--name', '续保助手', '--prompt', 'p', '--start-word', 's']);
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /^waihu: .*续保助手.*already exists/);

  assert.equal(waihu(dir, ['apps', 'delete', code]).code, 0);
  assert.deepEqual(json<unknown[]>(dir, ['apps', 'list']), []);
  const gone = waihu(dir, ['apps', 'show', code]);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, new RegExp(`waihu: The specified ApplicationCode "${code}" does not exist`));
  assert.doesNotMatch(gone.stderr, /at .*\.ts:\d+/, 'no stack trace for an expected failure');
});

test('robots: the sample round-trips (sample -> file -> create -> show) and update, list and delete manage it', () => {
  const dir = freshDir();
  const sample = waihu(dir, ['robots', 'sample']);
  assert.equal(sample.code, 0, sample.stderr);
  const file = jsonFile(dir, 'reminder.json', sample.stdout);
  const created = waihu(dir, ['robots', 'create', '--name', '还款提醒', '--script', file]);
  assert.equal(created.code, 0, created.stderr);
  const id = created.stdout.trim();
  assert.match(id, /^\d{18,19}$/);

  const shown = waihu(dir, ['robots', 'show', id]);
  assert.equal(shown.stdout, sample.stdout, 'show prints the script exactly as the sample gave it');
  assert.equal((JSON.parse(shown.stdout) as { start: string }).start, 'greet');

  const renamed = waihu(dir, ['robots', 'update', id, '--name', '还款提醒v2']);
  assert.equal(renamed.code, 0, renamed.stderr);
  const listed = json<{ DialogId: string; Name: string; Version: number }[]>(dir, ['robots', 'list']);
  assert.deepEqual(listed.map((r) => [r.DialogId, r.Name, r.Version]), [[id, '还款提醒v2', 2]]);
  assert.deepEqual(json<{ Script: unknown }>(dir, ['robots', 'show', id]).Script, JSON.parse(sample.stdout));

  assert.equal(waihu(dir, ['robots', 'delete', id]).code, 0);
  assert.deepEqual(json<unknown[]>(dir, ['robots', 'list']), []);
});

test('robots: a bad script is refused naming the file, node and field; a missing or non-JSON file says so', () => {
  const dir = freshDir();
  const script = JSON.parse(waihu(dir, ['robots', 'sample']).stdout) as { nodes: { greet: { intents: { next: string }[] } } };
  script.nodes.greet.intents[0]!.next = 'nowhere';
  const bad = jsonFile(dir, 'bad.json', script);
  const refused = waihu(dir, ['robots', 'create', '--name', 'broken', '--script', bad]);
  assert.equal(refused.code, 1);
  // m: the first command on a fresh store shows the new default key above the error.
  assert.match(refused.stderr, /^waihu: --script .*bad\.json: node "greet": intents\[0\]\.next "nowhere" is not a node$/m);
  assert.deepEqual(json<unknown[]>(dir, ['robots', 'list']), [], 'nothing is created from a bad script');

  const missing = waihu(dir, ['robots', 'create', '--name', 'r', '--script', path.join(dir, 'no-such.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^waihu: --script .*no-such\.json: cannot read it: no such file/);
  const notJson = waihu(dir, ['robots', 'create', '--name', 'r', '--script', jsonFile(dir, 'text.json', 'greet: hello')]);
  assert.equal(notJson.code, 1);
  assert.match(notJson.stderr, /^waihu: --script .*text\.json: not JSON/);
});

test('agents: create from files, publish, offline, list, show and delete', () => {
  const dir = freshDir();
  const model = jsonFile(dir, 'model.json', {
    BasicTaskDescription: '提醒${name}保单即将到期，邀约续保。',
    Prologue: '${name}您好，我是云保险的小云。',
    OutputTagConfig: [{ OutputTagName: '续保意向', OutputTagType: 'ENUM', OutputTagEnum: [{ Value: '高' }, { Value: '低' }] }],
  });
  const call = jsonFile(dir, 'call.json', { TtsConfig: { VoiceCode: 'xiaoyun', TtsVolume: 60 } });
  const created = waihu(dir, ['agents', 'create', '--name', '续保助手', '--model', model, '--call', call, '--description', '续保外呼']);
  assert.equal(created.code, 0, created.stderr);
  const id = created.stdout.trim();
  assert.match(id, /^\d{18,19}$/);

  type Summary = { AgentId: string; AgentName: string; StatusName: string; OnlineVersion: number };
  const list = () => json<Summary[]>(dir, ['agents', 'list']).map((a) => [a.AgentId, a.AgentName, a.StatusName, a.OnlineVersion]);
  assert.deepEqual(list(), [[id, '续保助手', 'DRAFT', 0]]);
  assert.equal(waihu(dir, ['agents', 'publish', id]).code, 0);
  assert.deepEqual(list(), [[id, '续保助手', 'ONLINE', 1]]);

  const shown = json<{ Description: string; Draft: { ModelConfig: { Prologue: string }; CallConfig: unknown }; Online: unknown }>(dir, ['agents', 'show', id]);
  assert.equal(shown.Description, '续保外呼');
  assert.equal(shown.Draft.ModelConfig.Prologue, '${name}您好，我是云保险的小云。');
  assert.deepEqual(shown.Draft.CallConfig, { TtsConfig: { VoiceCode: 'xiaoyun', TtsVolume: 60 } });
  assert.deepEqual(shown.Online, shown.Draft);
  assert.match(waihu(dir, ['agents', 'show', id]).stdout, /Status\s+ONLINE \(1\)/);

  assert.equal(waihu(dir, ['agents', 'offline', id]).code, 0);
  const again = waihu(dir, ['agents', 'offline', id]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^waihu: .*only an ONLINE agent can be taken offline/);
  assert.equal(waihu(dir, ['agents', 'delete', id]).code, 0);
  assert.deepEqual(list(), []);
});

test('agents: a bad model file names the file and the field; an incomplete draft cannot be published', () => {
  const dir = freshDir();
  const bad = jsonFile(dir, 'bad-model.json', { OutputTagConfig: [{ OutputTagName: 'x', OutputTagType: 'COLOR' }] });
  const refused = waihu(dir, ['agents', 'create', '--name', 'a', '--model', bad]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^waihu: --model .*bad-model\.json: OutputTagConfig\[0\]\.OutputTagType/m);

  const empty = jsonFile(dir, 'empty.json', {});
  const id = waihu(dir, ['agents', 'create', '--name', 'a', '--model', empty]).stdout.trim();
  const publish = waihu(dir, ['agents', 'publish', id]);
  assert.equal(publish.code, 1);
  assert.match(publish.stderr, /BasicTaskDescription is required/);

  const updated = waihu(dir, ['agents', 'update', id, '--model', jsonFile(dir, 'ok.json', { BasicTaskDescription: '回访' })]);
  assert.equal(updated.code, 0, updated.stderr);
  assert.equal(waihu(dir, ['agents', 'publish', id]).code, 0);
});

test('bad usage prints the usage and exits 2 before touching the data directory', () => {
  const dir = freshDir();
  const cases: [string[], RegExp][] = [
    [['robots', 'list', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['apps', 'launch'], /unknown apps command "launch"/],
    [['apps', 'create', '--name', 'x'], /apps create needs --prompt, --start-word/],
    [['agents', 'show'], /agents show needs AGENT_ID/],
    [['robots', 'update', '1'], /robots update needs at least one of --name, --script/],
    [['robots', 'create', '--name', 'two', 'words', '--script', 'f.json'], /unexpected "words"/],
    [['agents'], /usage:/],
  ];
  for (const [args, message] of cases) {
    const run = waihu(dir, args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message, args.join(' '));
    assert.match(run.stderr, /usage:\n {2}waihu (robots|apps|agents) /, args.join(' '));
  }
  assert.ok(!existsSync(path.join(dir, 'waihu.db')), 'no database was created for a command that could not run');
  assert.match(waihu(dir, ['help']).stdout, /waihu robots VERB/);
  assert.equal(waihu(dir, ['apps', 'help']).code, 0);

  const unknownAccount = waihu(dir, ['apps', 'list', '--account', '42']);
  assert.equal(unknownAccount.code, 1);
  assert.match(unknownAccount.stderr, /waihu: account 42 does not exist/);
});
