import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { DEFAULT_RETRY, parseRetrySettings, type RetryInput } from './retry-settings.js';

const refuses = (input: RetryInput, param: string, message: RegExp) =>
  assert.throws(
    () => parseRetrySettings(input),
    (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && message.test(e.message),
    `${param}: ${JSON.stringify(input)}`,
  );

test('left out, retries are off with the transient reasons, one retry, 5 minutes', () => {
  assert.deepEqual(parseRetrySettings({}), { enabled: false, reasons: ['USER_BUSY', 'POWERED_OFF', 'NETWORK_BUSY', 'NO_ANSWER'], times: 1, intervalMinutes: 5 });
  assert.deepEqual(parseRetrySettings({ MissCallRetry: true, CallRetryReason: [] }), { ...DEFAULT_RETRY, enabled: true }, 'an empty list is no list');
  assert.deepEqual(parseRetrySettings({ MissCallRetry: 'true', CallRetryReason: '[]' }).reasons, DEFAULT_RETRY.reasons);
});

test('given values are read from form strings or JSON, reasons case-insensitively and in documented order', () => {
  const s = parseRetrySettings({ MissCallRetry: 'true', CallRetryReason: ['no_answer', 'CALL_REJECTED', 'NO_ANSWER'], CallRetryTimes: '3', CallRetryInterval: 720 });
  assert.deepEqual(s, { enabled: true, reasons: ['CALL_REJECTED', 'NO_ANSWER'], times: 3, intervalMinutes: 720 });
  assert.deepEqual(parseRetrySettings({ CallRetryReason: '["SUSPEND"]', CallRetryTimes: 0, CallRetryInterval: '1' }), { ...DEFAULT_RETRY, reasons: ['SUSPEND'], times: 0, intervalMinutes: 1 });
});

test('values left out keep the current ones, so an update does not reset them', () => {
  const current = parseRetrySettings({ MissCallRetry: true, CallRetryReason: ['SUSPEND'], CallRetryTimes: 3, CallRetryInterval: 60 });
  assert.deepEqual(parseRetrySettings({ CallRetryTimes: 2 }, current), { ...current, times: 2 });
  assert.deepEqual(parseRetrySettings({ CallRetryReason: [] }, current).reasons, ['SUSPEND']);
});

test('out-of-range and unknown values are refused naming the parameter and the value, even with retries off', () => {
  refuses({ MissCallRetry: true, CallRetryTimes: 4 }, 'CallRetryTimes', /^CallRetryTimes must be between 0 and 3, got 4$/);
  refuses({ CallRetryTimes: -1 }, 'CallRetryTimes', /got -1$/);
  refuses({ CallRetryTimes: '1.5' }, 'CallRetryTimes', /^CallRetryTimes must be an integer, got "1.5"$/);
  refuses({ CallRetryInterval: 721 }, 'CallRetryInterval', /^CallRetryInterval must be between 1 and 720, got 721$/);
  refuses({ CallRetryInterval: 0 }, 'CallRetryInterval', /between 1 and 720, got 0$/);
  refuses({ CallRetryReason: ['USER_BUSY', 'ANSWERED'] }, 'CallRetryReason', /^CallRetryReason\[1\] "ANSWERED" is not one of CALL_REJECTED, USER_BUSY, SUSPEND/);
  refuses({ CallRetryReason: [7] }, 'CallRetryReason', /^CallRetryReason\[0\] 7 is not one of/);
  refuses({ CallRetryReason: 'USER_BUSY' }, 'CallRetryReason', /must be a JSON array/);
  refuses({ MissCallRetry: 'yes' }, 'MissCallRetry', /true or false/);
});
