// The robot script validator: good scripts come back with defaults resolved; each kind of mistake is reported with
// the node and the field it is in, and all mistakes of a script come in one error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../errors.js';
import { REPAYMENT_REMINDER_SCRIPT, repaymentReminderRobot } from './robot-samples.js';
import { ROBOT_SCRIPT_LIMITS, ROBOT_SCRIPT_VERSION, parseRobotScript, type RobotAskNode } from './robot-script.js';

type Json = Record<string, unknown>;

/** A small valid script to break one piece at a time. */
function base(): Json {
  return {
    version: 1,
    start: 'hello',
    nodes: {
      hello: { type: 'say', prompt: '您好，$name$', next: 'ask_time' },
      ask_time: {
        type: 'ask',
        prompt: '您现在方便吗？',
        intents: [
          { name: 'no', keywords: ['不方便'], next: 'bye' },
          { name: 'yes', keywords: ['方便'], dtmf: '1', next: 'bye', tag: { name: '意向', value: '方便' } },
        ],
        noInput: { next: 'bye' },
        noMatch: { retries: 2, prompt: '请说方便或不方便', next: 'bye' },
      },
      bye: { type: 'hangup', prompt: '再见', intent: 'done' },
    },
  };
}

/** The message of the InvalidArgument error the script raises. */
function problemOf(script: unknown): string {
  try {
    parseRobotScript(script);
  } catch (error) {
    assert.ok(error instanceof DomainError, `not a DomainError: ${String(error)}`);
    assert.equal(error.code, 'InvalidArgument');
    return error.message;
  }
  assert.fail('the script was accepted');
}

