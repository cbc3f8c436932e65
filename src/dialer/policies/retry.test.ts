import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALL_RESULTS } from '../../core/calls/call-result.js';
import { DEFAULT_RETRY, parseRetrySettings } from '../../core/campaigns/retry-settings.js';
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

test("a task's parsed retry settings become its policy", () => {
  assert.deepEqual(retryPolicy(DEFAULT_RETRY), {
    enabled: false,
    reasons: new Set(['USER_BUSY', 'POWERED_OFF', 'NETWORK_BUSY', 'NO_ANSWER']),
    maxRetries: 1,
    intervalMinutes: 5,
  });
  const given = retryPolicy(parseRetrySettings({ MissCallRetry: true, CallRetryReason: ['CALL_REJECTED', 'SUSPEND'], CallRetryTimes: 3, CallRetryInterval: 720 }));
  assert.equal(nextRetryAt({ attemptNumber: 3, result: 'SUSPEND', endedAt: ended }, given), ended + 720 * 60_000);
  assert.equal(nextRetryAt({ attemptNumber: 4, result: 'SUSPEND', endedAt: ended }, given), null);
  assert.equal(nextRetryAt({ attemptNumber: 1, result: 'INVALID_NUMBER', endedAt: ended }, given), null);
});
