import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttemptRecord, DetailRecord } from '../campaigns/campaign-records.js';
import type { SingleCallRecord } from '../../ports/conversation-store.js';
import { callDetail, DYVMS_PROD_IDS as P, DyvmsCallDetails, productsOfKind, type CallDetailSource, type CallDetailStore } from './dyvms-call-detail.js';

const ZONE = 'Asia/Shanghai';
// 2026-03-02 09:00:00 in Shanghai.
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);

const answered: CallDetailSource = {
  kind: 'LlmSmartCall', caller: '057100000001', callee: '13800000015', createdAt: T0,
  ringAt: T0 + 2_000, answerAt: T0 + 7_000, endedAt: T0 + 37_000, durationSeconds: 30, callResult: 'ANSWERED',
};

test('an answered call: times as yyyy-MM-dd HH:mm:ss in the zone, the final carrier code, fields in the doc order', () => {
  const data = callDetail(answered, ZONE);
  assert.deepEqual(Object.keys(data), [
    'caller', 'startDate', 'stateDesc', 'duration', 'callerShowNumber', 'gmtCreate', 'state', 'endDate', 'calleeShowNumber', 'bRingTime', 'bEndTime', 'callee',
  ]);
  assert.deepEqual(data, {
    caller: '057100000001', startDate: '2026-03-02 09:00:07', stateDesc: '用户接通', duration: 30, callerShowNumber: '057100000001',
    gmtCreate: '2026-03-02 09:00:00', state: '200000', endDate: '2026-03-02 09:00:37', calleeShowNumber: '057100000001',
    bRingTime: '2026-03-02 09:00:02', bEndTime: '2026-03-02 09:00:07', callee: '13800000015',
  });
});

test('an unanswered call has no start or end date and duration 0; the callee rang until the call ended', () => {
  const data = callDetail({ ...answered, answerAt: undefined, endedAt: T0 + 30_000, durationSeconds: 0, callResult: 'NO_ANSWER' }, ZONE);
  assert.deepEqual([data.startDate, data.endDate, data.duration, data.state, data.stateDesc], ['', '', 0, '200003', '无应答']);
  assert.deepEqual([data.bRingTime, data.bEndTime], ['2026-03-02 09:00:02', '2026-03-02 09:00:30']);
});

test('a stored carrier code wins over the mapped one; calls in progress answer the intermediate codes', () => {
  assert.equal(callDetail({ ...answered, callResult: 'OTHERS', statusCode: '200006' }, ZONE).state, '200006');
  const live = { ...answered, endedAt: undefined, callResult: undefined };
  assert.deepEqual([callDetail(live, ZONE).state, callDetail(live, ZONE).endDate], ['200102', '']);
  assert.equal(callDetail({ ...live, answerAt: undefined }, ZONE).state, '200201');
  const dialing = callDetail({ ...live, answerAt: undefined, ringAt: undefined }, ZONE);
  assert.deepEqual([dialing.state, dialing.bRingTime, dialing.bEndTime], ['200101', '', '']);
});

test('each call kind is found under its product ids only; dual call and SIP claim no waihu call', () => {
  assert.deepEqual(productsOfKind('SingleCallByTts'), [P.voiceNotification, P.verificationCode]);
  assert.deepEqual(productsOfKind('SingleCallByVoice'), [P.voiceNotification]);
  assert.deepEqual(productsOfKind('IvrCall'), [P.ivr]);
  for (const kind of ['LlmSmartCall', 'LlmSmartCallEncrypt', 'SmartCall', 'CampaignCall']) assert.deepEqual(productsOfKind(kind), [P.smartCall]);
  assert.deepEqual(productsOfKind('toString'), []);
  assert.deepEqual(productsOfKind('Unknown'), []);
});

function single(overrides: Partial<SingleCallRecord> = {}): SingleCallRecord {
  return {
    callId: '1^1', accountId: 'a', kind: 'SingleCallByVoice', caller: '057100000001', callee: '13800000015', params: {},
    createdAt: T0, ringAt: T0 + 1_000, answerAt: T0 + 3_000, endedAt: T0 + 13_000, durationSeconds: 10, callResult: 'ANSWERED', statusCode: '200000', ...overrides,
  };
}

