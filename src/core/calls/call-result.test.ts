import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALL_RESULTS, DYVMS_STATUS_CODE, STATUS_MESSAGE, isCallResult, smartStatusCode } from './call-result.js';

test('all 15 documented CallResult values have a dyvms status code, a smart status code and a message', () => {
  assert.equal(CALL_RESULTS.length, 15);
  for (const r of CALL_RESULTS) {
    assert.match(DYVMS_STATUS_CODE[r], /^\d+$/);
    assert.ok(STATUS_MESSAGE[r].length > 0);
  }
  assert.equal(DYVMS_STATUS_CODE.ANSWERED, '200000');
  assert.equal(DYVMS_STATUS_CODE.POWERED_OFF, '200010');
  assert.equal(smartStatusCode('NO_USER_RESPONSE'), 'NO_USER_RESPONDING');
  assert.equal(smartStatusCode('USER_BUSY'), 'USER_BUSY');
  assert.ok(isCallResult('NO_ANSWER'));
  assert.ok(!isCallResult('RINGING'));
});