/** Sets the field at a dotted path (`nodes.ask.intents.1.next`); undefined deletes it. */
function set(script: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let at = script;
  for (const key of keys) at = at[key] as Json;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/** The problem message of the base script with the fields at the paths changed (undefined deletes). */
function problemWith(changes: Record<string, unknown>): string {
  const script = base();
  for (const [path, value] of Object.entries(changes)) set(script, path, value);
  return problemOf(script);
}

test('a good script comes back with the defaults of ask nodes resolved', () => {
  const script = parseRobotScript(base());
  assert.equal(script.version, ROBOT_SCRIPT_VERSION);
  assert.equal(script.start, 'hello');
  assert.deepEqual(script.defaults, { timeoutMs: 5000, retries: 1 });
  assert.deepEqual(script.nodes.hello, { type: 'say', prompt: '您好，$name$', bargeIn: false, next: 'ask_time' });
  const ask = script.nodes.ask_time as RobotAskNode;
  assert.equal(ask.timeoutMs, 5000);
  assert.equal(ask.bargeIn, false);
  assert.deepEqual(ask.noInput, { retries: 1, prompt: '您现在方便吗？', next: 'bye' });
  assert.deepEqual(ask.noMatch, { retries: 2, prompt: '请说方便或不方便', next: 'bye' });
  assert.deepEqual(ask.intents[1], { name: 'yes', keywords: ['方便'], dtmf: '1', next: 'bye', tag: { name: '意向', value: '方便' } });
  assert.deepEqual(script.nodes.bye, { type: 'hangup', prompt: '再见', intent: 'done' });
});

test('script defaults fill what ask nodes leave out; node settings win over them', () => {
  const script = base();
  script.defaults = { timeoutMs: 8000, retries: 3, noInputPrompt: '您还在吗？', noMatchPrompt: '没听清' };
  set(script, 'nodes.ask_time.timeoutMs', 3000);
  const ask = parseRobotScript(script).nodes.ask_time as RobotAskNode;
  assert.equal(ask.timeoutMs, 3000);
  assert.deepEqual(ask.noInput, { retries: 3, prompt: '您还在吗？', next: 'bye' });
  assert.deepEqual(ask.noMatch, { retries: 2, prompt: '请说方便或不方便', next: 'bye' });
});

test('the sample repayment reminder is valid; unreachable nodes and a loop through an ask are fine', () => {
  assert.equal(repaymentReminderRobot().start, 'greet');
  const script = base();
  set(script, 'nodes.draft', { type: 'say', prompt: '草稿', next: 'bye' });
  set(script, 'nodes.bye', { type: 'say', prompt: '还有别的问题吗？', next: 'ask_time' });
  assert.doesNotThrow(() => parseRobotScript(script));
  assert.doesNotThrow(() => parseRobotScript(JSON.parse(JSON.stringify(REPAYMENT_REMINDER_SCRIPT))));
});

test('a dangling next names the node and the field', () => {
  assert.equal(
    problemWith({ 'nodes.ask_time.intents.1.next': 'nowhere' }),
    'node "ask_time": intents[1].next "nowhere" is not a node',
  );
  assert.equal(problemWith({ 'nodes.ask_time.noMatch.next': 'x' }), 'node "ask_time": noMatch.next "x" is not a node');
  assert.equal(problemWith({ 'nodes.hello.next': 'x' }), 'node "hello": next "x" is not a node');
  assert.equal(problemWith({ start: 'begin' }), 'start "begin" is not a node');
});

test('missing start, version, nodes and required fields are named', () => {
  assert.equal(problemWith({ start: undefined }), 'start is required');
  assert.equal(problemWith({ version: 2 }), 'version must be 1 (got 2)');
  assert.equal(problemWith({ version: undefined }), 'version is required (1)');
  assert.match(problemWith({ nodes: undefined }), /nodes is required/);
  assert.equal(problemWith({ 'nodes.ask_time.noInput': undefined }), 'node "ask_time": noInput is required');
  assert.equal(problemWith({ 'nodes.hello.prompt': undefined }), 'node "hello": prompt is required');
  assert.equal(problemWith({ 'nodes.hello.prompt': '  ' }), 'node "hello": prompt must not be empty');
  assert.equal(problemWith({ 'nodes.ask_time.intents.0.next': undefined }), 'node "ask_time": intents[0].next is required');
  assert.equal(problemWith({ 'nodes.ask_time.intents': 'yes' }), 'node "ask_time": intents must be an array');
  assert.equal(problemOf([1]), 'the robot script must be a JSON object');
});

test('unknown fields and node types are errors, at every level', () => {
  assert.equal(problemWith({ 'nodes.hello.prompts': 'x' }), 'node "hello": unknown field "prompts"');
  assert.equal(problemWith({ 'nodes.ask_time.intents.0.nxt': 'x' }), 'node "ask_time": unknown field "intents[0].nxt"');
  assert.equal(problemWith({ 'nodes.ask_time.noInput.retry': 1 }), 'node "ask_time": unknown field "noInput.retry"');
  assert.equal(problemWith({ 'nodes.hello.intents': [] }), 'node "hello": unknown field "intents"');
  assert.equal(problemWith({ defaults: { timeout: 1 } }), 'unknown field "defaults.timeout"');
  assert.equal(problemWith({ name: 'x' }), 'unknown field "name"');
  assert.equal(
    problemWith({ 'nodes.hello.type': 'menu' }),
    'node "hello": type "menu" is not one of say, ask, hangup, transfer',
  );
});

test('a loop of say nodes is an error; the message walks the loop', () => {
  assert.equal(
    problemWith({ 'nodes.a': { type: 'say', prompt: '一', next: 'b' }, 'nodes.b': { type: 'say', prompt: '二', next: 'a' } }),
    'node "a": say nodes loop without waiting for the callee: a → b → a',
  );
  assert.equal(problemWith({ 'nodes.hello.next': 'hello' }), 'node "hello": say nodes loop without waiting for the callee: hello → hello');
});

test('regexes must compile, keys must be 0-9 * #, and an intent needs a way to match', () => {
  assert.match(problemWith({ 'nodes.ask_time.intents.0.regex': '(\\d+' }), /^node "ask_time": intents\[0\]\.regex does not compile: /);
  assert.equal(
    problemWith({ 'nodes.ask_time.intents.1.dtmf': '1a' }),
    'node "ask_time": intents[1].dtmf "1a" may only hold the keys 0-9, * and #',
  );
  assert.equal(problemWith({ 'nodes.ask_time.intents.0.keywords': undefined }), 'node "ask_time": intents[0] needs keywords, regex or dtmf to match');
  assert.equal(problemWith({ 'nodes.ask_time.intents.0.keywords': ['ok', ' ', 3] }),
    '2 problems in the robot script: node "ask_time": intents[0].keywords[1] must not be empty; node "ask_time": intents[0].keywords[2] must be a string');
  assert.equal(
    problemWith({ 'nodes.ask_time.intents.0.name': 'yes' }),
    'node "ask_time": intents[1].name "yes" is used by an earlier intent',
  );
  assert.equal(
    problemWith({ 'nodes.ask_time.intents.0.dtmf': '1' }),
    'node "ask_time": intents[1].dtmf "1" is taken by an earlier intent, so this one could never match by keys',
  );
});

test('numbers, flags, tags and transfer numbers are checked', () => {
  assert.equal(problemWith({ 'nodes.ask_time.timeoutMs': 100 }), 'node "ask_time": timeoutMs must be an integer from 500 to 60000');
  assert.equal(problemWith({ 'nodes.ask_time.noMatch.retries': 1.5 }), 'node "ask_time": noMatch.retries must be an integer from 0 to 10');
  assert.equal(problemWith({ 'nodes.hello.bargeIn': 'yes' }), 'node "hello": bargeIn must be true or false');
  assert.equal(problemWith({ 'nodes.bye.tag': { name: 'x' } }), 'node "bye": tag.value is required');
  assert.equal(problemWith({ 'nodes.bye.tag': 'x' }), 'node "bye": tag must be a JSON object');
  const transfer = (number: unknown) => problemWith({ 'nodes.bye': { type: 'transfer', number } });
  assert.equal(transfer('坐席'), 'node "bye": number "坐席" must be 3 to 20 digits or one $var$ placeholder');
  assert.equal(transfer('$a$$b$'), 'node "bye": number "$a$$b$" must be 3 to 20 digits or one $var$ placeholder');
  for (const number of ['4008001234', '+8657188880000', '$agent$', '${agent}']) {
    const script = base();
    set(script, 'nodes.bye', { type: 'transfer', number });
    assert.doesNotThrow(() => parseRobotScript(script), number);
  }
});

test('size limits: prompt length, node count, node ids', () => {
  const long = 'x'.repeat(ROBOT_SCRIPT_LIMITS.maxPromptLength + 1);
  assert.equal(problemWith({ 'nodes.hello.prompt': long }), 'node "hello": prompt must be at most 1000 characters (got 1001)');
  const extra = Array.from({ length: ROBOT_SCRIPT_LIMITS.maxNodes }, (_, i) => [`nodes.n${i}`, { type: 'hangup' }]);
  const many = problemWith(Object.fromEntries(extra));
  assert.equal(many, 'nodes must hold at most 500 nodes (got 503)');
  assert.match(problemWith({ 'nodes.a b': { type: 'hangup' } }), /^node "a b": the id must be at most 64 letters/);
});

test('all problems of a script come in one message, counted', () => {
  const message = problemWith({ start: 'begin', 'nodes.hello.next': 'x', 'nodes.ask_time.intents.0.regex': '[' });
  assert.match(message, /^3 problems in the robot script: /);
  assert.match(message, /node "hello": next "x" is not a node/);
  assert.match(message, /start "begin" is not a node/);
  assert.match(message, /intents\[0\]\.regex does not compile/);
});
