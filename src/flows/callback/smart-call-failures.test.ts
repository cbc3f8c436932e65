// The failure policy of the SmartCall flow against a real customer server that is slow, down, or answers garbage:
// each failure counts as `donothing`, three in a row hang up with "callback unavailable", a good reply resets the run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { speechMs } from '../../providers/telephony/sim/sim-speech.js';
import type { HookReply, SmartCallHook } from '../../ports/smart-call-hook.js';
import { CALLBACK_UNAVAILABLE } from './smart-call-flow.js';
import { deadUrl, inOrder, reply, runOnSim, startCustomerServer, type CustomerScript, type ServerAnswer, type SimRun } from './smart-call-test-kit.js';

const SILENT_CALL: Omit<SimRun, 'url'> = {
  callee: [],
  options: { voiceCode: '$q$', voiceCodeParam: { q: '您好' }, muteTimeMs: 1000 },
};

async function call(script: CustomerScript, run: Omit<SimRun, 'url'> = SILENT_CALL) {
  const server = await startCustomerServer(script);
  try {
    return { ...(await runOnSim({ ...run, url: server.url })), received: server.received };
  } finally {
    await server.close();
  }
}

const tag = (tags: { name: string; value: string }[], name: string) => tags.find((t) => t.name === name)?.value;

test('a slow server: each event times out, the call goes on, and the third timeout in a row hangs up', async () => {
  const { result, received, turns, outcome, answerAt } = await call(() => ({ ...reply({ action: 'play', action_code: 'late.wav' }), delayMs: 1000 }), {
    ...SILENT_CALL,
    hookTimeoutMs: 150,
  });
  assert.deepEqual(result.failures.map((f) => [f.contentType, f.kind]), [['mute', 'timeout'], ['mute', 'timeout'], ['mute', 'timeout']]);
  assert.equal(received.length, 3, 'the server saw every event; a timeout is not retried');
  // Virtual time held still while the server kept us waiting: the mutes are exactly mute_time apart.
  const spoken = speechMs('您好');
  assert.deepEqual(received.map((r) => Number(r.query.timestamp) - answerAt), [spoken + 1000, spoken + 2000, spoken + 3000]);
  assert.deepEqual(turns.filter(([k]) => k === 'play' || k === 'say').map(([k, t]) => `${k} ${t}`), ['say 您好'], 'no late reply was played');
  assert.equal(result.end, 'callback-unavailable');
  assert.equal(outcome.hangupBy, 'robot');
  assert.equal(tag(result.report.tags, 'hangup_reason'), CALLBACK_UNAVAILABLE);
  assert.equal(tag(result.report.tags, 'callback_failures'), '3');
  assert.match(tag(result.report.tags, 'callback_last_failure') ?? '', /^timeout: no answer within 150 ms/);
});

test('a server that is down: connection refused (retried once each time) three times hangs up', async () => {
  const { result } = await runOnSim({ ...SILENT_CALL, url: await deadUrl() });
  assert.deepEqual(result.failures.map((f) => f.kind), ['unreachable', 'unreachable', 'unreachable']);
  assert.match(result.failures[0]!.detail, /ECONNREFUSED/);
  assert.equal(result.end, 'callback-unavailable');
  assert.equal(tag(result.report.tags, 'hangup_reason'), CALLBACK_UNAVAILABLE);
});

test('garbage of every kind counts as a failure: not JSON, result fail, HTTP 500, unknown action, wrong types', async () => {
  const garbage: [ServerAnswer, string, RegExp][] = [
    [{ raw: 'OK' }, 'unreadable', /not JSON: OK/],
    [{ json: { result: 'fail', msg: 'busy', data: {} } }, 'garbage', /result is "fail".*busy/],
    [{ status: 500, raw: 'oops' }, 'http-status', /HTTP 500: oops/],
    [reply({ action: 'sing' }), 'garbage', /unknown action "sing"/],
    [reply({ action: 'play', action_code: 'a.wav', mute_time: 'long' }), 'garbage', /mute_time is not a whole number/],
  ];
  for (const [answer, kind, detail] of garbage) {
    const { result } = await call(inOrder(answer), { ...SILENT_CALL, options: { ...SILENT_CALL.options, maxCallbackFailures: 1 } });
    assert.deepEqual(result.failures.map((f) => f.kind), [kind], JSON.stringify(answer));
    assert.match(result.failures[0]!.detail, detail);
    assert.equal(result.end, 'callback-unavailable');
  }
});

