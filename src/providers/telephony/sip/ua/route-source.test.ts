import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWildcardAddress, routeSourceAddress } from './route-source.js';

test('the route to a loopback peer leaves from the loopback address', async () => {
  assert.equal(await routeSourceAddress('127.0.0.1', 5060), '127.0.0.1');
});

test('wildcard bind addresses are told apart from real ones', () => {
  assert.deepEqual(['0.0.0.0', '::', '[::]', '127.0.0.1', '10.0.0.5'].map(isWildcardAddress), [true, true, true, false, false]);
});
