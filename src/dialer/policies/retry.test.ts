import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.js';
import { CALL_RESULTS } from '../../core/calls/call-result.js';
import { nextRetryAt, retryPolicy, type RetryPolicy } from './retry.js';

const ended = Date.parse('2026-03-09T10:00:00+08:00');
const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  enabled: true,
  reasons: new Set(['USER_BUSY', 'NO_ANSWER'] as const),
  maxRetries: 2,
  intervalMinutes: 30,
  ...overrides,
});

test('a listed cause is retried after the interval, up to CallRetryTimes retries', () => {
  const p = policy();
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'USER_BUSY', endedAt: ended }, p), Date.parse('2026-03-09T10:30:00+08:00'));
  assert.equal(nextRetryAt({ attemptNumber: 2, result: 'NO_ANSWER', endedAt: ended }, p), Date.parse('2026-03-09T10:30:00+08:00'));
  assert.equal(nextRetryAt({ attemptNumber: 3, result: 'NO_ANSWER', endedAt: ended }, p), null, 'two retries used');
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'POWERED_OFF', endedAt: ended }, p), null, 'not listed');
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'USER_BUSY', endedAt: ended }, policy({ intervalMinutes: 0 })), ended);
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'USER_BUSY', endedAt: ended }, policy({ maxRetries: 0 })), null);
});

test('ANSWERED never retries, even if a policy listed it', () => {
  const all = policy({ reasons: new Set(CALL_RESULTS), maxRetries: 3 });
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'ANSWERED', endedAt: ended }, all), null);
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'CANCEL', endedAt: ended }, all), ended + 30 * 60_000);
});

test('retries off means no retry for any outcome', () => {
  const off = policy({ enabled: false, reasons: new Set(CALL_RESULTS) });
  for (const result of [...CALL_RESULTS, 'INTERRUPTED' as const]) {
    assert.equal(nextRetryAt({ attemptNumber: 1, result, endedAt: ended }, off), null, result);
  }
});

test('an interrupted attempt retries whatever the reasons, and counts as an attempt', () => {
  const p = policy({ reasons: new Set(['USER_BUSY'] as const), maxRetries: 1 });
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'INTERRUPTED', endedAt: ended }, p), ended + 30 * 60_000);
  assert.equal(nextRetryAt({ attemptNumber: 2, result: 'INTERRUPTED', endedAt: ended }, p), null);
});

test('attempt numbers start at 1', () => {
  assert.throws(() => nextRetryAt({ attemptNumber: 0, result: 'USER_BUSY', endedAt: ended }, policy()), RangeError);
  assert.throws(() => nextRetryAt({ attemptNumber: 1.5, result: 'USER_BUSY', endedAt: ended }, policy()), RangeError);
});

test('API settings become a policy with documented defaults', () => {
  const defaults = retryPolicy({ missCallRetry: true });
  assert.equal(defaults.enabled, true);
  assert.deepEqual([...defaults.reasons].sort(), ['NETWORK_BUSY', 'NO_ANSWER', 'POWERED_OFF', 'USER_BUSY']);
  assert.equal(defaults.maxRetries, 1);
  assert.equal(defaults.intervalMinutes, 5);
  assert.deepEqual([...retryPolicy({ missCallRetry: true, callRetryReason: [] }).reasons].sort(), [...defaults.reasons].sort());
  const given = retryPolicy({ missCallRetry: true, callRetryReason: ['CALL_REJECTED', 'SUSPEND'], callRetryTimes: 3, callRetryInterval: 720 });
  assert.deepEqual([...given.reasons], ['CALL_REJECTED', 'SUSPEND']);
  assert.equal(given.maxRetries, 3);
  assert.equal(given.intervalMinutes, 720);
  assert.equal(retryPolicy({}).enabled, false);
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'INVALID_NUMBER', endedAt: ended }, given), null);
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'SUSPEND', endedAt: ended }, given), ended + 720 * 60_000);
});

test('bad retry settings are named, even with retries off', () => {
  const rejects = (settings: Parameters<typeof retryPolicy>[0], param: string, text: RegExp) =>
    assert.throws(
      () => retryPolicy(settings),
      (error: unknown) => error instanceof DomainError && error.code === 'InvalidArgument' && error.param === param && text.test(error.message),
    );
  rejects({ missCallRetry: true, callRetryTimes: 4 }, 'CallRetryTimes', /from 0 to 3, got 4/);
  rejects({ callRetryTimes: -1 }, 'CallRetryTimes', /got -1/);
  rejects({ callRetryTimes: 1.5 }, 'CallRetryTimes', /got 1.5/);
  rejects({ missCallRetry: true, callRetryInterval: 721 }, 'CallRetryInterval', /from 0 to 720 minutes, got 721/);
  rejects({ callRetryReason: ['USER_BUSY', 'ANSWERED'] }, 'CallRetryReason', /^CallRetryReason\[1\] "ANSWERED" is not one of CALL_REJECTED/);
  rejects({ callRetryReason: ['UNAVAILABLE'] }, 'CallRetryReason', /"UNAVAILABLE"/);
});