test('a usable reply resets the run of failures; failures are counted over the whole call', async () => {
  const { result, received } = await call(
    inOrder({ raw: '' }, reply({ action: 'donothing' }), { raw: '<html>' }, reply({ action: 'continue' }), { raw: '{' }),
    { ...SILENT_CALL, options: { ...SILENT_CALL.options, maxCallbackFailures: 2 } },
  );
  // 6th event: the kit's default answer, hangup.
  assert.equal(received.length, 6);
  assert.equal(result.end, 'hangup');
  assert.equal(tag(result.report.tags, 'callback_failures'), '3');
  assert.equal(tag(result.report.tags, 'hangup_reason'), undefined);
});

test('a TTS parameter with a character the doc forbids makes the reply unusable; the callee hears nothing of it', async () => {
  const { result, turns, received } = await call(
    inOrder(reply({ action: 'play', action_code: '$name$', action_code_param: { name: '张@三' }, dynamic_id: 'ignored' })),
  );
  assert.deepEqual(result.failures.map((f) => [f.kind, f.detail]), [['garbage', 'action_code_param.name holds the forbidden character "@"']]);
  assert.deepEqual(turns.filter(([k]) => k === 'say').map(([, t]) => t), ['您好']);
  assert.equal(received[1]!.content.dynamic_id, undefined, 'nothing of an unusable reply is applied');
  assert.equal(result.end, 'hangup');
});

test('a failure after a barge-in acts as donothing: the cut prompt goes on', async () => {
  const greeting = '您好，这里是某某银行';
  const { turns, result } = await call(inOrder({ raw: 'not json' }), {
    callee: [{ kind: 'say', text: '嗯', afterMs: 1000 }],
    options: { voiceCode: '$g$', voiceCodeParam: { g: greeting }, muteTimeMs: 1000 },
  });
  assert.deepEqual(turns.filter(([k]) => k === 'say').map(([, t]) => t), [greeting, greeting]);
  assert.equal(result.failures.length, 1);
});

test('a call ended by the platform while the customer thinks: the exchange is abandoned at once, not a failure', async () => {
  const cancel = new AbortController();
  const outcomes: HookReply[] = [];
  // An in-process customer that never answers in time; the platform cancels the call while it thinks.
  const thinker: SmartCallHook = {
    send: (_event, signal) => new Promise<HookReply>((resolve) => {
      const done = (outcome: HookReply) => {
        outcomes.push(outcome);
        resolve(outcome);
      };
      const timer = setTimeout(() => done({ ok: false, failure: 'timeout', detail: 'fake' }), 2000);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        done({ ok: false, failure: 'aborted', detail: 'call over' });
      }, { once: true });
      setImmediate(() => cancel.abort());
    }),
  };
  const { result, outcome } = await runOnSim({ ...SILENT_CALL, hook: thinker, signal: cancel.signal });
  assert.deepEqual(outcomes.map((o) => !o.ok && o.failure), ['aborted']);
  assert.equal(result.end, 'platform');
  assert.deepEqual(result.failures, []);
  assert.equal(outcome.hangupBy, 'system');
});

test('the callee hanging up ends the flow quietly: reported as ended by the callee, no event for it', async () => {
  const { result, received } = await call(inOrder(reply({ action: 'donothing' })), {
    callee: [{ kind: 'silence' }, { kind: 'hangup', afterMs: 500 }],
    options: { voiceCode: '$q$', voiceCodeParam: { q: '您好' }, muteTimeMs: 1000 },
  });
  assert.deepEqual(received.map((r) => r.query.content_type), ['mute']);
  assert.equal(result.end, 'callee');
});
