import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectCommonParams, presentsSecurityToken } from './common-params.js';
import { safeEqual } from './safe-equal.js';

test('the first occurrence of a common parameter wins, and the query comes before the form body', () => {
  const params = collectCommonParams(
    [['AccessKeyId', 'fromQuery'], ['AccessKeyId', 'again'], ['CalledNumber', '1']],
    [['AccessKeyId', 'fromBody'], ['Signature', 'sig'], ['Timestamp', 't']],
  );
  assert.deepEqual(params, { AccessKeyId: 'fromQuery', Signature: 'sig', Timestamp: 't' });
});

test('an STS token counts when it is a non-empty header or parameter', () => {
  assert.equal(presentsSecurityToken({ 'x-acs-security-token': 'tok' }, {}), true);
  assert.equal(presentsSecurityToken({}, { SecurityToken: 'tok' }), true);
  assert.equal(presentsSecurityToken({ 'x-acs-security-token': '' }, { SecurityToken: '' }), false);
  assert.equal(presentsSecurityToken({}, {}), false);
});

test('safeEqual compares whole strings, including ones of different lengths', () => {
  assert.equal(safeEqual('abc=', 'abc='), true);
  assert.equal(safeEqual('abc=', 'abd='), false);
  assert.equal(safeEqual('abc=', 'abc'), false);
  assert.equal(safeEqual('', ''), true);
});
