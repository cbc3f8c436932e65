import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { MAX_REJECT_REASON_LENGTH, reviewRegistration } from './registration-review.js';

test('a pending registration is approved, or rejected with its reason trimmed', () => {
  assert.deepEqual(reviewRegistration('r1', 'PENDING', { kind: 'approve' }), { status: 'APPROVED', rejectReason: null });
  assert.deepEqual(reviewRegistration('r1', 'PENDING', { kind: 'reject', reason: '  身份证与机主不符 ' }), { status: 'REJECTED', rejectReason: '身份证与机主不符' });
});

test('a decided registration cannot be reviewed again, in either direction', () => {
  for (const from of ['APPROVED', 'REJECTED'] as const) {
    for (const decision of [{ kind: 'approve' as const }, { kind: 'reject' as const, reason: 'late' }]) {
      assert.throws(() => reviewRegistration('r9', from, decision), (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.equal(e.code, 'InvalidState');
        assert.match(e.message, new RegExp(`registration r9 was already ${from.toLowerCase()}`));
        return true;
      });
    }
  }
});

test('a rejection without a usable reason is refused naming Reason', () => {
  for (const reason of ['', '   ', 'x'.repeat(MAX_REJECT_REASON_LENGTH + 1)]) {
    assert.throws(() => reviewRegistration('r1', 'PENDING', { kind: 'reject', reason }), (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === 'Reason');
  }
  assert.equal(reviewRegistration('r1', 'PENDING', { kind: 'reject', reason: 'x'.repeat(MAX_REJECT_REASON_LENGTH) }).status, 'REJECTED');
});
