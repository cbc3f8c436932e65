// Judging the customer's reply: what is accepted (and how leniently), what falls back to a default, what is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORBIDDEN_TTS_CHARACTERS, judgeReply, type JudgedReply } from './hook-reply.js';

const CALL = '100001616500^100001871490';
const judge = (data: unknown, envelope: Record<string, unknown> = {}) => judgeReply({ result: 'success', msg: '成功', data, ...envelope }, CALL);
const reason = (judged: JudgedReply) => (judged.ok ? 'usable' : judged.reason);

test("the doc's sample reply is usable; absent settings stay absent and dtmf gets its defaults", () => {
  const judged = judgeReply(JSON.parse('{"result":"success","msg":"成功","data":{"call_id":"100001616500^100001871490","action":"play","action_code":"411111","extend":"xxxx"}}'), CALL);
  assert.deepEqual(judged, {
    ok: true,
    warnings: [],
    reply: { action: 'play', actionCode: ['411111'], actionCodeParam: {}, dtmf: { timeoutMs: 3000, maxDigits: 50 }, parallel: {} },
  });
});

test('every field is read, as JSON values or as their text; data and action_code_param may be JSON text', () => {
  const judged = judgeReply({
    result: 'SUCCESS',
    code: 200,
    data: JSON.stringify({
      action: 'Play', action_code: ' a.wav , ,$name$', action_code_param: '{"name":"张三","n":3}', action_break: 'false', action_code_break: true,
      action_code_time_break: '800', mute_time: '5000', dynamic_id: 7, number: '138-0000-0000', dtmf_nonin_overtime: 10,
      dtmf_max_numbers: '6', dtmf_end_character: '#', cc_name: 'aliyun_cc', is_monitor: 'true', transfer_playfile: 'agent.wav',
    }),
  }, CALL);
  assert.deepEqual(judged, {
    ok: true,
    warnings: [],
    reply: {
      action: 'play', actionCode: ['a.wav', '$name$'], actionCodeParam: { name: '张三', n: '3' }, breakable: true, timeBreakMs: 800,
      muteTimeMs: 5000, dynamicId: '7', number: '13800000000', dtmf: { timeoutMs: 10_000, maxDigits: 6, terminator: '#' },
      parallel: { ccName: 'aliyun_cc', isMonitor: true, transferPlayfile: 'agent.wav' },
    },
  });
});

test('action_code_break decides over action_break; either alone decides', () => {
  const breakable = (flags: object) => {
    const judged = judge({ action: 'continue', ...flags });
    return judged.ok ? judged.reply.breakable : 'unusable';
  };
  assert.equal(breakable({ action_break: true, action_code_break: false }), false);
  assert.equal(breakable({ action_break: false, action_code_break: true }), true);
  assert.equal(breakable({ action_break: false }), false);
  assert.equal(breakable({}), undefined);
});

test('numbers outside their documented range fall back to the default, with a warning', () => {
  const judged = judge({ action: 'dtmf', mute_time: 500, dtmf_nonin_overtime: 61, dtmf_max_numbers: 0 });
  assert.ok(judged.ok);
  assert.equal(judged.reply.muteTimeMs, 10_000);
  assert.deepEqual(judged.reply.dtmf, { timeoutMs: 3000, maxDigits: 50 });
  assert.deepEqual(judged.warnings, [
    'mute_time 500 is outside 1000–20000; 10000 is used',
    'dtmf_nonin_overtime 61 is outside 3–60; 3 is used',
    'dtmf_max_numbers 0 is outside 1–50; 50 is used',
  ]);
  const edges = judge({ action: 'dtmf', mute_time: 20_000, dtmf_nonin_overtime: 60, dtmf_max_numbers: 1, dtmf_end_character: '*' });
  assert.ok(edges.ok);
  assert.deepEqual([edges.reply.muteTimeMs, edges.reply.dtmf, edges.warnings], [20_000, { timeoutMs: 60_000, maxDigits: 1, terminator: '*' }, []]);
});

test('unusable: the envelope is not a success, or data is missing', () => {
  assert.equal(reason(judgeReply('OK', CALL)), 'the reply is not a JSON object');
  assert.equal(reason(judgeReply([], CALL)), 'the reply is not a JSON object');
  assert.equal(reason(judgeReply({ result: 'fail', msg: 'fail reason', data: {} }, CALL)), 'result is "fail", not "success" (msg: fail reason)');
  assert.equal(reason(judgeReply({ data: { action: 'play' } }, CALL)), 'result is null, not "success"');
  assert.equal(reason(judgeReply({ result: 'success' }, CALL)), 'data is missing or not an object');
  assert.equal(reason(judgeReply({ result: 'success', data: '{broken' }, CALL)), 'data is not a JSON object');
});

test('unusable: actions the doc does not list, or without what they need', () => {
  assert.equal(reason(judge({ action: 'sing' })), 'unknown action "sing"');
  assert.equal(reason(judge({})), 'action is missing');
  assert.equal(reason(judge({ action: ['play'] })), 'action is not text');
  assert.equal(reason(judge({ action: 'play' })), 'action play needs an action_code');
  assert.equal(reason(judge({ action: 'play', action_code: ' , ' })), 'action play needs an action_code');
  assert.equal(reason(judge({ action: 'transfer' })), 'action transfer needs a number');
  assert.equal(reason(judge({ action: 'transfer', number: 'agent-7' })), 'number "agent-7" is not a phone number');
  assert.equal(reason(judge({ action: 'hangup', call_id: '1^2' })), `the reply is for call 1^2, not ${CALL}`);
});

test('unusable: wrong types and values outside closed sets', () => {
  assert.equal(reason(judge({ action: 'play', action_code: 'a', action_break: 'yes' })), 'action_break is not true or false');
  assert.equal(reason(judge({ action: 'play', action_code: 'a', mute_time: 1.5 })), 'mute_time is not a whole number');
  assert.equal(reason(judge({ action: 'play', action_code: 'a', mute_time: '10s' })), 'mute_time is not a whole number');
  assert.equal(reason(judge({ action: 'play', action_code: 'a', action_code_time_break: -1 })), 'action_code_time_break -1 is negative');
  assert.equal(reason(judge({ action: 'dtmf', dtmf_end_character: '0' })), 'dtmf_end_character "0" is not *, # or empty');
  assert.equal(reason(judge({ action: 'play', action_code: 'a', action_code_param: ['x'] })), 'action_code_param is not an object');
  assert.equal(reason(judge({ action: 'play', action_code: 'a', action_code_param: { n: { deep: 1 } } })), 'action_code_param.n is not text');
  assert.equal(reason(judge({ action: 'play', action_code: 'a', dynamic_id: { id: 1 } })), 'dynamic_id is not text');
});

test('every character the dyvms doc forbids in callback content is refused in TTS parameter values', () => {
  assert.deepEqual(FORBIDDEN_TTS_CHARACTERS.join(''), '@=:"${}^*￥');
  for (const bad of FORBIDDEN_TTS_CHARACTERS) {
    const judged = judge({ action: 'play', action_code: '$name$', action_code_param: { name: `张${bad}三` } });
    assert.equal(reason(judged), `action_code_param.name holds the forbidden character "${bad}"`);
  }
  // The codes themselves hold $name$ legitimately; full-width punctuation is fine.
  assert.equal(reason(judge({ action: 'play', action_code: '$name$', action_code_param: { name: '张三，您好：明天见！' } })), 'usable');
});
