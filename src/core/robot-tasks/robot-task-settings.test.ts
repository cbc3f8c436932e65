// CreateRobotTask's parameters and their mapping onto the engine: redial state codes to call results and back,
// the retry settings, and the internal campaign task the robot task runs as.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryPolicy, nextRetryAt } from '../../dialer/policies/retry.js';
import { callResultCode, intentCounts, resultsOfCode } from './robot-task-calls.js';
import { parseRobotTaskConfig, recallResultsOf, robotTaskSettings, RECALL_STATE_CODES } from './robot-task-settings.js';

const BASE = { TaskName: ' 回访 ', DialogId: '100', Caller: '0571-8899, 057188990002,0571-8899', NumberStatusIdent: 'true', RetryType: '1' };

test('defaults: the transient states are redialled once after 5 minutes; callers are deduplicated', () => {
  const config = parseRobotTaskConfig(BASE);
  assert.deepEqual(config, {
    taskName: '回访', dialogId: '100', corpName: '', callers: ['0571-8899', '057188990002'], numberStatusIdent: true, retryType: 1,
    recallStateCodes: ['200002', '200003', '200005', '200010', '200012'], recallTimes: 1, recallInterval: 5, isSelfLine: false,
  });
  const settings = robotTaskSettings('42', config, 'Asia/Shanghai');
  assert.deepEqual([settings.name, settings.startType, settings.taskStartTime, settings.retry.enabled, settings.retry.times], ['robot-task:42', 'SCHEDULE', null, true, 1]);
});

test('every redial code maps to results that map back to it, and the retry policy redials exactly those', () => {
  for (const code of RECALL_STATE_CODES) {
    for (const result of recallResultsOf([code])) assert.equal(callResultCode(result), code, result);
    assert.deepEqual(resultsOfCode(code)?.sort(), recallResultsOf([code]).sort());
  }
  const config = parseRobotTaskConfig({ ...BASE, RecallStateCodes: '200005', RecallTimes: '2', RecallInterval: '3' });
  const policy = retryPolicy(robotTaskSettings('1', config, 'Asia/Shanghai').retry);
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'UNAVAILABLE', endedAt: 0 }, policy), 180_000);
  assert.equal(nextRetryAt({ attemptNumber: 2, result: 'NO_USER_RESPONSE', endedAt: 0 }, policy), 180_000);
  assert.equal(nextRetryAt({ attemptNumber: 3, result: 'UNAVAILABLE', endedAt: 0 }, policy), null, 'RecallTimes used up');
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'USER_BUSY', endedAt: 0 }, policy), null, 'not a listed state');
  const off = retryPolicy(robotTaskSettings('1', parseRobotTaskConfig({ ...BASE, RetryType: '0' }), 'Asia/Shanghai').retry);
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'NO_ANSWER', endedAt: 0 }, off), null, 'RetryType 0 never redials');
  assert.equal(resultsOfCode('200000')?.[0], 'ANSWERED');
  assert.equal(resultsOfCode('123'), undefined);
});

test('bad values name their parameter', () => {
  assert.throws(() => parseRobotTaskConfig({ ...BASE, Caller: ' , ' }), /Caller needs at least one/);
  assert.throws(() => parseRobotTaskConfig({ ...BASE, RecallTimes: '4' }), (e: Error & { param?: string }) => e.param === 'RecallTimes');
  assert.throws(() => parseRobotTaskConfig({ ...BASE, RecallStateCodes: '200004' }), (e: Error & { param?: string }) => e.param === 'RecallStateCodes');
  assert.throws(() => parseRobotTaskConfig({ ...BASE, TaskName: '   ' }), (e: Error & { param?: string }) => e.param === 'TaskName');
});

test('intent counts classify each callee turn once', () => {
  const user = (content: string, dtmf?: string) => ({ role: 'user' as const, content, at: 0, ...(dtmf ? { dtmf } : {}) });
  const counts = intentCounts([{ role: 'assistant', content: '您好', at: 0 }, user('好的'), user('不需要'), user('别再打了'), user('你是哪里'), user('1', '1'), user('今天天气')]);
  assert.deepEqual(counts, { sureCount: 1, denyCount: 1, rejectCount: 1, customCount: 1, konwledgeCount: 1, knowledgeCount: 1, defaultCount: 1, knowledgeBusinessCount: 0, knowledgeCommonCount: 1 });
});
