import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimCallSession } from '../providers/telephony/sim/sim-call-session.js';
import { dial, runCall, simOnVirtualClock } from '../providers/telephony/sim/sim-test-kit.js';
import { fillTemplate } from '../core/templates.js';
import { runOpeningLine, type OpeningLineReport } from './opening-line.js';

test('fills ${name} and $name$ placeholders; missing variables become empty and are reported once', () => {
  const filled = fillTemplate('${name}您好，您的快递$code$已到${station}，${name}请尽快取件。', { name: '张先生', code: 'A18' });
  assert.equal(filled.text, '张先生您好，您的快递A18已到，张先生请尽快取件。');
  assert.deepEqual(filled.missing, ['station']);
  assert.deepEqual(fillTemplate('${收件人}好 $x.y$ ${a-b}', { 收件人: '王', 'x.y': '1', 'a-b': '2' }), { text: '王好 1 2', missing: [] });
});

test('text that only looks like a placeholder is left alone', () => {
  const text = '价格 $5 到 $6，${} 和 $$ 还有 ${1abc}';
  assert.deepEqual(fillTemplate(text, {}), { text, missing: [] });
  assert.deepEqual(fillTemplate('${toString}', {}), { text: '', missing: ['toString'] });
});

test('on an answered simulated call: says the filled line, listens, hangs up', async () => {
  const setup = simOnVirtualClock();
  let report: OpeningLineReport | undefined;
  let session: SimCallSession | undefined;
  const { outcome } = await runCall(setup, dial('13800000015', { variables: { name: '李女士' } }), async (s) => {
    session = s as SimCallSession;
    report = await runOpeningLine(s, { template: '${name}您好，提醒您明天$time$停水。', listenTimeoutMs: 3000 });
  });
  assert.deepEqual(report, { said: '李女士您好，提醒您明天停水。', missing: ['time'], reply: { timedOut: true }, endedEarly: false });
  assert.deepEqual(
    session?.transcript.map((t) => [t.kind, t.text]),
    [
      ['say', '李女士您好，提醒您明天停水。'],
      ['listen', undefined],
      ['hangup', 'robot'],
    ],
  );
  assert.equal(outcome.hangupBy, 'robot');
  assert.equal(outcome.durationMs, 14 * 250 + 3000);
});

test('a callee who hangs up during the line is reported, not thrown', async () => {
  const setup = simOnVirtualClock();
  let report: OpeningLineReport | undefined;
  const { outcome } = await runCall(setup, dial('13800000015', { sessionTimeoutMs: 2000 }), async (s) => {
    report = await runOpeningLine(s, { template: '您好'.repeat(20) });
  });
  assert.equal(report?.endedEarly, true);
  assert.equal(report?.reply, undefined);
  assert.equal(outcome.hangupBy, 'system');
  assert.equal(outcome.durationMs, 2000);
});
