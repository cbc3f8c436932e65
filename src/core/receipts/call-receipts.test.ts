import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endReceipts, originationReceipts, type CallFacts } from './call-receipts.js';
import { renderReceipt } from './render-receipt.js';
import { parseRetrySchedule, nextPushAt } from './retry-schedule.js';

const T = Date.parse('2026-03-02T09:00:00+08:00');
const IVR: CallFacts = {
  accountId: 'a', family: 'dyvms', callId: '1^2', outId: 'order-7', caller: '057100000001', callee: '13800000000', voiceType: 'asr',
  originatedAt: T, ringAt: T + 2000, answerAt: T + 5000, endedAt: T + 20_000, durationSeconds: 15, callResult: 'ANSWERED', statusCode: '200000',
  hangupDirection: 'robot',
  turns: [
    { role: 'assistant', content: '请按1确认', at: 0 },
    { role: 'user', content: '1', dtmf: '1', at: 3000 },
    { role: 'assistant', content: '还有问题吗', at: 3500 },
    { role: 'user', content: '没有了', at: 6000 },
  ],
};
const ALL = { VoiceCallReport: 'push', VoiceReport: 'pull', VoiceRTASRReport: 'push', LlmSmartCallReport: 'push', VoiceCallReportAiccs: 'push' } as const;

test('an answered IVR call: states in order with the key press as 300000, one ASR message per utterance, then the call record', () => {
  const messages = endReceipts(IVR, ALL, false);
  assert.deepEqual(messages.map((m) => [m.id, m.messageType, m.mode, m.body.status_code ?? m.body.words]), [
    ['1^2#2', 'VoiceCallReport', 'push', '200201'], ['1^2#3', 'VoiceCallReport', 'push', '200102'], ['1^2#4', 'VoiceCallReport', 'push', '300000'],
    ['1^2#5', 'VoiceCallReport', 'push', '200100'], ['1^2#6', 'VoiceRTASRReport', 'push', '没有了'], ['1^2#7', 'VoiceReport', 'pull', '200000'],
  ]);
  assert.deepEqual([messages[2]!.body.dtmf, messages[2]!.body.status_time], ['1', T + 8000]);
  assert.deepEqual(renderReceipt(messages[4]!, 'Asia/Shanghai'), {
    role: 'user', identity: '13800000000', words: '没有了', begin_offset: 3500, end_offset: 6000, begin_time: '2026-03-02 09:00:08',
    call_id: '1^2', out_id: 'order-7', message_id: '1^2#6',
  });
  const record = renderReceipt(messages[5]!, 'Asia/Shanghai');
  assert.deepEqual([record.start_time, record.end_time, record.duration, record.hangup_direction, record.dtmf, record.ring_time], [
    '2026-03-02 09:00:05', '2026-03-02 09:00:20', '15', '机器', '1', '2026-03-02 09:00:02',
  ]);
});

test('an unanswered call has no answer, key or ASR messages and an empty start and end time', () => {
  const busy = { ...IVR, answerAt: null, ringAt: null, callResult: 'USER_BUSY' as const, statusCode: '200002', durationSeconds: 0 };
  const messages = endReceipts(busy, ALL, true);
  assert.deepEqual(messages.map((m) => [m.seq, m.body.status_code]), [[1, '200101'], [2, '200100'], [3, '200002']]);
  const record = renderReceipt(messages[2]!, 'Asia/Shanghai');
  assert.deepEqual([record.start_time, record.end_time, record.duration, record.smart_status_code, record.status_msg, record.hangup_direction], ['', '', '0', 'USER_BUSY', '被叫忙', '']);
});

test('aiccs calls report VoiceCallReportAiccs and LlmSmartCallReport (with the task ids); nothing for unsubscribed types', () => {
  const llm = { ...IVR, family: 'aiccs' as const, task: { taskId: 't1', batchId: null, detailId: 'd1' } };
  const types = endReceipts(llm, ALL, false).map((m) => m.messageType);
  assert.deepEqual(types, ['VoiceCallReportAiccs', 'VoiceCallReportAiccs', 'VoiceCallReportAiccs', 'VoiceCallReportAiccs', 'LlmSmartCallReport']);
  const report = endReceipts(llm, ALL, false).at(-1)!.body;
  assert.deepEqual([report.task_id, report.task_batch_id, report.task_detail_id, report.duration], ['t1', '', 'd1', 15]);
  assert.deepEqual(endReceipts(IVR, { VoiceReport: 'push' }, false).map((m) => m.id), ['1^2#2'], 'only subscribed types are numbered');
  assert.deepEqual(originationReceipts(llm, T, { VoiceCallReport: 'push' }), []);
  assert.deepEqual(originationReceipts(IVR, T, ALL).map((m) => [m.id, m.body.status_code]), [['1^2#1', '200101']]);
});

test('a recorded call ends with its recording message, whose record_url is a link made at delivery from the stored key', () => {
  const recording = { key: 'recordings/a/2026-03-02/1_2.wav', durationMs: 15_020, bytes: 480_684 };
  const subscribed = { VoiceRecordReport: 'pull', LlmSmartCallRecord: 'push' } as const;
  const [message] = endReceipts({ ...IVR, recording }, subscribed, false);
  assert.equal(message?.messageType, 'VoiceRecordReport');
  assert.equal(message?.body.record_url, recording.key, 'the key is stored, never a link that would expire in the outbox');
  const linked = renderReceipt(message!, 'Asia/Shanghai', { urlOf: ({ key }) => `https://calls.example.com/${key}?Signature=s` });
  assert.deepEqual([linked.record_url, linked.duration, linked.file_size, linked.start_time, linked.end_time, linked.message_id], [
    'https://calls.example.com/recordings/a/2026-03-02/1_2.wav?Signature=s', '15', 480_684, '2026-03-02 09:00:05', '2026-03-02 09:00:20', '1^2#2',
  ]);
  assert.deepEqual(endReceipts({ ...IVR, family: 'aiccs', recording }, subscribed, false).map((m) => m.messageType), ['LlmSmartCallRecord']);
  assert.deepEqual(endReceipts(IVR, subscribed, false), [], 'no recording, no recording message');
});

test('retry schedules parse units and end after their last step', () => {
  assert.deepEqual(parseRetrySchedule('1m,5m,10m'), [60_000, 300_000, 600_000]);
  assert.deepEqual(parseRetrySchedule(' 1s, 250ms ,2h'), [1000, 250, 7_200_000]);
  assert.deepEqual(parseRetrySchedule(''), []);
  assert.throws(() => parseRetrySchedule('1m,soon'), /"soon"/);
  assert.deepEqual([nextPushAt(1, 10, [5, 7]), nextPushAt(2, 10, [5, 7]), nextPushAt(3, 10, [5, 7])], [15, 17, null]);
});
