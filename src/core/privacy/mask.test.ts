import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskPhoneNumbers } from './mask.js';

test('mobile, landline and international numbers are masked; ids and short numbers are not', () => {
  assert.equal(maskPhoneNumbers('called 13900001234 from 057112345678'), 'called 139****1234 from 057*****5678');
  assert.equal(maskPhoneNumbers('intl +85212345678'), 'intl +85*****5678');
  assert.equal(maskPhoneNumbers('CalledNumber=13900001234&x'), 'CalledNumber=139****1234&x');
  assert.equal(maskPhoneNumbers('task 919437293716045824 port 8080'), 'task 919437293716045824 port 8080');
});
