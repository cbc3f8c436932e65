// Single calls on the simulated carrier with an in-memory conversation store: a call is recorded, dialed, its flow run,
// and its end and dialog written together; HangupOperate ends it at once, after the prompt playing, or before answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScriptedCallee } from '../../providers/telephony/sim/sim-callee.js';
import { simOnVirtualClock } from '../../providers/telephony/sim/sim-test-kit.js';
import type { CallDialogRecord, ConversationStore, SingleCallEnding, SingleCallRecord } from '../../ports/conversation-store.js';
import { SingleCalls } from './single-calls.js';
import { speechMs } from '../../providers/telephony/sim/sim-speech.js';
import type { RecordingSession } from '../../flows/recording-session.js';

/** The store's single-call part in memory: what was written, in order. */
function memoryStore() {
  const calls = new Map<string, SingleCallRecord>();
  const endings: { callId: string; ending: SingleCallEnding; dialog?: CallDialogRecord }[] = [];
  const store: ConversationStore = {
    getCallDialog: async () => undefined,
    replaceCallTags: async () => false,
    insertSingleCall: async (c) => void calls.set(c.callId, c),
    getSingleCall: async (accountId, callId) => (calls.get(callId)?.accountId === accountId ? calls.get(callId) : undefined),
    endSingleCall: async (_a, callId, ending, dialog) => void endings.push({ callId, ending, ...(dialog ? { dialog } : {}) }),
  };
  return { store, calls, endings };
}

let serial = 0;
function service(callee = new ScriptedCallee([])) {
  const setup = simOnVirtualClock({ callees: () => callee });
  const memory = memoryStore();
  const errors: unknown[] = [];
  const calls = new SingleCalls({ store: memory.store, telephony: setup.sim, clock: setup.clock, ids: { nextCallId: () => `1^${++serial}` }, onError: (e) => errors.push(e) });
  return { ...setup, stored: memory.calls, endings: memory.endings, store: memory.store, calls, errors };
}

const request = (callee: string, flow: (s: RecordingSession) => Promise<void>) => ({
  accountId: 'acc', kind: 'LlmSmartCall', caller: '057100000000', callee, params: { StartWordParam: { name: '张三' } }, flow,
});

test('a single call is recorded, runs its flow, and its end is written with the dialog', async () => {
  const s = service(new ScriptedCallee([{ kind: 'say', text: '好的', afterMs: 900 }]));
  const callId = await s.calls.place(request('13800000015', async (session) => {
    await session.say('您好张三');
    await session.listen({ timeoutMs: 3000 });
  }));
  assert.equal(s.stored.get(callId)?.callee, '13800000015');
  assert.equal(s.calls.activeCalls, 1);
  await s.clock.runUntil(() => s.endings.length === 1);
  assert.equal(s.calls.activeCalls, 0);
  const [end] = s.endings;
  assert.equal(end?.callId, callId);
  assert.equal(end?.ending.callResult, 'ANSWERED');
  assert.equal(end?.ending.hangupDirection, 'robot');
  assert.deepEqual(end?.dialog?.turns.map((t) => t.content), ['您好张三', '好的']);
  assert.equal(end?.dialog?.analysis.turnCount, 1);
  assert.equal(s.errors.length, 0);
});

const LINE = '这是一段比较长的提示语，请您耐心听完，谢谢配合。';

/** Places a call whose flow speaks LINE three times; resolves 1 s (virtual) into the first prompt. */
async function midPrompt(s: ReturnType<typeof service>) {
  let speaking = false;
  const callId = await s.calls.place(request('13800000015', async (session) => {
    speaking = true;
    for (let i = 0; i < 3; i++) await session.say(LINE);
  }));
  await s.clock.runUntil(() => speaking);
  await s.clock.advanceAsync(1000);
  return callId;
}

test('HangupOperate with ImmediateHangup ends the call mid-prompt', async () => {
  const s = service();
  const callId = await midPrompt(s);
  assert.equal(await s.calls.hangup('acc', callId, true), true);
  await s.clock.runUntil(() => s.endings.length === 1);
  const [end] = s.endings;
  assert.equal(end?.ending.hangupDirection, 'robot');
  assert.deepEqual(end?.dialog?.turns.map((t) => t.content), [LINE]);
  assert.equal(end?.ending.durationSeconds, 1);
});

test('HangupOperate without ImmediateHangup lets the prompt playing finish, then hangs up', async () => {
  const s = service();
  const callId = await midPrompt(s);
  const hangingUp = s.calls.hangup('acc', callId, false);
  await s.clock.runUntil(() => s.endings.length === 1);
  assert.equal(await hangingUp, true);
  const [end] = s.endings;
  assert.deepEqual(end?.dialog?.turns.map((t) => t.content), [LINE], 'the second prompt never started');
  assert.equal(end?.ending.durationSeconds, Math.round(speechMs(LINE) / 1000));
});

test('HangupOperate before the answer cancels the dial; after the end it answers false; another account gets NotFound', async () => {
  const s = service();
  const callId = await s.calls.place(request('13800000015', async (session) => void (await session.say(LINE))));
  assert.equal(await s.calls.hangup('acc', callId, true), true);
  await s.clock.runUntil(() => s.endings.length === 1);
  assert.equal(s.endings[0]?.ending.callResult, 'CANCEL');
  assert.equal(s.endings[0]?.dialog, undefined);
  assert.equal(await s.calls.hangup('acc', callId, true), false);
  await assert.rejects(s.calls.hangup('other', callId, true), (e: Error & { code?: string; param?: string }) => e.code === 'NotFound' && e.param === 'CallId');
  await assert.rejects(s.calls.hangup('acc', '1^999999', true), (e: Error & { code?: string }) => e.code === 'NotFound');
});
