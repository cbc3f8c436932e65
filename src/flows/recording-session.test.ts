import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runOnSim, scripted } from './agent/flow-test-kit.js';

test('the recording session writes prompts, replies, barge-ins and keys as the dialog, with times since the answer', async () => {
  const { report } = await runOnSim(
    scripted({ kind: 'say', text: '不用了', afterMs: 500 }, { kind: 'dtmf', digits: '2', afterMs: 1200 }),
    async (s) => {
      await s.say('您好，这里是某某银行信用卡中心', { bargeIn: true });
      await s.listen({ timeoutMs: 3000 });
      await s.play('notice.wav');
      await s.collectDtmf({ maxDigits: 1, timeoutMs: 3000 });
      s.tag({ name: '意向', value: '低' });
      s.tag({ name: '意向', value: '无' });
      s.setIntent('C');
      await s.transfer('10086');
    },
  );
  assert.deepEqual(report.turns, [
    { role: 'assistant', content: '您好，这里是某某银行信用卡中心', at: 0, cut: true },
    { role: 'user', content: '不用了', at: 1250, interrupted: true },
    { role: 'assistant', content: '[notice.wav]', at: 1250 },
    { role: 'user', content: '2', dtmf: '2', at: 6550 },
  ]);
  assert.deepEqual(report.tags, [{ name: '意向', value: '无' }]);
  assert.equal(report.majorIntent, 'C');
  assert.deepEqual(report.dtmf, ['2']);
  assert.equal(report.transferredTo, '10086');
});

test('hangupAfterPrompt lets the prompt playing finish and ends the call before the next step', async () => {
  const order: string[] = [];
  const { outcome, report } = await runOnSim(scripted(), async (s) => {
    const saying = s.say('请稍等，正在为您查询');
    const closing = s.hangupAfterPrompt().then(() => order.push('hung up'));
    await saying;
    order.push('said');
    await s.say('查询结果是……').catch((e: Error) => order.push(e.name));
    await closing;
  });
  // The hang-up happens as the prompt ends, before the flow moves on: its next prompt finds the call over.
  assert.deepEqual(order.filter((o) => o !== 'hung up'), ['said', 'CallHungUpError']);
  assert.ok(order.includes('hung up'));
  assert.deepEqual(report.turns.map((t) => t.content), ['请稍等，正在为您查询']);
  assert.equal(outcome.hangupBy, 'robot');
});
