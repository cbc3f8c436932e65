import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlowReport } from '../calls/dialog.js';
import { DomainError } from '../errors.js';
import type { CallSession } from '../../ports/call-session.js';
import { AgentTestCalls, IDLE_MS, MAX_PER_ACCOUNT, type TestCallFlow } from './test-calls.js';

/** A flow that greets, echoes every utterance until "bye", then hangs up; it reports what it heard. */
function echoFlow(): TestCallFlow {
  return {
    run: async (session: CallSession): Promise<FlowReport> => {
      const heard: string[] = [];
      await session.say(`hello ${session.variables.name ?? ''}`.trim());
      for (;;) {
        const reply = await session.listen({ timeoutMs: 1000 });
        const text = reply.text ?? (reply.dtmf !== undefined ? `keys ${reply.dtmf}` : 'silence');
        heard.push(text);
        if (text === 'bye') break;
        await session.say(`you said ${text}`);
      }
      await session.say('goodbye');
      await session.hangup();
      return { turns: heard.map((content) => ({ role: 'user' as const, content, at: 0 })), tags: [] };
    },
    analyze: async (report) => ({ summary: `${report.turns.length} replies`, tags: [], turnCount: report.turns.length, analyzedBy: 'rules' }),
  };
}

function setup() {
  let now = 1_000_000;
  let n = 0;
  const calls = new AgentTestCalls({ plan: async () => echoFlow(), clock: { now: () => now }, newId: () => `id${++n}` });
  return { calls, advance: (ms: number) => (now += ms) };
}

const robot = { kind: 'robot', dialogId: '1' } as const;

test('a test call answers each input with what the bot said, and ends with the analysis', async () => {
  const { calls } = setup();
  const started = await calls.start('a', robot, { name: 'Ann' });
  assert.deepEqual([started.messages, started.ended], [['hello Ann'], false]);
  assert.deepEqual((await calls.send('a', started.id, { text: 'hi' })).messages, ['you said hi']);
  assert.deepEqual((await calls.send('a', started.id, { dtmf: '12' })).messages, ['you said keys 12']);
  assert.deepEqual((await calls.send('a', started.id, { silence: true })).messages, ['you said silence']);
  const ended = await calls.send('a', started.id, { text: 'bye' });
  assert.deepEqual([ended.messages, ended.ended, ended.endedBy, ended.analysis?.summary], [['goodbye'], true, 'robot', '4 replies']);
  assert.equal(calls.size, 0, 'an ended call is forgotten');
});

test('the tester hanging up ends the flow; another account cannot find the call', async () => {
  const { calls } = setup();
  const started = await calls.start('a', robot, {});
  await assert.rejects(calls.send('b', started.id, { text: 'hi' }), (e: unknown) => e instanceof DomainError && e.code === 'NotFound' && e.param === 'TestCallId');
  await assert.rejects(calls.end('b', started.id), /does not exist/);
  const ended = await calls.end('a', started.id);
  assert.deepEqual([ended.ended, ended.endedBy, ended.analysis], [true, 'callee', undefined], 'a flow cut by the hang-up has no report to analyse');
});

test('a call idle for 10 minutes is ended and forgotten; an account has at most MAX_PER_ACCOUNT open', async () => {
  const { calls, advance } = setup();
  const first = await calls.start('a', robot, {});
  for (let i = 1; i < MAX_PER_ACCOUNT; i++) await calls.start('a', robot, {});
  await assert.rejects(calls.start('a', robot, {}), (e: unknown) => e instanceof DomainError && e.code === 'InvalidState');
  await calls.start('b', robot, {});
  advance(IDLE_MS - 1);
  await calls.send('a', first.id, { text: 'still here' });
  advance(2);
  assert.equal((await calls.send('a', first.id, { text: 'and now' })).ended, false, 'input keeps a call alive');
  assert.equal(calls.size, 1, 'the others idled out');
  advance(IDLE_MS);
  await assert.rejects(calls.send('a', first.id, { text: 'late' }), /does not exist/);
});
