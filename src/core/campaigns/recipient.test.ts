import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { hashNumber } from '../numbers/number-hash.js';
import { parseImportRows, parseSingleRecipient } from './recipient.js';

const refuses = (fn: () => unknown, param: string, message: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && message.test(e.message));

test('an import row splits into number, outId and variables (as strings)', () => {
  const [row] = parseImportRows([{ calleeNumber: '13800138000', outId: 'o-1', name: 'Tom', age: 18, vip: true, note: null }], 0);
  assert.deepEqual(row, { number: '13800138000', encryptionType: 0, outId: 'o-1', variables: { name: 'Tom', age: '18', vip: 'true' } });
  const [json] = parseImportRows(['{"calleeNumber":"13800138000"}'], 0);
  assert.deepEqual(json, { number: '13800138000', encryptionType: 0, outId: null, variables: {} });
});

test('hashed rows must carry a digest of the declared type', () => {
  const digest = hashNumber('13800138000', 3);
  assert.equal(parseImportRows([{ calleeNumber: digest.toUpperCase() }], 3)[0]?.number, digest);
  refuses(() => parseImportRows([{ calleeNumber: '13800138000' }], 3), 'PhoneNumberList[0].calleeNumber', /SM3 digest/);
});

test('import limits: 1 to 1000 rows, OutId at most 128 characters, flat variables', () => {
  refuses(() => parseImportRows([], 0), 'PhoneNumberList', /at least one row/);
  refuses(() => parseImportRows(Array.from({ length: 1001 }, () => ({ calleeNumber: '13800138000' })), 0), 'PhoneNumberList', /at most 1000/);
  assert.equal(parseImportRows(Array.from({ length: 1000 }, () => ({ calleeNumber: '13800138000' })), 0).length, 1000);
  assert.equal(parseImportRows([{ calleeNumber: '13800138000', outId: 'x'.repeat(128) }], 0)[0]?.outId?.length, 128);
  refuses(() => parseImportRows([{ calleeNumber: '1', outId: 'x' }], 0), 'PhoneNumberList[0].calleeNumber', /not a phone number/);
  refuses(() => parseImportRows([{}, { calleeNumber: '13800138000', outId: 'x'.repeat(129) }], 0), 'PhoneNumberList[0].calleeNumber', /required/);
  refuses(() => parseImportRows([{ calleeNumber: '13800138000', outId: 'x'.repeat(129) }], 0), 'PhoneNumberList[0].outId', /at most 128/);
  refuses(() => parseImportRows([{ calleeNumber: '13800138000', nested: { a: 1 } }], 0), 'PhoneNumberList[0]', /"nested" must be a string/);
  refuses(() => parseImportRows(['not json'], 0), 'PhoneNumberList[0]', /JSON object/);
});

test('ImportOneTaskPhoneNumber takes Variables as a JSON map', () => {
  const one = parseSingleRecipient({ PhoneNumber: '13800138000', OutId: 'o', Variables: '{"变量key1":"变量值1"}' }, 0);
  assert.deepEqual(one, { number: '13800138000', encryptionType: 0, outId: 'o', variables: { 变量key1: '变量值1' } });
  assert.deepEqual(parseSingleRecipient({ PhoneNumber: '13800138000' }, 0).variables, {});
  refuses(() => parseSingleRecipient({ PhoneNumber: '13800138000', Variables: '[1]' }, 0), 'Variables', /JSON object/);
  refuses(() => parseSingleRecipient({ PhoneNumber: '13800138000', OutId: 'x'.repeat(129) }, 0), 'OutId', /at most 128/);
});