function storeOf(calls: SingleCallRecord[], attempts: AttemptRecord[] = [], details: DetailRecord[] = []): CallDetailStore {
  return {
    getSingleCall: async (accountId, callId) => calls.find((c) => c.accountId === accountId && c.callId === callId),
    getAttemptByCallId: async (accountId, callId) => attempts.find((a) => a.accountId === accountId && a.callId === callId),
    getDetail: async (_accountId, id) => details.find((d) => d.id === id),
  };
}

test('find: the right ProdId and any instant of the call\'s local day; another product, day or account finds nothing', async () => {
  const details = new DyvmsCallDetails(storeOf([single()]), ZONE);
  const query = { callId: '1^1', prodId: P.voiceNotification, queryDate: T0 };
  assert.equal((await details.find('a', query))?.duration, 10);
  // 00:00:00 and 23:59:59.999 of 2026-03-02 in Shanghai.
  assert.ok(await details.find('a', { ...query, queryDate: Date.UTC(2026, 2, 1, 16, 0, 0) }));
  assert.ok(await details.find('a', { ...query, queryDate: Date.UTC(2026, 2, 2, 15, 59, 59, 999) }));
  assert.equal(await details.find('a', { ...query, queryDate: Date.UTC(2026, 2, 2, 16, 0, 0) }), undefined);
  assert.equal(await details.find('a', { ...query, queryDate: Date.UTC(2026, 2, 1, 15, 59, 59, 999) }), undefined);
  assert.equal(await details.find('a', { ...query, prodId: P.smartCall }), undefined);
  assert.equal(await details.find('b', query), undefined);
  assert.equal(await details.find('a', { ...query, callId: '1^2' }), undefined);
});

test('find: the day is the platform zone\'s, not UTC\'s', async () => {
  const details = new DyvmsCallDetails(storeOf([single({ createdAt: Date.UTC(2026, 2, 2, 17, 0, 0) })]), ZONE);
  // 01:00 on 2026-03-03 in Shanghai is still 2026-03-02 in UTC.
  const query = { callId: '1^1', prodId: P.voiceNotification, queryDate: Date.UTC(2026, 2, 3, 3, 0, 0) };
  assert.ok(await details.find('a', query));
  assert.equal(await new DyvmsCallDetails(storeOf([single({ createdAt: Date.UTC(2026, 2, 2, 17, 0, 0) })]), 'UTC').find('a', query), undefined);
});

test('find: a campaign attempt is a smart call, with its recipient as callee and its line as caller', async () => {
  const attempt = {
    id: 'x', callId: '2^2', accountId: 'a', taskId: 't', detailId: 'd', attemptNumber: 1, fromState: 1, leaseOwner: 'l', claimedAt: T0 - 500,
    callerNumber: '057100000002', originatedAt: T0, ringAt: T0 + 1_000, answerAt: null, releaseAt: T0 + 20_000, durationSeconds: 0,
    callResult: 'NO_ANSWER', statusCode: null, failedReason: null, hangupDirection: null, conversationTurnCount: null, majorIntent: null,
    interruptedAt: null, endedAt: T0 + 20_000,
  } as unknown as AttemptRecord;
  const detail = { id: 'd', number: '13800000016' } as unknown as DetailRecord;
  const details = new DyvmsCallDetails(storeOf([], [attempt], [detail]), ZONE);
  const data = await details.find('a', { callId: '2^2', prodId: P.smartCall, queryDate: T0 });
  assert.deepEqual(
    [data?.caller, data?.callee, data?.gmtCreate, data?.state, data?.startDate, data?.bEndTime],
    ['057100000002', '13800000016', '2026-03-02 09:00:00', '200003', '', '2026-03-02 09:00:20'],
  );
  assert.equal(await details.find('a', { callId: '2^2', prodId: P.ivr, queryDate: T0 }), undefined);
});
